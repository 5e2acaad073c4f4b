package behaviour_test

import (
	"context"
	"encoding/xml"
	"errors"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/golden/extension"
	"github.com/sogen-go/sogen/soap"
)

const nsExtension = "http://example.com/sogen/extension"

// extensionTypes is the registry of the extension schema's named complex types, written from the
// schema, for decoding outside a client.
var extensionTypes = types(new(extension.Animal), new(extension.Dog), new(extension.Puppy), new(extension.Shape), new(extension.Circle), new(extension.Kennel))

// TestExtension checks complexContent/extension: a derived value in a slot declared with its base
// type carries xsi:type (XML Schema Part 1 section 2.6.1) naming its type with a prefix in scope, its
// content is the base type's particles followed by its own (section 3.4.2, "the content type of the
// base followed by the extension's"), and xsi:type chooses the Go type when decoding.
func TestExtension(t *testing.T) {
	ctx := context.Background()
	en := func(local string) xml.Name { return xml.Name{Space: nsExtension, Local: local} }
	kennelReply := func(kennel string) []byte {
		return envelope11("", `<AdoptAnimalResponse xmlns="`+nsExtension+`" xmlns:i="`+nsXSI+`" xmlns:t="`+nsExtension+`">`+kennel+`</AdoptAnimalResponse>`)
	}
	empty := kennelReply("")

	adopt := func(t *testing.T, animal extension.AnyAnimal) (*node, []byte) {
		t.Helper()
		srv := newServer(t, empty)
		c := extension.NewShelterClient(nil)
		c.Endpoint = srv.URL
		if _, err := c.AdoptAnimal(ctx, animal); err != nil {
			t.Fatal(err)
		}
		req := srv.Last(t)
		checkHTTP11(t, req, "http://example.com/sogen/extension/AdoptAnimal")
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "body element", en("AdoptAnimal"), op.Name)
		if len(op.Children) != 1 {
			t.Fatalf("AdoptAnimal has %d children, want 1", len(op.Children))
		}
		return op.Children[0], req.Body
	}
	checkType := func(t *testing.T, n *node, want xml.Name) {
		t.Helper()
		diff(t, "xsi:type", want, n.Type)
		if prefix, _, ok := strings.Cut(n.TypeText, ":"); !ok || prefix == "" {
			t.Errorf("xsi:type %q is not a prefixed QName", n.TypeText)
		}
	}

	t.Run("AdoptAnimal with a *Dog writes xsi:type Dog and the Animal fields first", func(t *testing.T) {
		dog := &extension.Dog{Animal: extension.Animal{Name: "Rex", Legs: 4}, Breed: "Collie"}
		a, body := adopt(t, dog)
		diff(t, "element", en("animal"), a.Name)
		checkType(t, a, en("Dog"))
		diff(t, "content", []xml.Name{en("Name"), en("Legs"), en("Breed")}, a.childNames())
		diff(t, "forms", []string{`Name="Rex"`, `Legs="4"`, `Breed="Collie"`}, a.childForms())
		checkGolden(t, "extension", "AdoptAnimal.Dog.request.xml", body)
	})

	t.Run("AdoptAnimal with a *Puppy writes xsi:type Puppy and Animal, Dog, Puppy fields in order", func(t *testing.T) {
		puppy := &extension.Puppy{Dog: extension.Dog{Animal: extension.Animal{Name: "Bit", Legs: 4}, Breed: "Beagle"}, AgeWeeks: 9}
		a, body := adopt(t, puppy)
		checkType(t, a, en("Puppy"))
		diff(t, "content", []xml.Name{en("Name"), en("Legs"), en("Breed"), en("AgeWeeks")}, a.childNames())
		diff(t, "forms", []string{`Name="Bit"`, `Legs="4"`, `Breed="Beagle"`, `AgeWeeks="9"`}, a.childForms())
		checkGolden(t, "extension", "AdoptAnimal.Puppy.request.xml", body)
	})

	t.Run("AdoptAnimal with an *Animal writes no xsi:type", func(t *testing.T) {
		a, _ := adopt(t, &extension.Animal{Legs: 2})
		if a.TypeText != "" {
			t.Errorf("xsi:type = %q, want none for the declared type", a.TypeText)
		}
		diff(t, "forms", []string{`Legs="2"`}, a.childForms())
	})

	t.Run("AdoptAnimal with nil sends xsi:nil: the element is required and nillable", func(t *testing.T) {
		a, _ := adopt(t, nil)
		diff(t, "form", "nil", a.form())
	})

	t.Run("a Presence state of an inherited field belongs to the embedded type", func(t *testing.T) {
		puppy := &extension.Puppy{Dog: extension.Dog{Animal: extension.Animal{Legs: 4}}, AgeWeeks: 1}
		puppy.Dog.Animal.Presence.SetNil("Name")
		puppy.Dog.Presence.SetPresent("Breed")
		a, _ := adopt(t, puppy)
		diff(t, "forms", []string{`Name=nil`, `Legs="4"`, `Breed=empty`, `AgeWeeks="1"`}, a.childForms())

		wrong := &extension.Puppy{AgeWeeks: 1}
		wrong.Presence.SetNil("Name")
		if _, err := marshal(&extension.AdoptAnimal{Animal: wrong}, en("AdoptAnimal")); err == nil {
			t.Error("Puppy.Presence holding a state for Animal's field Name was accepted")
		}
	})

	wantKennel := &extension.Kennel{
		Resident: &extension.Puppy{Dog: extension.Dog{Animal: extension.Animal{Name: "Bit", Legs: 4}, Breed: "Beagle"}, AgeWeeks: 9},
		Animal: []extension.AnyAnimal{
			&extension.Animal{Name: "Tom", Legs: 4},
			&extension.Dog{Animal: extension.Animal{Name: "Rex", Legs: 3}, Breed: "Collie"},
			&extension.Animal{Name: "Pip", Legs: 2},
		},
		Sign: &extension.Circle{Shape: extension.Shape{Label: "Welcome"}, Radius: 1.5},
	}
	kennelXML := `<Kennel>` +
		`<Resident i:type="t:Puppy"><Name>Bit</Name><Legs>4</Legs><Breed>Beagle</Breed><AgeWeeks>9</AgeWeeks></Resident>` +
		`<Animal><Name>Tom</Name><Legs>4</Legs></Animal>` +
		`<Animal xmlns:d="` + nsExtension + `" i:type="d:Dog"><Name>Rex</Name><Legs>3</Legs><Breed>Collie</Breed></Animal>` +
		`<Animal i:type="t:Animal"><Name>Pip</Name><Legs>2</Legs></Animal>` +
		`<Sign i:type="t:Circle"><Label>Welcome</Label><Radius>1.5</Radius></Sign>` +
		`</Kennel>`

	t.Run("a reply's xsi:type chooses the Go type", func(t *testing.T) {
		reply := kennelReply(kennelXML)
		srv := newServer(t, reply)
		c := extension.NewShelterClient(nil)
		c.Endpoint = srv.URL
		got, err := c.AdoptAnimal(ctx, &extension.Animal{Legs: 4})
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "kennel", wantKennel, got)

		var strict extension.AdoptAnimalResponse
		if err := decodeBody(reply, &strict, extensionTypes); err != nil {
			t.Fatalf("strict decoding: %v", err)
		}
		diff(t, "kennel, decoded strictly", wantKennel, strict.Kennel)
	})

	t.Run("a Resident without xsi:type decodes as *Animal", func(t *testing.T) {
		srv := newServer(t, kennelReply(`<Kennel><Resident><Name>Tom</Name><Legs>4</Legs></Resident><Animal><Legs>1</Legs></Animal></Kennel>`))
		c := extension.NewShelterClient(nil)
		c.Endpoint = srv.URL
		got, err := c.AdoptAnimal(ctx, &extension.Animal{Legs: 4})
		if err != nil {
			t.Fatal(err)
		}
		want := &extension.Kennel{
			Resident: &extension.Animal{Name: "Tom", Legs: 4},
			Animal:   []extension.AnyAnimal{&extension.Animal{Legs: 1}},
		}
		diff(t, "kennel", want, got)
	})

	for _, tc := range []struct{ name, typ, msg string }{
		{"an unknown xsi:type is an error", "t:Cat", "xsi:type {" + nsExtension + "}Cat is not a known type"},
		{"an xsi:type not derived from the declared type is an error", "t:Circle", "xsi:type {" + nsExtension + "}Circle is not derived from {" + nsExtension + "}Animal"},
		{"an xsi:type with an undeclared prefix is an error", "zz:Dog", `QName "zz:Dog": prefix "zz" is not declared`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, kennelReply(`<Kennel><Resident i:type="`+tc.typ+`"><Name>Tom</Name><Legs>4</Legs></Resident></Kennel>`))
			c := extension.NewShelterClient(nil)
			c.Endpoint = srv.URL
			got, err := c.AdoptAnimal(ctx, &extension.Animal{Legs: 4})
			var de *soap.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("AdoptAnimal = %v, %v; want a *soap.DecodeError", got, err)
			}
			if !strings.Contains(de.Err.Error(), tc.msg) {
				t.Errorf("error %q does not say %q", de.Err, tc.msg)
			}
			if !strings.HasSuffix(de.Path, "Kennel/Resident") {
				t.Errorf("error path %q does not end at Kennel/Resident", de.Path)
			}
		})
	}

	t.Run("a decoded Kennel encodes back as it came", func(t *testing.T) {
		// An xsi:type naming the declared type itself (Pip's t:Animal above) is redundant and is not
		// kept; the rest must come back as it was.
		content := strings.Replace(kennelXML[len(`<Kennel>`):], `<Animal i:type="t:Animal">`, `<Animal>`, 1)
		doc := []byte(`<Kennel xmlns="` + nsExtension + `" xmlns:i="` + nsXSI + `" xmlns:t="` + nsExtension + `">` + content)
		var k extension.Kennel
		if err := decodeXML(doc, &k, extensionTypes); err != nil {
			t.Fatal(err)
		}
		again := mustMarshal(t, &k, en("Kennel"))
		diff(t, "re-encoded Kennel", parseTree(t, doc), parseTree(t, again), ignoreTypeText)
	})

	t.Run("PaintSign with a *Circle in the abstract Shape slot writes xsi:type Circle", func(t *testing.T) {
		reply := envelope11("", `<PaintSignResponse xmlns="`+nsExtension+`"><Circle><Label>Painted</Label><Radius>2</Radius></Circle></PaintSignResponse>`)
		srv := newServer(t, reply)
		c := extension.NewShelterClient(nil)
		c.Endpoint = srv.URL
		got, err := c.PaintSign(ctx, &extension.Circle{Shape: extension.Shape{Label: "Open"}, Radius: 0.5})
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "PaintSign", &extension.Circle{Shape: extension.Shape{Label: "Painted"}, Radius: 2}, got)
		req := srv.Last(t)
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		if len(op.Children) != 1 {
			t.Fatalf("PaintSign has %d children", len(op.Children))
		}
		s := op.Children[0]
		diff(t, "element", en("Shape"), s.Name)
		checkType(t, s, en("Circle"))
		diff(t, "forms", []string{`Label="Open"`, `Radius="0.5"`}, s.childForms())
		checkGolden(t, "extension", "PaintSign.request.xml", req.Body)
	})

	// Shape is abstract: XML Schema Part 1, Validation Rule "Element Locally Valid (Element)" 4.3 and
	// "Element Locally Valid (Type)" 2 make an element whose type is abstract invalid unless xsi:type
	// names a non-abstract derived type. Sending a bare Shape produces a message no validating server
	// accepts, so the client should refuse it rather than send it.
	t.Run("PaintSign refuses a bare value of the abstract type Shape", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<PaintSignResponse xmlns="`+nsExtension+`"/>`))
		c := extension.NewShelterClient(nil)
		c.Endpoint = srv.URL
		_, err := c.PaintSign(ctx, &extension.Shape{Label: "abstract"})
		if err == nil {
			t.Errorf("PaintSign(&Shape{}) succeeded and sent:\n%s", srv.Last(t).Body)
		}
	})
}
