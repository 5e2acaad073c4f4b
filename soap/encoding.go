package soap

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// SOAPEncNamespace is the namespace of the SOAP 1.1 encoding (SOAP 1.1 section 5): the value of the
// encodingStyle attribute of rpc/encoded messages, and the namespace of soapenc:Array and its
// arrayType attribute.
const SOAPEncNamespace = "http://schemas.xmlsoap.org/soap/encoding/"

// SOAP12EncNamespace is the namespace of the SOAP 1.2 encoding (SOAP 1.2 Part 2 section 3), used by
// rpc/encoded operations of SOAP 1.2 bindings: arrays carry enc:itemType and enc:arraySize, and
// references are enc:ref="x" to the element with enc:id="x".
const SOAP12EncNamespace = "http://www.w3.org/2003/05/soap-encoding"

// rpcResult is SOAP 1.2's rpc:result (SOAP 1.2 Part 2 section 4.2.3), which names the accessor of an
// rpc reply's return value; the parts are read by name, so it is skipped.
var rpcResult = xml.Name{Space: "http://www.w3.org/2003/05/soap-rpc", Local: "result"}

// encoding returns the namespace of the SOAP encoding e writes.
func (e *Encoder) encoding() string {
	if e.encNS != "" {
		return e.encNS
	}
	return SOAPEncNamespace
}

// The SOAP 1.1 encoding, as sogen writes and reads it (rpc/encoded operations, Operation.Encoded);
// the SOAP 1.2 encoding of SOAP 1.2 bindings differs only in the names of the array attributes
// (enc:itemType="T" and enc:arraySize="n", no xsi:type on the array) and of the references:
//
//   - Writing (Encoder.Encoded): the request wrapper carries soap:encodingStyle; every element whose
//     value has a named or built-in schema type carries xsi:type with it (SOAP 1.1 section 5.2.1 makes
//     it optional when the schema gives the type, but Axis 1, PHP and gSOAP servers rely on it, and
//     zeep, gSOAP and Axis clients send it); a SOAP-ENC array is written with
//     xsi:type="soapenc:Array" and soapenc:arrayType="T[n]", one "item" element per value. Nothing is
//     written as a multi-reference value: every value is written in place (SOAP 1.1 section 5.1 rule
//     8 allows that for values the graph does not share).
//   - Reading (Decoder.encoded): the Body is read into memory first; an accessor with href="#x" is
//     read as if it held the content (and the attributes) of the element with id="x", wherever it is
//     in the Body (Axis 1 sends multiRef elements beside the wrapper); the items of a SOAP-ENC array
//     may have any name; the parts of the reply wrapper are matched by local name; xsi:type naming a
//     soapenc type is read as the XML Schema type of the same name. SOAP 1.2 references
//     (enc:ref="x", enc:id="x") are read too, and SOAP 1.2's rpc:result is skipped.

// encArrayTypeAttr is soapenc:arrayType (SOAP 1.1 section 5.4.2).
var encArrayTypeAttr = xml.Name{Space: SOAPEncNamespace, Local: "arrayType"}

// encodeSOAPArray writes v as the SOAP-ENC array element f (SOAP 1.1 section 5.4.2).
// The array carries xsi:type="soapenc:Array" when e follows the SOAP encoding or typed is set (a
// value in an xs:anyType slot).
func (a *Array[T]) encodeSOAPArray(e *Encoder, f *Field, p *Presence, v []T, typed bool) {
	switch f.state(p, v == nil) {
	case Absent:
	case Nil:
		e.NilElement(f.Name)
	default:
		start := Start{Name: f.Name}
		enc := e.encoding()
		if enc == SOAP12EncNamespace {
			if typed {
				start.Type = xml.Name{Space: enc, Local: "Array"}
			}
			e.StartElement(start)
			e.Attr(xml.Name{Space: enc, Local: "itemType"}, e.QName(a.ArrayType))
			e.Attr(xml.Name{Space: enc, Local: "arraySize"}, strconv.Itoa(len(v)))
		} else {
			if e.Encoded || typed {
				start.Type = xml.Name{Space: enc, Local: "Array"}
			}
			e.StartElement(start)
			e.Attr(encArrayTypeAttr, e.QName(a.ArrayType)+"["+strconv.Itoa(len(v))+"]")
		}
		nils := nilItems(e, f, p, v)
		for i, x := range v {
			if len(nils) > 0 && nils[0] == i {
				nils = nils[1:]
				e.NilElement(a.Item.Name)
				continue
			}
			a.EncodeItem(e, &a.Item, nil, x)
		}
		e.EndElement()
	}
}

// decodeSOAPArray reads the SOAP-ENC array se into *dst: its child elements, whatever their names,
// are the items in order. Partial and sparse arrays (soapenc:offset, soapenc:position) are an error.
func (a *Array[T]) decodeSOAPArray(d *Decoder, se xml.StartElement, f *Field, p *Presence, dst *[]T) error {
	if IsNil(se) {
		*dst = nil
		f.Observe(p, Nil, true)
		return d.Skip()
	}
	if hasEncAttr(se, "offset") {
		return d.Errorf("partially transmitted SOAP-ENC arrays (soapenc:offset) are not supported")
	}
	if p != nil {
		p.ClearNil(f.GoName)
	}
	out := make([]T, 0)
	err := d.Children(func(child xml.StartElement) error {
		if hasEncAttr(child, "position") {
			return d.Errorf("sparse SOAP-ENC arrays (soapenc:position) are not supported")
		}
		if p != nil && lostNil(child, &a.Item) {
			p.setNil(f.GoName, len(out), nil, true)
		}
		var x T
		if err := a.DecodeItem(d, child, &a.Item, nil, &x); err != nil {
			return err
		}
		out = append(out, x)
		return nil
	})
	if err != nil {
		return err
	}
	*dst = out
	f.Observe(p, Present, false)
	return nil
}

func hasEncAttr(se xml.StartElement, local string) bool {
	for _, a := range se.Attr {
		if a.Name.Space == SOAPEncNamespace && a.Name.Local == local {
			return true
		}
	}
	return false
}

// replayToken is a token of a buffered Body, with its position in the input.
type replayToken struct {
	tok       xml.Token
	line, col int
}

// replay serves the tokens of a buffered Body to a Decoder, reading each href="#x" accessor as the
// element with id="x" (SOAP 1.1 section 5.4.1): its start tag has the accessor's name and the
// attributes of both (the referenced element's win), then come the referenced element's content and
// an end tag.
type replay struct {
	toks  []replayToken
	end   []int               // for a start tag, the index of its end tag
	ids   map[string]int      // id -> index of the start tag carrying it
	scope map[string][]nsDecl // id -> the namespace declarations in scope at that element
	pos   int
	cur   int // index of the token last returned, for positions
	refs  []replayFrame
	// served counts the tokens returned and limit bounds them: references may share a value many
	// times, but a chain of values each referring twice to the next would expand exponentially (a
	// "billion laughs" made of hrefs), so the expansion is bounded by a multiple of the Body's size.
	served, limit int
}

// Bounds of the expansion of references: the tokens an encoded Body may yield are at most
// maxExpansion times its own, plus minExpansion.
const (
	maxExpansion = 16
	minExpansion = 1 << 16
)

type replayFrame struct {
	id       string
	end, ret int
	name     xml.Name
}

// BufferEncoded prepares the Decoder to read an rpc/encoded Body (the runtime calls it for the replies
// of operations with Encoded set; call it after reading the start tag of soap:Body to read such a Body
// yourself). It reads the rest of the element being read up to and including its end tag, and serves
// those tokens again from the next call to Token on, reading an accessor with href="#x" as the
// element with id="x" (SOAP 1.1 section 5.4.1). The children of the reply wrapper (the first child that
// is not an independent multi-reference value) lose their namespace: rpc/encoded parts are
// unqualified accessors, but some servers qualify them.
func (d *Decoder) BufferEncoded() error {
	nscope, nmarks, npath := len(d.scope), len(d.marks), len(d.path)
	r := &replay{ids: map[string]int{}, scope: map[string][]nsDecl{}}
	var open []int
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		line, col := d.x.InputPos()
		tok = xml.CopyToken(tok)
		i := len(r.toks)
		r.toks = append(r.toks, replayToken{tok, line, col})
		r.end = append(r.end, -1)
		switch t := tok.(type) {
		case xml.StartElement:
			open = append(open, i)
			if id, ok := idOf(t); ok {
				if _, dup := r.ids[id]; dup {
					return d.Errorf("id %q is used twice", id)
				}
				r.ids[id] = i
				r.scope[id] = append([]nsDecl(nil), d.scope...)
			}
		case xml.EndElement:
			if len(open) == 0 { // the Body's end tag
				d.scope, d.marks, d.path, d.closed = d.scope[:nscope], d.marks[:nmarks], d.path[:npath], false
				r.unqualifyParts()
				r.limit = maxExpansion*len(r.toks) + minExpansion
				d.src = r
				d.encoded = true
				return nil
			}
			r.end[open[len(open)-1]] = i
			open = open[:len(open)-1]
		}
	}
}

// unqualifyParts removes the namespace of the children of the first Body child that is not an
// independent multi-reference element (SOAP 1.1 section 5.1 rule 8: those carry id, and
// soapenc:root="0" when they are not the root).
func (r *replay) unqualifyParts() {
	for i := 0; i < len(r.toks); i++ {
		se, ok := r.toks[i].tok.(xml.StartElement)
		if !ok {
			continue
		}
		if multiRef(se) {
			i = r.end[i]
			continue
		}
		for j := i + 1; j < r.end[i]; j++ {
			if c, ok := r.toks[j].tok.(xml.StartElement); ok && c.Name != rpcResult {
				c.Name.Space = ""
				r.toks[j].tok = c
				if e, ok := r.toks[r.end[j]].tok.(xml.EndElement); ok {
					e.Name.Space = ""
					r.toks[r.end[j]].tok = e
				}
				j = r.end[j]
			}
		}
		return
	}
}

// multiRef reports whether the Body child se is an independent multi-reference element rather than
// the reply: it has an id and is not marked soapenc:root="1".
func multiRef(se xml.StartElement) bool {
	if _, ok := idOf(se); !ok {
		return false
	}
	root, _ := attr(se, xml.Name{Space: SOAPEncNamespace, Local: "root"})
	root = strings.TrimSpace(root)
	return root != "1" && root != "true"
}

// idOf returns the identifier of se: its id attribute (SOAP 1.1) or enc:id (SOAP 1.2).
func idOf(se xml.StartElement) (string, bool) {
	if id, ok := attr(se, xml.Name{Local: "id"}); ok {
		return id, true
	}
	return attr(se, xml.Name{Space: SOAP12EncNamespace, Local: "id"})
}

// refOf returns the reference of se to another element: its href attribute (SOAP 1.1, "#id") or
// enc:ref (SOAP 1.2, "id", written "#id" here), and whether it has one.
func refOf(se xml.StartElement) (string, bool) {
	if href, ok := attr(se, xml.Name{Local: "href"}); ok {
		return href, true
	}
	if ref, ok := attr(se, xml.Name{Space: SOAP12EncNamespace, Local: "ref"}); ok {
		return "#" + strings.TrimSpace(ref), true
	}
	return "", false
}

// referenceAttr reports whether a is one of the attributes that identify or refer to a
// multi-reference value, which a resolved reference does not carry.
func referenceAttr(a xml.Attr) bool {
	switch a.Name {
	case xml.Name{Local: "id"}, xml.Name{Local: "href"}, xml.Name{Space: SOAPEncNamespace, Local: "root"},
		xml.Name{Space: SOAP12EncNamespace, Local: "id"}, xml.Name{Space: SOAP12EncNamespace, Local: "ref"}:
		return true
	}
	return false
}

func attr(se xml.StartElement, name xml.Name) (string, bool) {
	for _, a := range se.Attr {
		if a.Name == name {
			return a.Value, true
		}
	}
	return "", false
}

// done reports whether every buffered token was served.
func (r *replay) done() bool { return r.pos >= len(r.toks) && len(r.refs) == 0 }

// next returns the next token of the buffered Body.
func (r *replay) next(d *Decoder) (xml.Token, error) {
	if r.served++; r.served > r.limit {
		return nil, d.Errorf("references (href) expand the encoded Body beyond %d tokens (%d times its own, plus %d): refusing it", r.limit, maxExpansion, minExpansion)
	}
	if n := len(r.refs); n > 0 && r.pos == r.refs[n-1].end {
		f := r.refs[n-1]
		r.refs = r.refs[:n-1]
		r.cur, r.pos = r.pos, f.ret
		return xml.EndElement{Name: f.name}, nil
	}
	if r.pos >= len(r.toks) {
		return nil, io.EOF
	}
	i := r.pos
	r.cur, r.pos = i, i+1
	se, ok := r.toks[i].tok.(xml.StartElement)
	if !ok {
		return r.toks[i].tok, nil
	}
	href, ok := refOf(se)
	if !ok {
		return se, nil
	}
	id, local := strings.CutPrefix(strings.TrimSpace(href), "#")
	if !local {
		return nil, d.Errorf("<%s href=%q>: only references to an element of the message (#id) are supported", se.Name.Local, href)
	}
	target, found := r.ids[id]
	if !found {
		return nil, d.Errorf("<%s href=%q>: no element has id %q", se.Name.Local, href, id)
	}
	for _, f := range r.refs {
		if f.id == id {
			return nil, d.Errorf("<%s href=%q>: the value refers to itself (a cyclic graph, which Go values cannot hold)", se.Name.Local, href)
		}
	}
	r.refs = append(r.refs, replayFrame{id: id, end: r.end[target], ret: r.end[i] + 1, name: se.Name})
	r.cur, r.pos = target, target+1
	return r.merge(se, r.toks[target].tok.(xml.StartElement), id), nil
}

// merge returns the start tag standing for the accessor acc referring to the element ref: acc's name,
// the namespace declarations in scope at ref (so that QName values in it resolve), then the
// attributes of ref and those of acc that ref does not have, but those identifying or referring to
// multi-reference values (id, href, soapenc:root, enc:id, enc:ref).
func (r *replay) merge(acc, ref xml.StartElement, id string) xml.StartElement {
	out := xml.StartElement{Name: acc.Name}
	seen := map[xml.Name]int{}
	add := func(a xml.Attr) {
		if i, ok := seen[a.Name]; ok {
			out.Attr[i] = a
			return
		}
		seen[a.Name] = len(out.Attr)
		out.Attr = append(out.Attr, a)
	}
	for _, b := range r.scope[id] {
		if b.prefix == "" {
			add(xml.Attr{Name: xml.Name{Local: "xmlns"}, Value: b.uri})
		} else {
			add(xml.Attr{Name: xml.Name{Space: "xmlns", Local: b.prefix}, Value: b.uri})
		}
	}
	for _, a := range ref.Attr {
		if !referenceAttr(a) {
			add(a)
		}
	}
	for _, a := range acc.Attr {
		if _, ok := seen[a.Name]; !ok && !referenceAttr(a) {
			add(a)
		}
	}
	return out
}
