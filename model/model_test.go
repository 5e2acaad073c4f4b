package model

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/parser"
)

func buildCase(t *testing.T, c string, opts Options) *Package {
	t.Helper()
	dir := filepath.Join("..", "testdata", "wsdl", c)
	roots, _ := filepath.Glob(filepath.Join(dir, "*.wsdl"))
	sort.Strings(roots)
	for i := range roots {
		roots[i] = filepath.Base(roots[i])
	}
	set, err := parser.Parse(os.DirFS(dir), roots, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if opts.Package == "" {
		opts.Package = c
	}
	pkg, err := Build(set, opts)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

func typeNamed(t *testing.T, pkg *Package, name string) *Type {
	t.Helper()
	for _, ty := range pkg.Types {
		if ty.GoName == name {
			return ty
		}
	}
	t.Fatalf("no type %s", name)
	return nil
}

func fieldNames(ty *Type) []string {
	var out []string
	for _, f := range ty.Fields {
		out = append(out, f.Elem.Local+"="+f.GoName)
	}
	return out
}

func TestNames(t *testing.T) {
	pkg := buildCase(t, "names", Options{})
	var types []string
	for _, ty := range pkg.Types {
		types = append(types, ty.GoName+"<-"+ty.QName.Local)
	}
	// The complex type Widget keeps its name; the element Widget has that type (no Go type of its own);
	// the port type Widget becomes a client, WidgetClient2 because a complex type WidgetClient exists;
	// the simple type "Item" yields to the complex type "item", which complex types get first.
	want := []string{"Close<-", "CloseResponse<-", "Do<-", "DoResponse<-", "Gadget<-Gadget", "Hostile<-Hostile",
		"Item<-item", "ItemType<-Item", "Keywords<-Keywords", "Widget<-Widget", "WidgetClient<-WidgetClient"}
	if diff := cmp.Diff(want, types); diff != "" {
		t.Errorf("types (-want +got):\n%s", diff)
	}
	if len(pkg.Clients) != 1 || pkg.Clients[0].GoName != "WidgetClient2" {
		t.Errorf("client: %+v", pkg.Clients)
	}
	if diff := cmp.Diff([]string{"type=Type", "func=Func", "string=String", "error=Error", "byte=Byte", "range=Range", "map=Map", "any=Any", "nil=Nil", "len=Len"},
		fieldNames(typeNamed(t, pkg, "Keywords"))); diff != "" {
		t.Errorf("Keywords fields (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"user-name=UserName", "file.ext=FileExt", "snake_case=SnakeCase", "_private=Private", "Id=ID", "userId=UserID", "URL=URL", "HttpUrl=HTTPURL"},
		fieldNames(typeNamed(t, pkg, "Hostile"))); diff != "" {
		t.Errorf("Hostile fields (-want +got):\n%s", diff)
	}
	// first_name and firstName map to the same Go name: the second gets a suffix; a field named like
	// its type, and one named like the enclosing type, are fine in Go.
	if diff := cmp.Diff([]string{"Widget=Widget", "Gadget=Gadget", "first_name=FirstName", "firstName=FirstName2"},
		fieldNames(typeNamed(t, pkg, "Gadget"))); diff != "" {
		t.Errorf("Gadget fields (-want +got):\n%s", diff)
	}
	var ops, params []string
	for _, op := range pkg.Clients[0].Operations {
		ops = append(ops, op.GoName)
		for _, p := range op.Params {
			params = append(params, op.GoName+"."+p.Name)
		}
	}
	// An operation named Messages cannot take the name of the method returning the client's
	// message-level view: it gets a suffix, as one named Client, Endpoint or Header would.
	if diff := cmp.Diff([]string{"Do", "Close", "MessagesOp"}, ops); diff != "" {
		t.Errorf("methods (-want +got):\n%s", diff)
	}
	if c := pkg.Clients[0]; c.Messages != "Messages" || c.MessagesType != "WidgetClient2Messages" {
		t.Errorf("message-level view %s() %s", c.Messages, c.MessagesType)
	}
	// A request child named ctx cannot shadow the context parameter.
	if diff := cmp.Diff([]string{"Do.ctx2", "Do.widget", "Do.item", "Do.item2", "Close.keywords", "MessagesOp.keywords"}, params); diff != "" {
		t.Errorf("parameters (-want +got):\n%s", diff)
	}
}

func TestClientSuffix(t *testing.T) {
	pkg := buildCase(t, "services88", Options{ClientSuffix: "Agent"})
	var got []string
	for _, c := range pkg.Clients {
		got = append(got, c.GoName+" "+c.RequestHeader.GoName+" "+c.ResponseHeader.GoName+" "+c.Ports[0].Constructor)
	}
	want := []string{
		"SoPrincipalAgent SoPrincipalRequestHeader SoPrincipalResponseHeader NewSoPrincipalAgent",
		"WebhookAgent WebhookRequestHeader WebhookResponseHeader NewWebhookAgent",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("clients (-want +got):\n%s", diff)
	}
	// The port type, the complex type and the element are all named Webhook.
	if typeNamed(t, pkg, "Webhook").QName.Local != "Webhook" {
		t.Error("the complex type Webhook did not keep its name")
	}
}

func TestOccurrenceFlags(t *testing.T) {
	pkg := buildCase(t, "nillable", Options{})
	var got []string
	for _, ty := range pkg.Types {
		for _, f := range ty.Fields {
			got = append(got, fmt.Sprintf("%s.%s opt=%v nil=%v unset=%v %s", ty.GoName, f.GoName, f.Optional, f.Nillable, f.ZeroUnset, f.Type))
		}
	}
	want := map[string]bool{
		"Matrix.StrOptNil opt=true nil=true unset=true string":      true,
		"Matrix.StrOptNoNil opt=true nil=false unset=false string":  true,
		"Matrix.StrReqNil opt=false nil=true unset=true string":     true,
		"Matrix.StrReqNoNil opt=false nil=false unset=false string": true,
		"Matrix.IntOptNil opt=true nil=true unset=false int32":      true,
		"Matrix.IntReqNoNil opt=false nil=false unset=false int32":  true,
		"Matrix.BoolOptNoNil opt=true nil=false unset=false bool":   true,
	}
	for _, g := range got {
		delete(want, g)
	}
	if len(want) > 0 {
		t.Errorf("missing decisions %v\namong:\n%v", want, got)
	}
}

func TestEnumNumbers(t *testing.T) {
	pkg := buildCase(t, "services88", Options{})
	numbers := func(name string) []string {
		var out []string
		for _, v := range typeNamed(t, pkg, name).Values {
			out = append(out, fmt.Sprintf("%s=%d", v.Value, v.Number))
		}
		return out
	}
	// WCF numbers flags 1, 2, 4, ... and plain enumerations 0, 1, 2, ... unless annotated.
	if diff := cmp.Diff([]string{"Select=1", "Update=2", "Insert=4", "Delete=8", "Filtering=16", "RestrictedUpdate=32", "Unused1=64", "Uninitialized=128", "R=1", "F=16"},
		numbers("ETableRightFlag")); diff != "" {
		t.Errorf("ETableRightFlag (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"StatusNone=0", "StatusNormal=1", "StatusNotAvailable=2", "StatusDeleted=3", "StatusReadOnly=4", "StatusSpm=5", "StatusSystem=127"},
		numbers("EjUserStatus")); diff != "" {
		t.Errorf("EjUserStatus (-want +got):\n%s", diff)
	}
	if f := typeNamed(t, pkg, "ETableRight"); f.Kind != Flags || f.Item.GoName != "ETableRightFlag" {
		t.Errorf("ETableRight: kind %v item %v", f.Kind, f.Item)
	}
}

func TestHeadersPerOperation(t *testing.T) {
	pkg := buildCase(t, "headers", Options{})
	c := pkg.Clients[0]
	var got []string
	for i, op := range c.Bindings[0].Ops {
		var names []string
		for _, h := range op.InHeaders {
			names = append(names, c.RequestHeader.Fields[h].GoName)
		}
		got = append(got, fmt.Sprintf("%s:%v", c.Operations[i].GoName, names))
	}
	want := []string{"PlaceOrder:[AuthToken Credentials TraceID]", "CancelOrder:[AuthToken]", "Ping:[]"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("request headers per operation (-want +got):\n%s", diff)
	}
	for _, f := range c.ResponseHeader.Fields {
		if f.Value != nil && f.Value.Kind == SimpleValue && !f.Ref {
			t.Errorf("response header %s is not held by pointer: absence could not be told from the zero value", f.GoName)
		}
	}
}

// TestFaultTypes: one typed error per fault element, named after it ("...Fault", or "...Error" when
// the element's name already ends in Fault), listed on the operations that declare it.
func TestFaultTypes(t *testing.T) {
	pkg := buildCase(t, "faults", Options{})
	var names []string
	for _, f := range pkg.Faults {
		names = append(names, f.GoName+"<-"+f.Elem.Local+" "+f.Detail.Elem.Type.GoName+" "+f.Var)
	}
	want := []string{"DivideByZeroFault<-DivideByZero DivideByZero faultDivideByZeroFault", "ServiceFaultError<-ServiceFault ServiceError faultServiceFaultError"}
	if d := cmp.Diff(want, names); d != "" {
		t.Errorf("faults (-want +got):\n%s", d)
	}
	var ops []string
	for _, op := range pkg.Clients[0].Operations {
		s := op.GoName + ":"
		for _, f := range op.Faults {
			s += " " + f.GoName
		}
		ops = append(ops, s)
	}
	if d := cmp.Diff([]string{"Divide: DivideByZeroFault ServiceFaultError", "Sqrt: ServiceFaultError"}, ops); d != "" {
		t.Errorf("operations (-want +got):\n%s", d)
	}
	found := false
	for _, n := range pkg.Notices {
		found = found || strings.Contains(n, "fault Domain of operation Sqrt")
	}
	if !found {
		t.Errorf("no notice about the fault Domain: %q", pkg.Notices)
	}
}

// TestDeepDerivation: a chain of more than 100 derivations is reported as too deep for sogen, not as
// a type deriving from itself (the normalisation refuses those).
func TestDeepDerivation(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t">`)
	b.WriteString(`<xs:complexType name="T0"><xs:simpleContent><xs:extension base="xs:string"/></xs:simpleContent></xs:complexType>`)
	for i := 1; i <= 102; i++ {
		fmt.Fprintf(&b, `<xs:complexType name="T%d"><xs:simpleContent><xs:extension base="t:T%d"/></xs:simpleContent></xs:complexType>`, i, i-1)
	}
	b.WriteString(`</xs:schema>`)
	set, err := parser.Parse(fstest.MapFS{"s.xsd": {Data: []byte(b.String())}}, []string{"s.xsd"}, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Build(set, Options{Package: "p"})
	if err == nil || !strings.Contains(err.Error(), "derived through more than 100 complex types, more than sogen follows") {
		t.Errorf("err = %v", err)
	}

	cyclic := `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t">` +
		`<xs:complexType name="A"><xs:simpleContent><xs:extension base="t:B"/></xs:simpleContent></xs:complexType>` +
		`<xs:complexType name="B"><xs:simpleContent><xs:extension base="t:A"/></xs:simpleContent></xs:complexType></xs:schema>`
	_, err = parser.Parse(fstest.MapFS{"s.xsd": {Data: []byte(cyclic)}}, []string{"s.xsd"}, parser.Options{})
	if err == nil || !strings.Contains(err.Error(), "type {urn:t}A derives from itself") {
		t.Errorf("a cycle of simple content: err = %v", err)
	}
}
