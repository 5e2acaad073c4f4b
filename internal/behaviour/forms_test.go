package behaviour_test

import (
	"context"
	"encoding/xml"
	"testing"

	"github.com/sogen-go/sogen/golden/forms"
	"github.com/sogen-go/sogen/golden/recursive"
)

const (
	nsForms      = "http://example.com/sogen/forms"
	nsFormsOther = "http://example.com/sogen/forms/other"
	nsRecursive  = "http://example.com/sogen/recursive"
)

// TestForms checks XML Schema Part 1 sections 3.3.2 and 3.2.2: a local element or attribute is in
// its schema's target namespace when its form (or the schema's elementFormDefault or
// attributeFormDefault) is qualified, and in no namespace otherwise; global elements, reached by
// reference, are always qualified. Two types of the same name in two namespaces stay apart.
func TestForms(t *testing.T) {
	ctx := context.Background()
	fn := func(local string) xml.Name { return xml.Name{Space: nsForms, Local: local} }
	on := func(local string) xml.Name { return xml.Name{Space: nsFormsOther, Local: local} }

	reply := envelope11("", `<f:SendResponse xmlns:f="`+nsForms+`" xmlns:o="`+nsFormsOther+`">`+
		`<item c="1" o:d="2"><o:code>x</o:code><plain>p</plain></item></f:SendResponse>`)
	srv := newServer(t, reply)
	c := forms.NewFormsClient(nil)
	c.Endpoint = srv.URL
	item := &forms.Item{Local: "l", Qualified: "q", Global: "g", A: ptr("a"), B: ptr("b"),
		Other: &forms.ItemType{Code: "c", Plain: "p", C: ptr("c"), D: ptr("d")}}
	got, err := c.Send(ctx, item)
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "reply", &forms.ItemType{Code: "x", Plain: "p", C: ptr("1"), D: ptr("2")}, got)

	req := srv.Last(t)
	checkHTTP11(t, req, nsForms+"/Send")
	op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
	diff(t, "Send", []xml.Name{{Local: "item"}}, op.childNames())
	it := op.Children[0]
	diff(t, "item's children", []xml.Name{{Local: "local"}, fn("qualified"), fn("global"), {Local: "other"}}, it.childNames())
	diff(t, "item's attributes", map[xml.Name]string{fn("a"): "a", {Local: "b"}: "b"}, it.attrMap())
	other := it.Children[3]
	diff(t, "other's children", []xml.Name{on("code"), {Local: "plain"}}, other.childNames())
	diff(t, "other's attributes", map[xml.Name]string{{Local: "c"}: "c", on("d"): "d"}, other.attrMap())
	checkGolden(t, "forms", "Send.request.xml", req.Body)

	var back forms.Send
	if err := decodeBody(req.Body, &back, nil); err != nil {
		t.Fatal(err)
	}
	diff(t, "decoded", item, back.Item)

	// An element in the wrong namespace is not the declared one.
	var wrong forms.ItemType
	err = decodeXML([]byte(`<item xmlns:o="`+nsFormsOther+`"><code>x</code><o:plain>p</o:plain></item>`), &wrong, nil)
	if err == nil {
		t.Error("decoding unqualified code and qualified plain succeeded; both are in the wrong namespace")
	}
}

// TestRecursive checks types that contain themselves, and anonymous types nested in anonymous types.
func TestRecursive(t *testing.T) {
	ctx := context.Background()
	srv := newServer(t, envelope11("", `<WalkResponse xmlns="`+nsRecursive+`"><visited>4</visited></WalkResponse>`))
	c := recursive.NewRecursiveClient(nil)
	c.Endpoint = srv.URL
	leaf := &recursive.Node{Name: "leaf"}
	root := &recursive.Node{Name: "root", Child: []*recursive.Node{
		{Name: "a", Child: []*recursive.Node{leaf}},
		{Name: "b", Link: &recursive.Link{Target: &recursive.Node{Name: "c"}}},
	}}
	opts := &recursive.WalkOptions{Depth: 3, Filter: &recursive.WalkOptionsFilter{Prefix: "x"}}
	got, err := c.Walk(ctx, root, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got != 4 {
		t.Errorf("Walk = %d, want 4", got)
	}
	req := srv.Last(t)
	op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
	diff(t, "Walk", []string{
		`root={name="root" child={name="a" child={name="leaf"}} child={name="b" link={target={name="c"}}}}`,
		`options={depth="3" filter={prefix="x"}}`,
	}, op.childForms())
	checkGolden(t, "recursive", "Walk.request.xml", req.Body)

	var back recursive.Walk
	if err := decodeBody(req.Body, &back, nil); err != nil {
		t.Fatal(err)
	}
	diff(t, "decoded", &recursive.Walk{Root: root, Options: opts}, &back)
}
