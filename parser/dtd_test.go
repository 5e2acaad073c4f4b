package parser

import (
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/beevik/etree"
)

// billionLaughs is a document whose nine nested entities expand to 10^9 "lol"s (3 GB).
const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" name="&lol9;"><wsdl:documentation>&lol9;</wsdl:documentation></wsdl:definitions>`

// externalEntity declares an entity whose text is a local file.
const externalEntity = `<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"><wsdl:documentation>&xxe;</wsdl:documentation></wsdl:definitions>`

func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestEtreeDoesNotExpandEntities records what the XML library under the parser does with a DTD, so
// that a change in it shows: etree reads through encoding/xml, which keeps <!DOCTYPE ...> as an
// uninterpreted directive, never reads external entities, and knows only the five predefined
// entities (plus ReadSettings.Entity, which the parser leaves nil). A reference to an entity the DTD
// declares is therefore a syntax error, not an expansion: billion laughs cannot blow up memory even
// before the parser's own refusal of DTDs.
func TestEtreeDoesNotExpandEntities(t *testing.T) {
	for name, doc := range map[string]string{"billion laughs": billionLaughs, "external entity": externalEntity} {
		t.Run(name, func(t *testing.T) {
			var err error
			n := allocatedBy(func() {
				d := etree.NewDocument()
				d.ReadSettings = etree.ReadSettings{MaxDepth: 256}
				err = d.ReadFromString(doc)
			})
			if err == nil || !strings.Contains(err.Error(), "invalid character entity &") {
				t.Fatalf("etree read the document: error %v; want an invalid-entity error", err)
			}
			if n > 1<<20 {
				t.Errorf("reading allocated %d bytes", n)
			}
		})
	}
}

// TestParseRefusesDTDs checks that the parser refuses a document type declaration before building
// any tree, naming the file, with bounded memory.
func TestParseRefusesDTDs(t *testing.T) {
	for name, doc := range map[string]string{"billion laughs": billionLaughs, "external entity": externalEntity} {
		t.Run(name, func(t *testing.T) {
			var err error
			n := allocatedBy(func() {
				_, err = Parse(fstest.MapFS{"a.wsdl": {Data: []byte(doc)}}, []string{"a.wsdl"}, Options{})
			})
			want := "a.wsdl: document type declarations (<!DOCTYPE ...>) are not supported: sogen does not process DTDs or their entities"
			if err == nil || err.Error() != want {
				t.Fatalf("error %v, want %s", err, want)
			}
			if n > 1<<20 {
				t.Errorf("parsing allocated %d bytes", n)
			}
		})
	}
	t.Run("DOCTYPE in an imported schema", func(t *testing.T) {
		fsys := fstest.MapFS{
			"a.xsd": {Data: []byte(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a"><xs:include schemaLocation="b.xsd"/></xs:schema>`)},
			"b.xsd": {Data: []byte(`<!DOCTYPE xs:schema [<!ENTITY e "x">]><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a"/>`)},
		}
		_, err := Parse(fsys, []string{"a.xsd"}, Options{})
		if want := "b.xsd: document type declarations (<!DOCTYPE ...>) are not supported: sogen does not process DTDs or their entities"; err == nil || err.Error() != want {
			t.Fatalf("error %v, want %s", err, want)
		}
	})
}
