package soapimpl

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/xmlr"
)

// The SOAP encoding, as sogen reads it (rpc/encoded operations): the Body is read into memory first;
// an accessor with href="#x" is read as if it held the content (and the attributes) of the element
// with id="x", wherever it is in the Body (Axis 1 sends multiRef elements beside the wrapper); the
// items of a SOAP-ENC array may have any name; the parts of the reply wrapper are matched by local
// name; xsi:type naming a soapenc type is read as the XML Schema type of the same name. SOAP 1.2
// references (enc:ref="x", enc:id="x") are read too, and SOAP 1.2's rpc:result is skipped.

// replay serves the tokens of a buffered Body to a Decoder, reading each href="#x" accessor as the
// element with id="x" (SOAP 1.1 section 5.4.1): its start tag has the accessor's name and the
// attributes of both (the referenced element's win), then come the referenced element's content and
// an end tag.
type replay struct {
	toks []xmlr.Token
	end  []int          // for a start tag, the index of its end tag
	ids  map[string]int // id -> index of the start tag carrying it
	// parent is, for a start tag, the index of its parent's start tag (-1 for a child of Body), and
	// base the bindings in scope at the Body: the bindings in scope at an element referred to are
	// found through them, rather than copied for each id (which made a Body of n elements with ids
	// under n namespace declarations take memory in n squared).
	parent []int
	base   []xmlr.Binding
	pos    int
	refs   []replayFrame
	// served counts the tokens returned and limit bounds them: references may share a value many
	// times, but a chain of values each referring twice to the next would expand exponentially (a
	// "billion laughs" made of hrefs), so the expansion is bounded by a multiple of the Body's size.
	served, limit int

	// The serving state: the current token, the open elements and the bindings in scope.
	tok      xmlr.Token
	curIdx   int
	basePath string
	open     []replayOpen
	bindings []xmlr.Binding
	pop      bool // the element of the current end tag is popped at the next call
	r        *xmlr.Reader
}

type replayOpen struct {
	local string
	scope int // len(bindings) before the element's declarations
	// ref, for the element standing for an accessor referring to another, is the index of the
	// referred element's start tag plus one (0 for others): the bindings in scope within it are
	// those pushed since, then those in scope at the referred element.
	ref int
}

type replayFrame struct {
	id       string
	end, ret int
	name     xmlr.Name
}

// Bounds of the expansion of references: the tokens an encoded Body may yield are at most
// maxExpansion times its own, plus minExpansion.
const (
	maxExpansion = 16
	minExpansion = 1 << 16
)

// bufferEncoded prepares d to read the Body whose start tag was just read as an rpc/encoded Body: it
// reads the rest of the Body, up to and including its end tag, and serves those tokens again from
// the next call on, reading an accessor with href="#x" as the element with id="x" (SOAP 1.1 section
// 5.4.1). The children of the reply wrapper (the first child that is not an independent
// multi-reference value) lose their namespace: rpc/encoded parts are unqualified accessors, but some
// servers qualify them.
func (d *Decoder) bufferEncoded() error {
	rp := &replay{ids: map[string]int{}, r: d.r, curIdx: -1}
	base := d.r.AppendScope(nil)
	rp.basePath = d.r.Path()
	toks, err := d.r.Capture(nil)
	if err != nil {
		return d.wrap(err)
	}
	toks = toks[1:] // the Body's start tag, read already
	rp.toks = toks
	rp.end = make([]int, len(toks))
	rp.parent = make([]int, len(toks))
	var open []int
	bindings := base
	var marks []int
	for i := range toks {
		rp.end[i] = -1
		rp.parent[i] = -1
		t := &toks[i]
		switch t.Kind {
		case xmlr.StartElement:
			if len(open) > 0 {
				rp.parent[i] = open[len(open)-1]
			}
			open = append(open, i)
			marks = append(marks, len(bindings))
			bindings = append(bindings, t.Decl...)
			if id, ok := idOf(t); ok {
				if _, dup := rp.ids[id]; dup {
					d.rp = rp
					rp.tok, rp.curIdx = *t, i
					err := d.Errorf("id %q is used twice", id)
					d.rp = nil
					return err
				}
				rp.ids[id] = i
			}
		case xmlr.EndElement:
			if len(open) == 0 { // the Body's end tag
				continue
			}
			rp.end[open[len(open)-1]] = i
			open = open[:len(open)-1]
			bindings = bindings[:marks[len(marks)-1]]
			marks = marks[:len(marks)-1]
		}
	}
	rp.bindings = base
	rp.base = base[:len(base):len(base)]
	rp.unqualifyParts()
	rp.limit = maxExpansion*len(toks) + minExpansion
	d.rp = rp
	d.encoded = true
	return nil
}

// unqualifyParts removes the namespace of the children of the first Body child that is not an
// independent multi-reference element (SOAP 1.1 section 5.1 rule 8: those carry id, and
// soapenc:root="0" when they are not the root).
func (rp *replay) unqualifyParts() {
	for i := 0; i < len(rp.toks); i++ {
		t := &rp.toks[i]
		if t.Kind != xmlr.StartElement {
			continue
		}
		if multiRef(t) {
			i = rp.end[i]
			continue
		}
		for j := i + 1; j < rp.end[i]; j++ {
			c := &rp.toks[j]
			if c.Kind == xmlr.StartElement && !(c.Name.NS == rpcResult.ns && string(c.Name.Local) == rpcResult.Local) {
				c.Name.NS, c.Name.Space = xmlr.NoNamespace, nil
				e := &rp.toks[rp.end[j]]
				e.Name.NS, e.Name.Space = xmlr.NoNamespace, nil
				j = rp.end[j]
			}
		}
		return
	}
}

func tokAttr(t *xmlr.Token, ns xmlr.NS, local string) ([]byte, bool) {
	for _, a := range t.Attr {
		if a.Name.NS == ns && string(a.Name.Local) == local {
			return a.Value, true
		}
	}
	return nil, false
}

// multiRef reports whether the Body child t is an independent multi-reference element rather than the
// reply: it has an id and is not marked soapenc:root="1".
func multiRef(t *xmlr.Token) bool {
	if _, ok := idOf(t); !ok {
		return false
	}
	root, _ := tokAttr(t, nsSOAPEnc, "root")
	root = lexTrim(root)
	return string(root) != "1" && string(root) != "true"
}

// idOf returns the identifier of t: its id attribute (SOAP 1.1) or enc:id (SOAP 1.2).
func idOf(t *xmlr.Token) (string, bool) {
	if id, ok := tokAttr(t, xmlr.NoNamespace, "id"); ok {
		return string(id), true
	}
	id, ok := tokAttr(t, nsEnc12, "id")
	return string(id), ok
}

// refOf returns the reference of t to another element: its href attribute (SOAP 1.1, "#id") or
// enc:ref (SOAP 1.2, "id", written "#id" here), and whether it has one.
func refOf(t *xmlr.Token) (string, bool) {
	if href, ok := tokAttr(t, xmlr.NoNamespace, "href"); ok {
		return string(href), true
	}
	if ref, ok := tokAttr(t, nsEnc12, "ref"); ok {
		return "#" + strings.TrimSpace(string(ref)), true
	}
	return "", false
}

// referenceAttr reports whether a is one of the attributes that identify or refer to a
// multi-reference value, which a resolved reference does not carry.
func referenceAttr(a *xmlr.Attr) bool {
	l := string(a.Name.Local)
	switch a.Name.NS {
	case xmlr.NoNamespace:
		return l == "id" || l == "href"
	case nsSOAPEnc:
		return l == "root"
	case nsEnc12:
		return l == "id" || l == "ref"
	}
	return false
}

func (rp *replay) cur() *xmlr.Token { return &rp.tok }

// next serves the next token of the buffered Body; after the Body's end tag the Decoder reads the
// input again.
func (rp *replay) next(d *Decoder) (xmlr.Kind, error) {
	if rp.pop {
		o := rp.open[len(rp.open)-1]
		rp.bindings = rp.bindings[:o.scope]
		rp.open = rp.open[:len(rp.open)-1]
		rp.pop = false
	}
	if rp.served++; rp.served > rp.limit {
		return 0, d.Errorf("references (href) expand the encoded Body beyond %d tokens (%d times its own, plus %d): refusing it", rp.limit, maxExpansion, minExpansion)
	}
	if n := len(rp.refs); n > 0 && rp.pos == rp.refs[n-1].end {
		f := rp.refs[n-1]
		rp.refs = rp.refs[:n-1]
		rp.curIdx, rp.pos = rp.pos, f.ret
		rp.tok = xmlr.Token{Kind: xmlr.EndElement, Name: f.name, Offset: rp.toks[rp.curIdx].Offset}
		rp.pop = true
		return xmlr.EndElement, nil
	}
	if rp.pos >= len(rp.toks) {
		return 0, d.wrap(io.ErrUnexpectedEOF)
	}
	i := rp.pos
	rp.curIdx, rp.pos = i, i+1
	t := &rp.toks[i]
	switch t.Kind {
	case xmlr.EndElement:
		rp.tok = *t
		if len(rp.open) == 0 { // the Body's end tag: back to the input
			d.rp, d.encoded = nil, false
			return xmlr.EndElement, nil
		}
		rp.pop = true
		return xmlr.EndElement, nil
	case xmlr.Text:
		rp.tok = *t
		return xmlr.Text, nil
	}
	if err := d.tick(); err != nil {
		return 0, err
	}
	href, ok := refOf(t)
	if !ok {
		rp.tok = *t
		rp.push(t.Name.Local, t.Decl)
		return xmlr.StartElement, nil
	}
	rp.tok = *t // for the errors' positions
	id, local := strings.CutPrefix(strings.TrimSpace(href), "#")
	if !local {
		return 0, d.Errorf("<%s href=%q>: only references to an element of the message (#id) are supported", t.Name.Local, href)
	}
	target, found := rp.ids[id]
	if !found {
		return 0, d.Errorf("<%s href=%q>: no element has id %q", t.Name.Local, href, id)
	}
	for _, f := range rp.refs {
		if f.id == id {
			return 0, d.Errorf("<%s href=%q>: the value refers to itself (a cyclic graph, which Go values cannot hold)", t.Name.Local, href)
		}
	}
	rp.refs = append(rp.refs, replayFrame{id: id, end: rp.end[target], ret: rp.end[i] + 1, name: t.Name})
	rp.curIdx, rp.pos = target, target+1
	rp.tok = rp.merge(t, &rp.toks[target])
	rp.open = append(rp.open, replayOpen{local: string(t.Name.Local), scope: len(rp.bindings), ref: target + 1})
	return xmlr.StartElement, nil
}

func (rp *replay) push(local []byte, decls []xmlr.Binding) {
	rp.open = append(rp.open, replayOpen{local: string(local), scope: len(rp.bindings)})
	rp.bindings = append(rp.bindings, decls...)
}

// merge returns the start tag standing for the accessor acc referring to the element ref: acc's name,
// then the attributes of ref and those of acc that ref does not have, but those identifying or
// referring to multi-reference values (id, href, soapenc:root, enc:id, enc:ref).
func (rp *replay) merge(acc, ref *xmlr.Token) xmlr.Token {
	out := xmlr.Token{Kind: xmlr.StartElement, Name: acc.Name, Offset: ref.Offset}
	for i := range ref.Attr {
		if !referenceAttr(&ref.Attr[i]) {
			out.Attr = append(out.Attr, ref.Attr[i])
		}
	}
outer:
	for i := range acc.Attr {
		a := &acc.Attr[i]
		if referenceAttr(a) {
			continue
		}
		for _, b := range ref.Attr {
			if b.Name.NS == a.Name.NS && bytes.Equal(b.Name.Local, a.Name.Local) {
				continue outer
			}
		}
		out.Attr = append(out.Attr, *a)
	}
	return out
}

func (rp *replay) path() string {
	var b strings.Builder
	b.WriteString(rp.basePath)
	for _, o := range rp.open {
		b.WriteByte('/')
		b.WriteString(o.local)
	}
	return b.String()
}

func (rp *replay) position(d *Decoder) (int, int) {
	if rp.curIdx >= 0 && rp.curIdx < len(rp.toks) {
		return rp.r.Position(rp.toks[rp.curIdx].Offset)
	}
	return rp.r.Position(rp.r.InputOffset())
}

func (rp *replay) child(d *Decoder) (bool, error) {
	for {
		k, err := d.next()
		if err != nil {
			return false, err
		}
		switch k {
		case xmlr.StartElement:
			return true, nil
		case xmlr.EndElement:
			return false, nil
		}
	}
}

func (rp *replay) name() xml.Name {
	n := rp.tok.Name
	return xml.Name{Space: string(n.Space), Local: string(n.Local)}
}

func (rp *replay) match(n *Name) bool {
	return rp.tok.Name.NS == n.ns && string(rp.tok.Name.Local) == n.Local
}

func (rp *replay) attrNamed(ns xmlr.NS, local string) ([]byte, bool) {
	return tokAttr(&rp.tok, ns, local)
}

func (rp *replay) lookup(prefix []byte) (xmlr.Binding, bool) {
	switch string(prefix) {
	case "xml":
		return xmlr.Binding{URI: []byte(soap.XMLNamespace), NS: xmlr.XML}, true
	case "xmlns":
		return xmlr.Binding{}, false
	}
	// The bindings pushed since the innermost element standing for a referred one, then those in
	// scope at the referred element: its own and its ancestors' declarations, and the Body's scope.
	mark, ref := 0, -1
	for k := len(rp.open) - 1; k >= 0; k-- {
		if o := rp.open[k]; o.ref != 0 {
			mark, ref = o.scope, o.ref-1
			break
		}
	}
	if b, ok := findBinding(rp.bindings[mark:], prefix); ok {
		return b, true
	}
	if ref >= 0 {
		for a := ref; a >= 0; a = rp.parent[a] {
			if b, ok := findBinding(rp.toks[a].Decl, prefix); ok {
				return b, true
			}
		}
		if b, ok := findBinding(rp.base, prefix); ok {
			return b, true
		}
	}
	return xmlr.Binding{}, len(prefix) == 0
}

// findBinding returns the last binding of prefix in bindings.
func findBinding(bindings []xmlr.Binding, prefix []byte) (xmlr.Binding, bool) {
	for i := len(bindings) - 1; i >= 0; i-- {
		if bytes.Equal(bindings[i].Prefix, prefix) {
			return bindings[i], true
		}
	}
	return xmlr.Binding{}, false
}

func (rp *replay) resolveQName(d *Decoder, v []byte) (xml.Name, error) {
	s := string(lexTrim(v))
	prefix, local, ok := strings.Cut(s, ":")
	if !ok {
		prefix, local = "", s
	}
	if local == "" || !validName(local) || ok && !validName(prefix) {
		return xml.Name{}, d.Errorf("%q is not a valid QName", s)
	}
	if prefix == "xmlns" {
		return xml.Name{}, d.Errorf("QName %q: the prefix xmlns is reserved for namespace declarations", s)
	}
	b, found := rp.lookup([]byte(prefix))
	if !found {
		return xml.Name{}, d.Errorf("QName %q: prefix %q is not declared", s, prefix)
	}
	return xml.Name{Space: string(b.URI), Local: local}, nil
}

func (rp *replay) text(d *Decoder) ([]byte, error) {
	var out []byte
	n := 0
	for {
		k, err := d.next()
		if err != nil {
			return nil, err
		}
		switch k {
		case xmlr.Text:
			if n == 0 {
				out = rp.tok.Text
			} else {
				out = append(append([]byte(nil), out...), rp.tok.Text...)
			}
			n++
		case xmlr.StartElement:
			return nil, d.Errorf("element <%s> inside simple content", rp.tok.Name.Local)
		case xmlr.EndElement:
			return out, nil
		}
	}
}

func (rp *replay) skip(d *Decoder) error {
	depth := 0
	for {
		k, err := d.next()
		if err != nil {
			return err
		}
		switch k {
		case xmlr.StartElement:
			depth++
		case xmlr.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// multiRef reports whether the element just started, in a buffered encoded Body, is an independent
// multi-reference value (an id, and not soapenc:root="1").
func (d *Decoder) multiRef() bool { return d.rp != nil && multiRef(d.rp.cur()) }
