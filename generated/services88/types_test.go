package services88_test

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/generated/services88"
	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/soapimpl"
)

// The tests below check the Go semantics of the generated types on their own, without a server:
// values are encoded with a soapimpl.Encoder and decoded with a strict soapimpl.Decoder.

// soDecl is the declaration the encoder writes for the Services88 namespace, with the prefix "so".
const soDecl = ` xmlns:so="` + ns88 + `"`

// encodeSO writes v as the Services88 element local, preferring the prefixes so, arr, xsi and xsd.
func encodeSO(t *testing.T, v soapimpl.Message, local string) string {
	t.Helper()
	e := soapimpl.NewEncoder(map[string]string{ns88: "so", nsArrays: "arr", nsXSI: "xsi", nsXSD: "xsd"})
	soapimpl.Encode(e, xml.Name{Space: ns88, Local: local}, v)
	if err := e.Err(); err != nil {
		t.Fatalf("encode: %v", err)
	}
	return string(e.Bytes())
}

// decodeSO decodes data into v strictly, failing the test on error.
func decodeSO(t *testing.T, data string, v soapimpl.Message) {
	t.Helper()
	if err := decodeStrict([]byte(data), v); err != nil {
		t.Fatalf("decode: %v\n%s", err, data)
	}
}

// TestUnknownEnumValues checks that an enumeration value the WSDL does not declare (one a newer server
// sends) is kept through decoding and re-encoding, and is not Known.
func TestUnknownEnumValues(t *testing.T) {
	type enum interface {
		Known() bool
		Number() (int64, bool)
	}
	cases := []struct {
		name      string
		xml       string
		fresh     func() message
		value     func(m message) (string, enum)
		want      string
		wantKnown bool
		wantNum   int64
	}{
		{
			name:  "WebhookState Paused",
			xml:   `<so:Webhook` + soDecl + `><so:State>Paused</so:State></so:Webhook>`,
			fresh: func() message { return new(services88.Webhook) },
			value: func(m message) (string, enum) { v := m.(*services88.Webhook).State; return string(v), v },
			want:  "Paused",
		},
		{
			name:      "WebhookState TooManyErrors",
			xml:       `<so:Webhook` + soDecl + `><so:State>TooManyErrors</so:State></so:Webhook>`,
			fresh:     func() message { return new(services88.Webhook) },
			value:     func(m message) (string, enum) { v := m.(*services88.Webhook).State; return string(v), v },
			want:      "TooManyErrors",
			wantKnown: true,
			wantNum:   3,
		},
		{
			name:  "StatusFilter Paused",
			xml:   `<so:GetAllWebhooks` + soDecl + `><so:StatusFilter>Paused</so:StatusFilter></so:GetAllWebhooks>`,
			fresh: func() message { return new(services88.GetAllWebhooks) },
			value: func(m message) (string, enum) {
				v := m.(*services88.GetAllWebhooks).StatusFilter
				return string(v), v
			},
			want: "Paused",
		},
		{
			name:  "UserType ServiceAssociate",
			xml:   `<so:Associate` + soDecl + `><so:AssociateId>1</so:AssociateId><so:Type>ServiceAssociate</so:Type></so:Associate>`,
			fresh: func() message { return new(services88.Associate) },
			value: func(m message) (string, enum) { v := m.(*services88.Associate).Type; return string(v), v },
			want:  "ServiceAssociate",
		},
		{
			name:  "EjUserStatus StatusOnLeave",
			xml:   `<so:SoPrincipalCarrier` + soDecl + `><so:EjUserStatus>StatusOnLeave</so:EjUserStatus></so:SoPrincipalCarrier>`,
			fresh: func() message { return new(services88.SoPrincipalCarrier) },
			value: func(m message) (string, enum) {
				v := m.(*services88.SoPrincipalCarrier).EjUserStatus
				return string(v), v
			},
			want: "StatusOnLeave",
		},
		{
			name:  "EjUserStatus StatusSystem",
			xml:   `<so:SoPrincipalCarrier` + soDecl + `><so:EjUserStatus>StatusSystem</so:EjUserStatus></so:SoPrincipalCarrier>`,
			fresh: func() message { return new(services88.SoPrincipalCarrier) },
			value: func(m message) (string, enum) {
				v := m.(*services88.SoPrincipalCarrier).EjUserStatus
				return string(v), v
			},
			want:      "StatusSystem",
			wantKnown: true,
			wantNum:   127,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := tc.fresh()
			decodeSO(t, tc.xml, v)
			got, e := tc.value(v)
			if got != tc.want {
				t.Errorf("value = %q, want %q", got, tc.want)
			}
			if e.Known() != tc.wantKnown {
				t.Errorf("Known() = %v, want %v", e.Known(), tc.wantKnown)
			}
			if n, ok := e.Number(); n != tc.wantNum || ok != tc.wantKnown {
				t.Errorf("Number() = %d, %v, want %d, %v", n, ok, tc.wantNum, tc.wantKnown)
			}
			local := tc.xml[len("<so:"):strings.IndexAny(tc.xml, " >")]
			if out := encodeSO(t, v, local); out != tc.xml {
				t.Errorf("re-encoded:\n got %s\nwant %s", out, tc.xml)
			}
		})
	}
	t.Run("set in Go", func(t *testing.T) {
		got := encodeSO(t, &services88.GetAllWebhooks{StatusFilter: "Paused"}, "GetAllWebhooks")
		want := `<so:GetAllWebhooks` + soDecl + `><so:StatusFilter>Paused</so:StatusFilter></so:GetAllWebhooks>`
		if got != want {
			t.Errorf("\n got %s\nwant %s", got, want)
		}
	})
}

// TestFlags checks the flag lists ETableRight and EFieldRight: their text is kept, and Has, With,
// Without, Values and Number work on it.
func TestFlags(t *testing.T) {
	t.Run("decode keeps the text", func(t *testing.T) {
		for _, text := range []string{"Select Update", "Select  Update", " Select Update ", "Select\tUpdate", "Update Select", "Select"} {
			t.Run(text, func(t *testing.T) {
				in := `<so:TableRight` + soDecl + `><so:Mask>` + text + `</so:Mask><so:Reason>r</so:Reason></so:TableRight>`
				var tr services88.TableRight
				decodeSO(t, in, &tr)
				if string(tr.Mask) != text {
					t.Errorf("Mask = %q, want %q", tr.Mask, text)
				}
				if out := encodeSO(t, &tr, "TableRight"); out != in {
					t.Errorf("re-encoded:\n got %s\nwant %s", out, in)
				}
			})
		}
	})
	t.Run("EFieldRight decode keeps the text", func(t *testing.T) {
		in := `<so:FieldRight` + soDecl + `><so:Mask>Read  Nullable</so:Mask></so:FieldRight>`
		var fr services88.FieldRight
		decodeSO(t, in, &fr)
		if fr.Mask != "Read  Nullable" {
			t.Errorf("Mask = %q", fr.Mask)
		}
		if out := encodeSO(t, &fr, "FieldRight"); out != in {
			t.Errorf("re-encoded:\n got %s\nwant %s", out, in)
		}
	})

	type s = services88.ETableRight
	const (
		sel = services88.ETableRightSelect
		upd = services88.ETableRightUpdate
		ins = services88.ETableRightInsert
		del = services88.ETableRightDelete
	)
	t.Run("Has", func(t *testing.T) {
		cases := []struct {
			mask s
			flag services88.ETableRightFlag
			want bool
		}{
			{"Select Update", sel, true},
			{"Select  Update", upd, true},
			{" Select\tUpdate ", upd, true},
			{"Select Update", ins, false},
			{"SelectUpdate", sel, false},
			{"", sel, false},
			{"Sel", sel, false},
		}
		for _, tc := range cases {
			if got := tc.mask.Has(tc.flag); got != tc.want {
				t.Errorf("%q.Has(%q) = %v, want %v", tc.mask, tc.flag, got, tc.want)
			}
		}
	})
	t.Run("With and Without", func(t *testing.T) {
		cases := []struct {
			name string
			got  s
			want s
		}{
			{"With on empty", s("").With(sel, upd), "Select Update"},
			{"With keeps the text", s("Select  Update").With(ins), "Select  Update Insert"},
			{"With a flag already there", s("Select Update").With(upd), "Select Update"},
			{"With a repeated flag", s("").With(sel, sel), "Select"},
			{"With on blanks", s("  ").With(del), "Delete"},
			{"With nothing", s("Update Select").With(), "Update Select"},
			{"Without", s("Select Update Insert").Without(upd), "Select Insert"},
			{"Without normalises spaces", s(" Select  Update\tInsert ").Without(del), "Select Update Insert"},
			{"Without several", s("Select Update Insert").Without(sel, ins), "Update"},
			{"Without all", s("Select").Without(sel), ""},
			{"Without nothing", s(" Select  Update").Without(), " Select  Update"},
		}
		for _, tc := range cases {
			if tc.got != tc.want {
				t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
			}
		}
	})
	t.Run("Values", func(t *testing.T) {
		got := s(" Select  Update\tR ").Values()
		want := []services88.ETableRightFlag{sel, upd, services88.ETableRightR}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})

	// WCF numbers the members of a [Flags] enumeration 2^i, i being the member's position in the
	// schema's enumeration, unless an EnumerationValue annotation gives the number (SchemaExporter
	// writes the annotation only when the value differs from that default; the importer applies the
	// same rule). ETableRight annotates R=1 and F=16, EFieldRight Nullable=32.
	wcf := func(i int, annotated map[string]int64, name string) int64 {
		if n, ok := annotated[name]; ok {
			return n
		}
		return 1 << i
	}
	t.Run("ETableRightFlag numbers", func(t *testing.T) {
		order := []services88.ETableRightFlag{sel, upd, ins, del, services88.ETableRightFiltering,
			services88.ETableRightRestrictedUpdate, services88.ETableRightUnused1, services88.ETableRightUninitialized,
			services88.ETableRightR, services88.ETableRightF}
		names := []string{"Select", "Update", "Insert", "Delete", "Filtering", "RestrictedUpdate", "Unused1", "Uninitialized", "R", "F"}
		annotated := map[string]int64{"R": 1, "F": 16}
		for i, f := range order {
			if string(f) != names[i] {
				t.Errorf("flag %d is %q, want %q", i, f, names[i])
			}
			n, ok := f.Number()
			if want := wcf(i, annotated, names[i]); n != want || !ok {
				t.Errorf("%s.Number() = %d, %v, want %d, true", f, n, ok, want)
			}
			if !f.Known() {
				t.Errorf("%s.Known() = false", f)
			}
		}
		if n, ok := services88.ETableRightFlag("Bogus").Number(); n != 0 || ok {
			t.Errorf("Bogus.Number() = %d, %v, want 0, false", n, ok)
		}
		if services88.ETableRightFlag("Bogus").Known() {
			t.Error("Bogus.Known() = true")
		}
	})
	t.Run("EFieldRightFlag numbers", func(t *testing.T) {
		order := []services88.EFieldRightFlag{services88.EFieldRightRead, services88.EFieldRightWrite,
			services88.EFieldRightUnused1, services88.EFieldRightUnused2, services88.EFieldRightUnused3,
			services88.EFieldRightUnused4, services88.EFieldRightUIHintMandatory, services88.EFieldRightUIHintReadOnly,
			services88.EFieldRightUndefinedValue256, services88.EFieldRightNullable}
		names := []string{"Read", "Write", "Unused1", "Unused2", "Unused3", "Unused4", "UIHintMandatory", "UIHintReadOnly", "UndefinedValue256", "Nullable"}
		annotated := map[string]int64{"Nullable": 32}
		for i, f := range order {
			if string(f) != names[i] {
				t.Errorf("flag %d is %q, want %q", i, f, names[i])
			}
			n, ok := f.Number()
			if want := wcf(i, annotated, names[i]); n != want || !ok {
				t.Errorf("%s.Number() = %d, %v, want %d, true", f, n, ok, want)
			}
		}
		// WCF names the synthetic member for an unnamed bit after its value: the rule must give 256.
		if n, _ := services88.EFieldRightUndefinedValue256.Number(); n != 256 {
			t.Errorf("UndefinedValue256.Number() = %d", n)
		}
	})
	t.Run("list Number", func(t *testing.T) {
		cases := []struct {
			mask   s
			want   int64
			wantOK bool
		}{
			{"Select Update", 3, true},
			{"Select  Update", 3, true},
			{"Select Update Insert Delete", 15, true},
			{"R F", 17, true},
			{"Select R", 1, true},
			{"Uninitialized", 128, true},
			{"", 0, true},
			{"Select Paused", 0, false},
			{"Paused", 0, false},
		}
		for _, tc := range cases {
			n, ok := tc.mask.Number()
			if n != tc.want || ok != tc.wantOK {
				t.Errorf("%q.Number() = %d, %v, want %d, %v", tc.mask, n, ok, tc.want, tc.wantOK)
			}
		}
		if n, ok := services88.EFieldRight("Read Write Nullable").Number(); n != 35 || !ok {
			t.Errorf("EFieldRight(Read Write Nullable).Number() = %d, %v, want 35, true", n, ok)
		}
	})
}

// TestZeroValuesAreSent checks that numbers, booleans and dates are sent even when zero, while unset
// strings, enumerations, pointers, slices and maps are left out.
func TestZeroValuesAreSent(t *testing.T) {
	cases := []struct {
		name  string
		v     soapimpl.Message
		local string
		want  string
	}{
		{
			name: "Webhook", v: &services88.Webhook{}, local: "Webhook",
			want: `<so:Webhook` + soDecl + `><so:WebhookId>0</so:WebhookId>` +
				`<so:Registered>0001-01-01T00:00:00</so:Registered><so:Updated>0001-01-01T00:00:00</so:Updated></so:Webhook>`,
		},
		{
			name: "Associate", v: &services88.Associate{}, local: "Associate",
			want: `<so:Associate` + soDecl + `><so:AssociateId>0</so:AssociateId><so:PersonId>0</so:PersonId><so:Rank>0</so:Rank>` +
				`<so:GroupIdx>0</so:GroupIdx><so:Deleted>false</so:Deleted><so:EjUserId>0</so:EjUserId></so:Associate>`,
		},
		{
			name: "DeleteWebhook 0", v: &services88.DeleteWebhook{WebhookID: 0}, local: "DeleteWebhook",
			want: `<so:DeleteWebhook` + soDecl + `><so:WebhookId>0</so:WebhookId></so:DeleteWebhook>`,
		},
		{
			name: "TableRight", v: &services88.TableRight{}, local: "TableRight",
			want: `<so:TableRight` + soDecl + `><so:Mask></so:Mask></so:TableRight>`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := encodeSO(t, tc.v, tc.local); got != tc.want {
				t.Errorf("\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestNilAndEmpty checks that a nil slice or map leaves its element out and an empty one sends an
// empty element, in both directions.
func TestNilAndEmpty(t *testing.T) {
	const keep = `<so:WebhookId>1</so:WebhookId>`
	const dates = `<so:Registered>2024-03-01T09:30:00Z</so:Registered><so:Updated>2024-03-01T09:30:00Z</so:Updated>`
	base := func() *services88.Webhook {
		return &services88.Webhook{
			WebhookID:  1,
			Registered: wireDateTime("2024-03-01T09:30:00Z"),
			Updated:    wireDateTime("2024-03-01T09:30:00Z"),
		}
	}
	cases := []struct {
		name   string
		set    func(h *services88.Webhook)
		middle string                      // the elements between WebhookId and Registered
		back   func(h *services88.Webhook) // what decoding that gives, from base()
	}{
		{"Events nil", func(h *services88.Webhook) { h.Events = nil }, ``,
			func(h *services88.Webhook) {}},
		{"Events empty", func(h *services88.Webhook) { h.Events = []string{} }, `<so:Events/>`,
			func(h *services88.Webhook) { h.Events = []string{} }},
		{"Events with an empty string", func(h *services88.Webhook) { h.Events = []string{""} },
			`<so:Events><arr:string xmlns:arr="` + nsArrays + `"></arr:string></so:Events>`,
			func(h *services88.Webhook) { h.Events = []string{""} }},
		{"Headers nil", func(h *services88.Webhook) { h.Headers = nil }, ``,
			func(h *services88.Webhook) {}},
		{"Headers empty", func(h *services88.Webhook) { h.Headers = map[string]string{} }, `<so:Headers/>`,
			func(h *services88.Webhook) { h.Headers = map[string]string{} }},
		{"Properties empty", func(h *services88.Webhook) { h.Properties = map[string]any{} }, `<so:Properties/>`,
			func(h *services88.Webhook) { h.Properties = map[string]any{} }},
		{"Events nil but Present", func(h *services88.Webhook) { h.Presence.SetPresent("Events") }, `<so:Events/>`,
			func(h *services88.Webhook) { h.Events = []string{} }},
		{"Events empty but Nil", func(h *services88.Webhook) { h.Events = []string{}; h.Presence.SetNil("Events") },
			`<so:Events xmlns:xsi="` + nsXSI + `" xsi:nil="true"/>`,
			func(h *services88.Webhook) { h.Presence.SetNil("Events") }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := base()
			tc.set(h)
			want := `<so:Webhook` + soDecl + `>` + keep + tc.middle + dates + `</so:Webhook>`
			got := encodeSO(t, h, "Webhook")
			if got != want {
				t.Fatalf("\n got %s\nwant %s", got, want)
			}
			var back services88.Webhook
			decodeSO(t, got, &back)
			wantBack := base()
			tc.back(wantBack)
			if diff := cmp.Diff(wantBack, &back); diff != "" {
				t.Errorf("decoded (-want +got):\n%s", diff)
			}
			if again := encodeSO(t, &back, "Webhook"); again != got {
				t.Errorf("re-encoded:\n got %s\nwant %s", again, got)
			}
		})
	}
}

// TestPresenceOverrides checks that Presence overrides what the Go values alone would send.
func TestPresenceOverrides(t *testing.T) {
	const xsiDecl = ` xmlns:xsi="` + nsXSI + `"`
	cases := []struct {
		name string
		v    func() *services88.Webhook
		want string
	}{
		{
			name: "SetNil Name",
			v: func() *services88.Webhook {
				h := &services88.Webhook{WebhookID: 5, Name: "ignored"}
				h.Presence.SetNil("Name")
				h.Presence.SetAbsent("Registered")
				h.Presence.SetAbsent("Updated")
				return h
			},
			want: `<so:Webhook` + soDecl + `><so:WebhookId>5</so:WebhookId><so:Name` + xsiDecl + ` xsi:nil="true"/></so:Webhook>`,
		},
		{
			name: "SetAbsent WebhookID",
			v: func() *services88.Webhook {
				h := &services88.Webhook{WebhookID: 5, Name: "hook"}
				h.Presence.SetAbsent("WebhookID")
				h.Presence.SetAbsent("Registered")
				h.Presence.SetAbsent("Updated")
				return h
			},
			want: `<so:Webhook` + soDecl + `><so:Name>hook</so:Name></so:Webhook>`,
		},
		{
			name: "SetPresent empty Name",
			v: func() *services88.Webhook {
				h := &services88.Webhook{}
				h.Presence.SetPresent("Name")
				h.Presence.SetAbsent("WebhookID")
				h.Presence.SetAbsent("Registered")
				h.Presence.SetAbsent("Updated")
				return h
			},
			want: `<so:Webhook` + soDecl + `><so:Name></so:Name></so:Webhook>`,
		},
		{
			name: "SetAbsent of a set pointer and SetNil of a date",
			v: func() *services88.Webhook {
				h := &services88.Webhook{WebhookID: 5, RegisteredAssociate: &services88.Associate{AssociateID: 1}}
				h.Presence.SetAbsent("RegisteredAssociate")
				h.Presence.SetNil("Registered")
				h.Presence.SetAbsent("Updated")
				return h
			},
			want: `<so:Webhook` + soDecl + `><so:WebhookId>5</so:WebhookId><so:Registered` + xsiDecl + ` xsi:nil="true"/></so:Webhook>`,
		},
		{
			name: "Set Default removes an override",
			v: func() *services88.Webhook {
				h := &services88.Webhook{WebhookID: 5, Name: "hook"}
				h.Presence.SetNil("Name")
				h.Presence.Set("Name", soap.Default)
				h.Presence.SetAbsent("Registered")
				h.Presence.SetAbsent("Updated")
				return h
			},
			want: `<so:Webhook` + soDecl + `><so:WebhookId>5</so:WebhookId><so:Name>hook</so:Name></so:Webhook>`,
		},
		{
			name: "embedded Carrier has its own Presence",
			v: func() *services88.Webhook {
				a := &services88.Associate{AssociateID: 1}
				a.Carrier.Presence.SetNil("TableRight")
				for _, f := range []string{"PersonID", "Rank", "GroupIdx", "Deleted", "EjUserID"} {
					a.Presence.SetAbsent(f)
				}
				h := &services88.Webhook{RegisteredAssociate: a}
				h.Presence.SetAbsent("WebhookID")
				h.Presence.SetAbsent("Registered")
				h.Presence.SetAbsent("Updated")
				return h
			},
			want: `<so:Webhook` + soDecl + `><so:RegisteredAssociate><so:TableRight` + xsiDecl + ` xsi:nil="true"/>` +
				`<so:AssociateId>1</so:AssociateId></so:RegisteredAssociate></so:Webhook>`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := tc.v()
			got := encodeSO(t, v, "Webhook")
			if got != tc.want {
				t.Fatalf("\n got %s\nwant %s", got, tc.want)
			}
			var back services88.Webhook
			decodeSO(t, got, &back)
			if again := encodeSO(t, &back, "Webhook"); again != got {
				t.Errorf("decoded and re-encoded:\n got %s\nwant %s", again, got)
			}
		})
	}
}

// TestDateTimeForms checks that each lexical form a WCF server sends for a DateTime is kept byte for
// byte and converts to the right instant.
func TestDateTimeForms(t *testing.T) {
	plus2 := time.FixedZone("", 2*60*60)
	minus5 := time.FixedZone("", -5*60*60)
	cases := []struct {
		text string
		want time.Time
	}{
		{"2023-09-19T01:24:38", time.Date(2023, 9, 19, 1, 24, 38, 0, time.UTC)},
		{"2023-09-19T01:24:38Z", time.Date(2023, 9, 19, 1, 24, 38, 0, time.UTC)},
		{"2023-09-19T01:24:38+02:00", time.Date(2023, 9, 19, 1, 24, 38, 0, plus2)},
		{"2023-09-19T01:24:38-05:00", time.Date(2023, 9, 19, 1, 24, 38, 0, minus5)},
		{"2023-09-19T01:24:38.1", time.Date(2023, 9, 19, 1, 24, 38, 100000000, time.UTC)},
		{"2023-09-19T01:24:38.12Z", time.Date(2023, 9, 19, 1, 24, 38, 120000000, time.UTC)},
		{"2023-09-19T01:24:38.123+02:00", time.Date(2023, 9, 19, 1, 24, 38, 123000000, plus2)},
		{"2023-09-19T01:24:38.1234", time.Date(2023, 9, 19, 1, 24, 38, 123400000, time.UTC)},
		{"2023-09-19T01:24:38.12345Z", time.Date(2023, 9, 19, 1, 24, 38, 123450000, time.UTC)},
		{"2023-09-19T01:24:38.123456+02:00", time.Date(2023, 9, 19, 1, 24, 38, 123456000, plus2)},
		{"2023-09-19T01:24:38.1234567", time.Date(2023, 9, 19, 1, 24, 38, 123456700, time.UTC)},
		{"2023-09-19T01:24:38.1234567Z", time.Date(2023, 9, 19, 1, 24, 38, 123456700, time.UTC)},
		{"2023-09-19T01:24:38.1234567+02:00", time.Date(2023, 9, 19, 1, 24, 38, 123456700, plus2)},
		{"2023-09-19T01:24:38.1000000Z", time.Date(2023, 9, 19, 1, 24, 38, 100000000, time.UTC)},
		{"0001-01-01T00:00:00", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"9999-12-31T23:59:59.9999999", time.Date(9999, 12, 31, 23, 59, 59, 999999900, time.UTC)},
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			in := `<so:Webhook` + soDecl + `><so:WebhookId>1</so:WebhookId><so:Registered>` + tc.text +
				`</so:Registered><so:Updated>` + tc.text + `</so:Updated></so:Webhook>`
			var h services88.Webhook
			decodeSO(t, in, &h)
			if h.Registered.String() != tc.text {
				t.Errorf("Registered = %q, want %q", h.Registered.String(), tc.text)
			}
			if h.Registered != wireDateTime(tc.text) {
				t.Errorf("Registered = %#v, want DateTimeFromWire(%q)", h.Registered, tc.text)
			}
			if out := encodeSO(t, &h, "Webhook"); out != in {
				t.Errorf("re-encoded:\n got %s\nwant %s", out, in)
			}
			got, err := h.Registered.Time()
			if err != nil {
				t.Fatalf("Time: %v", err)
			}
			if !got.Equal(tc.want) {
				t.Errorf("Time() = %v, want %v", got, tc.want)
			}
			_, gotOff := got.Zone()
			_, wantOff := tc.want.Zone()
			if gotOff != wantOff {
				t.Errorf("Time() offset = %d, want %d", gotOff, wantOff)
			}
			wantZone := strings.HasSuffix(tc.text, "Z") || strings.Contains(tc.text[19:], "+") || strings.Contains(tc.text[19:], "-")
			if h.Registered.HasZone() != wantZone {
				t.Errorf("HasZone() = %v, want %v", h.Registered.HasZone(), wantZone)
			}
		})
	}
}

// TestDictionaryOrder checks that dictionaries are encoded in sorted key order whatever the order the
// map was filled in.
func TestDictionaryOrder(t *testing.T) {
	keys := []string{"b", "a", "é", "C", "aa", "", "Z", "a b"}
	sorted := []string{"", "C", "Z", "a", "a b", "aa", "b", "é"}
	var wantHeaders, wantProps strings.Builder
	for _, k := range sorted {
		wantHeaders.WriteString(`<so:StringKeyValuePair><so:Key>` + k + `</so:Key><so:Value>v-` + k + `</so:Value></so:StringKeyValuePair>`)
		wantProps.WriteString(`<so:StringObjectKeyValuePair><so:Key>` + k + `</so:Key><so:Value xmlns:xsd="` + nsXSD +
			`" xmlns:xsi="` + nsXSI + `" xsi:type="xsd:string">p-` + k + `</so:Value></so:StringObjectKeyValuePair>`)
	}
	want := `<so:Webhook` + soDecl + `><so:Headers>` + wantHeaders.String() + `</so:Headers>` +
		`<so:Properties>` + wantProps.String() + `</so:Properties></so:Webhook>`
	for rot := range keys {
		order := append(append([]string{}, keys[rot:]...), keys[:rot]...)
		t.Run(strings.Join(order, ","), func(t *testing.T) {
			h := &services88.Webhook{Headers: map[string]string{}, Properties: map[string]any{}}
			for _, k := range order {
				h.Headers[k] = "v-" + k
				h.Properties[k] = "p-" + k
			}
			for _, f := range []string{"WebhookID", "Registered", "Updated"} {
				h.Presence.SetAbsent(f)
			}
			for i := 0; i < 5; i++ {
				if diff := cmp.Diff(want, encodeSO(t, h, "Webhook")); diff != "" {
					t.Fatalf("(-want +got):\n%s", diff)
				}
			}
		})
	}
}

// Compile-time checks: the types derived from Carrier can be used where an AnyCarrier is expected.
var (
	_ services88.AnyCarrier = (*services88.Carrier)(nil)
	_ services88.AnyCarrier = (*services88.Associate)(nil)
	_ services88.AnyCarrier = (*services88.WebhookResult)(nil)
	_ services88.AnyCarrier = (*services88.GrantedModuleLicense)(nil)
	_ services88.AnyCarrier = (*services88.SoSystemInfoCarrier)(nil)
)

// TestDerivedCarriers checks that AsCarrier returns the Carrier embedded in a derived value, and that a
// derived value held as an AnyCarrier encodes as itself.
func TestDerivedCarriers(t *testing.T) {
	tr := &services88.TableRight{Mask: "Select"}
	assoc := &services88.Associate{Carrier: services88.Carrier{TableRight: tr}, AssociateID: 7}
	result := &services88.WebhookResult{Carrier: services88.Carrier{TableRight: tr}, Success: true}
	license := &services88.GrantedModuleLicense{Carrier: services88.Carrier{TableRight: tr}}
	info := &services88.SoSystemInfoCarrier{Carrier: services88.Carrier{TableRight: tr}}
	plain := &services88.Carrier{TableRight: tr}
	cases := []struct {
		name     string
		v        services88.AnyCarrier
		embedded *services88.Carrier
		typ      string
		want     string
	}{
		{"Associate", assoc, &assoc.Carrier, "Associate",
			`<so:TableRight><so:Mask>Select</so:Mask></so:TableRight><so:AssociateId>7</so:AssociateId><so:PersonId>0</so:PersonId>` +
				`<so:Rank>0</so:Rank><so:GroupIdx>0</so:GroupIdx><so:Deleted>false</so:Deleted><so:EjUserId>0</so:EjUserId>`},
		{"WebhookResult", result, &result.Carrier, "WebhookResult",
			`<so:TableRight><so:Mask>Select</so:Mask></so:TableRight><so:Success>true</so:Success>`},
		{"GrantedModuleLicense", license, &license.Carrier, "GrantedModuleLicense", ""},
		{"SoSystemInfoCarrier", info, &info.Carrier, "SoSystemInfoCarrier", ""},
		{"Carrier", plain, plain, "Carrier", `<so:TableRight><so:Mask>Select</so:Mask></so:TableRight>`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.v.AsCarrier()
			if c != tc.embedded {
				t.Errorf("AsCarrier() = %p, want the embedded Carrier %p", c, tc.embedded)
			}
			if c.TableRight != tr {
				t.Errorf("AsCarrier().TableRight = %v", c.TableRight)
			}
			if got, want := tc.v.SOAPType().Name(), (xml.Name{Space: ns88, Local: tc.typ}); got != want {
				t.Errorf("SOAPType().Name() = %v, want %v", got, want)
			}
			if tc.want == "" {
				return
			}
			got := encodeSO(t, tc.v, "Item")
			if want := `<so:Item` + soDecl + `>` + tc.want + `</so:Item>`; got != want {
				t.Errorf("\n got %s\nwant %s", got, want)
			}
		})
	}
	t.Run("change through AsCarrier", func(t *testing.T) {
		var c services88.AnyCarrier = &services88.WebhookResult{Message: "ok"}
		c.AsCarrier().FieldProperties = map[string]*services88.FieldProperty{"Message": {FieldType: "string"}}
		r := c.(*services88.WebhookResult)
		if r.FieldProperties["Message"] == nil || r.FieldProperties["Message"].FieldType != "string" {
			t.Errorf("the change through AsCarrier is not seen in the WebhookResult: %+v", r.Carrier)
		}
	})
}

// TestPresenceIsAValue checks that a copy of a struct has its own Presence: changing the copy's leaves
// the original's as it was.
func TestPresenceIsAValue(t *testing.T) {
	var orig services88.Webhook
	decodeSO(t, `<so:Webhook`+soDecl+`><so:WebhookId>1</so:WebhookId><so:Name></so:Name><so:Secret></so:Secret>`+
		`<so:Updated>2024-03-01T09:30:00Z</so:Updated></so:Webhook>`, &orig)
	if got, want := orig.Presence.Fields(), []string{"Name", "Registered", "Secret"}; !cmp.Equal(got, want) {
		t.Fatalf("decoded Presence records %v, want %v", got, want)
	}
	before := encodeSO(t, &orig, "Webhook")

	cp := orig
	cp.Presence.SetNil("Name")                  // change a record
	cp.Presence.SetAbsent("Updated")            // add one
	cp.Presence.Set("Registered", soap.Default) // remove one
	cp.Presence.SetNil("Secret")

	cases := []struct {
		field      string
		orig, copy soap.State
	}{
		{"Name", soap.Present, soap.Nil},
		{"Registered", soap.Absent, soap.Default},
		{"Secret", soap.Present, soap.Nil},
		{"Updated", soap.Default, soap.Absent},
	}
	for _, tc := range cases {
		t.Run(tc.field, func(t *testing.T) {
			if got := orig.Presence.State(tc.field); got != tc.orig {
				t.Errorf("original: %v, want %v", got, tc.orig)
			}
			if got := cp.Presence.State(tc.field); got != tc.copy {
				t.Errorf("copy: %v, want %v", got, tc.copy)
			}
		})
	}
	if after := encodeSO(t, &orig, "Webhook"); after != before {
		t.Errorf("the original encodes differently after the copy changed:\n got %s\nwant %s", after, before)
	}
}
