package parser

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// normalizeSchema loads a schema of urn:t holding body and normalises it.
func normalizeSchema(t *testing.T, body string) (*Set, error) {
	t.Helper()
	fsys := mapFS(map[string]string{"s.xsd": `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t" elementFormDefault="qualified">` + body + `</xs:schema>`})
	s, err := Load(FS(fsys), []string{"s.xsd"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s, Normalize(s, Options{})
}

// shape renders a particle: kind, occurrence range and children, an occurrence type as "occ{...}",
// the head of a substitution choice as "head=...".
func shape(p *Particle) string {
	var b strings.Builder
	switch p.Kind {
	case ElementParticle:
		n := p.Element.Name.Local
		if p.Element.Ref != (xml.Name{}) {
			n = "ref " + p.Element.Ref.Local
		}
		b.WriteString(n)
	case GroupRef:
		b.WriteString("group " + p.Ref.Local)
	default:
		b.WriteString(p.Kind.String())
	}
	if p.MinOccurs != 1 || p.MaxOccurs != 1 {
		fmt.Fprintf(&b, "{%d,%s}", p.MinOccurs, occurs(p.MaxOccurs))
	}
	if p.Head != (xml.Name{}) {
		b.WriteString(" head=" + p.Head.Local)
	}
	if len(p.Children) > 0 {
		var cs []string
		for _, c := range p.Children {
			cs = append(cs, shape(c))
		}
		b.WriteString("(" + strings.Join(cs, " ") + ")")
	}
	if p.Occurrence != nil {
		b.WriteString(" occ" + shape(p.Occurrence.Particle))
	}
	return b.String()
}

// TestRepeatedGroups checks each rewrite of repeatedGroups on a type's content.
func TestRepeatedGroups(t *testing.T) {
	for _, tc := range []struct {
		name, content, want string
	}{
		{"a repeated sequence of one element is the element repeated",
			`<xs:sequence maxOccurs="unbounded"><xs:element name="a"/></xs:sequence>`,
			`a{1,unbounded}`},
		{"occurrence ranges multiply",
			`<xs:sequence minOccurs="2" maxOccurs="3"><xs:sequence><xs:element name="a" minOccurs="0" maxOccurs="2"/></xs:sequence></xs:sequence>`,
			`a{0,6}`},
		{"a repeated sequence of one choice is the choice repeated",
			`<xs:sequence maxOccurs="unbounded"><xs:choice><xs:element name="a"/><xs:element name="b"/></xs:choice></xs:sequence>`,
			`choice{1,unbounded}(a b) occchoice(a b)`},
		{"a repeated sequence of several particles has an occurrence type",
			`<xs:sequence><xs:sequence minOccurs="0" maxOccurs="unbounded"><xs:element name="k"/><xs:element name="v" minOccurs="0"/></xs:sequence></xs:sequence>`,
			`sequence(sequence{0,unbounded}(k v{0,1}) occsequence(k v{0,1}))`},
		{"nested choices of a repeated choice are flattened, repeated branches occur once per occurrence",
			`<xs:choice maxOccurs="unbounded"><xs:element name="a" maxOccurs="3"/><xs:choice><xs:element name="b"/><xs:element name="c"/></xs:choice></xs:choice>`,
			`choice{1,unbounded}(a{1,3} b c) occchoice(a b c)`},
		{"a repeated choice of wildcards is a repeated wildcard",
			`<xs:sequence><xs:choice minOccurs="0" maxOccurs="unbounded"><xs:any namespace="##other"/></xs:choice></xs:sequence>`,
			`sequence(any{0,unbounded})`},
		{"an empty choice is removed",
			`<xs:sequence><xs:element name="a"/><xs:choice maxOccurs="unbounded"/><xs:choice/></xs:sequence>`,
			`sequence(a sequence sequence)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := normalizeSchema(t, `<xs:complexType name="T">`+tc.content+`</xs:complexType>`)
			if err != nil {
				t.Fatal(err)
			}
			if got := shape(s.ComplexTypes[xml.Name{Space: "urn:t", Local: "T"}].Particle); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
	t.Run("a repeated reference to a choice group is the choice repeated; to a sequence group, a repeated sequence of the reference", func(t *testing.T) {
		s, err := normalizeSchema(t, `<xs:group name="C"><xs:choice><xs:element name="a"/><xs:element name="b"/></xs:choice></xs:group>
<xs:group name="S"><xs:sequence><xs:element name="x"/><xs:element name="y"/></xs:sequence></xs:group>
<xs:complexType name="T"><xs:sequence><xs:group ref="t:C" minOccurs="0" maxOccurs="2"/><xs:group ref="t:S" maxOccurs="unbounded"/></xs:sequence></xs:complexType>`)
		if err != nil {
			t.Fatal(err)
		}
		want := `sequence(choice{0,2}(a b) occchoice(a b) sequence{1,unbounded}(group S) occsequence(group S))`
		if got := shape(s.ComplexTypes[xml.Name{Space: "urn:t", Local: "T"}].Particle); got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	})
	for _, tc := range []struct{ content, want string }{
		{`<xs:all maxOccurs="2"><xs:element name="a"/></xs:all>`, `xs:all has maxOccurs 2: XML Schema allows only 0 or 1`},
		{`<xs:sequence maxOccurs="2"><xs:element name="a"/><xs:any/></xs:sequence>`, `a repeated xs:sequence (maxOccurs 2) holding a wildcard (xs:any) is not supported yet`},
		{`<xs:choice maxOccurs="2"><xs:element name="a"/><xs:sequence><xs:element name="b"/><xs:element name="c"/></xs:sequence></xs:choice>`, `a repeated xs:choice (maxOccurs 2) whose branches are not elements or wildcards is not supported yet`},
	} {
		_, err := normalizeSchema(t, `<xs:complexType name="T">`+tc.content+`</xs:complexType>`)
		if err == nil || !strings.Contains(err.Error(), "s.xsd: /xs:schema/xs:complexType[@name='T']/") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want a located error saying %q", tc.content, err, tc.want)
		}
	}
}

// TestSubstitutionGroups checks substitutionGroups: a reference to a head becomes the choice of the
// head and its members that are not abstract (members of members too), named by Head; inside a
// repeated choice, that choice's branches join the repeated choice's.
func TestSubstitutionGroups(t *testing.T) {
	s, err := normalizeSchema(t, `<xs:element name="Shape" abstract="true"/>
<xs:element name="Circle" substitutionGroup="t:Shape"/>
<xs:element name="Square" substitutionGroup="t:Shape"/>
<xs:element name="Cube" substitutionGroup="t:Square"/>
<xs:complexType name="T"><xs:sequence><xs:element ref="t:Shape"/></xs:sequence></xs:complexType>
<xs:complexType name="U"><xs:choice maxOccurs="unbounded"><xs:element name="other"/><xs:element ref="t:Shape"/></xs:choice></xs:complexType>`)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{shape(s.ComplexTypes[xml.Name{Space: "urn:t", Local: "T"}].Particle), shape(s.ComplexTypes[xml.Name{Space: "urn:t", Local: "U"}].Particle)}
	want := []string{
		`sequence(choice head=Shape(ref Circle ref Square ref Cube))`,
		`choice{1,unbounded}(other ref Circle ref Square ref Cube) occchoice(other ref Circle ref Square ref Cube)`,
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}
