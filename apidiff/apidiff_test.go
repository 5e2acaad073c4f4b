package apidiff

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	// Registers the -update flag, so that go test ./... -update also runs in this package.
	_ "github.com/sogen-go/sogen/internal/golden"
	"github.com/sogen-go/sogen/model"
)

var str = &model.GoType{Kind: model.Basic, Name: "string"}

// pkg builds a package whose types Item, Order and Other are in namespace main (Other in other), with
// one client whose operation Get has the given SOAP action.
func pkg(main, other, action string, moved bool) *model.Package {
	ns := &model.Namespace{URI: main, Const: "nsMain"}
	ons := &model.Namespace{URI: other, Const: "nsOther"}
	field := func(name string, n *model.Namespace) *model.Field {
		return &model.Field{GoName: name, Elem: model.QName{NS: n, Local: name}, Type: str, Optional: true}
	}
	item := &model.Type{Kind: model.Struct, GoName: "Item", QName: model.QName{NS: ns, Local: "Item"},
		Fields: []*model.Field{field("Name", ns), field("Note", ns)}}
	order := &model.Type{Kind: model.Struct, GoName: "Order", QName: model.QName{NS: ns, Local: "Order"},
		Fields: []*model.Field{field("Ref", ns)}}
	otherNS := ons
	if moved { // Other moves into the main namespace instead of following its own
		otherNS = ns
	}
	otherT := &model.Type{Kind: model.Struct, GoName: "Other", QName: model.QName{NS: otherNS, Local: "Other"}}
	req := &model.Type{Kind: model.Struct, GoName: "Get"}
	op := &model.Operation{GoName: "Get", Name: "Get", Request: req, RequestElem: model.QName{NS: ns, Local: "Get"}}
	b := &model.ClientBinding{Name: model.QName{NS: ns, Local: "Binding"}, Version: 11, Ops: []*model.BindingOp{{Name: "Get", Action: action}}}
	c := &model.Client{GoName: "Client", PortType: model.QName{NS: ns, Local: "Port"}, Operations: []*model.Operation{op},
		Bindings: []*model.ClientBinding{b}, Ports: []*model.ClientPort{{Constructor: "NewClient", Endpoint: "http://x/", Binding: b}}}
	return &model.Package{Name: "p", Types: []*model.Type{req, item, order, otherT}, Clients: []*model.Client{c}}
}

func TestNamespaceRenamedOnce(t *testing.T) {
	old := pkg("urn:v1", "urn:common", "urn:v1/Get", false)
	new := pkg("urn:v2", "urn:common", "urn:v2/Get", false)
	r := Compare(old, new)
	want := []Change{{Class: Other, Text: "namespace `urn:v1` is now `urn:v2` (9 element names, type names and SOAP actions follow it and are not listed one by one)"}}
	if diff := cmp.Diff(want, r.Changes); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestNameNotFollowingItsNamespace(t *testing.T) {
	// Other, the only name in urn:common, moves to urn:v1: by majority urn:common became urn:v1, and
	// that is reported once. The SOAP action changes beyond the namespace: it is reported.
	old := pkg("urn:v1", "urn:common", "urn:v1/Get", false)
	new := pkg("urn:v1", "urn:common", "urn:other-action", true)
	r := Compare(old, new)
	want := []string{
		"method `Client.Get`: SOAP action was `urn:v1/Get`, now `urn:other-action`",
		"namespace `urn:common` is now `urn:v1` (1 element name, type name or SOAP action follows it and is not listed)",
	}
	var got []string
	for _, c := range r.Changes {
		got = append(got, c.Text)
	}
	if diff := cmp.Diff(want, sorted(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestMinorityMoveReportedByName(t *testing.T) {
	// Of the three names in urn:v1 matched by Go name, two stay and one (Order's element Ref) moves to
	// urn:x: the majority decides that urn:v1 stays, and the move is reported for the field.
	old := pkg("urn:v1", "urn:common", "a", false)
	new := pkg("urn:v1", "urn:common", "a", false)
	x := &model.Namespace{URI: "urn:x"}
	new.Types[2].Fields[0].Elem.NS = x
	r := Compare(old, new)
	want := []Change{{Class: Other, Subject: "Order.Ref", Text: "field `Order.Ref`: element was `{urn:v1}Ref`, now `{urn:x}Ref`"}}
	if diff := cmp.Diff(want, r.Changes); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestText(t *testing.T) {
	r := &Report{Package: "p", Changes: []Change{
		{Class: Breaking, Subject: "A", Text: "field `A.X string` removed"},
		{Class: Addition, Subject: "B", Text: "type `B` (a struct)"},
		{Class: Addition, Subject: "C", Text: "type `C` (a struct)"},
	}}
	want := strings.Join([]string{
		"# Go API changes in package p",
		"",
		"1 breaking change, 0 other changes, 2 additions.",
		"",
		"## Breaking changes",
		"",
		"- field `A.X string` removed",
		"",
		"## Additions",
		"",
		"- type `B` (a struct)",
		"- type `C` (a struct)",
		"",
	}, "\n")
	if diff := cmp.Diff(want, r.Text()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if !r.Breaking() {
		t.Error("Breaking() = false")
	}
	if got := (&Report{Package: "p"}).Text(); got != "# Go API changes in package p\n\nNo changes.\n" {
		t.Errorf("empty report: %q", got)
	}
}

func TestFieldWire(t *testing.T) {
	ns := &model.Namespace{URI: "urn:a"}
	mk := func(f *model.Field) *model.Package {
		return &model.Package{Name: "p", Types: []*model.Type{{Kind: model.Struct, GoName: "T", Fields: []*model.Field{f}}}}
	}
	slice := &model.GoType{Kind: model.Slice, Elem: str}
	tests := []struct {
		name     string
		old, new *model.Field
		want     string
	}{
		{"required",
			&model.Field{GoName: "F", Elem: model.QName{NS: ns, Local: "F"}, Type: str, Optional: true},
			&model.Field{GoName: "F", Elem: model.QName{NS: ns, Local: "F"}, Type: str},
			"field `T.F`: now required"},
		{"nillable and renamed element",
			&model.Field{GoName: "F", Elem: model.QName{NS: ns, Local: "F"}, Type: str, Optional: true},
			&model.Field{GoName: "F", Elem: model.QName{NS: ns, Local: "f"}, Type: str, Optional: true, Nillable: true},
			"field `T.F`: element was `{urn:a}F`, now `{urn:a}f`; now nillable"},
		{"shape only",
			&model.Field{GoName: "F", Elem: model.QName{NS: ns, Local: "F"}, Type: slice, Shape: model.Repeated},
			&model.Field{GoName: "F", Elem: model.QName{NS: ns, Local: "F"}, Type: slice, Shape: model.Wrapped, Optional: true, Nillable: true},
			"field `T.F`: was a repeated element, now a wrapped array"},
		{"type",
			&model.Field{GoName: "F", Elem: model.QName{NS: ns, Local: "F"}, Type: str},
			&model.Field{GoName: "F", Elem: model.QName{NS: ns, Local: "F"}, Type: slice, Shape: model.Repeated},
			"field `T.F`: type was `string`, now `[]string`|field `T.F`: was a single element, now a repeated element"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range Compare(mk(tt.old), mk(tt.new)).Changes {
				got = append(got, c.Text)
			}
			if diff := cmp.Diff(tt.want, strings.Join(got, "|")); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestMessageMethods(t *testing.T) {
	// Get's message-level method appears when the operation's request is unwrapped into parameters
	// (an addition) and goes when it is passed whole again (breaking: callers of the view break).
	mk := func(message, bare bool) *model.Package {
		p := pkg("urn:m", "urn:o", "urn:get", false)
		c := p.Clients[0]
		c.Messages, c.MessagesType = "Messages", "ClientMessages"
		op := c.Operations[0]
		op.Message = message
		if bare {
			op.RequestBody = model.WholeBody
			op.Params = []*model.Param{{Name: "get", Type: &model.GoType{Kind: model.Pointer, Elem: &model.GoType{Kind: model.Named, Type: op.Request}}}}
		}
		return p
	}
	texts := func(old, new *model.Package) string {
		var out []string
		for _, c := range Compare(old, new).Changes {
			if strings.Contains(c.Text, "Messages") {
				out = append(out, c.Class.String()+": "+c.Text)
			}
		}
		return strings.Join(out, "|")
	}
	if diff := cmp.Diff("", texts(mk(true, false), mk(true, false))); diff != "" {
		t.Errorf("unchanged (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff("Additions: method `func (ClientMessages) Get(ctx context.Context, req *Get, opts ...soap.CallOption) error`",
		texts(mk(false, true), mk(true, false))); diff != "" {
		t.Errorf("added (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff("Breaking changes: method `func (ClientMessages) Get(ctx context.Context, req *Get, opts ...soap.CallOption) error` removed (`Client.Get` now takes and returns the whole messages)",
		texts(mk(true, false), mk(false, true))); diff != "" {
		t.Errorf("removed (-want +got):\n%s", diff)
	}
}
