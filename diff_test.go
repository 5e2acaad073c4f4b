package sogen_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/apidiff"
	"github.com/sogen-go/sogen/internal/golden"
	"github.com/sogen-go/sogen/internal/soaptest"
	"github.com/sogen-go/sogen/model"
)

// diffModel builds the model of the package generated from roots in dir, as sogen diff does.
func diffModel(t *testing.T, dir, pkg, suffix string, roots ...string) *model.Package {
	t.Helper()
	p, err := sogen.Model(sogen.Config{FS: os.DirFS(dir), Roots: roots, Package: pkg, ClientSuffix: suffix})
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return p
}

// changes returns the lines of one class of a report.
func changes(r *apidiff.Report, c apidiff.Class) []string {
	var out []string
	for _, ch := range r.Changes {
		if ch.Class == c {
			out = append(out, ch.Text)
		}
	}
	return out
}

// TestDiffGolden compares version 1 and version 2 of the shop fixture (testdata/diff), which between
// them add, remove and change types, fields, enumeration and flags values, methods, clients,
// constructors, header blocks, SOAP actions and the namespace.
func TestDiffGolden(t *testing.T) {
	old := diffModel(t, "testdata/diff/old", "shop", "", "shop.wsdl")
	new := diffModel(t, "testdata/diff/new", "shop", "", "shop.wsdl")
	r := apidiff.Compare(old, new)
	golden.Check(t, filepath.Join("golden", "diff", "shop.txt"), []byte(r.Text()))

	// Determinism: the same inputs give the same text (the comparison walks maps).
	for range 5 {
		again := apidiff.Compare(diffModel(t, "testdata/diff/old", "shop", "", "shop.wsdl"), diffModel(t, "testdata/diff/new", "shop", "", "shop.wsdl"))
		if diff := cmp.Diff(r.Text(), again.Text()); diff != "" {
			t.Fatalf("a second comparison differs:\n%s", diff)
		}
	}
	if !r.Breaking() {
		t.Error("Breaking() is false for a report with breaking changes")
	}

	// A few lines the fixture was written for, whatever else the golden holds.
	for _, want := range []struct {
		class apidiff.Class
		text  string
	}{
		{apidiff.Addition, "field `Product.Rating int32`"},
		{apidiff.Addition, "value `RightsAdmin RightsFlag = \"Admin\"` (flag of `Rights`)"},
		{apidiff.Breaking, "field `Product.Weight`: type was `int32`, now `float64`"},
		{apidiff.Breaking, "value `ColorBlue Color = \"Blue\"` removed"},
		{apidiff.Other, "field `Product.SupplierID`: element was `{http://example.com/sogen/diff/v1}SupplierId`, now `{http://example.com/sogen/diff/v2}SupplierID`"},
		{apidiff.Other, "method `ShopClient.FindProducts`: SOAP action was `urn:find`, now `urn:search`"},
		{apidiff.Other, "value `StatusClosed`: number was 5, now 6"},
	} {
		if lines := changes(r, want.class); !contains(lines, want.text) {
			t.Errorf("%s lack %q:\n%s", want.class, want.text, strings.Join(lines, "\n"))
		}
	}
	// The SOAP actions and element names that only follow the namespace are not listed.
	for _, ch := range r.Changes {
		if ch.Subject != "" && strings.Contains(ch.Text, "/v1}") && !strings.Contains(ch.Text, "SupplierId") && !strings.Contains(ch.Text, "NotifyResponse") {
			t.Errorf("a name that only follows the renamed namespace is reported: %s", ch.Text)
		}
	}
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

// TestDiffIdentical: a generation compared with itself, or with the same inputs read again, has no
// change.
func TestDiffIdentical(t *testing.T) {
	for _, dir := range []string{"testdata/diff/old", "testdata/diff/new"} {
		r := apidiff.Compare(diffModel(t, dir, "shop", "", "shop.wsdl"), diffModel(t, dir, "shop", "", "shop.wsdl"))
		if got, want := r.Text(), "# Go API changes in package shop\n\nNo changes.\n"; got != want {
			t.Errorf("%s against itself:\n%s", dir, got)
		}
	}
	p := diffModel(t, "testdata/wsdl/services88", "services88", "Agent", "Webhook.wsdl", "SoPrincipal.wsdl")
	if r := apidiff.Compare(p, p); len(r.Changes) != 0 {
		t.Errorf("services88 against itself: %s", r.Text())
	}
}

// TestDiffReverse: going back from version 2 to version 1 turns every addition of a field, value,
// type, method or client into a breaking removal.
func TestDiffReverse(t *testing.T) {
	old := diffModel(t, "testdata/diff/old", "shop", "", "shop.wsdl")
	new := diffModel(t, "testdata/diff/new", "shop", "", "shop.wsdl")
	forward, back := apidiff.Compare(old, new), apidiff.Compare(new, old)
	breaking := map[string]bool{}
	for _, ch := range back.Changes {
		if ch.Class == apidiff.Breaking {
			breaking[ch.Subject] = true
		}
	}
	for _, ch := range forward.Changes {
		if ch.Class == apidiff.Addition && !breaking[ch.Subject] {
			t.Errorf("added %s, but going back does not break it:\n%s", ch.Subject, back.Text())
		}
	}
	if n, m := forward.Count(apidiff.Addition), back.Count(apidiff.Addition); n == 0 || m == 0 {
		t.Errorf("additions: %d forward, %d back", n, m)
	}
}

// TestDiffServices87To88 compares the packages generated from SuperOffice's real Services87 and
// Services88 Webhook WSDLs. Between the two, besides the version in the namespace, the SOAP actions
// and the endpoint, the WSDL adds Webhook.ErrorsEmail, Associate.ExtraFields and
// Associate.CustomFields, four ETableRight flags and one EFieldRight flag (and an xs:import that
// changes nothing in Go); the report must say exactly that.
func TestDiffServices87To88(t *testing.T) {
	dir := soaptest.Corpus(t, "superoffice")
	old := diffModel(t, filepath.Join(dir, "Services87"), "services88", "Agent", "Webhook.wsdl")
	new := diffModel(t, filepath.Join(dir, "Services88"), "services88", "Agent", "Webhook.wsdl")
	r := apidiff.Compare(old, new)
	golden.Check(t, filepath.Join("golden", "diff", "services87-88-webhook.txt"), []byte(r.Text()))

	if got := changes(r, apidiff.Breaking); len(got) != 0 {
		t.Errorf("breaking changes reported:\n%s", strings.Join(got, "\n"))
	}
	wantAdded := []string{
		"field `Associate.CustomFields map[string]string`",
		"field `Associate.ExtraFields map[string]string`",
		"value `EFieldRightNullable EFieldRightFlag = \"Nullable\"` (flag of `EFieldRight`, number 32)",
		"value `ETableRightF ETableRightFlag = \"F\"` (flag of `ETableRight`, number 16)",
		"value `ETableRightR ETableRightFlag = \"R\"` (flag of `ETableRight`, number 1)",
		"value `ETableRightUninitialized ETableRightFlag = \"Uninitialized\"` (flag of `ETableRight`, number 128)",
		"value `ETableRightUnused1 ETableRightFlag = \"Unused1\"` (flag of `ETableRight`, number 64)",
		"field `Webhook.ErrorsEmail string`",
	}
	if diff := cmp.Diff(wantAdded, changes(r, apidiff.Addition)); diff != "" {
		t.Errorf("additions differ (-want +got):\n%s", diff)
	}
	// One line for the namespace, whose version every element, type and SOAP action carries, and one
	// for the address the constructor sets.
	other := changes(r, apidiff.Other)
	wantNS := "namespace `http://www.superoffice.net/ws/crm/NetServer/Services87` is now `http://www.superoffice.net/ws/crm/NetServer/Services88` ("
	wantEndpoint := "constructor `NewWebhookAgent`: default endpoint was `https://sod.superoffice.com/Cust12345/Remote/Services87/Webhook.svc`, " +
		"now `https://sod.superoffice.com/Cust12345/Remote/Services88/Webhook.svc`"
	if len(other) != 2 || !strings.HasPrefix(other[0], wantNS) || other[1] != wantEndpoint {
		t.Errorf("other changes: got\n%s\nwant a line starting %q and the line %q", strings.Join(other, "\n"), wantNS, wantEndpoint)
	}

	// The README shows this report: its lines (but the shortened endpoint) must be the real ones.
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "## Upgrading to a new Services version\n")
	if !ok || !strings.Contains(section, "From Services87 to Services88") {
		t.Fatal("README.md has no section \"Upgrading to a new Services version\" showing the Services87 -> Services88 report")
	}
	n, fenced := 0, false
	for _, line := range strings.Split(section, "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		if !fenced && strings.HasPrefix(line, "## ") {
			break // the next section
		}
		if fenced && strings.HasPrefix(line, "- ") && !strings.Contains(line, "https://...") {
			n++
			if !strings.Contains(r.Text(), line+"\n") {
				t.Errorf("README.md shows %q, which the report does not hold", line)
			}
		}
	}
	if n != 9 {
		t.Errorf("README.md shows %d lines of the report, want 9", n)
	}
}

// TestDiffServer compares the shop fixture's versions generated with their server side (-server):
// the report holds every change of the report without it, and the server's: methods of the server
// interface removed, added (breaking: an implementation not embedding the Unimplemented type stops
// compiling) or changed, handler constructors removed or added, whole server interfaces. golden/diff/
// shop-server.txt holds it.
func TestDiffServer(t *testing.T) {
	load := func(dir string, server bool) *model.Package {
		p, err := sogen.Model(sogen.Config{FS: os.DirFS(dir), Roots: []string{"shop.wsdl"}, Package: "shop", Server: server})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	plain := apidiff.Compare(load("testdata/diff/old", false), load("testdata/diff/new", false))
	with := apidiff.Compare(load("testdata/diff/old", true), load("testdata/diff/new", true))
	golden.Check(t, filepath.Join("golden", "diff", "shop-server.txt"), []byte(with.Text()))
	all := map[string]bool{}
	for _, c := range with.Changes {
		all[c.Class.String()+": "+c.Text] = true
	}
	for _, c := range plain.Changes {
		if !all[c.Class.String()+": "+c.Text] {
			t.Errorf("the report with the server side lacks %q", c.Text)
		}
		delete(all, c.Class.String()+": "+c.Text)
	}
	server := 0
	for text := range all {
		if !strings.Contains(text, "server") && !strings.Contains(text, "handler constructor") {
			t.Errorf("a change only with the server side is not about it: %q", text)
		}
		server++
	}
	if server == 0 {
		t.Error("the report with the server side has no change of its own")
	}
	// Generated with the server side on one side only: the interfaces appear or go.
	added := apidiff.Compare(load("testdata/diff/new", false), load("testdata/diff/new", true))
	for _, c := range added.Changes {
		if c.Class != apidiff.Addition || !strings.HasPrefix(c.Text, "server interface ") {
			t.Errorf("adding -server: %s: %s", c.Class, c.Text)
		}
	}
	if len(added.Changes) == 0 {
		t.Error("adding -server reports nothing")
	}
	if removed := apidiff.Compare(load("testdata/diff/new", true), load("testdata/diff/new", false)); !removed.Breaking() {
		t.Error("removing -server is not breaking")
	}
}
