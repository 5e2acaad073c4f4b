package behaviour_test

import (
	"context"
	"encoding/xml"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/beevik/etree"

	"github.com/sogen-go/sogen/golden/enums"
)

const nsEnums = "http://example.com/sogen/enums"

var enumsTypes = types(new(enums.Settings))

// wcfNumbers reads the enumeration of simple type name in a testdata WSDL and returns the number WCF
// gives each value: its EnumerationValue annotation, else its position in the enumeration (0, 1, 2,
// ...), or, for the item type of an xs:list (a [Flags] enum), 2 to the power of its position. This is
// WCF's own rule (DataContract schema import: the value of a member without EnumerationValue is its
// index, or 2^index for flags).
func wcfNumbers(t *testing.T, file, name string) map[string]int64 {
	t.Helper()
	doc := etree.NewDocument()
	if err := doc.ReadFromFile(filepath.Join("../../testdata/wsdl", file)); err != nil {
		t.Fatal(err)
	}
	var st *etree.Element
	var walk func(e *etree.Element)
	walk = func(e *etree.Element) {
		if e.Tag == "simpleType" && e.NamespaceURI() == nsXSD && e.SelectAttrValue("name", "") == name {
			st = e
		}
		for _, c := range e.ChildElements() {
			walk(c)
		}
	}
	walk(doc.Root())
	if st == nil {
		t.Fatalf("%s: no simpleType %s", file, name)
	}
	flags := false
	restriction := child(st, "restriction")
	if list := child(st, "list"); list != nil {
		flags = true
		restriction = child(child(list, "simpleType"), "restriction")
	}
	if restriction == nil {
		t.Fatalf("%s: simpleType %s has no enumeration", file, name)
	}
	out := map[string]int64{}
	i := 0
	for _, e := range restriction.ChildElements() {
		if e.Tag != "enumeration" || e.NamespaceURI() != nsXSD {
			continue
		}
		n := int64(i)
		if flags {
			n = 1 << i
		}
		for _, a := range e.FindElements(".//EnumerationValue") {
			if a.NamespaceURI() == nsSer {
				v, err := strconv.ParseInt(strings.TrimSpace(a.Text()), 10, 64)
				if err != nil {
					t.Fatal(err)
				}
				n = v
			}
		}
		out[e.SelectAttrValue("value", "")] = n
		i++
	}
	return out
}

// child returns the first child of e in the XML Schema namespace named local.
func child(e *etree.Element, local string) *etree.Element {
	if e == nil {
		return nil
	}
	for _, c := range e.ChildElements() {
		if c.Tag == local && c.NamespaceURI() == nsXSD {
			return c
		}
	}
	return nil
}

// TestEnums checks string enumerations (XML Schema Part 2 section 4.3.5): values are written as
// declared, values the schema does not know are kept, and Number follows WCF's numbering.
func TestEnums(t *testing.T) {
	ctx := context.Background()
	en := func(local string) xml.Name { return xml.Name{Space: nsEnums, Local: local} }

	t.Run("Status.Number follows WCF's numbering", func(t *testing.T) {
		want := wcfNumbers(t, "enums/enums.wsdl", "Status")
		diff(t, "numbers from the WSDL", map[string]int64{"None": 0, "Active": 1, "Suspended": 10, "Archived": 127}, want)
		for v, n := range want {
			got, ok := enums.Status(v).Number()
			if !ok || got != n {
				t.Errorf("Status(%q).Number() = %d, %v; want %d, true", v, got, ok, n)
			}
			if !enums.Status(v).Known() {
				t.Errorf("Status(%q).Known() = false", v)
			}
		}
		for _, v := range []enums.Status{"Deleted", "", "active"} {
			if n, ok := v.Number(); ok || n != 0 {
				t.Errorf("Status(%q).Number() = %d, %v; want 0, false", v, n, ok)
			}
		}
	})

	t.Run("values that are not Go identifiers map to their constants", func(t *testing.T) {
		diff(t, "Phase constants", []enums.Phase{"in-progress", "2nd", "a b", "Ä"},
			[]enums.Phase{enums.PhaseInProgress, enums.Phase2nd, enums.PhaseAB, enums.PhaseÄ})
		diff(t, "Switch constants", []enums.Switch{"on", "ON", "On"},
			[]enums.Switch{enums.SwitchOn, enums.SwitchON, enums.SwitchOnValue})
		diff(t, "Color constants", []enums.Color{"Red", "Green", "Blue"},
			[]enums.Color{enums.ColorRed, enums.ColorGreen, enums.ColorBlue})
		for _, p := range []enums.Phase{enums.PhaseInProgress, enums.Phase2nd, enums.PhaseAB, enums.PhaseÄ} {
			if !p.Known() {
				t.Errorf("%q is not Known", p)
			}
		}
		for _, s := range []enums.Switch{enums.SwitchOn, enums.SwitchON, enums.SwitchOnValue} {
			if !s.Known() {
				t.Errorf("%q is not Known", s)
			}
		}
		if enums.Switch("oN").Known() {
			t.Error(`Switch("oN") is Known: enumeration values are case-sensitive`)
		}
	})

	t.Run("ApplySettings sends the values as declared", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<ApplySettingsResponse xmlns="`+nsEnums+`"/>`))
		c := enums.NewEnumsClient(nil)
		c.Endpoint = srv.URL
		in := &enums.Settings{
			Favourite: enums.ColorGreen,
			Status:    enums.StatusSuspended,
			Palette:   []enums.Color{enums.ColorBlue, enums.ColorRed, enums.ColorBlue},
			Phase:     enums.PhaseAB,
			Power:     enums.SwitchOnValue,
		}
		if _, err := c.ApplySettings(ctx, in); err != nil {
			t.Fatal(err)
		}
		req := srv.Last(t)
		checkHTTP11(t, req, "http://example.com/sogen/enums/ApplySettings")
		s := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11)).mustFind(t, nsEnums, "settings")
		diff(t, "settings", []string{
			`Favourite="Green"`, `Status="Suspended"`, `Palette="Blue"`, `Palette="Red"`, `Palette="Blue"`, `Phase="a b"`, `Power="On"`,
		}, s.childForms())
		checkGolden(t, "enums", "ApplySettings.request.xml", req.Body)
		for _, p := range []enums.Phase{enums.PhaseInProgress, enums.Phase2nd, enums.PhaseÄ} {
			tree := parseTree(t, mustMarshal(t, &enums.Settings{Status: enums.StatusNone, Phase: p, Power: enums.SwitchON}, en("Settings")))
			diff(t, "Phase", []string{strconv.Quote(string(p))}, formsOf(tree, "Phase"))
		}
	})

	t.Run("an unset enumeration is left out when optional", func(t *testing.T) {
		tree := parseTree(t, mustMarshal(t, &enums.Settings{Status: enums.StatusActive, Power: enums.SwitchOn}, en("Settings")))
		diff(t, "forms", []string{`Status="Active"`, `Power="on"`}, tree.childForms())
	})

	t.Run("values the schema does not declare survive a round trip", func(t *testing.T) {
		reply := envelope11("", `<ApplySettingsResponse xmlns="`+nsEnums+`"><Response>`+
			`<Favourite>Purple</Favourite><Status>Deleted</Status><Palette>Red</Palette><Palette>Mauve</Palette>`+
			`<Phase>3rd</Phase><Power>oN</Power></Response></ApplySettingsResponse>`)
		srv := newServer(t, reply)
		c := enums.NewEnumsClient(nil)
		c.Endpoint = srv.URL
		got, err := c.ApplySettings(ctx, &enums.Settings{Status: enums.StatusNone, Power: enums.SwitchOn})
		if err != nil {
			t.Fatal(err)
		}
		want := &enums.Settings{Favourite: "Purple", Status: "Deleted", Palette: []enums.Color{"Red", "Mauve"}, Phase: "3rd", Power: "oN"}
		diff(t, "ApplySettings", want, got)
		var strict enums.ApplySettingsResponse
		if err := decodeBody(reply, &strict, enumsTypes); err != nil {
			t.Fatal(err)
		}
		diff(t, "strictly decoded", want, strict.Response)
		for _, k := range []interface{ Known() bool }{got.Favourite, got.Status, got.Palette[1], got.Phase, got.Power} {
			if k.Known() {
				t.Errorf("%v is Known", k)
			}
		}
		if _, err := c.ApplySettings(ctx, got); err != nil {
			t.Fatal(err)
		}
		sent := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11)).mustFind(t, nsEnums, "settings")
		orig := parseTree(t, reply).mustFind(t, nsEnums, "Response")
		diff(t, "sent back", orig.childForms(), sent.childForms())
	})

	t.Run("StatusOf reads a repeated enumeration", func(t *testing.T) {
		reply := envelope11("", `<StatusOfResponse xmlns="`+nsEnums+`"><Response>Active</Response><Response>Archived</Response><Response>Retired</Response></StatusOfResponse>`)
		srv := newServer(t, reply)
		c := enums.NewEnumsClient(nil)
		c.Endpoint = srv.URL
		got, err := c.StatusOf(ctx, enums.ColorRed, enums.SwitchON)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "StatusOf", []enums.Status{enums.StatusActive, enums.StatusArchived, "Retired"}, got)
		req := srv.Last(t)
		diff(t, "request", []string{`color="Red"`, `power="ON"`}, bodyChild(t, checkEnvelope(t, req.Body, nsEnv11)).childForms())
		checkGolden(t, "enums", "StatusOf.request.xml", req.Body)
	})
}
