package sogen_test

import (
	"bytes"
	"fmt"
	"go/format"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/emit"
	"github.com/sogen-go/sogen/internal/soaptest"
	"github.com/sogen-go/sogen/internal/version"
	"github.com/sogen-go/sogen/model"
	"github.com/sogen-go/sogen/parser"
)

// TestServices88Corpus generates every Services88 WSDL of the corpus into one package, in a temporary
// module, and checks that
//
//   - every type the agents share is declared once: the merged package declares exactly the types
//     the agents declare when generated one by one (no Associate2), each schema type once;
//   - the package builds and vets;
//   - every documented request and response example round-trips through the generated types and
//     the generated client (testdata/roundtrip/examples_test.go, run inside the temporary module
//     with a table of the operations written from the model);
//   - every agent has SuperOffice's reply-header status contract, generated: each operation, called
//     with a reply whose headers say Succeeded=false with an ExceptionInfo, returns an error that
//     errors.As turns into the *SoExceptionInfo, together with the result the reply carried.
func TestServices88Corpus(t *testing.T) {
	dir := soaptest.Corpus(t, "superoffice", "Services88")
	roots, err := filepath.Glob(filepath.Join(dir, "*.wsdl"))
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range roots {
		roots[i] = filepath.Base(r)
	}
	sort.Strings(roots)
	if len(roots) < 2 {
		t.Fatalf("only %d WSDLs in %s", len(roots), dir)
	}
	fsys := os.DirFS(dir)
	set, err := parser.Parse(fsys, roots, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := model.Build(set, model.Options{Package: "services88", ClientSuffix: "Agent", Sources: roots, Generator: version.Read().Generator()})
	if err != nil {
		t.Fatal(err)
	}
	files, err := emit.Files(pkg)
	if err != nil {
		t.Fatal(err)
	}
	// The command's path gives the same files.
	res, err := sogen.Generate(services88Config(dir, roots...))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != len(files) {
		t.Fatalf("Generate gave %d files, the pipeline %d", len(res.Files), len(files))
	}
	for i := range files {
		if res.Files[i].Name != files[i].Name || !bytes.Equal(res.Files[i].Content, files[i].Content) {
			t.Fatalf("Generate and the pipeline differ at %s", files[i].Name)
		}
	}

	checkSharedOnce(t, pkg, fsys, roots)
	checkCorpusShapes(t, files)
	checkContracts(t, pkg)

	lines := 0
	for _, f := range files {
		lines += bytes.Count(f.Content, []byte("\n"))
	}
	t.Logf("%d WSDLs -> %d files, %d lines, %d types, %d clients", len(roots), len(files), lines, len(pkg.Types), len(pkg.Clients))

	mod := tempModule(t, "github.com/sogen-go/sogen/corpuscheck") // under sogen's path: may use internal/soaptest
	pdir := filepath.Join(mod, "services88")
	writePackage(t, pdir, files)
	driver, err := os.ReadFile(filepath.Join("testdata", "roundtrip", "examples_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	writePackage(t, pdir, []emit.File{
		{Name: "examples_test.go", Content: driver},
		{Name: "cases_test.go", Content: exampleCases(t, pkg)},
	})
	start := time.Now()
	goCmd(t, mod, nil, "build", "./...")
	t.Logf("go build of the package: %v", time.Since(start).Round(10*time.Millisecond))
	goCmd(t, mod, nil, "vet", "./...")
	// SuperOffice's documented examples, then ours (testdata/roundtrip/examples: states the
	// documented ones do not show, such as nil string items and dictionary values).
	ours, err := filepath.Abs(filepath.Join("testdata", "roundtrip", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	for _, examplesDir := range []string{dir, ours} {
		out := goCmd(t, mod, []string{"SOGEN_EXAMPLES=" + examplesDir}, "test", "-count=1", "-v", "-run", "TestDocumentedExamples", "./...")
		passed := strings.Count(string(out), "    --- PASS: TestDocumentedExamples/")
		examples, _ := filepath.Glob(filepath.Join(examplesDir, "*", "*.request.xml"))
		if passed != len(examples) || passed == 0 {
			t.Errorf("%d example pairs passed, %d in %s:\n%s", passed, len(examples), examplesDir, out)
		}
		m := regexp.MustCompile(`message-level calls: (\d+)`).FindSubmatch(out)
		if m == nil || string(m[1]) == "0" {
			t.Errorf("no example went through a message-level method:\n%s", out)
			continue
		}
		t.Logf("examples of %s round-tripped: %d operations (%s also at the message level)", examplesDir, passed, m[1])
	}
}

// checkSharedOnce fails unless the merged package declares each schema type once and exactly the
// Go types the agents declare when generated alone.
func checkSharedOnce(t *testing.T, pkg *model.Package, fsys fs.FS, roots []string) {
	t.Helper()
	byQName := map[model.QName]string{}
	merged := map[string]bool{}
	for _, ty := range pkg.Types {
		merged[ty.GoName] = true
		if ty.QName.IsZero() {
			continue
		}
		if other, ok := byQName[ty.QName]; ok {
			t.Errorf("schema type %s declared twice: %s and %s", ty.QName.Local, other, ty.GoName)
		}
		byQName[ty.QName] = ty.GoName
	}
	alone := map[string]bool{}
	for _, r := range roots {
		set, err := parser.Parse(fsys, []string{r}, parser.Options{})
		if err != nil {
			t.Fatal(err)
		}
		p, err := model.Build(set, model.Options{Package: "services88", ClientSuffix: "Agent", Sources: []string{r}})
		if err != nil {
			t.Fatal(err)
		}
		for _, ty := range p.Types {
			alone[ty.GoName] = true
		}
	}
	var extra, missing []string
	for n := range merged {
		if !alone[n] {
			extra = append(extra, n)
		}
	}
	for n := range alone {
		if !merged[n] {
			missing = append(missing, n)
		}
	}
	sort.Strings(extra)
	sort.Strings(missing)
	if len(extra)+len(missing) > 0 {
		t.Errorf("the merged package's types differ from the agents' own: extra %v, missing %v", extra, missing)
	}
}

// failureMessage is the message of the exception in the failing replies of the corpus round trip.
const failureMessage = "Ticket expired"

// checkContracts fails unless every client of the corpus package has the reply-header status contract
// of SuperOffice: Succeeded and ExceptionInfo, whose type, SoExceptionInfo, gets Error and Unwrap.
func checkContracts(t *testing.T, pkg *model.Package) {
	t.Helper()
	for _, c := range pkg.Clients {
		h := c.ResponseHeader
		if h == nil || h.Contract == nil || h.Contract.Status == nil || h.Contract.Error == nil {
			t.Errorf("%s has no reply-header status contract", c.GoName)
			continue
		}
		ct := h.Contract
		if ct.Status.Elem.Local != "Succeeded" || ct.Error.Elem.Local != "ExceptionInfo" || ct.Error.Value.Type.GoName != "SoExceptionInfo" {
			t.Errorf("%s: contract on %s and %s (%s), want Succeeded and ExceptionInfo (SoExceptionInfo)", c.GoName, ct.Status.Elem.Local, ct.Error.Elem.Local, ct.Error.Value.Type.GoName)
		}
		if m := ct.Error.Value.Type.ErrorMethods; m == nil || m.Unwrap == nil || m.Unwrap.GoName != "InnerException" {
			t.Errorf("%s: SoExceptionInfo does not unwrap to InnerException", c.GoName)
		}
	}
	var notice string
	for _, n := range pkg.Notices {
		if strings.Contains(n, "status contract") {
			notice = n
		}
	}
	if want := fmt.Sprintf("%d clients", len(pkg.Clients)); strings.Count(notice, "Agent") != len(pkg.Clients) {
		t.Errorf("the notice of the contract does not name the %s: %q", want, notice)
	}
}

// exampleCases writes cases_test.go: the table of operations the round trip of the documented
// examples drives (see testdata/roundtrip/examples_test.go).
func exampleCases(t *testing.T, pkg *model.Package) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("// Code generated by TestServices88Corpus. DO NOT EDIT.\n\npackage " + pkg.Name + "\n\n")
	b.WriteString("import (\n\t\"context\"\n\t\"encoding/xml\"\n\n\t\"github.com/sogen-go/sogen/soap\"\n)\n\n")
	fmt.Fprintf(&b, "// registry resolves xsi:type when the examples are decoded.\nvar registry = %s\n\n", pkg.Registry)
	b.WriteString("var cases = []exampleCase{\n")
	name := func(q model.QName) string {
		x := q.XML()
		return fmt.Sprintf("xml.Name{Space: %q, Local: %q}", x.Space, x.Local)
	}
	for _, c := range pkg.Clients {
		port := c.Ports[0]
		for _, op := range c.Operations {
			fmt.Fprintf(&b, "\t{\n\t\tName: %q,\n", c.PortType.Local+"/"+op.Name)
			fmt.Fprintf(&b, "\t\tVersion: soap.V%d,\n", port.Binding.Version)
			if op.Request != nil {
				fmt.Fprintf(&b, "\t\tReqElem: %s,\n\t\tNewReq: func() message { return new(%s) },\n", name(op.RequestElem), op.Request.GoName)
			}
			if op.Response != nil {
				fmt.Fprintf(&b, "\t\tRespElem: %s,\n\t\tNewResp: func() message { return new(%s) },\n", name(op.ResponseElem), op.Response.GoName)
			}
			if h := c.RequestHeader; h != nil {
				fmt.Fprintf(&b, "\t\tNewReqHdr: func() header { return new(%s) },\n\t\tReqHdrLen: %d,\n", h.GoName, len(h.Fields))
			}
			if h := c.ResponseHeader; h != nil {
				fmt.Fprintf(&b, "\t\tNewRespHdr: func() header { return new(%s) },\n\t\tRespHdrLen: %d,\n", h.GoName, len(h.Fields))
				if ct := h.Contract; ct != nil && ct.Status != nil && ct.Error != nil && ct.FalseField != nil {
					// The header blocks of a reply reporting failure, written with the contract's fields.
					fmt.Fprintf(&b, "\t\tFailure: func() header { no := false; return &%s{%s: &no, %s: &%s{%s: %q}} },\n",
						h.GoName, ct.Status.GoName, ct.Error.GoName, ct.Error.Value.Type.GoName, ct.FalseField.GoName, failureMessage)
				}
			}
			var args []string
			switch op.RequestBody {
			case model.WholeBody:
				args = append(args, fmt.Sprintf("req.(*%s)", op.Request.GoName))
			case model.WrappedBody:
				for _, p := range op.Params {
					args = append(args, fmt.Sprintf("req.(*%s).%s", op.Request.GoName, p.Field.GoName))
				}
			}
			var opts []string
			if c.RequestHeader != nil {
				opts = append(opts, "soap.WithRequestHeader(h)")
			}
			if c.ResponseHeader != nil {
				opts = append(opts, "soap.WithResponseHeader(rh)")
			}
			args = append(args, "[]soap.CallOption{"+strings.Join(opts, ", ")+"}...")
			call := fmt.Sprintf("a.%s(ctx, %s)", op.GoName, strings.Join(args, ", "))
			b.WriteString("\t\tCall: func(ctx context.Context, c *soap.Client, req message, h, rh header) (any, error) {\n")
			fmt.Fprintf(&b, "\t\t\ta := %s(c)\n\t\t\ta.Endpoint = \"http://example.invalid/%s\"\n", port.Constructor, c.PortType.Local)
			if op.Result == model.NoResult {
				fmt.Fprintf(&b, "\t\t\treturn nil, %s\n", call)
			} else {
				fmt.Fprintf(&b, "\t\t\treturn %s\n", call)
			}
			b.WriteString("\t\t},\n")
			switch op.Result {
			case model.FieldResult:
				fmt.Fprintf(&b, "\t\tResult: func(resp message) any { return resp.(*%s).%s },\n", op.Response.GoName, op.ResultField.GoName)
			case model.WrapperResult:
				b.WriteString("\t\tResult: func(resp message) any { return resp },\n")
			}
			if op.Message {
				if op.RequestSimple != nil || op.ResponseSimple != nil {
					t.Fatalf("%s: the example harness does not drive simple-typed bare bodies", op.Name)
				}
				var margs []string
				if op.Request != nil {
					margs = append(margs, fmt.Sprintf("req.(*%s)", op.Request.GoName))
				}
				margs = append(margs, "[]soap.CallOption{"+strings.Join(opts, ", ")+"}...")
				mcall := fmt.Sprintf("a.%s().%s(ctx, %s)", c.Messages, op.GoName, strings.Join(margs, ", "))
				b.WriteString("\t\tCallMessage: func(ctx context.Context, c *soap.Client, req message, h, rh header) (message, error) {\n")
				fmt.Fprintf(&b, "\t\t\ta := %s(c)\n\t\t\ta.Endpoint = \"http://example.invalid/%s\"\n", port.Constructor, c.PortType.Local)
				if op.Response != nil {
					fmt.Fprintf(&b, "\t\t\tresp, err := %s\n\t\t\tif resp == nil {\n\t\t\t\treturn nil, err\n\t\t\t}\n\t\t\treturn resp, err\n", mcall)
				} else {
					fmt.Fprintf(&b, "\t\t\treturn nil, %s\n", mcall)
				}
				b.WriteString("\t\t},\n")
			}
			b.WriteString("\t},\n")
		}
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		t.Fatalf("cases_test.go: %v\n%s", err, b.Bytes())
	}
	return src
}

// checkCorpusShapes checks the Go shape of the constructs of the corpus that the issue lists: several
// out-parameters, one output message shared by several operations, empty wrappers, nested arrays,
// dictionaries keyed by xs:dateTime, enumerations with WCF numbers, a field named like a type, and a
// Response child of a response wrapper. (Decoding and encoding them is what the round trip checks.)
func checkCorpusShapes(t *testing.T, files []emit.File) {
	t.Helper()
	api := map[string]bool{}
	for _, d := range exportedAPI(t, files) {
		api[strings.Join(strings.Fields(d), " ")] = true
	}
	for _, want := range []string{
		// Several out-parameters: the response wrapper is returned.
		"func (c *BlobManagerAgent) ReadBlob(ctx context.Context, blobID int32, opts ...soap.CallOption) (*ReadBlobResponse, error)",
		"type ReadBlobResponse struct { Length int32 Response string Presence soap.Presence }",
		// One output message (AuthenticateResponse) shared by several operations.
		"func (c *SoPrincipalAgent) AuthenticateUsernamePassword(ctx context.Context, userName string, password string, opts ...soap.CallOption) (*AuthenticateResponse, error)",
		"func (c *SoPrincipalAgent) AuthenticateImplicit(ctx context.Context, opts ...soap.CallOption) (*AuthenticateResponse, error)",
		// An empty request wrapper: no parameters.
		"func (c *WebhookAgent) CreateDefaultWebhook(ctx context.Context, opts ...soap.CallOption) (*Webhook, error)",
		// A Response child of a response wrapper: the method returns it.
		"type GetLastErrorResponse struct { Response string Presence soap.Presence }",
		"func (c *WebhookAgent) GetLastError(ctx context.Context, webhookID int32, opts ...soap.CallOption) (string, error)",
		// A field named like a type: LocalizedField.AddressType is a string, AddressType an enumeration.
		"type LocalizedField struct { Carrier Name string Value string Tooltip string Label string ValueLength int32 AddressType string Presence soap.Presence }",
		"type AddressType string",
		// Nested arrays.
		"type Address struct { Carrier Wgs84Latitude float64 Wgs84Longitude float64 LocalizedAddress [][]*LocalizedField Street *StructuredAddress Postal *StructuredAddress Formatted string Presence soap.Presence }",
		// An enumeration with WCF numbers that are not its positions (EnumerationValue 16387).
		"const AddressTypePersonPrivateAddress AddressType = \"PersonPrivateAddress\"",
		"func (v AddressType) Number() (int64, bool)",
	} {
		if !api[want] {
			t.Errorf("the merged package lacks %s", want)
		}
	}
	var src strings.Builder
	for _, f := range files {
		src.Write(f.Content)
	}
	for _, want := range []string{
		"TimeZoneSTDRules map[soap.DateTime]*TimeZoneRule", // a dictionary keyed by xs:dateTime
		"\tcase AddressTypePersonPrivateAddress:\n\t\treturn 16387, true",
	} {
		if !strings.Contains(src.String(), want) {
			t.Errorf("the merged package lacks %q", want)
		}
	}
}
