package behaviour_test

import (
	"context"
	"testing"

	"github.com/sogen-go/sogen/golden/flags"
)

const nsFlags = "http://example.com/sogen/flags"

var flagsTypes = types(new(flags.AccessRule))

// TestFlags checks xs:list of enumeration values (XML Schema Part 2 section 3.2.2 lists; WCF writes
// [Flags] enums so): the text is kept as received, and Number follows WCF's numbering, 1, 2, 4, ...
// unless annotated.
func TestFlags(t *testing.T) {
	ctx := context.Background()

	t.Run("flag numbers follow WCF's numbering", func(t *testing.T) {
		perm := wcfNumbers(t, "flags/flags.wsdl", "Permission")
		diff(t, "Permission numbers from the WSDL", map[string]int64{
			"Read": 1, "Write": 2, "Delete": 4, "Share": 8, "Admin": 16, "UndefinedValue32": 32, "R": 1, "Manage": 12,
		}, perm)
		for v, n := range perm {
			if got, ok := flags.PermissionFlag(v).Number(); !ok || got != n {
				t.Errorf("PermissionFlag(%q).Number() = %d, %v; want %d, true", v, got, ok, n)
			}
		}
		feat := wcfNumbers(t, "flags/flags.wsdl", "Feature")
		diff(t, "Feature numbers from the WSDL", map[string]int64{
			"Export": 1, "Import": 2, "Print": 4, "Unused1": 8, "UndefinedValue16": 16, "Audit": 4,
		}, feat)
		for v, n := range feat {
			if got, ok := flags.FeatureFlag(v).Number(); !ok || got != n {
				t.Errorf("FeatureFlag(%q).Number() = %d, %v; want %d, true", v, got, ok, n)
			}
		}
	})

	t.Run("a list's Number is the OR of its flags", func(t *testing.T) {
		for _, tc := range []struct {
			list flags.Permission
			n    int64
			ok   bool
		}{
			{"", 0, true},
			{"Read", 1, true},
			{"Read Write", 3, true},
			{"  Read \t Write\n", 3, true},
			{"R Read", 1, true},
			{"Manage Admin", 28, true},
			{"Manage Delete", 12, true},
			{"Read Teleport", 0, false},
		} {
			n, ok := tc.list.Number()
			if n != tc.n || ok != tc.ok {
				t.Errorf("Permission(%q).Number() = %d, %v; want %d, %v", tc.list, n, ok, tc.n, tc.ok)
			}
		}
		if n, ok := flags.Feature("Audit Print").Number(); n != 4 || !ok {
			t.Errorf(`Feature("Audit Print").Number() = %d, %v; want 4, true`, n, ok)
		}
		if n, ok := flags.Feature("UndefinedValue16 Unused1 Export").Number(); n != 25 || !ok {
			t.Errorf(`Feature("UndefinedValue16 Unused1 Export").Number() = %d, %v; want 25, true`, n, ok)
		}
	})

	t.Run("Has, With, Without and Values", func(t *testing.T) {
		p := flags.Permission("Read  Teleport")
		if !p.Has(flags.PermissionRead) || !p.Has("Teleport") || p.Has(flags.PermissionWrite) {
			t.Errorf("Has on %q is wrong", p)
		}
		diff(t, "With", flags.Permission("Read  Teleport Write"), p.With(flags.PermissionWrite, flags.PermissionRead))
		diff(t, "Without", flags.Permission("Teleport"), p.Without(flags.PermissionRead))
		diff(t, "Values", []flags.PermissionFlag{"Read", "Teleport"}, p.Values())
		diff(t, "With on empty", flags.Permission("Admin"), flags.Permission("").With(flags.PermissionAdmin))
		diff(t, "WeekdayList.With", flags.WeekdayList("Monday Friday"), flags.WeekdayList("Monday").With(flags.WeekdayFriday))
	})

	t.Run("Grant sends the lists as text", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<GrantResponse xmlns="`+nsFlags+`"/>`))
		c := flags.NewAccessClient(nil)
		c.Endpoint = srv.URL
		rule := &flags.AccessRule{
			Subject:  "ada",
			Mask:     flags.Permission("").With(flags.PermissionRead, flags.PermissionManage),
			Features: flags.Feature(flags.FeatureExport).With(flags.FeatureAudit),
			Days:     flags.WeekdayList(flags.WeekdayMonday).With(flags.WeekdayFriday),
		}
		if _, err := c.Grant(ctx, rule, flags.Permission(flags.PermissionAdmin)); err != nil {
			t.Fatal(err)
		}
		req := srv.Last(t)
		checkHTTP11(t, req, "http://example.com/sogen/flags/Grant")
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "request", []string{
			`rule={Subject="ada" Mask="Read Manage" Features="Export Audit" Days="Monday Friday"}`,
			`extra="Admin"`,
		}, op.childForms())
		checkGolden(t, "flags", "Grant.request.xml", req.Body)
	})

	t.Run("an empty list is a value: WCF's [Flags] zero", func(t *testing.T) {
		tree := parseTree(t, mustMarshal(t, &flags.AccessRule{}, xmlName(nsFlags, "AccessRule")))
		diff(t, "forms", []string{`Mask=empty`, `Features=empty`, `Days=empty`}, tree.childForms())
	})

	t.Run("unknown flags and the exact text survive a round trip", func(t *testing.T) {
		reply := envelope11("", `<GrantResponse xmlns="`+nsFlags+`"><Response>`+
			`<Subject>ada</Subject><Mask>Read   Teleport</Mask><Features> Export
 Audit </Features><Days>Sunday Funday</Days></Response></GrantResponse>`)
		srv := newServer(t, reply)
		c := flags.NewAccessClient(nil)
		c.Endpoint = srv.URL
		got, err := c.Grant(ctx, &flags.AccessRule{}, "")
		if err != nil {
			t.Fatal(err)
		}
		want := &flags.AccessRule{Subject: "ada", Mask: "Read   Teleport", Features: " Export\n Audit ", Days: "Sunday Funday"}
		diff(t, "Grant", want, got)
		if n, ok := got.Mask.Number(); ok {
			t.Errorf("Number() of a list with an unknown flag = %d, true", n)
		}
		var strict flags.GrantResponse
		if err := decodeBody(reply, &strict, flagsTypes); err != nil {
			t.Fatal(err)
		}
		diff(t, "strictly decoded", want, strict.Response)

		if _, err := c.Grant(ctx, got, got.Mask); err != nil {
			t.Fatal(err)
		}
		sent := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11))
		diff(t, "sent back", parseTree(t, reply).mustFind(t, nsFlags, "Response").childForms(), sent.mustFind(t, nsFlags, "rule").childForms())
		diff(t, "extra", []string{`"Read   Teleport"`}, formsOf(sent, "extra"))
	})

	t.Run("EffectiveMask reads a list result", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<EffectiveMaskResponse xmlns="`+nsFlags+`"><Response>Write Share</Response></EffectiveMaskResponse>`))
		c := flags.NewAccessClient(nil)
		c.Endpoint = srv.URL
		got, err := c.EffectiveMask(ctx, "ada")
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "EffectiveMask", flags.Permission("Write Share"), got)
		if n, ok := got.Number(); n != 10 || !ok {
			t.Errorf("Number() = %d, %v; want 10, true", n, ok)
		}
	})
}
