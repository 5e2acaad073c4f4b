package parser

import (
	"strings"

	"github.com/beevik/etree"
)

// spacedNames handles, in a document just read, the name attributes of XML Schema and WSDL elements
// written with white space around the name (name="ResultCode "): with Options.Lenient the space is
// trimmed (unless Options.Strict), as a fix-up naming the file and element each time; with Strict,
// the first one is an error that says so (rather than the later "not a valid XML name"), for the
// names sogen checks (see checkedName; with Strict the others are read as written).
//
// XML Schema reads such attributes as xs:NCName, whose whiteSpace facet is "collapse", so a schema
// processor would normalize the space away; sogen still warns, since a name with space around it is
// almost always a typing slip and what the server writes on the wire is then uncertain. QName-valued
// attributes (type, ref, base, element, message, binding, ...) are already read with surrounding white
// space trimmed, as their collapse facet says, and need nothing here.
func (f *file) spacedNames(root *etree.Element) error {
	var walk func(el *etree.Element) error
	walk = func(el *etree.Element) error {
		if ns := el.NamespaceURI(); ns == NSXSD || ns == NSWSDL {
			for i := range el.Attr {
				a := &el.Attr[i]
				if a.Space != "" || a.Key != "name" {
					continue
				}
				t := strings.TrimSpace(a.Value)
				if t == a.Value || t == "" {
					continue
				}
				pos := f.pos(el)
				if f.l.opts.Strict && !checkedName(el) {
					continue // read as written, as before: sogen does not check this name
				}
				if f.l.opts.Strict {
					return strictf(pos, "trim it", "name %q has white space around it", a.Value)
				}
				f.l.set.fixup(TrimmedName, pos, "name %q trimmed to %q", a.Value, t)
				a.Value = t
			}
		}
		for _, c := range el.ChildElements() {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(root)
}

// checkedName reports whether sogen requires the name attribute of el to be an NCName: every XML
// Schema component, and the WSDL messages, port types, bindings, services and port type operations.
func checkedName(el *etree.Element) bool {
	if el.NamespaceURI() == NSXSD {
		return true
	}
	switch el.Tag {
	case "message", "portType", "binding", "service":
		return true
	case "operation":
		p := el.Parent()
		return p != nil && p.Tag == "portType" && p.NamespaceURI() == NSWSDL
	}
	return false
}
