package soapimpl

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"slices"
	"sort"
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
//
// The Body is kept small, as a server buffers whatever a client sends up to its request size cap: the
// reader is zero-copy (names, attribute values and decoded text are slices of the document), so a
// token is a few offsets into the document (rtok, 16 bytes), an attribute too (rattr), and a token
// is made an xmlr.Token again only when it is served. Tokens and attributes are stored in chunks,
// which grow without copying.
type replay struct {
	buf   []byte // the document (the reader's buffer)
	toks  chunks[rtok]
	attrs chunks[rattr]
	ids   map[string]int32 // id -> index of the start tag carrying it
	// spaces are the namespaces of the names and declarations, spaces[0] being no namespace.
	spaces  []rspace
	spaceOf map[xmlr.NS]uint32
	// The namespace declarations in the Body, and those in scope at the Body (elem -1), grouped by
	// prefix in document order: byPrefix[first[p]:first[p+1]] for the prefix prefixes[p].
	decls    []rdecl
	prefixes [][]byte
	prefixOf map[string]uint32
	byPrefix []int32
	first    []int32

	pos  int
	refs []replayFrame
	// served counts the tokens returned and limit bounds them: references may share a value many
	// times, but a chain of values each referring twice to the next would expand exponentially (a
	// "billion laughs" made of hrefs), so the expansion is bounded by a multiple of the Body's size.
	served, limit int

	// The serving state: the current token (tok, its attributes in attrBuf), its index, the open
	// elements.
	tok      xmlr.Token
	curIdx   int
	basePath string
	open     []replayOpen
	pop      bool // the element of the current end tag is popped at the next call
	r        *xmlr.Reader
	// Scratch attributes: those of the current start tag, and those of an accessor and of the element
	// it refers to, while they are merged.
	attrBuf, accBuf, refBuf, sorted []xmlr.Attr
}

// rtok is a token of the buffered Body. Its kind is told by link: a start tag's is the index of its
// end tag (after it), an end tag's is -1, a text's -2.
type rtok struct {
	// off is the token's offset in the document: a tag's '<' (an empty-element tag's for its end tag
	// too), and the start of a text's decoded character data.
	off uint32
	// n is, for a tag, the index of its name's namespace in spaces; for a text, the length of its
	// decoded character data.
	n    uint32
	link int32
	// attr is the number of attributes of the start tags before this token: a start tag's are
	// attrs[t.attr:next.attr], next being the token after it.
	attr uint32
}

const (
	linkEnd  = -1
	linkText = -2
)

func (t *rtok) kind() xmlr.Kind {
	switch t.link {
	case linkEnd:
		return xmlr.EndElement
	case linkText:
		return xmlr.Text
	}
	return xmlr.StartElement
}

// rattr is an attribute of a start tag: its qualified name at off in the document (followed by = and
// the quoted value), its namespace, its value, decoded in place, at val.
type rattr struct {
	off, val, vlen, ns uint32
}

type rspace struct {
	ns  xmlr.NS
	uri []byte
}

// rdecl is a namespace declaration: the prefix prefixes[prefix] bound to spaces[space] on the element
// whose start tag is elem and end tag end (-1 and MaxInt32 for those in scope at the Body); prev is
// the declaration of the same prefix in scope at that element's parent, or -1.
type rdecl struct {
	prefix, space   uint32
	elem, end, prev int32
}

type replayOpen struct {
	// name is the index of the start tag whose name the element has, elem the index of the element
	// whose content is served: the same, but for an accessor referring to another element (elem).
	name, elem int32
}

type replayFrame struct {
	target, end, ret, acc int32
}

// Bounds of the expansion of references: the tokens an encoded Body may yield are at most
// maxExpansion times its own, plus minExpansion.
const (
	maxExpansion = 16
	minExpansion = 1 << 16
)

// chunkBits gives the size of the chunks of a replay's tokens and attributes: 4096 of them.
const chunkBits = 12

// chunks is a sequence of values kept in chunks of 1<<chunkBits, so that it grows without copying
// (a slice growing by append allocates in all some five times its final size).
type chunks[T any] struct {
	c [][]T
	n int
}

func (s *chunks[T]) add(v T) {
	if k := len(s.c); k == 0 || len(s.c[k-1]) == 1<<chunkBits {
		var c []T
		if k > 0 {
			c = make([]T, 0, 1<<chunkBits)
		}
		s.c = append(s.c, c) // the first chunk grows by append: most Bodies are small
	}
	last := &s.c[len(s.c)-1]
	*last = append(*last, v)
	s.n++
}

func (s *chunks[T]) at(i int) *T { return &s.c[i>>chunkBits][i&(1<<chunkBits-1)] }

var errReplayView = errors.New("internal error: the XML reader returned a value that is not a slice of the document")

// bufferEncoded prepares d to read the Body whose start tag was just read as an rpc/encoded Body: it
// reads the rest of the Body, up to and including its end tag, and serves those tokens again from
// the next call on, reading an accessor with href="#x" as the element with id="x" (SOAP 1.1 section
// 5.4.1). The children of the reply wrapper (the first child that is not an independent
// multi-reference value) lose their namespace: rpc/encoded parts are unqualified accessors, but some
// servers qualify them.
func (d *Decoder) bufferEncoded() error {
	r := d.r
	if r.Kind() != xmlr.StartElement { // as xmlr.Reader.Capture, which read the Body before
		return d.wrap(r.Errorf("Capture called on a %v", r.Kind()))
	}
	rp := &replay{buf: r.Buffer(), ids: map[string]int32{}, r: r, curIdx: -1, basePath: r.Path(),
		spaces: []rspace{{}}, spaceOf: map[xmlr.NS]uint32{xmlr.NoNamespace: 0}, prefixOf: map[string]uint32{}}
	if uint64(len(rp.buf)) > math.MaxUint32 {
		return d.Errorf("the Body is too large to read as an rpc/encoded Body (%d bytes)", len(rp.buf))
	}
	// cur is, for each prefix, the declaration in scope.
	var cur []int32
	declare := func(b xmlr.Binding, elem int32) {
		p, ok := rp.prefixOf[string(b.Prefix)]
		if !ok {
			p = uint32(len(rp.prefixes))
			rp.prefixOf[string(b.Prefix)] = p
			rp.prefixes = append(rp.prefixes, b.Prefix)
			cur = append(cur, -1)
		}
		rp.decls = append(rp.decls, rdecl{prefix: p, space: rp.space(b.NS, b.URI), elem: elem, end: math.MaxInt32, prev: cur[p]})
		cur[p] = int32(len(rp.decls) - 1)
	}
	for _, b := range r.AppendScope(nil) {
		declare(b, -1)
	}
	type capOpen struct {
		idx        int32
		ns         uint32
		decls, end int32 // the element's declarations: decls[decls:end]
	}
	var open []capOpen
	depth := r.Depth()
	var tok xmlr.Token // the start tag being read, for idOf
	for {
		k, err := r.Next()
		if err != nil {
			return d.wrap(err)
		}
		i := int32(rp.toks.n)
		off := r.Offset()
		t := rtok{off: uint32(off), attr: uint32(rp.attrs.n)}
		switch k {
		case xmlr.StartElement:
			n := r.Name()
			if !rp.nameAt(off+1, &n) {
				return d.wrap(errReplayView)
			}
			t.n, t.link = rp.space(n.NS, n.Space), math.MaxInt32
			if tok.Attr, err = rp.addAttrs(r, tok.Attr[:0]); err != nil {
				return d.wrap(err)
			}
			o := capOpen{idx: i, ns: t.n, decls: int32(len(rp.decls))}
			for j, nd := 0, r.NumDecl(); j < nd; j++ {
				declare(r.Decl(j), i)
			}
			o.end = int32(len(rp.decls))
			open = append(open, o)
			rp.toks.add(t)
			if id, ok := idOf(&tok); ok {
				if _, dup := rp.ids[id]; dup {
					d.rp, rp.curIdx = rp, int(i)
					err := d.Errorf("id %q is used twice", id)
					d.rp = nil
					return err
				}
				rp.ids[id] = i
			}
		case xmlr.EndElement:
			t.link = linkEnd
			if r.Depth() == depth { // the Body's end tag
				rp.toks.add(t)
				break
			}
			o := open[len(open)-1]
			open = open[:len(open)-1]
			t.n = o.ns
			if n, m := r.Name(), rp.tagNameAt(int(t.off), o.ns); string(n.Prefix) != string(m.Prefix) || string(n.Local) != string(m.Local) {
				return d.wrap(errReplayView)
			}
			rp.toks.at(int(o.idx)).link = i
			for j := o.end - 1; j >= o.decls; j-- {
				dc := &rp.decls[j]
				dc.end = i
				cur[dc.prefix] = dc.prev
			}
			rp.toks.add(t)
		case xmlr.Text:
			text := r.Text()
			if !rp.viewAt(off, text) {
				return d.wrap(errReplayView)
			}
			t.n, t.link = uint32(len(text)), linkText
			rp.toks.add(t)
		}
		if k == xmlr.EndElement && r.Depth() == depth {
			break
		}
	}
	rp.indexDecls()
	rp.unqualifyParts()
	rp.limit = maxExpansion*(rp.toks.n+rp.attrs.n) + minExpansion
	d.rp = rp
	d.encoded = true
	return nil
}

// viewAt reports whether b is the slice of the document at off.
func (rp *replay) viewAt(off int, b []byte) bool {
	return len(b) == 0 || off >= 0 && off+len(b) <= len(rp.buf) && &rp.buf[off] == &b[0]
}

// nameAt reports whether the qualified name n is written at off in the document.
func (rp *replay) nameAt(off int, n *xmlr.Name) bool {
	if len(n.Prefix) > 0 {
		return rp.viewAt(off, n.Prefix) && off+len(n.Prefix) < len(rp.buf) && rp.buf[off+len(n.Prefix)] == ':' &&
			rp.viewAt(off+len(n.Prefix)+1, n.Local)
	}
	return rp.viewAt(off, n.Local)
}

// space returns the index in spaces of the namespace ns, named uri.
func (rp *replay) space(ns xmlr.NS, uri []byte) uint32 {
	if s, ok := rp.spaceOf[ns]; ok {
		return s
	}
	s := uint32(len(rp.spaces))
	rp.spaces = append(rp.spaces, rspace{ns: ns, uri: uri})
	rp.spaceOf[ns] = s
	return s
}

// addAttrs records the attributes of the start tag r has just read and appends them to dst.
func (rp *replay) addAttrs(r *xmlr.Reader, dst []xmlr.Attr) ([]xmlr.Attr, error) {
	for i, n := 0, r.NumAttr(); i < n; i++ {
		a := r.Attr(i)
		name, val := r.AttrOffsets(i)
		if !rp.nameAt(name, &a.Name) || !rp.viewAt(val, a.Value) {
			return dst, errReplayView
		}
		rp.attrs.add(rattr{off: uint32(name), val: uint32(val), vlen: uint32(len(a.Value)), ns: rp.space(a.Name.NS, a.Name.Space)})
		dst = append(dst, a)
	}
	return dst, nil
}

// qnameEnd returns the end of the qualified name at p in a tag: names hold no white space, =, / nor >.
func qnameEnd(b []byte, p int) int {
	for p < len(b) {
		switch b[p] {
		case ' ', '\t', '\r', '\n', '=', '/', '>':
			return p
		}
		p++
	}
	return p
}

// qname returns the qualified name at off in the document.
func (rp *replay) qname(off int, ns uint32) xmlr.Name {
	q := rp.buf[off:qnameEnd(rp.buf, off)]
	s := &rp.spaces[ns]
	n := xmlr.Name{NS: s.ns, Space: s.uri, Local: q}
	if c := bytes.IndexByte(q, ':'); c >= 0 {
		n.Prefix, n.Local = q[:c], q[c+1:]
	}
	return n
}

// tagName returns the name of the tag i.
func (rp *replay) tagName(i int) xmlr.Name {
	t := rp.toks.at(i)
	return rp.tagNameAt(int(t.off), t.n)
}

// tagNameAt returns the name of the start or end tag at off (an empty-element tag for its end tag too).
func (rp *replay) tagNameAt(off int, ns uint32) xmlr.Name {
	off++
	if rp.buf[off] == '/' {
		off++
	}
	return rp.qname(off, ns)
}

// appendAttrs appends the attributes of the start tag i to dst.
func (rp *replay) appendAttrs(dst []xmlr.Attr, i int) []xmlr.Attr {
	from, to := rp.toks.at(i).attr, rp.toks.at(i+1).attr
	for j := from; j < to; j++ {
		a := rp.attrs.at(int(j))
		dst = append(dst, xmlr.Attr{Name: rp.qname(int(a.off), a.ns), Value: rp.buf[a.val : a.val+a.vlen : a.val+a.vlen]})
	}
	return dst
}

// startTag sets tok to the start tag i, its attributes in attrBuf.
func (rp *replay) startTag(i int) {
	rp.attrBuf = rp.appendAttrs(rp.attrBuf[:0], i)
	rp.tok = xmlr.Token{Kind: xmlr.StartElement, Name: rp.tagName(i), Attr: rp.attrBuf, Offset: int(rp.toks.at(i).off)}
}

// indexDecls groups the declarations by prefix, keeping their order (a counting sort), so that
// lookup finds the one in scope by a binary search.
func (rp *replay) indexDecls() {
	rp.first = make([]int32, len(rp.prefixes)+1)
	for i := range rp.decls {
		rp.first[rp.decls[i].prefix+1]++
	}
	for p := 1; p < len(rp.first); p++ {
		rp.first[p] += rp.first[p-1]
	}
	rp.byPrefix = make([]int32, len(rp.decls))
	next := append([]int32(nil), rp.first[:len(rp.prefixes)]...)
	for i := range rp.decls {
		p := rp.decls[i].prefix
		rp.byPrefix[next[p]] = int32(i)
		next[p]++
	}
}

// unqualifyParts removes the namespace of the children of the first Body child that is not an
// independent multi-reference element (SOAP 1.1 section 5.1 rule 8: those carry id, and
// soapenc:root="0" when they are not the root).
func (rp *replay) unqualifyParts() {
	for i := 0; i < rp.toks.n; i++ {
		t := rp.toks.at(i)
		if t.kind() != xmlr.StartElement {
			continue
		}
		rp.startTag(i)
		if multiRef(&rp.tok) {
			i = int(t.link)
			continue
		}
		for j := i + 1; j < int(t.link); j++ {
			c := rp.toks.at(j)
			if c.kind() != xmlr.StartElement {
				continue
			}
			if n := rp.tagName(j); !(n.NS == rpcResult.ns && string(n.Local) == rpcResult.Local) {
				c.n = 0
				rp.toks.at(int(c.link)).n = 0
				j = int(c.link)
			}
		}
		break
	}
	rp.tok = xmlr.Token{}
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

// refID returns the identifier t refers to (as refOf, without allocating): whether t refers to an
// element, and whether the reference is to one of this message (#id).
func refID(t *xmlr.Token) (id []byte, ok, local bool) {
	if href, ok := tokAttr(t, xmlr.NoNamespace, "href"); ok {
		id, local = bytes.CutPrefix(bytes.TrimSpace(href), []byte("#"))
		return id, true, local
	}
	if ref, ok := tokAttr(t, nsEnc12, "ref"); ok {
		return bytes.TrimSpace(ref), true, true
	}
	return nil, false, false
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
		rp.open = rp.open[:len(rp.open)-1]
		rp.pop = false
	}
	if rp.served++; rp.served > rp.limit {
		return 0, rp.tooMany(d)
	}
	if n := len(rp.refs); n > 0 && rp.pos == int(rp.refs[n-1].end) {
		f := rp.refs[n-1]
		rp.refs = rp.refs[:n-1]
		rp.curIdx, rp.pos = rp.pos, int(f.ret)
		rp.tok = xmlr.Token{Kind: xmlr.EndElement, Name: rp.tagName(int(f.acc)), Offset: int(rp.toks.at(rp.curIdx).off)}
		rp.pop = true
		return xmlr.EndElement, nil
	}
	if rp.pos >= rp.toks.n {
		return 0, d.wrap(io.ErrUnexpectedEOF)
	}
	i := rp.pos
	rp.curIdx, rp.pos = i, i+1
	t := rp.toks.at(i)
	switch t.kind() {
	case xmlr.EndElement:
		if len(rp.open) == 0 { // the Body's end tag: back to the input
			rp.tok = xmlr.Token{Kind: xmlr.EndElement, Name: rp.r.Name(), Offset: int(t.off)}
			d.rp, d.encoded = nil, false
			return xmlr.EndElement, nil
		}
		rp.tok = xmlr.Token{Kind: xmlr.EndElement, Name: rp.tagName(i), Offset: int(t.off)}
		rp.pop = true
		return xmlr.EndElement, nil
	case xmlr.Text:
		rp.tok = xmlr.Token{Kind: xmlr.Text, Text: rp.buf[t.off : t.off+t.n : t.off+t.n], Offset: int(t.off)}
		return xmlr.Text, nil
	}
	if err := d.tick(); err != nil {
		return 0, err
	}
	rp.startTag(i)
	if err := rp.count(d, len(rp.tok.Attr)); err != nil {
		return 0, err
	}
	id, ok, local := refID(&rp.tok)
	if !ok {
		rp.open = append(rp.open, replayOpen{name: int32(i), elem: int32(i)})
		return xmlr.StartElement, nil
	}
	if !local {
		href, _ := refOf(&rp.tok)
		return 0, d.Errorf("<%s href=%q>: only references to an element of the message (#id) are supported", rp.tok.Name.Local, href)
	}
	target, found := rp.ids[string(id)]
	if !found {
		href, _ := refOf(&rp.tok)
		return 0, d.Errorf("<%s href=%q>: no element has id %q", rp.tok.Name.Local, href, id)
	}
	for _, f := range rp.refs {
		if f.target == target {
			href, _ := refOf(&rp.tok)
			return 0, d.Errorf("<%s href=%q>: the value refers to itself (a cyclic graph, which Go values cannot hold)", rp.tok.Name.Local, href)
		}
	}
	rp.refs = append(rp.refs, replayFrame{target: target, end: rp.toks.at(int(target)).link, ret: t.link + 1, acc: int32(i)})
	rp.curIdx, rp.pos = int(target), int(target)+1
	rp.merge(int(target))
	if err := rp.count(d, len(rp.refBuf)); err != nil {
		return 0, err
	}
	rp.open = append(rp.open, replayOpen{name: int32(i), elem: target})
	return xmlr.StartElement, nil
}

// count counts n attributes served: serving a start tag takes time in its attributes, so they are
// bounded with the tokens.
func (rp *replay) count(d *Decoder, n int) error {
	if rp.served += n; rp.served > rp.limit {
		return rp.tooMany(d)
	}
	return nil
}

func (rp *replay) tooMany(d *Decoder) error {
	return d.Errorf("references (href) expand the encoded Body beyond %d tokens (attributes included; %d times its own, plus %d): refusing it", rp.limit, maxExpansion, minExpansion)
}

// merge makes tok, the start tag of an accessor, the start tag standing for it as it refers to the
// element ref: the accessor's name, then the attributes of ref and those of the accessor that ref
// does not have, but those identifying or referring to multi-reference values (id, href,
// soapenc:root, enc:id, enc:ref).
func (rp *replay) merge(ref int) {
	rp.accBuf, rp.attrBuf = rp.attrBuf, rp.accBuf
	acc := rp.accBuf
	rp.refBuf = rp.appendAttrs(rp.refBuf[:0], ref)
	out := rp.attrBuf[:0]
	for i := range rp.refBuf {
		if !referenceAttr(&rp.refBuf[i]) {
			out = append(out, rp.refBuf[i])
		}
	}
	// Whether ref has an attribute: by a scan, or, among many, by a binary search.
	has := func(a *xmlr.Attr) bool {
		for j := range rp.refBuf {
			if b := &rp.refBuf[j]; b.Name.NS == a.Name.NS && bytes.Equal(b.Name.Local, a.Name.Local) {
				return true
			}
		}
		return false
	}
	if len(acc) > 8 && len(rp.refBuf) > 8 {
		rp.sorted = append(rp.sorted[:0], rp.refBuf...)
		slices.SortFunc(rp.sorted, compareAttrNames)
		has = func(a *xmlr.Attr) bool {
			_, found := slices.BinarySearchFunc(rp.sorted, *a, compareAttrNames)
			return found
		}
	}
	for i := range acc {
		if a := &acc[i]; !referenceAttr(a) && !has(a) {
			out = append(out, *a)
		}
	}
	rp.attrBuf = out
	rp.tok.Attr, rp.tok.Offset = out, int(rp.toks.at(ref).off)
}

func compareAttrNames(a, b xmlr.Attr) int {
	if c := cmp.Compare(a.Name.NS, b.Name.NS); c != 0 {
		return c
	}
	return bytes.Compare(a.Name.Local, b.Name.Local)
}

func (rp *replay) path() string {
	var b strings.Builder
	b.WriteString(rp.basePath)
	for _, o := range rp.open {
		b.WriteByte('/')
		b.Write(rp.tagName(int(o.name)).Local)
	}
	return b.String()
}

func (rp *replay) position(d *Decoder) (int, int) {
	if rp.curIdx >= 0 && rp.curIdx < rp.toks.n {
		return rp.r.Position(int(rp.toks.at(rp.curIdx).off))
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

// lookup returns the binding of prefix in scope at the current token. Within an element standing
// for an accessor referring to another, those are the bindings in scope where that other element is
// written, not at the accessor; so, in all cases, they are those in scope in the document at the
// element whose content is served (the innermost open one).
func (rp *replay) lookup(prefix []byte) (xmlr.Binding, bool) {
	switch string(prefix) {
	case "xml":
		return xmlr.Binding{URI: []byte(soap.XMLNamespace), NS: xmlr.XML}, true
	case "xmlns":
		return xmlr.Binding{}, false
	}
	elem := int32(-1)
	if n := len(rp.open); n > 0 {
		elem = rp.open[n-1].elem
	}
	if p, ok := rp.prefixOf[string(prefix)]; ok {
		// The last declaration of prefix on elem or before it, in document order; if its element
		// does not hold elem, the declaration in scope is one on an ancestor of that element (as it is
		// one on an ancestor of elem): the innermost of those holding elem.
		decls := rp.byPrefix[rp.first[p]:rp.first[p+1]]
		k := sort.Search(len(decls), func(k int) bool { return rp.decls[decls[k]].elem > elem }) - 1
		if k >= 0 {
			for j := decls[k]; j >= 0; j = rp.decls[j].prev {
				if dc := &rp.decls[j]; dc.end >= elem {
					s := &rp.spaces[dc.space]
					return xmlr.Binding{Prefix: rp.prefixes[p], URI: s.uri, NS: s.ns}, true
				}
			}
		}
	}
	return xmlr.Binding{}, len(prefix) == 0
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
