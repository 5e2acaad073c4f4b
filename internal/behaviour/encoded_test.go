package behaviour_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/golden/encoded"
	"github.com/sogen-go/sogen/internal/soaptest"
	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/soapimpl"
)

const (
	nsDirSvc  = "urn:example:directory:svc"
	nsDir     = "urn:example:directory"
	nsSOAPEnc = "http://schemas.xmlsoap.org/soap/encoding/"
)

var encodedTypes = types(new(encoded.Person))

// newDirectory returns a client of the encoded fixture talking to a server answering reply.
func newDirectory(t *testing.T, reply string) (*encoded.DirectoryClient, func() *node, func() []byte) {
	srv := newServer(t, []byte(reply))
	c := encoded.NewDirectoryClient(nil)
	if c.Endpoint != "http://example.com/directory/server.php" {
		t.Errorf("Endpoint = %q", c.Endpoint)
	}
	c.Endpoint = srv.URL
	wrapper := func() *node {
		t.Helper()
		return bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11))
	}
	return c, wrapper, func() []byte { return srv.Last(t).Body }
}

// encodingStyle returns the soap:encodingStyle attribute of n, or "".
func encodingStyle(n *node) string {
	for _, a := range n.Attr {
		if a.Name == xmlName(nsEnv11, "encodingStyle") {
			return a.Value
		}
	}
	return ""
}

// attrOf returns the attribute {space}local of n, or "".
func attrOf(n *node, space, local string) string {
	for _, a := range n.Attr {
		if a.Name == xmlName(space, local) {
			return a.Value
		}
	}
	return ""
}

// axisEnvelope, phpEnvelope and gsoapEnvelope wrap body the way those servers write their replies.
func axisEnvelope(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` +
		`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<soapenv:Body>` + body + `</soapenv:Body></soapenv:Envelope>`
}

func phpEnvelope(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="urn:example:directory:svc" xmlns:ns2="urn:example:directory" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">` +
		`<SOAP-ENV:Body>` + body + `</SOAP-ENV:Body></SOAP-ENV:Envelope>` + "\n"
}

func gsoapEnvelope(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:ns="urn:example:directory:svc" xmlns:t="urn:example:directory">` +
		` <SOAP-ENV:Body SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">` + body + `</SOAP-ENV:Body></SOAP-ENV:Envelope>`
}

// axisPerson is GetPerson's reply as Axis 1 writes it: the part refers to a multiRef element beside the
// wrapper, which refers to others for the age and an array item.
const axisPerson = `<ns1:GetPersonResponse soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xmlns:ns1="urn:example:directory:svc">` +
	`<return href="#id0"/></ns1:GetPersonResponse>` +
	`<multiRef id="id0" soapenc:root="0" soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xsi:type="ns2:Person" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:ns2="urn:example:directory">` +
	`<name xsi:type="xsd:string">Ada</name>` +
	`<age href="#id1"/>` +
	`<email xsi:type="soapenc:string" xsi:nil="true"/>` +
	`<status xsi:type="ns2:Status">active</status>` +
	`<tags xsi:type="soapenc:Array" soapenc:arrayType="xsd:string[2]"><tags href="#id2"/><tags xsi:type="xsd:string">b</tags></tags>` +
	`</multiRef>` +
	`<multiRef id="id1" soapenc:root="0" soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xsi:type="xsd:int" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/">36</multiRef>` +
	`<multiRef id="id2" soapenc:root="0" soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xsi:type="soapenc:string" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/">a</multiRef>`

func ada() *encoded.Person {
	// Email is nil: the empty string of a nillable string needs no Presence entry.
	return &encoded.Person{Name: "Ada", Age: 36, Status: encoded.StatusActive, Tags: []string{"a", "b"}}
}

// TestEncodedRequests checks the request side of rpc/encoded (SOAP 1.1 sections 5 and 7, WSDL 1.1
// sections 3.5 and 3.7): a wrapper named after the operation in the soap:body namespace, carrying
// soap:encodingStyle; one unqualified accessor per part, named after it; xsi:type on every value of a
// named or built-in type (soapenc built-ins as the XML Schema types); SOAP-ENC arrays with
// xsi:type="soapenc:Array", soapenc:arrayType="T[n]" and one item element per value.
func TestEncodedRequests(t *testing.T) {
	ctx := context.Background()

	t.Run("Echo: simple parts with xsi:type", func(t *testing.T) {
		c, wrapper, body := newDirectory(t, phpEnvelope(`<ns1:EchoResponse><return xsi:type="xsd:string">hihi</return></ns1:EchoResponse>`))
		got, err := c.Echo(ctx, "hi", 2)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "Echo", "hihi", got)
		w := wrapper()
		diff(t, "wrapper", xmlName(nsDirSvc, "Echo"), w.Name)
		diff(t, "encodingStyle", nsSOAPEnc, encodingStyle(w))
		diff(t, "parts", []string{`text=(string)"hi"`, `count=(int)"2"`}, w.childForms())
		diff(t, "part types", []xml.Name{xmlName(nsXSD, "string"), xmlName(nsXSD, "int")}, []xml.Name{w.Children[0].Type, w.Children[1].Type})
		checkGolden(t, "encoded", "Echo.request.xml", body())
	})

	t.Run("SavePerson: a struct part, its fields and array typed too", func(t *testing.T) {
		c, wrapper, body := newDirectory(t, phpEnvelope(`<ns1:SavePersonResponse><id xsi:type="xsd:int">7</id><created xsi:type="xsd:boolean">true</created></ns1:SavePersonResponse>`))
		got, err := c.SavePerson(ctx, ada())
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "SavePerson", &encoded.SavePersonResponse{ID: 7, Created: true}, got)
		w := wrapper()
		diff(t, "parts", []xml.Name{xmlName("", "person")}, w.childNames())
		p := w.Children[0]
		diff(t, "person type", xmlName(nsDir, "Person"), p.Type)
		diff(t, "person", []string{`name=(string)"Ada"`, `age=(int)"36"`, `email=nil`, `status=(Status)"active"`, `tags=(Array){item=(string)"a" item=(string)"b"}`}, p.childForms())
		tags := p.Children[4]
		diff(t, "arrayType", "xsd:string[2]", attrOf(tags, nsSOAPEnc, "arrayType"))
		diff(t, "item types", []xml.Name{xmlName(nsXSD, "string"), xmlName(nsXSD, "string")}, []xml.Name{tags.Children[0].Type, tags.Children[1].Type})
		checkGolden(t, "encoded", "SavePerson.request.xml", body())
	})

	t.Run("FindPeople and Sum: arrays as parts", func(t *testing.T) {
		c, wrapper, body := newDirectory(t, phpEnvelope(`<ns1:FindPeopleResponse><return SOAP-ENC:arrayType="ns2:Person[0]" xsi:type="SOAP-ENC:Array"/></ns1:FindPeopleResponse>`))
		got, err := c.FindPeople(ctx, []string{"Ada", "Grace"})
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "FindPeople", []*encoded.Person{}, got)
		names := wrapper().Children[0]
		diff(t, "names", `(Array){item=(string)"Ada" item=(string)"Grace"}`, names.form())
		checkGolden(t, "encoded", "FindPeople.request.xml", body())

		c, wrapper, body = newDirectory(t, phpEnvelope(`<ns1:SumResponse><return xsi:type="xsd:long">6</return></ns1:SumResponse>`))
		sum, err := c.Sum(ctx, []int32{1, 2, 3})
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "Sum", int64(6), sum)
		numbers := wrapper().Children[0]
		// NumberList names its items "number" in its model group.
		diff(t, "numbers", `(Array){number=(int)"1" number=(int)"2" number=(int)"3"}`, numbers.form())
		diff(t, "arrayType", "xsd:int[3]", attrOf(numbers, nsSOAPEnc, "arrayType"))
		checkGolden(t, "encoded", "Sum.request.xml", body())
	})

	t.Run("Inspect: an untyped soapenc:Array of anything", func(t *testing.T) {
		c, wrapper, body := newDirectory(t, phpEnvelope(`<ns1:InspectResponse><return xsi:type="SOAP-ENC:string">2 values</return></ns1:InspectResponse>`))
		got, err := c.Inspect(ctx, []any{"x", int32(4), []any{true}})
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "Inspect (soapenc:string read as xs:string)", any("2 values"), got)
		values := wrapper().Children[0]
		// A []any in an xs:anyType slot is a nested SOAP-ENC array, as PHP's and Magento's APIs take.
		diff(t, "values", `(Array){item=(string)"x" item=(int)"4" item=(Array){item=(boolean)"true"}}`, values.form())
		diff(t, "arrayType", "xsd:anyType[3]", attrOf(values, nsSOAPEnc, "arrayType"))
		diff(t, "nested arrayType", "xsd:anyType[1]", attrOf(values.Children[2], nsSOAPEnc, "arrayType"))
		checkGolden(t, "encoded", "Inspect.request.xml", body())

		// A soapenc:Array in an xs:anyType slot decodes to a []any (PHP's untyped arrays; Magento's
		// multiCall answers with xsd:ur-type items).
		c, _, _ = newDirectory(t, phpEnvelope(`<ns1:InspectResponse><return SOAP-ENC:arrayType="xsd:ur-type[3]" xsi:type="SOAP-ENC:Array">`+
			`<item xsi:type="xsd:boolean">true</item><item xsi:type="SOAP-ENC:Array" SOAP-ENC:arrayType="xsd:int[1]"><item xsi:type="xsd:int">5</item></item><item xsi:nil="true"/></return></ns1:InspectResponse>`))
		got, err = c.Inspect(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "Inspect (an untyped array)", any([]any{true, []any{int32(5)}, nil}), got)
	})

	t.Run("Ping and Notify: no parts, one-way", func(t *testing.T) {
		c, wrapper, body := newDirectory(t, phpEnvelope(`<ns1:PingResponse/>`))
		if err := c.Ping(ctx); err != nil {
			t.Fatal(err)
		}
		w := wrapper()
		diff(t, "Ping", xmlName(nsDirSvc, "Ping"), w.Name)
		diff(t, "Ping encodingStyle", nsSOAPEnc, encodingStyle(w))
		diff(t, "Ping children", 0, len(w.Children))
		checkGolden(t, "encoded", "Ping.request.xml", body())

		c, wrapper, body = newDirectory(t, "")
		if err := c.Notify(ctx, "bye"); err != nil {
			t.Fatal(err)
		}
		diff(t, "Notify", []string{`message=(string)"bye"`}, wrapper().childForms())
		checkGolden(t, "encoded", "Notify.request.xml", body())
	})
}

// TestEncodedReplies decodes replies shaped as Axis 1, PHP's SoapServer and gSOAP write them.
func TestEncodedReplies(t *testing.T) {
	ctx := context.Background()

	t.Run("Axis 1: multiRef values reached through href", func(t *testing.T) {
		c, _, _ := newDirectory(t, axisEnvelope(axisPerson))
		got, err := c.GetPerson(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "GetPerson", ada(), got)
	})

	t.Run("Axis 1: multiRef values before the reply, array items by href", func(t *testing.T) {
		c, _, _ := newDirectory(t, axisEnvelope(
			`<multiRef id="id1" soapenc:root="0" xsi:type="ns2:Person" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:ns2="urn:example:directory"><name xsi:type="xsd:string">Grace</name><age xsi:type="xsd:int">85</age></multiRef>`+
				`<ns1:FindPeopleResponse soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xmlns:ns1="urn:example:directory:svc">`+
				`<return xsi:type="soapenc:Array" soapenc:arrayType="ns2:Person[2]" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:ns2="urn:example:directory">`+
				`<item href="#id1"/><item href="#id1"/></return></ns1:FindPeopleResponse>`))
		got, err := c.FindPeople(ctx, []string{"Grace"})
		if err != nil {
			t.Fatal(err)
		}
		g := &encoded.Person{Name: "Grace", Age: 85, Presence: presence(map[string]soap.State{"Email": soap.Absent, "Status": soap.Absent, "Tags": soap.Absent})}
		diff(t, "FindPeople (a shared value decodes as two equal values)", []*encoded.Person{g, g}, got)
	})

	t.Run("PHP SoapServer: SOAP-ENC:Array of structs with item children", func(t *testing.T) {
		c, _, _ := newDirectory(t, phpEnvelope(`<ns1:FindPeopleResponse><return SOAP-ENC:arrayType="ns2:Person[2]" xsi:type="SOAP-ENC:Array">`+
			`<item xsi:type="ns2:Person"><name xsi:type="xsd:string">Ada</name><age xsi:type="xsd:int">36</age><email xsi:nil="true"/><status xsi:type="ns2:Status">active</status>`+
			`<tags SOAP-ENC:arrayType="xsd:string[2]" xsi:type="SOAP-ENC:Array"><item xsi:type="xsd:string">a</item><item xsi:type="xsd:string">b</item></tags></item>`+
			`<item xsi:type="ns2:Person"><name xsi:type="xsd:string">Grace</name><age xsi:type="xsd:int">85</age><status xsi:type="ns2:Status">retired</status></item>`+
			`</return></ns1:FindPeopleResponse>`))
		got, err := c.FindPeople(ctx, []string{"Ada", "Grace"})
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "FindPeople", []*encoded.Person{ada(), {Name: "Grace", Age: 85, Status: encoded.StatusRetired, Presence: presence(map[string]soap.State{"Email": soap.Absent, "Tags": soap.Absent})}}, got)
	})

	t.Run("gSOAP: encodingStyle on the Body, another wrapper name, typeless items", func(t *testing.T) {
		c, _, _ := newDirectory(t, gsoapEnvelope(`<ns:SplitResult><return xsi:type="SOAP-ENC:Array" SOAP-ENC:arrayType="xsd:string[3]"><item>a</item><item></item><item>c d</item></return></ns:SplitResult>`))
		got, err := c.Split(ctx, "a,,c d", ",")
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "Split", []string{"a", "", "c d"}, got)
	})

	t.Run("qualified accessors and a two-part reply", func(t *testing.T) {
		c, _, _ := newDirectory(t, phpEnvelope(`<ns1:SavePersonResponse><ns1:id xsi:type="xsd:int">7</ns1:id><ns1:created xsi:type="xsd:boolean">1</ns1:created></ns1:SavePersonResponse>`))
		got, err := c.SavePerson(ctx, ada())
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "SavePerson", &encoded.SavePersonResponse{ID: 7, Created: true}, got)
	})

	t.Run("a fault is a fault", func(t *testing.T) {
		c, _, _ := newDirectory(t, phpEnvelope(`<SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode><faultstring>no such person</faultstring></SOAP-ENV:Fault>`))
		_, err := c.GetPerson(ctx, 9)
		var f *soap.Fault
		if !errors.As(err, &f) || f.Reason != "no such person" {
			t.Fatalf("err = %v, want the fault", err)
		}
	})

	t.Run("bad references are errors", func(t *testing.T) {
		for _, tc := range []struct{ name, body, want string }{
			{"missing id", `<ns1:GetPersonResponse xmlns:ns1="urn:example:directory:svc"><return href="#nowhere"/></ns1:GetPersonResponse>`, `no element has id "nowhere"`},
			{"external reference", `<ns1:GetPersonResponse xmlns:ns1="urn:example:directory:svc"><return href="http://example.com/p"/></ns1:GetPersonResponse>`, `only references to an element of the message`},
			{"cycle", `<ns1:GetPersonResponse xmlns:ns1="urn:example:directory:svc"><return href="#p"/></ns1:GetPersonResponse><multiRef id="p"><name>x</name><tags href="#t"/></multiRef><multiRef id="t"><item href="#p"/></multiRef>`, `refers to itself`},
			{"sparse array", `<ns1:SplitResponse xmlns:ns1="urn:example:directory:svc"><return><item SOAP-ENC:position="[2]" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/">a</item></return></ns1:SplitResponse>`, `sparse SOAP-ENC arrays`},
			{"duplicate id", `<ns1:GetPersonResponse xmlns:ns1="urn:example:directory:svc"><return href="#p"/></ns1:GetPersonResponse><multiRef id="p"/><multiRef id="p"/>`, `id "p" is used twice`},
		} {
			t.Run(tc.name, func(t *testing.T) {
				c, _, _ := newDirectory(t, axisEnvelope(tc.body))
				var err error
				if strings.Contains(tc.body, "Split") {
					_, err = c.Split(ctx, "a", ",")
				} else {
					_, err = c.GetPerson(ctx, 1)
				}
				var de *soap.DecodeError
				if !errors.As(err, &de) || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("err = %v, want a decode error containing %q", err, tc.want)
				}
			})
		}
	})
}

// decodeEncoded decodes the reply wrapper of an rpc/encoded envelope into dst, with unknown elements an
// error, resolving references as the client does.
func decodeEncoded(envelope []byte, dst soapimpl.Message) error {
	d := soapimpl.NewDecoder(append([]byte(nil), envelope...), encodedTypes)
	d.DisallowUnknown()
	if err := d.Root(); err != nil {
		return err
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
		if err := d.BufferEncoded(); err != nil {
			return err
		}
		ok, err = d.Child()
		if err != nil {
			return err
		}
		if !ok {
			return errors.New("empty Body")
		}
		return d.Decode(dst)
	}
}

// TestEncodedStrict decodes with unknown elements an error: nothing of an encoded reply is lost, and an
// element the schema does not declare is reported with its path, also inside a multiRef value.
func TestEncodedStrict(t *testing.T) {
	var resp encoded.GetPersonResponse
	if err := decodeEncoded([]byte(axisEnvelope(axisPerson)), &resp); err != nil {
		t.Fatal(err)
	}
	diff(t, "GetPersonResponse", ada(), resp.Return)

	bad := strings.Replace(axisPerson, `<name xsi:type="xsd:string">Ada</name>`, `<name xsi:type="xsd:string">Ada</name><nickname xsi:type="xsd:string">A</nickname>`, 1)
	err := decodeEncoded([]byte(axisEnvelope(bad)), new(encoded.GetPersonResponse))
	var de *soap.DecodeError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "unknown element {}nickname") || de.Path != "Envelope/Body/GetPersonResponse/return/nickname" {
		t.Fatalf("err = %v, want unknown element nickname at Envelope/Body/GetPersonResponse/return/nickname", err)
	}
	if de.Line != 1 || de.Column == 0 {
		t.Errorf("position %d:%d, want the position in the input", de.Line, de.Column)
	}
}

// TestEncodedRoundTrip encodes decoded values again with the SOAP encoding and decodes the result: the
// values come back equal, and the re-encoded form has every value in place (no href).
func TestEncodedRoundTrip(t *testing.T) {
	var resp encoded.GetPersonResponse
	if err := decodeEncoded([]byte(axisEnvelope(axisPerson)), &resp); err != nil {
		t.Fatal(err)
	}
	e := soapimpl.NewEncoder(nil)
	e.SetEncoding(soap.SOAPEncNamespace)
	e.StartElement(xmlName(nsEnv11, "Envelope"), xml.Name{})
	e.StartElement(xmlName(nsEnv11, "Body"), xml.Name{})
	soapimpl.Encode(e, xmlName(nsDirSvc, "GetPersonResponse"), &resp)
	e.EndElement()
	e.EndElement()
	if err := e.Err(); err != nil {
		t.Fatal(err)
	}
	out := e.Bytes()
	if bytes.Contains(out, []byte("href")) {
		t.Errorf("re-encoded with references:\n%s", out)
	}
	var again encoded.GetPersonResponse
	if err := decodeEncoded(out, &again); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	diff(t, "round trip", resp, again)
	ret := parseTree(t, out).mustFind(t, "", "return")
	diff(t, "re-encoded", []string{`name=(string)"Ada"`, `age=(int)"36"`, `email=nil`, `status=(Status)"active"`, `tags=(Array){item=(string)"a" item=(string)"b"}`}, ret.childForms())
}

// TestEncodedSOAP12 checks rpc/encoded over SOAP 1.2 with the SOAP 1.2 encoding (SOAP 1.2 Part 2
// sections 3 and 4), as gSOAP writes it: env:encodingStyle on the wrapper, arrays with enc:itemType
// and enc:arraySize, references as enc:ref to enc:id, and rpc:result naming the return accessor.
func TestEncodedSOAP12(t *testing.T) {
	ctx := context.Background()
	const (
		nsFiles = "urn:example:files"
		nsEnc12 = "http://www.w3.org/2003/05/soap-encoding"
		head    = `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" xmlns:SOAP-ENC="http://www.w3.org/2003/05/soap-encoding" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:ns="urn:example:files">` +
			`<SOAP-ENV:Body>`
		tail = `</SOAP-ENV:Body></SOAP-ENV:Envelope>`
	)
	newFiles := func(t *testing.T, body string) (*encoded.FilesClient, func() []byte) {
		srv := soaptest.NewServer(t, http.StatusOK, contentType12, []byte(head+body+tail))
		c := encoded.NewFilesClient(nil)
		c.Endpoint = srv.URL
		return c, func() []byte { return srv.Last(t).Body }
	}

	t.Run("List: the request, and an array reply with rpc:result and a shared item", func(t *testing.T) {
		c, body := newFiles(t, `<ns:ListResponse SOAP-ENV:encodingStyle="http://www.w3.org/2003/05/soap-encoding">`+
			`<SOAP-RPC:result xmlns:SOAP-RPC="http://www.w3.org/2003/05/soap-rpc">files</SOAP-RPC:result>`+
			`<files SOAP-ENC:itemType="xsd:string" SOAP-ENC:arraySize="3"><file SOAP-ENC:id="f1">a.txt</file><file>b.txt</file><file SOAP-ENC:ref="f1"/></files></ns:ListResponse>`)
		got, err := c.List(ctx, "/tmp", []string{"*.txt"})
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "List", []string{"a.txt", "b.txt", "a.txt"}, got)
		w := bodyChild(t, checkEnvelope(t, body(), nsEnv12))
		diff(t, "wrapper", xmlName(nsFiles, "List"), w.Name)
		diff(t, "encodingStyle", nsEnc12, attrOf(w, nsEnv12, "encodingStyle"))
		diff(t, "parts", []string{`dir=(string)"/tmp"`, `patterns={file=(string)"*.txt"}`}, w.childForms())
		p := w.Children[1]
		diff(t, "itemType", "xsd:string", attrOf(p, nsEnc12, "itemType"))
		diff(t, "arraySize", "1", attrOf(p, nsEnc12, "arraySize"))
		checkGolden(t, "encoded", "List.request.xml", body())
	})

	t.Run("Stat: a reply referring to an independent element", func(t *testing.T) {
		c, _ := newFiles(t, `<ns:StatResponse SOAP-ENV:encodingStyle="http://www.w3.org/2003/05/soap-encoding"><info SOAP-ENC:ref="i1"/></ns:StatResponse>`+
			`<ns:FileInfo SOAP-ENC:id="i1" xsi:type="ns:FileInfo"><name>a.txt</name><size xsi:type="xsd:long">12</size></ns:FileInfo>`)
		got, err := c.Stat(ctx, "a.txt")
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "Stat", &encoded.FileInfo{Name: "a.txt", Size: 12}, got)
	})
}

// people records the person SavePerson gets.
type people struct {
	encoded.UnimplementedDirectoryServer
	saved *encoded.Person
}

func (p *people) SavePerson(ctx context.Context, person *encoded.Person) (*encoded.SavePersonResponse, error) {
	p.saved = person
	return &encoded.SavePersonResponse{ID: 7, Created: true}, nil
}

// TestEncodedServerMultiRef posts to the generated rpc/encoded handler a request as Apache Axis 1
// writes them: the parameter's value a multiRef element before the request wrapper (SOAP 1.1 section
// 5.1 rule 8), reached through href; the implementation gets the value.
func TestEncodedServerMultiRef(t *testing.T) {
	impl := &people{}
	srv := httptest.NewServer(encoded.NewDirectoryHandler(impl))
	defer srv.Close()
	body := `<soapenv:Envelope xmlns:soapenv="` + nsEnv11 + `" xmlns:xsd="` + nsXSD + `" xmlns:xsi="` + nsXSI + `"><soapenv:Body>` +
		`<multiRef id="id0" soapenc:root="0" soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xsi:type="ns2:Person" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:ns2="urn:example:directory">` +
		`<name xsi:type="xsd:string">Ada</name><age xsi:type="xsd:int">36</age></multiRef>` +
		`<ns1:SavePerson soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xmlns:ns1="urn:example:directory:svc"><person href="#id0"/></ns1:SavePerson>` +
		`</soapenv:Body></soapenv:Envelope>`
	req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(body))
	req.Header.Set("Content-Type", contentType11)
	req.Header.Set("SOAPAction", `"urn:example:directory#SavePerson"`)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	reply, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("HTTP %d: %s", res.StatusCode, reply)
	}
	if impl.saved == nil || impl.saved.Name != "Ada" || impl.saved.Age != 36 {
		t.Errorf("the implementation got %+v", impl.saved)
	}
	var out encoded.SavePersonResponse
	if err := decodeBody(reply, &out, nil); err != nil || out.ID != 7 || !out.Created {
		t.Errorf("the reply decodes to %+v, %v:\n%s", out, err, reply)
	}
}
