package sogen_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/internal/cli"
	"github.com/sogen-go/sogen/internal/golden"
	"github.com/sogen-go/sogen/parser"
)

// TestFixupBadInputs generates the bad inputs whose errors (in golden/errors, some made with -strict)
// a fix-up gets past: the loss-free ones by default (among them each repair of a reference to nothing
// defined), the lossy ones with Config.Lenient. Each fix-up names the file and element, and the
// generated client reads the input as it says.
func TestFixupBadInputs(t *testing.T) {
	const def = "/wsdl:definitions[@name='Bad']"
	for _, tc := range []struct {
		name     string
		lenient  bool
		kind     parser.FixupKind
		warnings []string
		want     []string // in the generated files
	}{
		{
			name:     "spaced-name",
			kind:     parser.TrimmedName,
			warnings: []string{`spaced-name.wsdl: ` + def + `/wsdl:types/xs:schema/xs:element[@name='PingResponse']/xs:complexType/xs:sequence/xs:element[@name='ResultCode ']: name "ResultCode " trimmed to "ResultCode"`},
			want: []string{
				`func (c *BadClient) Ping(ctx context.Context, in string, opts ...soap.CallOption) (int32, error)`,
				`{Space: nsBad, Local: "ResultCode", GoName: "ResultCode",`,
			},
		},
		{
			name:     "element-model-group",
			kind:     parser.ImpliedComplexType,
			warnings: []string{"element-model-group.wsdl: " + def + "/wsdl:types/xs:schema/xs:element[@name='PingResponse']/xs:sequence: xs:sequence directly inside xs:element read as if wrapped in an anonymous xs:complexType"},
			want:     []string{`func (c *BadClient) Ping(ctx context.Context, in string, opts ...soap.CallOption) ([]string, error)`},
		},
		{
			name:     "wrong-namespace",
			kind:     parser.LocalName,
			warnings: []string{"wrong-namespace.wsdl: " + def + "/wsdl:types/xs:schema/xs:element[@name='Order']: type {http://example.com/bad/wsdl}OrderType (not defined) resolved by its local name to {http://example.com/bad}OrderType"},
		},
		{
			name:     "document-type-part",
			lenient:  true,
			kind:     parser.TypePart,
			warnings: []string{"document-type-part.wsdl: " + def + "/wsdl:message[@name='PingRequest']: part pingId names the type {http://www.w3.org/2001/XMLSchema}int, not an element, which a document-style body needs; read as an element pingId in no namespace of that type"},
			want: []string{
				`func (c *BadClient) Ping(ctx context.Context, pingID int32, opts ...soap.CallOption) (string, error)`,
				`Request: xml.Name{Local: "pingId"}`,
			},
		},
		{
			name:     "unknown-type",
			kind:     parser.AnyContent,
			warnings: []string{"unknown-type.wsdl: " + def + "/wsdl:types/xs:schema/xs:complexType[@name='Holder']/xs:sequence/xs:element[@name='Thing']: type {http://example.com/bad}Nowhere is not defined; read as xs:anyType, the content kept as XML"},
			want:     []string{`Thing any`},
		},
		{
			name:     "undeclared-prefix",
			kind:     parser.AnyContent,
			warnings: []string{"undeclared-prefix.wsdl: " + def + "/wsdl:types/xs:schema/xs:element[@name='Other']: type q9:Thing (namespace prefix \"q9\" is not declared): nothing of that kind has the local name Thing; read as xs:anyType, the content kept as XML"},
		},
		{
			name:     "undefined-element-ref",
			kind:     parser.AnyContent,
			warnings: []string{"undefined-element-ref.wsdl: " + def + "/wsdl:types/xs:schema/xs:complexType[@name='Holder']/xs:sequence/xs:element: element {http://example.com/bad}Nowhere is not defined; declared as an element of xs:anyType, its content kept as XML"},
			want:     []string{`Nowhere any`, `{Space: nsBad, Local: "Nowhere", GoName: "Nowhere", Flags: soapimpl.Optional | soapimpl.ZeroUnset, Codec: &soapimpl.Any}`},
		},
		{
			name:     "undeclared-element-ref",
			kind:     parser.AnyContent,
			warnings: []string{"undeclared-element-ref.wsdl: " + def + "/wsdl:types/xs:schema/xs:complexType[@name='Holder']/xs:sequence/xs:element[2]: element q:Nowhere (namespace prefix \"q\" is not declared): nothing of that kind has the local name Nowhere; read as xs:any, the element kept as XML"},
			want:     []string{`Any []*soap.Element`},
		},
		{
			name:     "undefined-group",
			kind:     parser.AnyContent,
			warnings: []string{"undefined-group.wsdl: " + def + "/wsdl:types/xs:schema/xs:complexType[@name='Holder']/xs:sequence/xs:group: group {http://example.com/bad}Nowhere is not defined; read as xs:any, its elements kept as XML"},
			want:     []string{`Any []*soap.Element`},
		},
		{
			name:     "undefined-attribute-group",
			kind:     parser.AnyContent,
			warnings: []string{"undefined-attribute-group.wsdl: " + def + "/wsdl:types/xs:schema/xs:complexType[@name='Holder']/xs:attributeGroup: attribute group {http://example.com/bad}Nowhere is not defined; read as xs:anyAttribute, its attributes kept as XML"},
			want:     []string{`AnyAttr []xml.Attr`},
		},
		{
			name:     "undefined-attribute",
			kind:     parser.AnyContent,
			warnings: []string{"undefined-attribute.wsdl: " + def + "/wsdl:types/xs:schema/xs:complexType[@name='Holder']/xs:attribute: attribute {http://example.com/bad}nowhere is not defined; declared as an attribute of xs:string, its value kept as it is"},
			want:     []string{`Nowhere *string`, `{Space: nsBad, Local: "nowhere", GoName: "Nowhere", Codec: &soapimpl.XSString, Ref: true}`},
		},
		{
			name:     "undefined-attribute-type",
			kind:     parser.AnyContent,
			warnings: []string{"undefined-attribute-type.wsdl: " + def + "/wsdl:types/xs:schema/xs:complexType[@name='Holder']/xs:attribute[@name='kind']: attribute type {http://example.com/bad}Nowhere is not defined; read as xs:string, the text kept as it is"},
			want:     []string{`Kind *string`},
		},
		{
			name:     "undefined-simple-base",
			kind:     parser.AnyContent,
			warnings: []string{"undefined-simple-base.wsdl: " + def + "/wsdl:types/xs:schema/xs:simpleType[@name='Code']: restriction base {http://example.com/bad}Nowhere is not defined; read as xs:string, the text kept as it is"},
			want:     []string{`type Code string`, `CodeA Code = "A"`},
		},
		{
			name:     "undefined-base",
			kind:     parser.AnyContent,
			warnings: []string{"undefined-base.wsdl: " + def + "/wsdl:types/xs:schema/xs:complexType[@name='Holder']: base type {http://example.com/bad}Nowhere is not defined; the content of the type is kept as XML"},
			want:     []string{`whose content sogen does not know (its base type {http://example.com/bad}Nowhere is not defined)`, `Content []soap.Node`, `AnyAttr []xml.Attr`},
		},
		{
			name:     "undefined-part-element",
			kind:     parser.AnyContent,
			warnings: []string{"undefined-part-element.wsdl: " + def + "/wsdl:message[@name='PingRequest']: part parameters: element {http://example.com/bad}Nowhere is not defined; declared as an element of xs:anyType, its content kept as XML"},
			want:     []string{`func (c *BadClient) Ping(ctx context.Context, nowhere any, opts ...soap.CallOption) (string, error)`, `Request: xml.Name{Space: nsBad, Local: "Nowhere"}`},
		},
		{
			name:     "undefined-substitution-head",
			kind:     parser.Ignored,
			warnings: []string{"undefined-substitution-head.wsdl: " + def + "/wsdl:types/xs:schema/xs:element[@name='Member']: substitution group head {http://example.com/bad}Nowhere is not defined; ignored (no element refers to that head)"},
		},
		{
			name:     "undefined-fault-message",
			kind:     parser.Ignored,
			warnings: []string{"undefined-fault-message.wsdl: " + def + "/wsdl:portType[@name='Bad']/wsdl:operation[@name='Ping']: fault Oops: message {http://example.com/bad}Nowhere is not defined; the fault ignored (it still arrives as a *soap.Fault, its detail as XML)"},
			want:     []string{`func (c *BadClient) Ping(ctx context.Context, in string, opts ...soap.CallOption) (string, error)`},
		},
		{
			name:     "undefined-header-message",
			kind:     parser.Ignored,
			warnings: []string{"undefined-header-message.wsdl: " + def + "/wsdl:binding[@name='BadBinding']/wsdl:operation[@name='Ping']: soap:header message {http://example.com/bad}Nowhere is not defined; the header ignored (soap.WithHeaderBlock sends the block, soap.WithUnknownResponseHeaders reads it)"},
			want:     []string{`func (c *BadClient) Ping(ctx context.Context, in string, opts ...soap.CallOption) (string, error)`},
		},
		{
			name:     "header-type-part",
			kind:     parser.Ignored,
			warnings: []string{"header-type-part.wsdl: " + def + "/wsdl:binding[@name='BadBinding']/wsdl:operation[@name='Ping']: soap:header part token of message TokenHeader names a type, not an element, so the header block has no name; the header ignored (soap.WithHeaderBlock sends the block, soap.WithUnknownResponseHeaders reads it)"},
			want:     []string{`func (c *BadClient) Ping(ctx context.Context, in string, opts ...soap.CallOption) (string, error)`},
		},
		{
			name:     "missing-header-part",
			kind:     parser.Ignored,
			warnings: []string{"missing-header-part.wsdl: " + def + "/wsdl:binding[@name='BadBinding']/wsdl:operation[@name='Ping']: soap:header part \"Token\" is not in message {http://example.com/bad}PingRequest; the header ignored (soap.WithHeaderBlock sends the block, soap.WithUnknownResponseHeaders reads it)"},
			want:     []string{`func (c *BadClient) Ping(ctx context.Context, in string, opts ...soap.CallOption) (string, error)`},
		},
		{
			name:     "binding-operation-without-operation",
			kind:     parser.Ignored,
			warnings: []string{"binding-operation-without-operation.wsdl: " + def + "/wsdl:binding[@name='BadBinding']/wsdl:operation[@name='Ghost']: operation Ghost is not in port type {http://example.com/bad}Bad; the binding operation ignored (there is nothing to call)"},
			want:     []string{`func (c *BadClient) Ping(ctx context.Context, in string, opts ...soap.CallOption) (string, error)`},
		},
		{
			name:     "port-without-binding",
			kind:     parser.Ignored,
			warnings: []string{"port-without-binding.wsdl: " + def + "/wsdl:service[@name='BadService']: port OtherPort: binding {http://example.com/bad}Nowhere is not defined; the port ignored (there is nothing to call)"},
			want:     []string{`func (c *BadClient) Ping(ctx context.Context, in string, opts ...soap.CallOption) (string, error)`},
		},
		{
			name:     "remote-import",
			kind:     parser.Unread,
			warnings: []string{"remote-import.wsdl: " + def + "/wsdl:types/xs:schema/xs:import: schemaLocation=\"https://example.com/remote.xsd\" is a remote location, which was not read; the import passed over (its location is a hint), what refers into namespace http://example.com/remote read as any content"},
			want:     []string{`func (c *BadClient) Ping(ctx context.Context, in string, opts ...soap.CallOption) (string, error)`},
		},
		{
			name:     "body-part-not-in-empty-message",
			kind:     parser.Ignored,
			warnings: []string{"body-part-not-in-empty-message.wsdl: " + def + "/wsdl:binding[@name='BadBinding']/wsdl:operation[@name='Ping']: soap:body part parameters is not in message PingResponse; the name ignored (every part of the message is in the body or a header already)"},
			want:     []string{`func (c *BadClient) Ping(ctx context.Context, in string, opts ...soap.CallOption) error`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := sogen.Config{FS: os.DirFS("testdata/bad"), Roots: []string{tc.name + ".wsdl"}, Package: "bad", Lenient: tc.lenient}
			res, err := sogen.Generate(cfg)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range res.Fixups {
				got = append(got, f.String())
				if f.Kind != tc.kind {
					t.Errorf("%s: kind %d, want %d", f, f.Kind, tc.kind)
				}
			}
			if d := cmp.Diff(tc.warnings, got); d != "" {
				t.Errorf("fix-ups (-want +got):\n%s", d)
			}
			if tc.lenient {
				if _, err := sogen.Generate(sogen.Config{FS: cfg.FS, Roots: cfg.Roots, Package: "bad"}); err == nil {
					t.Error("without Lenient, generation succeeded")
				}
			} else if _, err := sogen.Generate(sogen.Config{FS: cfg.FS, Roots: cfg.Roots, Package: "bad", Strict: true}); err == nil {
				t.Error("with Strict, generation succeeded")
			}
			var all strings.Builder
			for _, f := range res.Files {
				all.Write(f.Content)
			}
			for _, w := range tc.want {
				if !strings.Contains(all.String(), w) {
					t.Errorf("the generated code lacks %s", w)
				}
			}
		})
	}
}

// TestUnmappableCase: the golden case testdata/wsdl/unmappable is generated with Config.Lenient (its
// flags file), which keeps what sogen cannot map as XML or leaves it out, an Unmapped fix-up each,
// naming the file and element; without it, the first of them is an error whose hint is Lenient.
func TestUnmappableCase(t *testing.T) {
	dir := os.DirFS("testdata/wsdl/unmappable")
	_, err := sogen.Generate(sogen.Config{FS: dir, Roots: []string{"unmappable.wsdl"}, Package: "unmappable"})
	if h, _ := parser.HintOf(err); err == nil || h != (parser.Hint{Kind: parser.HintLenient, Effect: "keep the content of the type as XML"}) {
		t.Errorf("without Lenient: %v (hint %+v)", err, h)
	}
	res, err := sogen.Generate(sogen.Config{FS: dir, Roots: []string{"unmappable.wsdl"}, Package: "unmappable", Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	const p = "unmappable.wsdl: /wsdl:definitions[@name='Unmappable']/"
	want := []string{
		p + "wsdl:types/xs:schema/xs:complexType[@name='Log']/xs:sequence/xs:choice: a repeated xs:choice (maxOccurs unbounded) whose branches are not elements or wildcards is not supported yet: its elements are kept as XML, as if it were xs:any",
		p + "wsdl:types/xs:schema/xs:complexType[@name='Cube']: the complex type {http://example.com/sogen/unmappable}Cube kept as XML in the fields Content and AnyAttr of Cube, since sogen cannot map it: " +
			p + "wsdl:types/xs:schema/xs:complexType[@name='Cube']/xs:complexContent/xs:restriction/xs:attribute: wsdl:arrayType=\"xs:int[,,]\": SOAP-ENC arrays of more than two dimensions are not supported",
		p + "wsdl:types/xs:schema/xs:complexType[@name='RichNote']: the complex type {http://example.com/sogen/unmappable}RichNote kept as XML in the fields Content and AnyAttr of RichNote, since sogen cannot map it: mixed content in a type that extends or is extended by another is not supported yet",
		p + "wsdl:types/xs:schema/xs:complexType[@name='SignedNote']: the complex type {http://example.com/sogen/unmappable}SignedNote kept as XML in the fields Content and AnyAttr of SignedNote, since sogen cannot map it: it extends {http://example.com/sogen/unmappable}RichNote, which sogen cannot map",
		p + "wsdl:binding[@name='UnmappableBinding']/wsdl:operation[@name='Post']: the soap:header session of message SessionHeader left out, since sogen cannot map it: encoded SOAP headers are not supported",
		p + "wsdl:portType[@name='Unmappable']/wsdl:operation[@name='SendGrid']: operation SendGrid left out, since sogen cannot map it: " +
			p + "wsdl:types/xs:schema/xs:element[@name='GridRequest']: element GridRequest: a two-dimensional SOAP-ENC array as the whole body of a document-style message is not supported",
	}
	var got []string
	for _, f := range res.Fixups {
		got = append(got, f.String())
		if f.Kind != parser.Unmapped {
			t.Errorf("%s: kind %d, want Unmapped", f, f.Kind)
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("fix-ups (-want +got):\n%s", d)
	}
}

// TestUndefinedCase: the golden case testdata/wsdl/undefined is generated without flags: each of its
// references to nothing defined is repaired by a loss-free fix-up (AnyContent or Ignored), naming the
// file and element; with Config.Strict the first is an error whose hint is to leave Strict out.
func TestUndefinedCase(t *testing.T) {
	dir := os.DirFS("testdata/wsdl/undefined")
	cfg := sogen.Config{FS: dir, Roots: []string{"undefined.wsdl"}, Package: "undefined"}
	res, err := sogen.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[parser.FixupKind]int{}
	for _, f := range res.Fixups {
		counts[f.Kind]++
		if !strings.HasPrefix(f.String(), "undefined.wsdl: /wsdl:definitions[@name='Undefined']/") {
			t.Errorf("fix-up %q does not name the file and element", f)
		}
	}
	if d := cmp.Diff(map[parser.FixupKind]int{parser.AnyContent: 16, parser.Ignored: 7}, counts); d != "" {
		t.Errorf("fix-ups by kind (-want +got):\n%s", d)
	}
	cfg.Strict = true
	_, err = sogen.Generate(cfg)
	if h, _ := parser.HintOf(err); err == nil || h.Kind != parser.HintNotStrict {
		t.Errorf("with Strict: %v (hint %+v)", err, h)
	}
}

// TestUnreadCase: the golden case testdata/wsdl/unread imports remote schemas that are not read. Run
// as a user runs it (the sogen command, no flags), each import is passed over with one warning line
// per location (golden/warnings/unread.txt), -v lists every fix-up (unread-v.txt), and with -strict
// the first import is an error (golden/errors/unread.txt) naming the location, the ways to read it
// and that leaving -strict out passes it over. The references into the namespaces are Unread
// fix-ups, none resolved by its local name.
func TestUnreadCase(t *testing.T) {
	in := filepath.Join("testdata", "wsdl", "unread", "unread.wsdl")
	run := func(flags ...string) (string, error) {
		var stdout, stderr bytes.Buffer
		err := cli.Run(append(append([]string{"-o", filepath.Join(t.TempDir(), "out"), "-pkg", "unread"}, flags...), in), &stdout, &stderr)
		return stderr.String(), err
	}
	for _, tt := range []struct{ flag, golden string }{{"", "unread.txt"}, {"-v", "unread-v.txt"}} {
		var flags []string
		if tt.flag != "" {
			flags = append(flags, tt.flag)
		}
		log, err := run(flags...)
		if err != nil {
			t.Fatalf("%q: %v", flags, err)
		}
		golden.Check(t, filepath.Join("golden", "warnings", tt.golden), []byte(log))
	}
	_, err := run("-strict")
	if err == nil {
		t.Fatal("with -strict, generation succeeded")
	}
	golden.Check(t, filepath.Join("golden", "errors", "unread.txt"), []byte(err.Error()+"\n"))

	res := generateCase(t, "unread")
	counts := map[parser.FixupKind]int{}
	for _, f := range res.Fixups {
		counts[f.Kind]++
	}
	if d := cmp.Diff(map[parser.FixupKind]int{parser.Unread: 3 + 9}, counts); d != "" {
		t.Errorf("fix-ups by kind (-want +got):\n%s", d)
	}
}
