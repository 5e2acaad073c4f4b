package behaviour_test

import (
	"context"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/golden/choice"
	"github.com/sogen-go/sogen/golden/groups"
	"github.com/sogen-go/sogen/soap"
)

const (
	nsChoice = "http://example.com/sogen/choice"
	nsGroups = "http://example.com/sogen/groups"
)

// TestChoice checks xs:choice (XML Schema Part 1 section 3.8): exactly one branch of a required
// choice, at most one of an optional one, is sent; a value setting two branches, or none of a
// required choice, is refused before anything reaches the wire.
func TestChoice(t *testing.T) {
	ctx := context.Background()
	cn := func(local string) xml.Name { return xml.Name{Space: nsChoice, Local: local} }

	t.Run("Reach sends the chosen branches and decodes the chosen reply branch", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<ReachResponse xmlns="`+nsChoice+`"><ticket>0</ticket></ReachResponse>`))
		c := choice.NewChoiceClient(nil)
		c.Endpoint = srv.URL
		contact := &choice.Contact{Name: "Ada", Street: ptr("1 Main St"), City: ptr("Oslo"), Pager: &choice.Pager{Number: 5}}
		got, err := c.Reach(ctx, contact, true)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "reply", &choice.ReachResponse{Ticket: ptr(int32(0))}, got)
		req := srv.Last(t)
		checkHTTP11(t, req, nsChoice+"/Reach")
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "contact", []string{`name="Ada"`, `street="1 Main St"`, `city="Oslo"`, `pager={number="5"}`},
			op.mustFind(t, nsChoice, "contact").childForms())
		checkGolden(t, "choice", "Reach.request.xml", req.Body)

		var back choice.Reach
		if err := decodeBody(req.Body, &back, nil); err != nil {
			t.Fatal(err)
		}
		diff(t, "decoded contact", contact, back.Contact)
	})

	t.Run("a zero number is a chosen branch: nil, not zero, means not chosen", func(t *testing.T) {
		got := parseTree(t, mustMarshal(t, &choice.Contact{Name: "n", Phone: ptr(int64(0)), Tags: []string{"a", "b"}}, cn("c")))
		diff(t, "forms", []string{`name="n"`, `phone="0"`, `tags="a"`, `tags="b"`}, got.childForms())
	})

	t.Run("two branches, or none of a required choice, are encoding errors naming the branches", func(t *testing.T) {
		for _, tc := range []struct {
			v    *choice.Contact
			want string
		}{
			{&choice.Contact{Email: ptr("a@b"), Phone: ptr(int64(1))}, "the choice between Email, Phone, Street+City allows one, but Email and Phone are set"},
			{&choice.Contact{Email: ptr("a@b"), City: ptr("Oslo")}, "but Email and Street+City are set"},
			{&choice.Contact{}, "the choice between Email, Phone, Street+City requires one, but none is set"},
			{&choice.Contact{Email: ptr("a@b"), Fax: ptr("1"), Tags: []string{"x"}}, "the choice between Fax, Pager, Tags allows one, but Fax and Tags are set"},
			{&choice.Contact{Email: ptr("a@b"), Presence: presence(map[string]soap.State{"Pager": soap.Nil, "Fax": soap.Present})}, "but Fax and Pager are set"},
		} {
			_, err := marshal(tc.v, cn("c"))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("encoding %+v: err = %v, want %q", tc.v, err, tc.want)
			}
		}
		_, err := choice.NewChoiceClient(nil).Reach(ctx, &choice.Contact{}, false)
		if err == nil || !strings.Contains(err.Error(), "requires one") {
			t.Errorf("Reach with no branch: err = %v, want the choice error before sending", err)
		}
	})

	t.Run("an optional choice may be left empty", func(t *testing.T) {
		got := parseTree(t, mustMarshal(t, &choice.Contact{Name: "n", Email: ptr("")}, cn("c")))
		diff(t, "forms", []string{`name="n"`, `email=empty`}, got.childForms())
	})
}

// TestGroups checks named model groups and element references (XML Schema Part 1 sections 3.7 and
// 3.3.2: their particles are those of the group or the referenced global element, which is in its
// schema's target namespace), and xs:all, whose children may come in any order.
func TestGroups(t *testing.T) {
	ctx := context.Background()

	t.Run("Find sends the group's chosen element and the referenced element", func(t *testing.T) {
		reply := envelope11("", `<FindResponse xmlns="`+nsGroups+`"><id>3</id><byName>x</byName><note>n</note></FindResponse>`)
		srv := newServer(t, reply)
		c := groups.NewGroupsClient(nil)
		c.Endpoint = srv.URL
		got, err := c.Find(ctx, nil, ptr("bolt"), &groups.Settings{Color: "red", Size: 0, Note: "hi"})
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "reply", &groups.FindResponse{ID: 3, ByName: ptr("x"), Note: "n",
			Presence: presence(map[string]soap.State{"Label": soap.Absent})}, got)
		req := srv.Last(t)
		checkHTTP11(t, req, nsGroups+"/Find")
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "Find", []string{`byName="bolt"`, `settings={color="red" size="0" note="hi"}`}, op.childForms())
		checkGolden(t, "groups", "Find.request.xml", req.Body)
	})

	t.Run("xs:all decodes its children in any order", func(t *testing.T) {
		var s groups.Settings
		doc := `<settings xmlns="` + nsGroups + `"><note>b</note><size>2</size><color>blue</color></settings>`
		if err := decodeXML([]byte(doc), &s, nil); err != nil {
			t.Fatal(err)
		}
		diff(t, "settings", groups.Settings{Color: "blue", Size: 2, Note: "b"}, s)
	})

	t.Run("a required choice from a group is checked", func(t *testing.T) {
		_, err := marshal(&groups.Find{ByID: ptr(int32(1)), ByName: ptr("x")}, xml.Name{Space: nsGroups, Local: "Find"})
		if err == nil || !strings.Contains(err.Error(), "ByID and ByName are set") {
			t.Errorf("err = %v, want the choice error", err)
		}
	})
}

// TestRepeatedChoice checks a choice with maxOccurs > 1: each element on the wire is one
// occurrence (an element the type does not declare is one of the wildcard branch), and the
// occurrences keep their order in both directions.
func TestRepeatedChoice(t *testing.T) {
	ctx := context.Background()
	srv := newServer(t, envelope11("", `<LogResponse xmlns="`+nsChoice+`"/>`))
	c := choice.NewChoiceClient(nil)
	c.Endpoint = srv.URL
	j := &choice.Journal{Choice: []*choice.JournalChoice{
		{Note: ptr("a")}, {Count: ptr(int32(0))}, {Note: ptr("b")}, {Pager: &choice.Pager{Number: 2}},
		{Any: []*soap.Element{{Name: xml.Name{Space: nsOther, Local: "x"}, Content: []soap.Node{{Text: "1"}}}}}, {Note: ptr("c")},
	}}
	marks := &choice.Marks{TickOrCross: []*choice.MarksTickOrCross{{Tick: ptr(true)}, {Cross: ptr(false)}, {Tick: ptr(false)}}}
	if err := c.Log(ctx, j, marks); err != nil {
		t.Fatal(err)
	}
	req := srv.Last(t)
	checkHTTP11(t, req, nsChoice+"/Log")
	op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
	diff(t, "journal", []string{`note="a"`, `count="0"`, `note="b"`, `pager={number="2"}`, `x="1"`, `note="c"`}, op.mustFind(t, nsChoice, "journal").childForms())
	diff(t, "marks", []string{`tick="true"`, `cross="false"`, `tick="false"`}, op.mustFind(t, nsChoice, "marks").childForms())
	checkGolden(t, "choice", "Log.request.xml", req.Body)

	var back choice.Log
	if err := decodeBody(req.Body, &back, nil); err != nil {
		t.Fatal(err)
	}
	diff(t, "decoded", j, back.Journal)
	diff(t, "decoded marks", marks, back.Marks)

	for _, bad := range []*choice.Journal{
		{Choice: []*choice.JournalChoice{{}}},
		{Choice: []*choice.JournalChoice{{Note: ptr("a"), Count: ptr(int32(1))}}},
		{Choice: []*choice.JournalChoice{nil}},
	} {
		if _, err := marshal(bad, xml.Name{Space: nsChoice, Local: "journal"}); err == nil {
			t.Errorf("encoding an occurrence with no branch, two, or nil succeeded: %+v", bad.Choice)
		}
	}
}
