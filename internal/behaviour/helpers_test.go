// Package behaviour_test checks what the packages generated from the testdata/wsdl fixtures put on
// the wire, and what they make of what comes back, against the WSDL and the specifications (WSDL 1.1,
// SOAP 1.1 and 1.2, XML Schema). Request envelopes are compared with golden files under
// golden/wire/<case>/ (go test -update rewrites them); decoded values are compared with go-cmp.
package behaviour_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/internal/golden"
	"github.com/sogen-go/sogen/internal/soaptest"
	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/soapimpl"
)

// Namespaces fixed by the specifications, written out here rather than taken from the runtime.
const (
	nsEnv11 = "http://schemas.xmlsoap.org/soap/envelope/"
	nsEnv12 = "http://www.w3.org/2003/05/soap-envelope"
	nsXSI   = "http://www.w3.org/2001/XMLSchema-instance"
	nsXSD   = "http://www.w3.org/2001/XMLSchema"
	nsArr   = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
	nsSer   = "http://schemas.microsoft.com/2003/10/Serialization/"
)

// Content types of the SOAP HTTP bindings: SOAP 1.1 section 6.1.1, SOAP 1.2 Part 2 section 7 and
// RFC 3902.
const (
	contentType11 = "text/xml; charset=utf-8"
	contentType12 = "application/soap+xml; charset=utf-8"
)

// goldenRoot is golden/wire, relative to this package.
const goldenRoot = "../../golden/wire"

// checkGolden compares data, re-indented, with golden/wire/<dir>/<name>, or rewrites the file with
// -update.
func checkGolden(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	golden.CheckXML(t, filepath.Join(goldenRoot, dir, name), data)
}

// newServer starts a server answering every request with a SOAP 1.1 reply (200, text/xml).
func newServer(t *testing.T, reply []byte) *soaptest.Server {
	return soaptest.NewServer(t, http.StatusOK, contentType11, reply)
}

// envelope11 returns a SOAP 1.1 reply envelope holding the header blocks and body content given. The
// content declares its own namespaces, as servers commonly do.
func envelope11(header, body string) []byte {
	return envelope("s", nsEnv11, header, body)
}

// envelope12 returns a SOAP 1.2 reply envelope.
func envelope12(header, body string) []byte {
	return envelope("env", nsEnv12, header, body)
}

func envelope(p, ns, header, body string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>`)
	b.WriteString(`<` + p + `:Envelope xmlns:` + p + `="` + ns + `">`)
	if header != "" {
		b.WriteString(`<` + p + `:Header>` + header + `</` + p + `:Header>`)
	}
	b.WriteString(`<` + p + `:Body>` + body + `</` + p + `:Body></` + p + `:Envelope>`)
	return []byte(b.String())
}

// types returns the registry of the generated types ms (nil pointers of them), resolving xsi:type.
func types(ms ...soapimpl.Message) *soapimpl.Registry {
	var ts []*soapimpl.Type
	for _, m := range ms {
		ts = append(ts, m.SOAPType())
	}
	return soapimpl.NewRegistry(ts)
}

// decodeXML decodes the root element of doc into dst, with unknown elements an error.
func decodeXML(doc []byte, dst soapimpl.Message, types *soapimpl.Registry) error {
	d := soapimpl.NewDecoder(append([]byte(nil), doc...), types)
	d.DisallowUnknown()
	if err := d.Root(); err != nil {
		return err
	}
	if err := d.Decode(dst); err != nil {
		return err
	}
	return d.Finish()
}

// decodeBody decodes the single child of the Body of envelope into dst (a generated type, or a
// *soap.Element holding it as it came), with unknown elements an error. The Header, if any, is
// skipped.
func decodeBody(envelope []byte, dst any, types *soapimpl.Registry) error {
	d := soapimpl.NewDecoder(append([]byte(nil), envelope...), types)
	d.DisallowUnknown()
	if err := d.Root(); err != nil {
		return err
	}
	if d.Name().Local != "Envelope" {
		return errors.New("root is not an Envelope")
	}
	for {
		ok, err := d.Child()
		if err != nil {
			return err
		}
		if !ok {
			return errors.New("no Body")
		}
		if d.Name().Local != "Body" {
			if err := d.Skip(); err != nil {
				return err
			}
			continue
		}
		ok, err = d.Child()
		if err != nil {
			return err
		}
		if !ok {
			return errors.New("empty Body")
		}
		switch dst := dst.(type) {
		case *soap.Element:
			el, err := d.CaptureElement()
			if err != nil {
				return err
			}
			*dst = *el
		case soapimpl.Message:
			if err := d.Decode(dst); err != nil {
				return err
			}
		default:
			return fmt.Errorf("cannot decode into a %T", dst)
		}
		if more, err := d.Child(); err != nil || more {
			return errors.New("more than one element in the Body")
		}
		return nil
	}
}

// marshal encodes v as the element name with a fresh Encoder.
func marshal(v soapimpl.Message, name xml.Name) ([]byte, error) {
	e := soapimpl.NewEncoder(nil)
	soapimpl.Encode(e, name, v)
	if err := e.Err(); err != nil {
		return nil, err
	}
	return append([]byte(nil), e.Bytes()...), nil
}

// mustMarshal is marshal failing the test on error.
func mustMarshal(t *testing.T, v soapimpl.Message, name xml.Name) []byte {
	t.Helper()
	b, err := marshal(v, name)
	if err != nil {
		t.Fatalf("encoding %T: %v", v, err)
	}
	return b
}

// presence returns a Presence recording the given states.
func presence(states map[string]soap.State) soap.Presence {
	var p soap.Presence
	for f, s := range states {
		p.Set(f, s)
	}
	return p
}

// node is an element as the XML Infoset sees it: names resolved to namespaces, prefixes gone.
type node struct {
	Name xml.Name
	// Type is the resolved xsi:type, zero when absent; TypeText is the attribute as written.
	Type     xml.Name
	TypeText string
	// Nil is true for xsi:nil="true".
	Nil bool
	// Attr holds the attributes other than namespace declarations, xsi:type and xsi:nil.
	Attr []xml.Attr
	// Text is the character data; it is empty for an element with children and only white space.
	Text     string
	Children []*node
}

// parseTree reads data into a tree of nodes, resolving element names and xsi:type. It reads with
// encoding/xml, independently of the runtime.
func parseTree(t *testing.T, data []byte) *node {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var scope []xml.Attr // namespace declarations in scope, innermost last
	for {
		tok, err := d.Token()
		if err != nil {
			t.Fatalf("parsing: %v\n%s", err, data)
		}
		if se, ok := tok.(xml.StartElement); ok {
			n, err := readNode(d, se, scope)
			if err != nil {
				t.Fatalf("parsing: %v\n%s", err, data)
			}
			return n
		}
	}
}

// readNode reads the element se, whose start tag d just returned, with the namespace declarations
// scope of its ancestors.
func readNode(d *xml.Decoder, se xml.StartElement, scope []xml.Attr) (*node, error) {
	n := &node{Name: se.Name}
	for _, a := range se.Attr {
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
			scope = append(scope[:len(scope):len(scope)], a)
		}
	}
	for _, a := range se.Attr {
		switch {
		case a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns":
		case a.Name.Space == nsXSI && a.Name.Local == "type":
			n.TypeText = a.Value
			prefix, local, ok := strings.Cut(strings.TrimSpace(a.Value), ":")
			if !ok {
				prefix, local = "", prefix
			}
			n.Type = xml.Name{Local: local}
			found := false
			for i := len(scope) - 1; i >= 0 && !found; i-- {
				if prefix == "" && scope[i].Name.Space == "" || prefix != "" && scope[i].Name.Space == "xmlns" && scope[i].Name.Local == prefix {
					n.Type.Space, found = scope[i].Value, true
				}
			}
			if !found && prefix != "" {
				return nil, fmt.Errorf("xsi:type %q: prefix %q is not declared", a.Value, prefix)
			}
		case a.Name.Space == nsXSI && a.Name.Local == "nil":
			v := strings.TrimSpace(a.Value)
			n.Nil = v == "true" || v == "1"
		default:
			n.Attr = append(n.Attr, a)
		}
	}
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, err
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			c, err := readNode(d, tk, scope)
			if err != nil {
				return nil, err
			}
			n.Children = append(n.Children, c)
		case xml.CharData:
			text.Write(tk)
		case xml.EndElement:
			n.Text = text.String()
			if len(n.Children) > 0 && strings.TrimSpace(n.Text) == "" {
				n.Text = ""
			}
			return n, nil
		}
	}
}

// find returns the first descendant of n (n included) named {space}local; an empty space matches any
// namespace.
func (n *node) find(space, local string) *node {
	if n.Name.Local == local && (space == "" || n.Name.Space == space) {
		return n
	}
	for _, c := range n.Children {
		if f := c.find(space, local); f != nil {
			return f
		}
	}
	return nil
}

// mustFind is find failing the test when there is no such element.
func (n *node) mustFind(t *testing.T, space, local string) *node {
	t.Helper()
	f := n.find(space, local)
	if f == nil {
		t.Fatalf("no element {%s}%s", space, local)
	}
	return f
}

// childNames returns the names of n's children, in document order.
func (n *node) childNames() []xml.Name {
	var out []xml.Name
	for _, c := range n.Children {
		out = append(out, c.Name)
	}
	return out
}

// form describes the wire form of n: "nil", "empty", the quoted text, or its children's forms in
// braces.
func (n *node) form() string {
	var s string
	switch {
	case n.Nil:
		s = "nil"
	case len(n.Children) > 0:
		var parts []string
		for _, c := range n.Children {
			parts = append(parts, c.Name.Local+"="+c.form())
		}
		s = "{" + strings.Join(parts, " ") + "}"
	case n.Text == "":
		s = "empty"
	default:
		s = strconv.Quote(n.Text)
	}
	if n.Type != (xml.Name{}) {
		s = "(" + n.Type.Local + ")" + s
	}
	return s
}

// childForms returns "Name=form" for each child of n, in document order.
func (n *node) childForms() []string {
	var out []string
	for _, c := range n.Children {
		out = append(out, c.Name.Local+"="+c.form())
	}
	return out
}

// checkHTTP11 checks a SOAP 1.1 request: text/xml and the SOAPAction header holding the quoted action
// (SOAP 1.1 section 6.1.1).
func checkHTTP11(t *testing.T, req soaptest.Request, action string) {
	t.Helper()
	if got := req.Header.Get("Content-Type"); got != contentType11 {
		t.Errorf("Content-Type = %q, want %q", got, contentType11)
	}
	if got := req.Header.Values("SOAPAction"); len(got) != 1 || got[0] != strconv.Quote(action) {
		t.Errorf("SOAPAction = %q, want [%q]", got, strconv.Quote(action))
	}
}

// checkHTTP12 checks a SOAP 1.2 request: application/soap+xml with the action parameter (none when
// action is empty), and no SOAPAction header.
func checkHTTP12(t *testing.T, req soaptest.Request, action string) {
	t.Helper()
	want := contentType12
	if action != "" {
		want += `; action="` + action + `"`
	}
	if got := req.Header.Get("Content-Type"); got != want {
		t.Errorf("Content-Type = %q, want %q", got, want)
	}
	if got, ok := req.Header["Soapaction"]; ok {
		t.Errorf("SOAP 1.2 request has a SOAPAction header %q", got)
	}
}

// checkEnvelope checks the envelope namespace of a request and returns the request's tree.
func checkEnvelope(t *testing.T, body []byte, ns string) *node {
	t.Helper()
	tree := parseTree(t, body)
	if want := (xml.Name{Space: ns, Local: "Envelope"}); tree.Name != want {
		t.Fatalf("root element is %v, want %v", tree.Name, want)
	}
	return tree
}

// bodyChild returns the single child of the Body of an envelope tree.
func bodyChild(t *testing.T, env *node) *node {
	t.Helper()
	var body *node
	for _, c := range env.Children {
		if c.Name.Local == "Body" && c.Name.Space == env.Name.Space {
			body = c
		}
	}
	if body == nil {
		t.Fatal("the envelope has no Body")
	}
	if len(body.Children) != 1 {
		t.Fatalf("the Body has %d children, want 1", len(body.Children))
	}
	return body.Children[0]
}

// headerOf returns the Header of an envelope tree, or nil.
func headerOf(env *node) *node {
	for _, c := range env.Children {
		if c.Name.Local == "Header" && c.Name.Space == env.Name.Space {
			return c
		}
	}
	return nil
}

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }

// diff fails the test with a go-cmp diff when want and got differ.
func diff(t *testing.T, what string, want, got any, opts ...cmp.Option) {
	t.Helper()
	if d := cmp.Diff(want, got, opts...); d != "" {
		t.Errorf("%s (-want +got):\n%s", what, d)
	}
}

// ignoreTypeText compares trees by the resolved xsi:type only: prefixes change on re-encoding.
var ignoreTypeText = cmpopts.IgnoreFields(node{}, "TypeText")

// xmlName returns the name {space}local.
func xmlName(space, local string) xml.Name { return xml.Name{Space: space, Local: local} }

// generateFixture runs sogen on every WSDL of testdata/wsdl/<name>, as the golden tests do, and
// returns the result (for its notices).
func generateFixture(t *testing.T, name string) *sogen.Result {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "wsdl", name)
	roots, err := filepath.Glob(filepath.Join(dir, "*.wsdl"))
	if err != nil || len(roots) == 0 {
		t.Fatalf("no WSDL in %s", dir)
	}
	for i, r := range roots {
		roots[i] = filepath.Base(r)
	}
	res, err := sogen.Generate(sogen.Config{FS: os.DirFS(dir), Roots: roots, Package: name})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// The values a reply holding the given text decodes to, kept unchecked as decoding keeps them.
func wireDateTime(s string) soap.DateTime   { return wire[soap.DateTime](&soapimpl.XSDateTime, s) }
func wireDate(s string) soap.Date           { return wire[soap.Date](&soapimpl.XSDate, s) }
func wireTimeOfDay(s string) soap.TimeOfDay { return wire[soap.TimeOfDay](&soapimpl.XSTime, s) }
func wireDuration(s string) soap.Duration   { return wire[soap.Duration](&soapimpl.XSDuration, s) }
func wireDecimal(s string) soap.Decimal     { return wire[soap.Decimal](&soapimpl.XSDecimal, s) }

func wire[T any](c *soapimpl.Codec, s string) T {
	v, err := c.Parse(s)
	if err != nil {
		panic(err)
	}
	return v.(T)
}
