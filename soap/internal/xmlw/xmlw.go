// Package xmlw is how a header block value of a package of this module (soap/wsse's Security)
// writes its element itself: it implements Block, whose method takes a Writer, a type users cannot
// name, so that only this module's packages write through the request's encoder. Package soapimpl
// passes its Encoder; Buffer writes a block alone, for a package's tests and examples.
package xmlw

import (
	"encoding/xml"
	"errors"
	"strconv"
	"strings"
)

// Writer writes XML elements.
type Writer interface {
	// Bind declares prefix for uri on the next start tag.
	Bind(prefix, uri string)
	// StartElement opens an element.
	StartElement(name xml.Name)
	// Attr writes an attribute of the element just started, before its content.
	Attr(name xml.Name, value string)
	// Text writes character data, escaped.
	Text(s string)
	// EndElement closes the innermost open element.
	EndElement()
	// SetError records err, unless an error is recorded already: the writing fails with it.
	SetError(err error)
}

// Block is a header block value that writes its element itself, as one element named name, or under
// its own name when name is zero.
type Block interface {
	WriteSOAPHeader(w Writer, name xml.Name)
}

// Buffer is a Writer that writes into memory, for a block written alone: prefixes come from Bind,
// else are made up (ns1, ns2, ...).
type Buffer struct {
	b       []byte
	open    bool
	tags    []tag
	scope   []binding
	pending []binding
	err     error
}

type tag struct {
	name  string // the qualified name, as written
	scope int    // len(scope) before the element's declarations
}

type binding struct{ prefix, uri string }

// Bytes returns what was written, or the error recorded.
func (w *Buffer) Bytes() ([]byte, error) {
	switch {
	case w.err != nil:
		return nil, w.err
	case len(w.tags) != 0:
		return nil, errors.New("xmlw: elements left open")
	}
	return w.b, nil
}

func (w *Buffer) SetError(err error) {
	if w.err == nil {
		w.err = err
	}
}

func (w *Buffer) Bind(prefix, uri string) { w.pending = append(w.pending, binding{prefix, uri}) }

func (w *Buffer) lookup(uri string) (string, bool) {
	for i := len(w.scope) - 1; i >= 0; i-- {
		if w.scope[i].uri == uri {
			p := w.scope[i].prefix
			for _, b := range w.scope[i+1:] {
				if b.prefix == p {
					return "", false // shadowed
				}
			}
			return p, true
		}
	}
	return "", false
}

// prefix returns the prefix of uri, declaring a new one on the open start tag when needed.
func (w *Buffer) prefix(uri string) string {
	if uri == "" {
		return ""
	}
	if p, ok := w.lookup(uri); ok {
		return p
	}
	p := "ns" + strconv.Itoa(len(w.scope)+1)
	w.scope = append(w.scope, binding{p, uri})
	w.b = append(w.b, " xmlns:"+p+`="`...)
	w.b = appendEscaped(w.b, uri, true)
	w.b = append(w.b, '"')
	return p
}

func (w *Buffer) closeStart() {
	if w.open {
		w.b = append(w.b, '>')
		w.open = false
	}
}

func (w *Buffer) StartElement(name xml.Name) {
	w.closeStart()
	start := len(w.scope)
	w.scope = append(w.scope, w.pending...)
	w.pending = w.pending[:0]
	w.b = append(w.b, '<')
	at := len(w.b)
	for _, b := range w.scope[start:] {
		w.b = append(w.b, " xmlns:"+b.prefix+`="`...)
		w.b = appendEscaped(w.b, b.uri, true)
		w.b = append(w.b, '"')
	}
	w.open = true
	qname := name.Local
	if p := w.prefix(name.Space); p != "" {
		qname = p + ":" + name.Local
	}
	w.b = append(w.b[:at], append([]byte(qname), w.b[at:]...)...)
	w.tags = append(w.tags, tag{qname, start})
}

func (w *Buffer) Attr(name xml.Name, value string) {
	if !w.open {
		w.SetError(errors.New("xmlw: attribute outside a start tag"))
		return
	}
	w.b = append(w.b, ' ')
	if p := w.prefix(name.Space); p != "" {
		w.b = append(w.b, p+":"...)
	}
	w.b = append(w.b, name.Local+`="`...)
	w.b = appendEscaped(w.b, value, true)
	w.b = append(w.b, '"')
}

func (w *Buffer) Text(s string) {
	w.closeStart()
	w.b = appendEscaped(w.b, s, false)
}

func (w *Buffer) EndElement() {
	n := len(w.tags)
	if n == 0 {
		w.SetError(errors.New("xmlw: EndElement without StartElement"))
		return
	}
	t := w.tags[n-1]
	if w.open {
		w.b = append(w.b, "/>"...)
		w.open = false
	} else {
		w.b = append(w.b, "</"+t.name+">"...)
	}
	w.scope = w.scope[:t.scope]
	w.tags = w.tags[:n-1]
}

// appendEscaped appends s escaped as XML text, or as an attribute value when attr is set.
func appendEscaped(b []byte, s string, attr bool) []byte {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;")
	if attr {
		r = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;", `"`, "&quot;", "\t", "&#x9;", "\n", "&#xA;")
	}
	return append(b, r.Replace(s)...)
}
