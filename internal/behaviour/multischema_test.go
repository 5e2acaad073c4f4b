package behaviour_test

import (
	"context"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/golden/multischema"
)

const (
	nsMultiA = "http://example.com/sogen/multischema"
	nsMultiB = "http://example.com/sogen/multischema/b"
	nsMultiC = "http://example.com/sogen/multischema/c"
)

var multischemaTypes = types(new(multischema.Customer), new(multischema.Address), new(multischema.Phone))

// TestMultiSchema checks element qualification across schemas (XML Schema Part 1 section 3.3.2: a
// local element is in the target namespace of the schema that declares it when that schema's
// elementFormDefault is qualified, and in no namespace when it is unqualified).
func TestMultiSchema(t *testing.T) {
	ctx := context.Background()
	a := func(local string) xml.Name { return xml.Name{Space: nsMultiA, Local: local} }
	u := func(local string) xml.Name { return xml.Name{Local: local} }
	c := func(local string) xml.Name { return xml.Name{Space: nsMultiC, Local: local} }

	customer := &multischema.Customer{
		Name: "Ada",
		Address: &multischema.Address{
			Street:    "Storgata 1",
			City:      "Oslo",
			Country:   multischema.CountryCodeNO,
			Reception: &multischema.Phone{Number: "+47 22 00 00 00", Country: multischema.CountryCodeNO},
		},
		Phone:   &multischema.Phone{Number: "+46 8 000 000", Country: multischema.CountryCodeSE},
		Country: multischema.CountryCodeDK,
	}

	t.Run("Register writes B's elements unqualified and A's and C's qualified", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<RegisterResponse xmlns="`+nsMultiA+`"/>`))
		cl := multischema.NewCustomersClient(nil)
		cl.Endpoint = srv.URL
		if _, err := cl.Register(ctx, customer); err != nil {
			t.Fatal(err)
		}
		req := srv.Last(t)
		checkHTTP11(t, req, "http://example.com/sogen/multischema/Register")
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "Register", a("Register"), op.Name)
		cust := op.mustFind(t, nsMultiA, "customer")
		diff(t, "Customer's children", []xml.Name{a("Name"), a("Address"), a("Phone"), a("Country")}, cust.childNames())
		addr := cust.mustFind(t, nsMultiA, "Address")
		diff(t, "Address's children", []xml.Name{u("Street"), u("City"), u("Country"), u("Reception")}, addr.childNames())
		diff(t, "Reception's children", []xml.Name{c("Number"), c("Country")}, addr.Children[3].childNames())
		diff(t, "Phone's children", []xml.Name{c("Number"), c("Country")}, cust.mustFind(t, nsMultiA, "Phone").childNames())
		diff(t, "forms", []string{
			`Name="Ada"`,
			`Address={Street="Storgata 1" City="Oslo" Country="NO" Reception={Number="+47 22 00 00 00" Country="NO"}}`,
			`Phone={Number="+46 8 000 000" Country="SE"}`,
			`Country="DK"`,
		}, cust.childForms())
		if strings.Contains(string(req.Body), `xmlns="`) {
			t.Error("the request declares a default namespace: unqualified elements would fall into it")
		}
		checkGolden(t, "multischema", "Register.request.xml", req.Body)

		var back multischema.Register
		if err := decodeBody(req.Body, &back, multischemaTypes); err != nil {
			t.Fatal(err)
		}
		diff(t, "decoded request", customer, back.Customer)
	})

	want := &multischema.RegisterResponse{
		Shipping: &multischema.Address{
			Street:    "Main St 1",
			City:      "Oslo",
			Country:   multischema.CountryCodeNO,
			Reception: &multischema.Phone{Number: "123"},
		},
		Contact: []*multischema.Phone{
			{Number: "+47 1", Country: multischema.CountryCodeSE},
			{Number: "+47 2"},
		},
	}
	for _, tc := range []struct{ name, body string }{
		{"default namespace reset with xmlns=\"\"", `<RegisterResponse xmlns="` + nsMultiA + `">` +
			`<Shipping><Street xmlns="">Main St 1</Street><City xmlns="">Oslo</City><Country xmlns="">NO</Country>` +
			`<Reception xmlns=""><Number xmlns="` + nsMultiC + `">123</Number></Reception></Shipping>` +
			`<Contact><Number xmlns="` + nsMultiC + `">+47 1</Number><Country xmlns="` + nsMultiC + `">SE</Country></Contact>` +
			`<Contact><c:Number xmlns:c="` + nsMultiC + `">+47 2</c:Number></Contact>` +
			`</RegisterResponse>`},
		{"prefixes only", `<a:RegisterResponse xmlns:a="` + nsMultiA + `" xmlns:c="` + nsMultiC + `">` +
			`<a:Shipping><Street>Main St 1</Street><City>Oslo</City><Country>NO</Country>` +
			`<Reception><c:Number>123</c:Number></Reception></a:Shipping>` +
			`<a:Contact><c:Number>+47 1</c:Number><c:Country>SE</c:Country></a:Contact>` +
			`<a:Contact><c:Number>+47 2</c:Number></a:Contact>` +
			`</a:RegisterResponse>`},
	} {
		t.Run("Register decodes unqualified and qualified elements: "+tc.name, func(t *testing.T) {
			srv := newServer(t, envelope11("", tc.body))
			cl := multischema.NewCustomersClient(nil)
			cl.Endpoint = srv.URL
			got, err := cl.Register(ctx, customer)
			if err != nil {
				t.Fatal(err)
			}
			diff(t, "Register", want, got)
			var strict multischema.RegisterResponse
			if err := decodeXML([]byte(tc.body), &strict, multischemaTypes); err != nil {
				t.Fatal(err)
			}
			diff(t, "strictly decoded", want, &strict)
		})
	}

	t.Run("an Address child in the wrong namespace is not taken for the unqualified one", func(t *testing.T) {
		body := `<RegisterResponse xmlns="` + nsMultiA + `"><Shipping><Street>Main St 1</Street></Shipping></RegisterResponse>`
		var strict multischema.RegisterResponse
		err := decodeXML([]byte(body), &strict, multischemaTypes)
		if err == nil || !strings.Contains(err.Error(), "unknown element {"+nsMultiA+"}Street") {
			t.Errorf("strict decoding = %v, want an unknown element {%s}Street error", err, nsMultiA)
		}
	})
}
