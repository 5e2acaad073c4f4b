package behaviour_test

import (
	"context"
	"encoding/xml"
	"testing"

	"github.com/sogen-go/sogen/golden/unmappable"
	"github.com/sogen-go/sogen/soap"
)

const nsUnmappable = "http://example.com/sogen/unmappable"

// TestUnmappable checks what -lenient makes of what sogen cannot map (golden case unmappable): a type
// kept as XML holds its content and attributes as they came and writes them back unchanged; a repeated
// group read as a wildcard keeps its elements in order; the rest of the operation works as usual.
func TestUnmappable(t *testing.T) {
	un := func(local string) xml.Name { return xml.Name{Space: nsUnmappable, Local: local} }

	t.Run("a type kept as XML reads and writes its content and attributes unchanged", func(t *testing.T) {
		doc := `<signed xmlns="` + nsUnmappable + `" lang="en">Dear <author>Ada</author>, <em>hello</em>!<signature>A.</signature></signed>`
		var got unmappable.SignedNote
		if err := decodeXML([]byte(doc), &got, nil); err != nil {
			t.Fatal(err)
		}
		want := unmappable.SignedNote{
			Content: []soap.Node{
				{Text: "Dear "},
				{Element: &soap.Element{Name: un("author"), Content: []soap.Node{{Text: "Ada"}}}},
				{Text: ", "},
				{Element: &soap.Element{Name: un("em"), Content: []soap.Node{{Text: "hello"}}}},
				{Text: "!"},
				{Element: &soap.Element{Name: un("signature"), Content: []soap.Node{{Text: "A."}}}},
			},
			AnyAttr: []xml.Attr{{Name: xml.Name{Local: "lang"}, Value: "en"}},
		}
		diff(t, "decoded", want, got)
		back := parseTree(t, mustMarshal(t, &got, un("signed")))
		diff(t, "re-encoded", []string{`author="Ada"`, `em="hello"`, `signature="A."`}, back.childForms())
		diff(t, "re-encoded lang", "en", attrOf(back, "", "lang"))
	})

	t.Run("Post sends the typed fields, the XML kept and the wildcard's elements", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<PostResponse xmlns="`+nsUnmappable+`"><log><id>1</id><line>a</line><key>k</key><value>v</value></log></PostResponse>`))
		c := unmappable.NewUnmappableClient(nil)
		c.Endpoint = srv.URL
		cube := &unmappable.Cube{Content: []soap.Node{{Element: &soap.Element{Name: xml.Name{Local: "item"}, Content: []soap.Node{{Text: "1"}}}}}}
		got, err := c.Post(context.Background(), &unmappable.Note{Author: "Ada"}, nil, cube, [][]string{{"a"}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		wantLog := &unmappable.Log{ID: 1, Any: []*soap.Element{
			{Name: un("line"), Content: []soap.Node{{Text: "a"}}},
			{Name: un("key"), Content: []soap.Node{{Text: "k"}}},
			{Name: un("value"), Content: []soap.Node{{Text: "v"}}},
		}}
		diff(t, "reply", wantLog, got)
		op := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11))
		diff(t, "Post", []string{`note={author="Ada"}`, `cube={item="1"}`, `grid={item="a"}`}, op.childForms())
		checkGolden(t, "unmappable", "Post.request.xml", srv.Last(t).Body)
	})
}
