package behaviour_test

import (
	"context"
	"encoding/xml"
	"testing"

	"github.com/sogen-go/sogen/golden/wildcard"
	"github.com/sogen-go/sogen/soap"
)

const nsWildcard = "http://example.com/sogen/wildcard"

// TestWildcard checks xs:any and xs:anyAttribute (XML Schema Part 1 section 3.10), kept as XML and
// written back unchanged, and mixed content (section 3.4.2), whose text and elements keep their
// order.
func TestWildcard(t *testing.T) {
	ctx := context.Background()
	wn := func(local string) xml.Name { return xml.Name{Space: nsWildcard, Local: local} }
	on := func(local string) xml.Name { return xml.Name{Space: nsOther, Local: local} }

	t.Run("Post writes wildcard elements and attributes, and mixed content, in order", func(t *testing.T) {
		reply := envelope11("", `<PostResponse xmlns="`+nsWildcard+`"><d:DataSet xmlns:d="urn:data" d:v="1"><d:Row id="1">a<d:Cell/>b</d:Row></d:DataSet></PostResponse>`)
		srv := newServer(t, reply)
		c := wildcard.NewWildcardClient(nil)
		c.Endpoint = srv.URL
		payload := &wildcard.Extensible{
			Kind: "k",
			Any: []*soap.Element{
				{Name: on("extra"), Attr: []xml.Attr{{Name: xml.Name{Local: "n"}, Value: "1"}}, Content: []soap.Node{{Text: "x < y"}}},
				{Name: on("empty")},
			},
			AnyAttr: []xml.Attr{{Name: xml.Name{Local: "hint"}, Value: "h"}, {Name: on("mark"), Value: "m"}},
		}
		label := &wildcard.Label{Value: "caption", Lang: ptr("en")}
		// The mixed content is left out of the request: the golden files are re-indented, which
		// would change its text. The next subtest checks its bytes.
		got, err := c.Post(ctx, payload, nil, label)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "reply", []*soap.Element{{
			Name: xml.Name{Space: "urn:data", Local: "DataSet"},
			Attr: []xml.Attr{{Name: xml.Name{Space: "urn:data", Local: "v"}, Value: "1"}},
			Content: []soap.Node{{Element: &soap.Element{
				Name: xml.Name{Space: "urn:data", Local: "Row"}, Attr: []xml.Attr{{Name: xml.Name{Local: "id"}, Value: "1"}},
				Content: []soap.Node{{Text: "a"}, {Element: &soap.Element{Name: xml.Name{Space: "urn:data", Local: "Cell"}}}, {Text: "b"}},
			}}},
		}}, got)

		req := srv.Last(t)
		checkHTTP11(t, req, nsWildcard+"/Post")
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		p := op.mustFind(t, nsWildcard, "payload")
		diff(t, "payload", []string{`kind="k"`, `extra="x < y"`, `empty=empty`}, p.childForms())
		diff(t, "payload names", []xml.Name{wn("kind"), on("extra"), on("empty")}, p.childNames())
		diff(t, "payload attributes", map[xml.Name]string{{Local: "hint"}: "h", on("mark"): "m"}, p.attrMap())
		diff(t, "label", "caption", op.mustFind(t, nsWildcard, "label").Text)
		checkGolden(t, "wildcard", "Post.request.xml", req.Body)

		var back wildcard.Post
		if err := decodeBody(req.Body, &back, nil); err != nil {
			t.Fatal(err)
		}
		diff(t, "decoded payload", payload, back.Payload)
		diff(t, "decoded label", label, back.Label)
	})

	t.Run("mixed content keeps its text and elements in order", func(t *testing.T) {
		text := &wildcard.Para{Content: []soap.Node{
			{Text: "Hello "}, {Element: &soap.Element{Name: wn("b"), Content: []soap.Node{{Text: "bold"}}}}, {Text: " world"},
		}}
		data := mustMarshal(t, text, wn("text"))
		want := `<ns1:text xmlns:ns1="` + nsWildcard + `">Hello <ns1:b>bold</ns1:b> world</ns1:text>`
		diff(t, "bytes", want, string(data))
		var back wildcard.Para
		if err := decodeXML(data, &back, nil); err != nil {
			t.Fatal(err)
		}
		diff(t, "decoded", text, &back)
		var label wildcard.Label
		if err := decodeXML([]byte(`<label xmlns="`+nsWildcard+`" lang="nb">a &amp; b</label>`), &label, nil); err != nil {
			t.Fatal(err)
		}
		diff(t, "label", wildcard.Label{Value: "a & b", Lang: ptr("nb")}, label)
	})

	t.Run("the reply's wildcard element is sent back unchanged", func(t *testing.T) {
		doc := `<PostResponse xmlns="` + nsWildcard + `"><r:x xmlns:r="urn:r" r:a="1"> <r:y>t</r:y>tail</r:x></PostResponse>`
		var v wildcard.PostResponse
		if err := decodeXML([]byte(doc), &v, nil); err != nil {
			t.Fatal(err)
		}
		diff(t, "sent back", parseTree(t, []byte(doc)), parseTree(t, mustMarshal(t, &v, wn("PostResponse"))), ignoreTypeText)
	})

	t.Run("a nil wildcard element is an encoding error", func(t *testing.T) {
		if _, err := marshal(&wildcard.Extensible{Any: []*soap.Element{nil}}, wn("payload")); err == nil {
			t.Error("encoding a nil *soap.Element succeeded")
		}
	})
}
