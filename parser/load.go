package parser

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/beevik/etree"
)

// Options limits what Parse accepts. The zero value gives the defaults.
type Options struct {
	// MaxFiles limits the number of files loaded, roots and imports together (default 500).
	MaxFiles int
	// MaxFileSize limits the size of one file in bytes (default 32 MiB).
	MaxFileSize int64
	// MaxDepth limits element nesting in a file (default 256).
	MaxDepth int
	// Lenient makes the lossy fix-ups (see FixupKind), which guess the wire form or leave out what a
	// client could call: an operation whose input or output message is undefined (or names an
	// element whose namespace is not known) left out, a binding of an undefined port type left out, a
	// soap:body part name the message lacks left out of the body when a part may have been meant, a
	// type part of a document-style body read as an element, and, in the model, a type or operation
	// that cannot be mapped kept as XML or left out. Without it, each of these is an error, which
	// suggests it.
	Lenient bool
	// Strict refuses the inputs that the loss-free fix-ups would repair (see FixupKind): a reference
	// that resolves only by its local name (an undeclared prefix, a wrong namespace, when exactly one
	// definition of the kind wanted has that local name), a name with white space around it, a model
	// group directly inside xs:element, soap:input written for wsdl:input, a reference to nothing
	// defined read as content kept as it arrives (AnyContent) or ignored where nothing callable
	// depends on it (Ignored), an xs:import of a remote location the Resolver did not read passed
	// over (Unread). Without it they are repaired, each reported in Set.Fixups.
	Strict bool
}

func (o Options) withDefaults() Options {
	if o.MaxFiles <= 0 {
		o.MaxFiles = 500
	}
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = 32 << 20
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = 256
	}
	return o
}

// Set is everything read from the roots and the files they import.
type Set struct {
	// Files are the files loaded, in load order.
	Files []string
	// Schemas are the schema documents and blocks, in load order.
	Schemas []*Schema

	SimpleTypes     map[xml.Name]*SimpleType
	ComplexTypes    map[xml.Name]*ComplexType
	Elements        map[xml.Name]*Element
	Attributes      map[xml.Name]*Attribute
	Groups          map[xml.Name]*Group
	AttributeGroups map[xml.Name]*AttributeGroup

	Messages  map[xml.Name]*Message
	PortTypes []*PortType // in document order
	Bindings  []*Binding  // in document order
	Services  []*Service  // in document order

	// Notices are things the parser skipped that a user should know about.
	Notices []string
	// Fixups are the repairs made to inputs that do not follow the specifications (see FixupKind),
	// one each, naming the file and element.
	Fixups []Fixup

	// unread are the namespaces of the xs:imports whose remote location was not read (an Unread
	// fix-up each), with the first such location of each.
	unread map[string]string

	normalized bool // Normalize has run
}

// PortType returns the port type named n.
func (s *Set) PortType(n xml.Name) *PortType {
	for _, p := range s.PortTypes {
		if p.Name == n {
			return p
		}
	}
	return nil
}

// Operation returns the operation of p named name (the last one, should the name repeat), or nil.
func (p *PortType) Operation(name string) *Operation {
	var op *Operation
	for _, o := range p.Operations {
		if o.Name == name {
			op = o
		}
	}
	return op
}

// Binding returns the binding named n.
func (s *Set) Binding(n xml.Name) *Binding {
	for _, b := range s.Bindings {
		if b.Name == n {
			return b
		}
	}
	return nil
}

type loader struct {
	resolve Resolver
	opts    Options
	set     *Set
	loaded  map[string]bool // file (and chameleon namespace) -> loaded
	files   int
	remote  map[string][]byte // remote locations read, by URL
	notRead map[string]bool   // remote locations the Resolver did not read (ErrNotRead), by URL
}

// Parse reads the root files (WSDL documents or XML Schemas) from fsys and normalises what it read:
// Read with the Resolver FS(fsys).
func Parse(fsys fs.FS, roots []string, opts Options) (*Set, error) {
	return Read(FS(fsys), roots, opts)
}

// Read reads the root documents (WSDL documents or XML Schemas) through r with Load, and normalises
// what it read with Normalize.
func Read(r Resolver, roots []string, opts Options) (*Set, error) {
	s, err := Load(r, roots, opts)
	if err != nil {
		return nil, err
	}
	if err := Normalize(s, opts); err != nil {
		return nil, err
	}
	return s, nil
}

// Load reads the root documents (WSDL documents or XML Schemas) through r, following imports and
// includes, and resolves every QName to {namespace, local name}. A root is a clean slash-separated
// path relative to the directory holding the roots, or an absolute URL (see Resolver). Whether every
// reference names a definition is checked by Normalize.
func Load(r Resolver, roots []string, opts Options) (*Set, error) {
	if r == nil {
		return nil, errors.New("no Resolver to read the inputs with")
	}
	l := &loader{
		resolve: r,
		opts:    opts.withDefaults(),
		loaded:  map[string]bool{},
		set: &Set{
			SimpleTypes:     map[xml.Name]*SimpleType{},
			ComplexTypes:    map[xml.Name]*ComplexType{},
			Elements:        map[xml.Name]*Element{},
			Attributes:      map[xml.Name]*Attribute{},
			Groups:          map[xml.Name]*Group{},
			AttributeGroups: map[xml.Name]*AttributeGroup{},
			Messages:        map[xml.Name]*Message{},
		},
	}
	if len(roots) == 0 {
		return nil, errors.New("no input files")
	}
	for _, r := range roots {
		name := r
		switch {
		case isURL(r):
			u, err := resolveURL("", r)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", r, err)
			}
			name = u
		case isAbsPath(r) || path.Clean(r) != r || r == "." || r == ".." || strings.HasPrefix(r, "../"):
			return nil, fmt.Errorf("%q: a root must be a clean path relative to the directory holding the roots, or an absolute URL", r)
		}
		if err := l.load(name, "", reference{}, ""); err != nil {
			return nil, err
		}
	}
	return l.set, nil
}

// load reads one file. from is the reference that asked for it (for errors); chameleon is the
// namespace an included schema without targetNamespace takes.
func (l *loader) load(name, chameleon string, from reference, want string) error {
	key := name + "\x00" + chameleon
	if l.loaded[key] {
		return nil
	}
	l.loaded[key] = true
	l.files++
	if l.files > l.opts.MaxFiles {
		return errorf(from.pos, "more than %d files pulled in by imports", l.opts.MaxFiles)
	}
	data, err := l.read(name, from)
	if err != nil {
		if l.notRead[name] {
			// Not loaded: a later reference to it gets this error again, located where it is.
			delete(l.loaded, key)
			l.files--
		}
		return err
	}
	if err := checkDoctype(data, name); err != nil {
		return err
	}
	doc := etree.NewDocument()
	doc.ReadSettings = etree.ReadSettings{
		MaxDepth:      l.opts.MaxDepth,
		CharsetReader: charsetReader,
	}
	if err := doc.ReadFromBytes(data); err != nil {
		if errors.Is(err, etree.ErrMaxDepth) {
			return errorf(Pos{File: name}, "elements nested deeper than %d%s", l.opts.MaxDepth, tooDeep(data, l.opts.MaxDepth))
		}
		return errorf(Pos{File: name}, "not well-formed XML: %v", err)
	}
	if err := checkProlog(doc, name); err != nil {
		return err
	}
	root := doc.Root()
	if root == nil {
		return errorf(Pos{File: name}, "no root element")
	}
	if legacy := upgradeXSDNamespace(root); legacy != "" {
		l.set.Notices = append(l.set.Notices, fmt.Sprintf("%s: read the XML Schema namespace %s of a draft of XML Schema as %s", name, legacy, NSXSD))
	}
	l.set.Files = append(l.set.Files, name)
	f := &file{l: l, name: name, chameleon: chameleon}
	if err := f.spacedNames(root); err != nil {
		return err
	}
	switch {
	case is(root, NSWSDL, "definitions") && want != "schema":
		return f.definitions(root)
	case is(root, NSXSD, "schema") && want != "wsdl":
		return f.schema(root, chameleon)
	}
	expect := "wsdl:definitions or xs:schema"
	switch want {
	case "wsdl":
		expect = "wsdl:definitions"
	case "schema":
		expect = "xs:schema"
	}
	got := "<" + root.Tag + ">"
	if ns := root.NamespaceURI(); ns != "" {
		got = "{" + ns + "}" + root.Tag
	}
	return errorf(f.pos(root), "root element is %s, want %s (is this file a WSDL document?)", got, expect)
}

// tooDeep names the first element nested deeper than max in data, and its line, for the error that
// reports it: " (<tag> on line N)", or "" if it cannot be found.
func tooDeep(data []byte, max int) string {
	d := newDecoder(data)
	depth := 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			return ""
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > max {
				line, _ := d.InputPos()
				tag := t.Name.Local
				if t.Name.Space != "" {
					tag = t.Name.Space + ":" + tag
				}
				return fmt.Sprintf(" (<%s> on line %d)", tag, line)
			}
		case xml.EndElement:
			depth--
		}
	}
}

// legacyXSD are the namespaces of the drafts of XML Schema that early WSDL files (the WSDL 1.1 note's
// own examples among them) use.
var legacyXSD = map[string]bool{
	"http://www.w3.org/2000/10/XMLSchema": true,
	"http://www.w3.org/1999/XMLSchema":    true,
}

// upgradeXSDNamespace rebinds every namespace declaration of a draft XML Schema namespace under root
// to the XML Schema 1.0 namespace, and returns the draft namespace it met ("" when none): the drafts'
// structures and built-in types that WSDL files use are those of XML Schema 1.0.
func upgradeXSDNamespace(root *etree.Element) string {
	found := ""
	var walk func(e *etree.Element)
	walk = func(e *etree.Element) {
		for i, a := range e.Attr {
			if (a.Space == "xmlns" || a.Space == "" && a.Key == "xmlns") && legacyXSD[a.Value] {
				found = a.Value
				e.Attr[i].Value = NSXSD
			}
		}
		for _, c := range e.ChildElements() {
			walk(c)
		}
	}
	walk(root)
	return found
}

// checkDoctype refuses a document type declaration before the root element: sogen does not process
// DTDs or expand their entities (so "billion laughs" documents cannot blow up memory).
func checkDoctype(data []byte, name string) error {
	d := newDecoder(data)
	for {
		tok, err := d.RawToken()
		if err != nil {
			return nil // syntax errors are reported by the parser proper
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return nil
		case xml.Directive:
			return errorf(Pos{File: name}, "document type declarations (<!%s ...>) are not supported: sogen does not process DTDs or their entities", firstWord(string(t)))
		}
	}
}

// checkProlog refuses directives anywhere in the document.
func checkProlog(doc *etree.Document, name string) error {
	for _, t := range doc.Child {
		if d, ok := t.(*etree.Directive); ok {
			return errorf(Pos{File: name}, "document type declaration <!%s> is not supported", firstWord(d.Data))
		}
	}
	return nil
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return s
}

// file is the state of parsing one file.
type file struct {
	l         *loader
	name      string
	chameleon string
	tns       string // target namespace of the schema or definitions being read
	sibs      map[*etree.Element]sibling
}

func is(el *etree.Element, space, local string) bool {
	return el.Tag == local && el.NamespaceURI() == space
}

// pos returns the position of el: the file and a path of prefixed tags, each with [@name='...'] when
// the element has a name, else with its index among same-tag siblings when there are several.
func (f *file) pos(el *etree.Element) Pos {
	var parts []string
	for e := el; e != nil && e.Parent() != nil; e = e.Parent() {
		seg := e.FullTag()
		sib := f.siblings(e)
		if n := e.SelectAttr("name"); n != nil {
			seg += "[@name='" + n.Value + "']"
			// Siblings with the same tag and name (a duplicate definition) are told apart by their
			// position among them.
			if sib.nameCount > 1 {
				seg += fmt.Sprintf("[%d]", sib.nameIdx)
			}
		} else if e.Parent().Parent() != nil && sib.tagCount > 1 {
			seg += fmt.Sprintf("[%d]", sib.tagIdx)
		}
		parts = append(parts, seg)
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return Pos{File: f.name, Path: "/" + strings.Join(parts, "/")}
}

// sibling locates an element among its siblings: its 1-based index among those with its tag, and
// among those with its tag and name attribute, and how many of each there are.
type sibling struct {
	tagIdx, tagCount, nameIdx, nameCount int
}

// siblings returns where el stands among its parent's children. The children of a parent are counted
// once, the first time one of them is asked about: pos is called for every definition, and counting
// each time made a schema of n definitions take n² steps.
func (f *file) siblings(el *etree.Element) sibling {
	if s, ok := f.sibs[el]; ok {
		return s
	}
	if f.sibs == nil {
		f.sibs = map[*etree.Element]sibling{}
	}
	type key struct{ space, tag, name string }
	children := el.Parent().ChildElements()
	tags, names := map[key]int{}, map[key]int{}
	for _, c := range children {
		tk := key{c.Space, c.Tag, ""}
		tags[tk]++
		s := sibling{tagIdx: tags[tk]}
		if n := c.SelectAttr("name"); n != nil {
			nk := key{c.Space, c.Tag, n.Value}
			names[nk]++
			s.nameIdx = names[nk]
		}
		f.sibs[c] = s
	}
	for _, c := range children {
		s := f.sibs[c]
		s.tagCount = tags[key{c.Space, c.Tag, ""}]
		if n := c.SelectAttr("name"); n != nil {
			s.nameCount = names[key{c.Space, c.Tag, n.Value}]
		}
		f.sibs[c] = s
	}
	return f.sibs[el]
}

// lookupNS returns the namespace bound to prefix at el.
func lookupNS(el *etree.Element, prefix string) (string, bool) {
	switch prefix {
	case "xml":
		return NSXML, true
	case "xmlns":
		return "http://www.w3.org/2000/xmlns/", true
	}
	for e := el; e != nil; e = e.Parent() {
		for _, a := range e.Attr {
			if prefix == "" && a.Space == "" && a.Key == "xmlns" || prefix != "" && a.Space == "xmlns" && a.Key == prefix {
				return a.Value, true
			}
		}
	}
	return "", prefix == ""
}

// qname resolves the QName in attribute attr of el; "" when the attribute is absent.
func (f *file) qname(el *etree.Element, attr string) (xml.Name, error) {
	v := el.SelectAttrValue(attr, "")
	if v == "" {
		return xml.Name{}, nil
	}
	return f.resolve(el, attr, v)
}

func (f *file) resolve(el *etree.Element, attr, v string) (xml.Name, error) {
	v = strings.TrimSpace(v)
	prefix, local, ok := strings.Cut(v, ":")
	if !ok {
		prefix, local = "", v
	}
	if local == "" || strings.Contains(local, ":") {
		return xml.Name{}, errorf(f.pos(el), "%s=%q is not a valid QName", attr, v)
	}
	ns, found := lookupNS(el, prefix)
	if !found {
		if !f.l.opts.Strict {
			return xml.Name{Space: undeclared + prefix, Local: local}, nil // resolved by local name later
		}
		return xml.Name{}, strictf(f.pos(el), "resolve the reference by its local name", "%s=%q: namespace prefix %q is not declared", attr, v, prefix)
	}
	if ns == "" && f.chameleon != "" {
		ns = f.chameleon
	}
	if (ns == NSSOAPEnc11 || ns == NSSOAPEnc12) && builtins[local] && local != "anyType" {
		// The SOAP encoding schema's simple types (soapenc:string, soapenc:int, ...) are the XML
		// Schema built-ins that also allow id and href attributes (SOAP 1.1 section 5.2.1); sogen
		// reads them as the built-ins, as it does not read that schema.
		ns = NSXSD
	}
	return xml.Name{Space: ns, Local: local}, nil
}

// location resolves a schemaLocation or location attribute of el against the current file, and
// returns what the Resolver reads and the reference for errors. A remote location, or any location
// in a file that was itself read from a URL, resolves to an absolute URL; a relative location in a
// local file to a path relative to the directory of the roots, which may lead out of it ("../").
func (f *file) location(el *etree.Element, attr, loc string) (string, reference, error) {
	loc = strings.TrimSpace(loc)
	ref := reference{pos: f.pos(el), attr: attr, loc: loc}
	if isURL(loc) || isURL(f.name) {
		u, err := resolveURL(f.name, loc)
		if err != nil {
			return "", ref, errorf(ref.pos, "%s=%q: %v", attr, loc, err)
		}
		return u, ref, nil
	}
	if isAbsPath(loc) {
		return "", ref, errorf(ref.pos, "%s=%q is an absolute path; only paths relative to the referring file are followed", attr, loc)
	}
	p := localPath(f.name, loc)
	if p == "." || p == ".." || strings.HasSuffix(p, "/..") {
		return "", ref, errorf(ref.pos, "%s=%q names a directory, not a file", attr, loc)
	}
	return p, ref, nil
}

// documentation returns the trimmed text of the documentation children of el (wsdl:documentation or
// xs:annotation/xs:documentation).
func documentation(el *etree.Element) string {
	var parts []string
	for _, c := range el.ChildElements() {
		switch {
		case is(c, NSWSDL, "documentation"), is(c, NSXSD, "documentation"):
			if t := strings.TrimSpace(innerText(c)); t != "" {
				parts = append(parts, t)
			}
		case is(c, NSXSD, "annotation"):
			if t := documentation(c); t != "" {
				parts = append(parts, t)
			}
		}
	}
	return strings.Join(parts, "\n\n")
}

// innerText returns all character data inside el, including that of descendants (documentation may
// hold XHTML markup).
func innerText(el *etree.Element) string {
	var b strings.Builder
	for _, t := range el.Child {
		switch c := t.(type) {
		case *etree.CharData:
			b.WriteString(c.Data)
		case *etree.Element:
			b.WriteString(innerText(c))
		}
	}
	return b.String()
}

// canonical returns a comparable form of a definition, without positions and documentation.
func canonical(v any) string {
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return fmt.Sprintf("%#v", v)
	}
	return string(b)
}

// merge adds def under name to m, or checks that it is identical to the definition already there.
func merge[T any](m map[xml.Name]*T, name xml.Name, def *T, kind string, pos func(*T) Pos) error {
	old, ok := m[name]
	if !ok {
		m[name] = def
		return nil
	}
	return sameDefinition(kind, name, old, def, pos(old), pos(def))
}

// sortedNames returns the keys of m sorted by namespace, then local name.
func sortedNames[T any](m map[xml.Name]*T) []xml.Name {
	out := make([]xml.Name, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Space != out[j].Space {
			return out[i].Space < out[j].Space
		}
		return out[i].Local < out[j].Local
	})
	return out
}
