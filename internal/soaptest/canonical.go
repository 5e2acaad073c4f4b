package soaptest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// XSINamespace is the XML Schema instance namespace (xsi:type, xsi:nil).
const XSINamespace = "http://www.w3.org/2001/XMLSchema-instance"

// node is one element of a document read for canonical comparison: its expanded name, its attributes
// other than namespace declarations (attribute values that are QNames are resolved, see below), its
// child elements and its text.
type node struct {
	name     xml.Name
	attrs    map[xml.Name]string
	children []*node
	text     string
	line     int
}

// Allow lists the optional allowances of CompareXML.
type Allow struct {
	// OmittedEmpty lets got leave out an element that want has with no attributes other than
	// xsi:type, no children and no text: an empty string sent explicitly. A generated client method
	// takes plain Go strings, in which the empty string of a nillable string element means no value
	// (see the README), so sent through a method such an element is left out.
	OmittedEmpty bool
}

// CompareXML compares the document got with want under a canonical comparison and returns the
// differences, one line each, naming the element path; none means the documents are equivalent.
//
// The comparison is of the XML infoset, with exactly these allowances:
//
//  1. Namespace prefixes are free: element and attribute names are compared as expanded names
//     (namespace URI + local name), namespace declarations are not compared, and the QName value of
//     xsi:type is compared as an expanded name.
//  2. Text made only of whitespace is ignored where got has no text or the element has child elements:
//     the documented examples are indented, and XML Schema treats whitespace in element-only content
//     (a complex type's, even an empty one's) as insignificant. A whitespace-only value of a simple
//     type would also pass here, so callers must compare the decoded values too, as for allowance 3.
//  3. An xsi:type in want may be missing from got: a writer needs xsi:type only where the element's
//     declared type does not say the type (polymorphism, xs:anyType). Callers must check that what got
//     omits loses nothing — for the generated types, decoding got must give the same Go value as
//     decoding want, which tells a derived type or an anyType value from its base.
//  4. Where want's xsi:type says xs:float or xs:double, the texts compare as numbers: "0.0" and "0"
//     are two lexical forms of one value of those types (XML Schema 1.0 Part 2, 3.2.4 and 3.2.5), and
//     a Go float64 keeps the value, not the form.
//
// Everything else must be equal: element order, the set of child elements (an element in want that
// got lacks is a loss, an extra one an addition), attributes (xsi:nil included), and the text of
// leaf elements character for character.
func CompareXML(want, got []byte, allow Allow) ([]string, error) {
	w, err := readCanonical(want)
	if err != nil {
		return nil, fmt.Errorf("want: %w", err)
	}
	g, err := readCanonical(got)
	if err != nil {
		return nil, fmt.Errorf("got: %w", err)
	}
	var diffs []string
	compareNodes(w, g, "", allow, &diffs)
	return diffs, nil
}

// readCanonical reads a document into a tree of nodes.
func readCanonical(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var stack []*node
	var scopes []map[string]string // prefix -> URI, innermost last
	var root *node
	var raw []xml.Name // the start tags as written, to check the end tags
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if len(raw) > 0 {
				return nil, fmt.Errorf("unexpected end of document inside <%s>", raw[len(raw)-1].Local)
			}
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			scope := map[string]string{}
			for _, a := range t.Attr {
				switch {
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					scope[""] = a.Value
				case a.Name.Space == "xmlns":
					scope[a.Name.Local] = a.Value
				}
			}
			scopes = append(scopes, scope)
			resolve := func(prefix string) (string, bool) {
				if prefix == "xml" {
					return "http://www.w3.org/XML/1998/namespace", true
				}
				for i := len(scopes) - 1; i >= 0; i-- {
					if u, ok := scopes[i][prefix]; ok {
						return u, true
					}
				}
				return "", prefix == ""
			}
			line, _ := d.InputPos()
			n := &node{attrs: map[xml.Name]string{}, line: line}
			uri, ok := resolve(t.Name.Space)
			if !ok {
				return nil, fmt.Errorf("line %d: undeclared prefix %q", line, t.Name.Space)
			}
			n.name = xml.Name{Space: uri, Local: t.Name.Local}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					continue
				}
				name := xml.Name{Local: a.Name.Local}
				if a.Name.Space != "" {
					u, ok := resolve(a.Name.Space)
					if !ok {
						return nil, fmt.Errorf("line %d: undeclared prefix %q", line, a.Name.Space)
					}
					name.Space = u
				}
				value := a.Value
				if name == (xml.Name{Space: XSINamespace, Local: "type"}) {
					prefix, local, found := strings.Cut(strings.TrimSpace(value), ":")
					if !found {
						prefix, local = "", prefix
					}
					u, ok := resolve(prefix)
					if !ok {
						return nil, fmt.Errorf("line %d: xsi:type %q: undeclared prefix", line, value)
					}
					value = "{" + u + "}" + local
				}
				n.attrs[name] = value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
			raw = append(raw, t.Name)
		case xml.EndElement:
			if len(raw) == 0 || raw[len(raw)-1] != t.Name {
				line, _ := d.InputPos()
				return nil, fmt.Errorf("line %d: unexpected end tag </%s>", line, t.Name.Local)
			}
			raw = raw[:len(raw)-1]
			stack = stack[:len(stack)-1]
			scopes = scopes[:len(scopes)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(t)
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("no root element")
	}
	return root, nil
}

func (n *node) label() string {
	if n.name.Space == "" {
		return n.name.Local
	}
	return "{" + n.name.Space + "}" + n.name.Local
}

// omittable reports whether n is an explicitly empty element (allowance OmittedEmpty).
func (n *node) omittable() bool {
	for a := range n.attrs {
		if a != (xml.Name{Space: XSINamespace, Local: "type"}) {
			return false
		}
	}
	return len(n.children) == 0 && n.text == ""
}

func compareNodes(w, g *node, path string, allow Allow, diffs *[]string) {
	here := path + "/" + w.name.Local
	if w.name != g.name {
		*diffs = append(*diffs, fmt.Sprintf("%s (want line %d): element %s, got %s", here, w.line, w.label(), g.label()))
		return
	}
	names := map[xml.Name]bool{}
	for a := range w.attrs {
		names[a] = true
	}
	for a := range g.attrs {
		names[a] = true
	}
	var sorted []xml.Name
	for a := range names {
		sorted = append(sorted, a)
	}
	sort.Slice(sorted, func(i, j int) bool {
		if sorted[i].Space != sorted[j].Space {
			return sorted[i].Space < sorted[j].Space
		}
		return sorted[i].Local < sorted[j].Local
	})
	for _, a := range sorted {
		wv, inW := w.attrs[a]
		gv, inG := g.attrs[a]
		switch {
		case inW && inG && wv != gv:
			*diffs = append(*diffs, fmt.Sprintf("%s (want line %d): attribute %s = %q, got %q", here, w.line, a.Local, wv, gv))
		case inW && !inG && a == xml.Name{Space: XSINamespace, Local: "type"}:
			// Allowance 3: the writer may leave out an xsi:type.
		case inW && !inG:
			*diffs = append(*diffs, fmt.Sprintf("%s (want line %d): attribute %s = %q missing", here, w.line, a.Local, wv))
		case inG && !inW:
			*diffs = append(*diffs, fmt.Sprintf("%s (want line %d): unexpected attribute %s = %q", here, w.line, a.Local, gv))
		}
	}
	wt, gt := w.text, g.text
	if len(w.children) > 0 || len(g.children) > 0 || gt == "" {
		// Allowance 2: indentation in element-only content.
		wt, gt = strings.TrimSpace(wt), strings.TrimSpace(gt)
	}
	if wt != gt && !(floatTyped(w) && sameFloat(wt, gt)) {
		*diffs = append(*diffs, fmt.Sprintf("%s (want line %d): text %q, got %q", here, w.line, wt, gt))
	}
	i, j := 0, 0
	for i < len(w.children) || j < len(g.children) {
		switch {
		case i < len(w.children) && allow.OmittedEmpty && w.children[i].omittable() &&
			(j >= len(g.children) || g.children[j].name != w.children[i].name):
			i++ // left out
		case j >= len(g.children):
			c := w.children[i]
			*diffs = append(*diffs, fmt.Sprintf("%s (want line %d): element %s missing", here+"/"+c.name.Local, c.line, c.label()))
			i++
		case i >= len(w.children):
			c := g.children[j]
			*diffs = append(*diffs, fmt.Sprintf("%s: unexpected element %s", here+"/"+c.name.Local, c.label()))
			j++
		default:
			compareNodes(w.children[i], g.children[j], here, allow, diffs)
			i, j = i+1, j+1
		}
	}
}

// XSDNamespace is the XML Schema namespace.
const XSDNamespace = "http://www.w3.org/2001/XMLSchema"

// floatTyped reports whether n's xsi:type is xs:float or xs:double.
func floatTyped(n *node) bool {
	t := n.attrs[xml.Name{Space: XSINamespace, Local: "type"}]
	return t == "{"+XSDNamespace+"}double" || t == "{"+XSDNamespace+"}float"
}

// sameFloat reports whether a and b are lexical forms of the same float value.
func sameFloat(a, b string) bool {
	x, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
	y, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
	return err1 == nil && err2 == nil && x == y
}
