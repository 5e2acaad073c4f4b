package soapimpl

import (
	"encoding/xml"
	"errors"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/soap"
)

// decWantDecodeError fails unless err is a *soap.DecodeError whose message contains sub, and returns
// it.
func decWantDecodeError(t *testing.T, err error, sub string) *soap.DecodeError {
	t.Helper()
	if err == nil {
		t.Fatalf("error = nil, want a *soap.DecodeError containing %q", sub)
	}
	var de *soap.DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("error %v (%T) is not a *soap.DecodeError", err, err)
	}
	if !strings.Contains(err.Error(), sub) {
		t.Fatalf("error = %q, want it to contain %q", err, sub)
	}
	return de
}

// The harness of the tests of the codecs on their own: fields written into and read from a root
// element, as the engine writes and reads the fields of a struct.

const fldNS = "urn:fld"

func fldN(local string) xml.Name { return xml.Name{Space: fldNS, Local: local} }

// The root element the field tests write into and read from: it binds xsi, xsd and f (fldNS), as
// a request envelope does, so the fields' own output needs no declarations.
const (
	fldRootOpen  = `<r xmlns:xsi="` + soap.XSINamespace + `" xmlns:xsd="` + soap.XSDNamespace + `" xmlns:f="` + fldNS + `">`
	fldRootEmpty = `<r xmlns:xsi="` + soap.XSINamespace + `" xmlns:xsd="` + soap.XSDNamespace + `" xmlns:f="` + fldNS + `"/>`
	fldRootClose = `</r>`
	fldNil       = `<v xsi:nil="true"/>`
)

// fldEncode runs write inside the root element and returns what it wrote there.
func fldEncode(t *testing.T, write func(e *Encoder)) (string, error) {
	t.Helper()
	e := NewEncoder(map[string]string{soap.XSINamespace: "xsi", soap.XSDNamespace: "xsd", fldNS: "f"})
	e.Bind("xsi", soap.XSINamespace)
	e.Bind("xsd", soap.XSDNamespace)
	e.Bind("f", fldNS)
	e.StartElement(xml.Name{Local: "r"}, xml.Name{})
	write(e)
	e.EndElement()
	if err := e.Err(); err != nil {
		return "", err
	}
	out := string(e.Bytes())
	if out == fldRootEmpty {
		return "", nil
	}
	inner, ok := strings.CutPrefix(out, fldRootOpen)
	if !ok {
		t.Fatalf("unexpected root in %s", out)
	}
	inner, ok = strings.CutSuffix(inner, fldRootClose)
	if !ok {
		t.Fatalf("unexpected end in %s", out)
	}
	return inner, nil
}

// fldMustEncode is fldEncode that fails the test on an encoding error.
func fldMustEncode(t *testing.T, write func(e *Encoder)) string {
	t.Helper()
	s, err := fldEncode(t, write)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return s
}

// fldDecoder returns a Decoder positioned inside the root element around inner.
func fldDecoder(t *testing.T, inner string, types *Registry) *Decoder {
	t.Helper()
	d := NewDecoder([]byte(fldRootOpen+inner+fldRootClose), types)
	if err := d.Root(); err != nil {
		t.Fatalf("Root: %v", err)
	}
	return d
}

// decChild reads the next child element, which must be named want.
func decChild(t *testing.T, d *Decoder, want string) {
	t.Helper()
	ok, err := d.Child()
	if err != nil || !ok {
		t.Fatalf("Child = %v, %v; want <%s>", ok, err, want)
	}
	if n := d.Name(); n.Local != want {
		t.Fatalf("Child = <%s>, want <%s>", n.Local, want)
	}
}

// fld returns the field {space}local of Go name goName, converted by c.
func fld(space, local, goName string, flags Flags, c *Codec) elem {
	return fieldElem(&Field{Space: space, Local: local, GoName: goName, Flags: flags, Codec: c})
}

// fldEnc writes the Go field ptr points to as the field f of a struct whose Presence is p.
func fldEnc(e *Encoder, f *elem, p *soap.Presence, ptr any) { f.fc.enc(f.mode, e, f, "", p, ptr) }

// fldDec reads the element just started into the Go field ptr points to (one occurrence, for a
// repeated field).
func fldDec(d *Decoder, f *elem, p *soap.Presence, ptr any) error {
	return f.fc.dec(f.mode, d, f, p, ptr)
}

// fldDecodeOne decodes inner (zero or more elements) as a struct whose only field is f: each element
// named as f into ptr, others an error; f is recorded as absent when none occurred.
func fldDecodeOne(t *testing.T, inner string, f *elem, p *soap.Presence, ptr any) error {
	t.Helper()
	d := fldDecoder(t, inner, nil)
	d.DisallowUnknown()
	seen := false
	for {
		ok, err := d.Child()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		if !d.match(&f.name) {
			if err := d.unknown(); err != nil {
				return err
			}
			continue
		}
		seen = true
		if err := fldDec(d, f, p, ptr); err != nil {
			return err
		}
	}
	if !seen {
		f.observe(p, soap.Absent, true)
	}
	return nil
}

// The values a reply holding the given text decodes to, kept unchecked as decoding keeps them.
func wireDateTime(s string) soap.DateTime   { return wire[soap.DateTime](&XSDateTime, s) }
func wireDate(s string) soap.Date           { return wire[soap.Date](&XSDate, s) }
func wireTimeOfDay(s string) soap.TimeOfDay { return wire[soap.TimeOfDay](&XSTime, s) }
func wireDuration(s string) soap.Duration   { return wire[soap.Duration](&XSDuration, s) }
func wireDecimal(s string) soap.Decimal     { return wire[soap.Decimal](&XSDecimal, s) }

func wire[T any](c *Codec, s string) T {
	v, err := c.Parse(s)
	if err != nil {
		panic(err)
	}
	return v.(T)
}

// encN returns the name {space}local.
func encN(space, local string) xml.Name { return xml.Name{Space: space, Local: local} }

// fldPoint is a generated-style complex type {urn:fld}Point.
type fldPoint struct {
	X        int32
	Presence soap.Presence
}

var tableFldPoint = NewType(&Struct{
	Go: "fldPoint", Type: fldN("Point"), Zero: (*fldPoint)(nil),
	New: func() any { return new(fldPoint) },
	Ptrs: func(v any, p []any) {
		x := v.(*fldPoint)
		p[0], p[1] = &x.X, &x.Presence
	},
	Fields:   []Field{{Space: fldNS, Local: "X", GoName: "X", Flags: Optional, Codec: &XSInt}},
	Presence: true,
})

func (*fldPoint) SOAPType() *Type      { return tableFldPoint }
func (v *fldPoint) asPoint() *fldPoint { return v }

var ptrFldPoint = Ptr[*fldPoint]()

// fldPoint3 is {urn:fld}Point3, derived from Point by extension.
type fldPoint3 struct {
	fldPoint
	Z        int32
	Presence soap.Presence
}

var tableFldPoint3 = NewType(&Struct{
	Go: "fldPoint3", Type: fldN("Point3"), Zero: (*fldPoint3)(nil),
	New: func() any { return new(fldPoint3) },
	Ptrs: func(v any, p []any) {
		x := v.(*fldPoint3)
		p[0], p[1], p[2] = &x.Z, &x.Presence, &x.fldPoint
	},
	Fields:   []Field{{Space: fldNS, Local: "Z", GoName: "Z", Codec: &XSInt}},
	Presence: true,
	Base:     true,
})

func (*fldPoint3) SOAPType() *Type { return tableFldPoint3 }

// fldOther is a registered type that does not derive from Point: simple content.
type fldOther struct{ Text string }

var tableFldOther = NewType(&Struct{
	Go: "fldOther", Type: fldN("Other"), Zero: (*fldOther)(nil),
	New: func() any { return new(fldOther) },
	Ptrs: func(v any, p []any) {
		x := v.(*fldOther)
		p[0] = &x.Text
	},
	Text: &XSString,
})

func (*fldOther) SOAPType() *Type { return tableFldOther }

// fldAnyPoint is the interface generated for the base type Point.
type fldAnyPoint interface {
	Message
	asPoint() *fldPoint
}

var fldPoly = Poly[fldAnyPoint, *fldPoint]()

var fldTypes = NewRegistry([]*Type{tableFldPoint, tableFldPoint3, tableFldOther})

// fldAnon is a struct of an anonymous type.
type fldAnon struct{}

var tableFldAnon = NewType(&Struct{Go: "fldAnon", Zero: (*fldAnon)(nil), New: func() any { return new(fldAnon) }})

func (*fldAnon) SOAPType() *Type { return tableFldAnon }

const (
	encXSI = soap.XSINamespace
	encXSD = soap.XSDNamespace
)

// encWantErr fails unless err is non-nil and its message contains sub.
func encWantErr(t *testing.T, err error, sub string) {
	t.Helper()
	if err == nil {
		t.Fatalf("error = nil, want one containing %q", sub)
	}
	if !strings.Contains(err.Error(), sub) {
		t.Fatalf("error = %q, want one containing %q", err, sub)
	}
}

// fldPresence builds a Presence from field, state pairs.
func fldPresence(kv ...any) soap.Presence {
	var p soap.Presence
	for i := 0; i < len(kv); i += 2 {
		p.Set(kv[i].(string), kv[i+1].(soap.State))
	}
	return p
}
