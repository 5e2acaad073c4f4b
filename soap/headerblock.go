package soap

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/sogen-go/sogen/soap/internal/xmlr"
)

// The URIs of the SOAP roles (SOAP 1.2 Part 1 section 2.2) and of the SOAP 1.1 actor "next" (SOAP 1.1
// section 4.2.2), for HeaderBlock.Role.
const (
	// RoleNext is the role every SOAP node plays: the next node on the message path (SOAP 1.2). On a
	// SOAP 1.1 binding, the request carries ActorNext instead.
	RoleNext = "http://www.w3.org/2003/05/soap-envelope/role/next"
	// RoleNone is the role no SOAP node plays (SOAP 1.2): a block carried for information only.
	RoleNone = "http://www.w3.org/2003/05/soap-envelope/role/none"
	// RoleUltimateReceiver is the role of the ultimate receiver (SOAP 1.2), meant by a block without
	// role: a request carries none then.
	RoleUltimateReceiver = "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver"
	// ActorNext is the SOAP 1.1 actor URI naming the next node on the message path; on a SOAP 1.2
	// binding, the request carries RoleNext instead.
	ActorNext = "http://schemas.xmlsoap.org/soap/actor/next"
)

// HeaderBlock is a SOAP header block sent with requests beyond those the binding declares: a
// WS-Security header (package soap/wsse), a tracing or routing block, a block the WSDL forgot. Set
// them for every call in Client.HeaderBlocks, or for one call with WithHeaderBlock; they are written
// after the blocks the generated client sends, in order.
//
// The value is written at each request, so a value that changes (a WS-Security nonce and timestamp)
// is fresh every time; it must be safe for concurrent use when the Client is shared.
type HeaderBlock struct {
	// Value is the block's content, one of:
	//   - a Marshaler: a generated type (Name is then required), an *Element (raw XML, see
	//     ParseElement; Name, if set, renames it), or a value of a package such as soap/wsse that
	//     names its element itself;
	//   - an xml.Marshaler, or a struct or pointer to struct, written as encoding/xml writes it (its
	//     XMLName field names it; Name, if set, renames it).
	Value any
	// Name is the block's element name; zero lets Value name it.
	Name xml.Name
	// MustUnderstand makes the block mandatory: a receiver that does not understand it must fail
	// rather than ignore it. It is written as the envelope's mustUnderstand attribute, "1" with SOAP
	// 1.1 (section 4.2.3) and "true" with SOAP 1.2 (Part 1 section 5.2.3, the canonical form); false
	// writes no attribute, which means the same as "0".
	MustUnderstand bool
	// Role is the URI of the node the block is meant for: written as the actor attribute with SOAP 1.1
	// (section 4.2.2) and as the role attribute with SOAP 1.2 (Part 1 section 5.2.2). Empty, like
	// RoleUltimateReceiver, means the ultimate receiver and writes no attribute. RoleNext and
	// ActorNext are each written as the binding's version names "next"; RoleNone has no SOAP 1.1
	// equivalent and is an error there.
	Role string
	// Relay asks a SOAP 1.2 intermediary that does not process the block to relay it (Part 1 section
	// 5.2.4), written as relay="true"; SOAP 1.1 has no such attribute, and it is an error there.
	Relay bool
}

// WithHeaderBlock sends b with this call's request, after the blocks of Client.HeaderBlocks. It may be
// repeated.
func WithHeaderBlock(b HeaderBlock) CallOption {
	return optionFunc(func(o *callOptions) {
		blocks, _ := o.HeaderBlocks.([]HeaderBlock)
		o.HeaderBlocks = append(blocks, b)
	})
}

// WithUnknownResponseHeaders makes *dst receive the header blocks of the reply that the generated
// response header struct does not declare, as Elements in the order received (with their attributes,
// mustUnderstand and role included). The call first sets *dst to nil; it stays nil when the reply has
// none, or when there is no reply.
func WithUnknownResponseHeaders(dst *[]*Element) CallOption {
	return optionFunc(func(o *callOptions) {
		o.UnknownHeaders = dst
	})
}

// MustUnderstandError reports a reply carrying mandatory header blocks the client does not understand:
// blocks with mustUnderstand set, meant for the client (no role or actor, or the "next" or
// "ultimateReceiver" one), that the generated response header struct does not declare and that
// Client.UnderstoodHeaders does not list. SOAP 1.1 section 4.2.3 and SOAP 1.2 Part 1 section 2.4
// require a receiver to fail rather than process such a message, so the reply's body is not read: not
// even a fault it holds.
type MustUnderstandError struct {
	// Version is the SOAP version of the reply.
	Version Version
	// Blocks are the names of the blocks not understood, in the order received.
	Blocks []xml.Name
}

// Error names the blocks not understood.
func (e *MustUnderstandError) Error() string {
	names := make([]string, len(e.Blocks))
	for i, n := range e.Blocks {
		names[i] = braced(n)
	}
	return errorText(fmt.Sprintf("the reply carries header blocks with mustUnderstand that the client does not understand: %s (list them in Client.UnderstoodHeaders if your code handles them, reading them with WithUnknownResponseHeaders)",
		strings.Join(names, ", ")))
}

// ParseElement parses data, one XML element (which declares the namespaces it uses), into an
// Element: raw XML to send as a HeaderBlock, for instance. Only UTF-8 is accepted; a DTD, text
// outside the element or a second element is an error, a *DecodeError.
func ParseElement(data []byte) (*Element, error) {
	// White space before the XML declaration is forgiven, as encoding/xml forgives it.
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	skipped := data[:len(data)-len(trimmed)]
	r := xmlr.NewReader(bytes.Clone(trimmed)) // the reader decodes text in place
	var root *Element
	for {
		k, err := r.Next()
		switch {
		case err == io.EOF:
			return root, nil
		case err != nil:
			return nil, parseError(r, err, skipped)
		case k == xmlr.StartElement:
			if root, err = parseElement(r); err != nil {
				return nil, parseError(r, err, skipped)
			}
		}
	}
}

// parseElement reads the element r has just started, up to its end tag, into an Element.
func parseElement(r *xmlr.Reader) (*Element, error) {
	el := &Element{Name: xmlName(r.Name())}
	for i, n := 0, r.NumAttr(); i < n; i++ {
		a := r.Attr(i)
		if string(a.Name.Space) == XSINamespace && string(a.Name.Local) == "type" {
			t, err := r.ResolveQName(a.Value)
			if err != nil {
				return nil, err
			}
			el.Type = xmlName(t)
			continue
		}
		el.Attr = append(el.Attr, xml.Attr{Name: xmlName(a.Name), Value: string(a.Value)})
	}
	for {
		k, err := r.Next()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		switch k {
		case xmlr.StartElement:
			child, err := parseElement(r)
			if err != nil {
				return nil, err
			}
			el.Content = append(el.Content, Node{Element: child})
		case xmlr.Text:
			if t := r.Text(); len(t) > 0 {
				el.Content = append(el.Content, Node{Text: string(t)})
			}
		case xmlr.EndElement:
			return el, nil
		}
	}
}

// braced formats name as {namespace}local.
func braced(name xml.Name) string {
	if name.Space == "" {
		return name.Local
	}
	return "{" + name.Space + "}" + name.Local
}

// xmlName returns n as an xml.Name.
func xmlName(n xmlr.Name) xml.Name {
	return xml.Name{Space: string(n.Space), Local: string(n.Local)}
}

// parseError returns err, met by r, as a *DecodeError, located in the input that had skipped (white
// space) before what r read.
func parseError(r *xmlr.Reader, err error, skipped []byte) error {
	var e *DecodeError
	var xe *xmlr.Error
	switch {
	case errors.As(err, &xe):
		e = &DecodeError{Path: r.Path(), Line: xe.Line, Column: xe.Column, Err: errors.New(xe.Msg)}
		if !xe.Document() {
			e.Err = &xml.SyntaxError{Msg: xe.Msg, Line: xe.Line}
		}
	default:
		line, col := r.Position(r.InputOffset())
		if err == io.ErrUnexpectedEOF {
			err = &xml.SyntaxError{Msg: "unexpected EOF", Line: line}
		}
		e = &DecodeError{Path: r.Path(), Line: line, Column: col, Err: err}
	}
	if n := bytes.Count(skipped, []byte("\n")); n > 0 || len(skipped) > 0 {
		if e.Line == 1 {
			e.Column += len(skipped) - bytes.LastIndexByte(skipped, '\n') - 1
		}
		e.Line += n
		if se, ok := e.Err.(*xml.SyntaxError); ok {
			se.Line = e.Line
		}
	}
	return e
}
