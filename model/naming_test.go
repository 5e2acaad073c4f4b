package model

import (
	"go/build"
	"go/token"
	"go/types"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		// examples from the documentation
		{"webhookId", []string{"webhook", "Id"}},
		{"UIHintMandatory", []string{"UI", "Hint", "Mandatory"}},
		{"EMailAddress", []string{"E", "Mail", "Address"}},
		{"SOAPAction", []string{"SOAP", "Action"}},
		{"Unused1", []string{"Unused1"}},
		{"UndefinedValue256", []string{"Undefined", "Value256"}},
		{"Ipv4Address", []string{"Ipv4", "Address"}},
		{"v2Beta", []string{"v2", "Beta"}},
		{"UTF8String", []string{"UTF8", "String"}},
		{"HTTPSURL", []string{"HTTPSURL"}},
		{"ETableRight", []string{"E", "Table", "Right"}},
		{"ArrayOfstring", []string{"Array", "Ofstring"}},
		// separators
		{"first_name", []string{"first", "name"}},
		{"FIRST_NAME", []string{"FIRST", "NAME"}},
		{"get-user.v2", []string{"get", "user", "v2"}},
		{"_leading", []string{"leading"}},
		{"__a__b__", []string{"a", "b"}},
		{"a b\tc", []string{"a", "b", "c"}},
		{"x·y", []string{"x", "y"}}, // U+00B7 is an NCName extender, not a letter
		// digits
		{"a1b2c3", []string{"a1b2c3"}},
		{"Item2Name", []string{"Item2", "Name"}},
		{"item.1", []string{"item", "1"}},
		{"3DSecure", []string{"3D", "Secure"}},
		{"2FA", []string{"2FA"}},
		{"2Factor", []string{"2", "Factor"}},
		{"404NotFound", []string{"404", "Not", "Found"}},
		{"1stPlace", []string{"1st", "Place"}},
		{"123", []string{"123"}},
		// Unicode
		{"größe", []string{"größe"}},
		{"GrößeInCm", []string{"Größe", "In", "Cm"}},
		{"名前", []string{"名前"}},
		{"名前ID", []string{"名前", "ID"}},
		{"ID名前", []string{"ID名前"}},
		{"ÉtéÀParis", []string{"Été", "À", "Paris"}},
		// nothing
		{"", nil},
		{"-._", nil},
		{"\xff", nil}, // invalid UTF-8 is a separator
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Words(tt.in)); diff != "" {
				t.Errorf("Words(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestExported(t *testing.T) {
	tests := []struct{ in, want string }{
		// examples from the documentation
		{"WebhookId", "WebhookID"},
		{"webhookId", "WebhookID"},
		{"TargetUrl", "TargetURL"},
		{"EjUserId", "EjUserID"},
		{"GroupIdx", "GroupIdx"},
		{"ArrayOfstring", "ArrayOfstring"},
		{"UIHintReadOnly", "UIHintReadOnly"},
		{"UIHintMandatory", "UIHintMandatory"},
		{"EMailAddress", "EMailAddress"},
		{"SOAPAction", "SOAPAction"},
		{"first_name", "FirstName"},
		{"get-user.v2", "GetUserV2"},
		{"soTimeZoneId", "SoTimeZoneID"},
		{"Ids", "Ids"},
		{"userIDs", "UserIDs"},
		{"3DSecure", "X3DSecure"},
		{"", "X"},
		{"-._", "X"},
		// all caps: kept as written; an all-caps run is one word, so
		// "HTTPSURL" is not split into HTTPS+URL but comes out the same
		{"ETableRight", "ETableRight"},
		{"HTTPSURL", "HTTPSURL"},
		{"FIRST_NAME", "FIRSTNAME"},
		{"ACTIVE", "ACTIVE"},
		{"XMLHttpRequest", "XMLHTTPRequest"},
		// initialisms in any case and position
		{"id", "ID"},
		{"Id", "ID"},
		{"iD", "ID"}, // two words: i, D
		{"url", "URL"},
		{"soap_action", "SOAPAction"},
		{"wsdlUrl", "WSDLURL"},
		{"utf8_string", "UTF8String"},
		{"Utf8", "UTF8"},
		{"xml-api-json", "XMLAPIJSON"},
		{"ipAddress", "IPAddress"},
		{"Ipv4Address", "Ipv4Address"},
		{"customer_ID", "CustomerID"},
		{"ıd", "Id"}, // dotless ı is not ASCII i: no initialism
		// snake_case, '.', '-', leading '_'
		{"user_name_v2", "UserNameV2"},
		{"_type", "Type"},
		{"__private__", "Private"},
		{"a.b.c", "ABC"},
		{"x-ms-request-id", "XMsRequestID"},
		// digits in the middle and at the end
		{"Unused1", "Unused1"},
		{"UndefinedValue256", "UndefinedValue256"},
		{"item.1", "Item1"},
		{"a1b2c3", "A1b2c3"},
		{"v2Beta", "V2Beta"},
		{"base64Binary", "Base64Binary"},
		{"404NotFound", "X404NotFound"},
		{"_1", "X1"},
		// Unicode letters
		{"größe", "Größe"},
		{"名前", "X名前"},
		{"名前ID", "X名前ID"},
		{"été", "Été"},
		{"ßeta", "Xßeta"}, // ß has no single-rune upper case
		{"ǆemal", "Ǆemal"},
		// keywords are fine once exported
		{"type", "Type"},
		{"string", "String"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Exported(tt.in); got != tt.want {
				t.Errorf("Exported(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// goKeywords lists all 25 Go keywords.
var goKeywords = []string{
	"break", "case", "chan", "const", "continue", "default", "defer", "else",
	"fallthrough", "for", "func", "go", "goto", "if", "import", "interface",
	"map", "package", "range", "return", "select", "struct", "switch", "type",
	"var",
}

func TestUnexported(t *testing.T) {
	tests := []struct{ in, want string }{
		{"WebhookId", "webhookID"},
		{"webhookId", "webhookID"},
		{"ID", "id"},
		{"Id", "id"},
		{"URLPath", "urlPath"},
		{"UIHint", "uiHint"},
		{"UIHintReadOnly", "uiHintReadOnly"},
		{"SOAPAction", "soapAction"},
		{"targetUrl", "targetURL"},
		{"first_name", "firstName"},
		{"FIRST_NAME", "firstNAME"},
		{"get-user.v2", "getUserV2"},
		{"HTTPSURL", "httpsurl"},
		{"EMailAddress", "eMailAddress"},
		{"_leading", "leading"},
		{"Größe", "größe"},
		{"名前", "名前"},
		{"名前ID", "名前ID"},
		{"3DSecure", "x3dSecure"},
		{"404NotFound", "x404NotFound"},
		{"ϒ", "xϒ"}, // upper-case letter without a lower case
		{"", "x"},
		{"_", "x"},
		{"-.-", "x"},
		{"ctx", "ctx"},
		{"strings", "strings"},
		{"x", "x"},
		// reserved words get an underscore
		{"Type", "type_"},
		{"String", "string_"},
		{"_string", "string_"},
		{"TRUE", "true_"},
		{"Len", "len_"},
		{"append", "append_"},
		{"any", "any_"},
		{"nil", "nil_"},
		{"iota", "iota_"},
		{"error", "error_"},
		{"uint8", "uint8_"},
		{"complex128", "complex128_"},
		{"clear", "clear_"},
		{"max", "max_"},
		{"types", "types"},
		{"map_", "map_"},
		{"Map", "map_"},
	}
	for _, kw := range goKeywords {
		tests = append(tests, struct{ in, want string }{kw, kw + "_"})
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Unexported(tt.in); got != tt.want {
				t.Errorf("Unexported(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsReserved(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"foo", false},
		{"Type", false},
		{"String", false},
		{"type_", false},
		{"_", false},
		{"", false},
		{"unsafe", false},
		{"ctx", false},
	}
	for _, kw := range goKeywords {
		tests = append(tests, struct {
			in   string
			want bool
		}{kw, true})
	}
	// Every predeclared identifier of the Go release running the test.
	for _, name := range types.Universe.Names() {
		tests = append(tests, struct {
			in   string
			want bool
		}{name, true})
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := IsReserved(tt.in); got != tt.want {
				t.Errorf("IsReserved(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
	// And nothing else: the predeclared table matches the universe scope.
	if got, want := len(predeclared), len(types.Universe.Names()); got != want {
		t.Errorf("len(predeclared) = %d, universe has %d names", got, want)
	}
}

func TestScope(t *testing.T) {
	type step struct {
		fold     bool     // ClaimFold instead of Claim
		base     string   // argument of Claim / ClaimFold
		suffixes []string // suffixes of Claim / ClaimFold
		want     string
	}
	tests := []struct {
		name     string
		reserved []string
		steps    []step
	}{
		{
			name:  "free base",
			steps: []step{{base: "Webhook", want: "Webhook"}},
		},
		{
			name:     "suffix then numbered suffix",
			reserved: []string{"Webhook"},
			steps: []step{
				{base: "Webhook", suffixes: []string{"Type"}, want: "WebhookType"},
				{base: "Webhook", suffixes: []string{"Type"}, want: "WebhookType2"},
				{base: "Webhook", suffixes: []string{"Type"}, want: "WebhookType3"},
			},
		},
		{
			name: "suffixes in order",
			steps: []step{
				{base: "Get", suffixes: []string{"Request", "Input"}, want: "Get"},
				{base: "Get", suffixes: []string{"Request", "Input"}, want: "GetRequest"},
				{base: "Get", suffixes: []string{"Request", "Input"}, want: "GetInput"},
				{base: "Get", suffixes: []string{"Request", "Input"}, want: "GetInput2"},
				{base: "Get", suffixes: []string{"Request", "Input"}, want: "GetInput3"},
			},
		},
		{
			name: "no suffixes",
			steps: []step{
				{base: "Foo", want: "Foo"},
				{base: "Foo", want: "Foo2"},
				{base: "Foo", want: "Foo3"},
			},
		},
		{
			name:     "numbered names skip taken ones",
			reserved: []string{"Foo", "Foo2", "Foo4"},
			steps: []step{
				{base: "Foo", want: "Foo3"},
				{base: "Foo", want: "Foo5"},
				{base: "Foo3", want: "Foo3_2"},
			},
		},
		{
			name: "base ending in digit",
			steps: []step{
				{base: "Item1", want: "Item1"},
				{base: "Item1", want: "Item1_2"},
				{base: "Item1", want: "Item1_3"},
				{base: "Get", suffixes: []string{"V2"}, want: "Get"},
				{base: "Get", suffixes: []string{"V2"}, want: "GetV2"},
				{base: "Get", suffixes: []string{"V2"}, want: "GetV2_2"},
			},
		},
		{
			name:     "case-sensitive",
			reserved: []string{"name"},
			steps: []step{
				{base: "Name", want: "Name"},
				{base: "name", want: "name2"},
				{base: "NAME", want: "NAME"},
			},
		},
		{
			name:     "reserved names",
			reserved: []string{"ctx", "http", "c"},
			steps: []step{
				{base: "ctx", suffixes: []string{"_"}, want: "ctx_"},
				{base: "c", want: "c2"},
				{base: "http", suffixes: []string{"Client", "Pkg"}, want: "httpClient"},
			},
		},
		{
			name: "fold",
			steps: []step{
				{fold: true, base: "name", want: "name"},
				{fold: true, base: "Name", want: "Name2"},
				{fold: true, base: "NAME", want: "NAME3"},
				{fold: true, base: "nAmE2", suffixes: []string{"x"}, want: "nAmE2x"},
				// Claim is still case-sensitive in the same scope.
				{base: "Name", want: "Name"},
				{fold: true, base: "name2X", want: "name2X2"},
			},
		},
		{
			name:     "fold sees reserved names",
			reserved: []string{"Webhook"},
			steps: []step{
				{fold: true, base: "webhook", suffixes: []string{"_types"}, want: "webhook_types"},
				{fold: true, base: "WEBHOOK", suffixes: []string{"_TYPES"}, want: "WEBHOOK_TYPES2"},
			},
		},
		{
			name: "fold Unicode",
			steps: []step{
				{fold: true, base: "größe", want: "größe"},
				{fold: true, base: "GRÖßE", want: "GRÖßE2"},
				{fold: true, base: "key", want: "key"},
				{fold: true, base: "\u212aey", want: "\u212aey2"}, // KELVIN SIGN folds to k
				{fold: true, base: "σ", want: "σ"},
				{fold: true, base: "ς", want: "ς2"}, // final sigma folds with σ and Σ
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			run := func() []string {
				s := NewScope(tt.reserved...)
				var got []string
				for _, st := range tt.steps {
					var name string
					if st.fold {
						name = s.ClaimFold(st.base, st.suffixes...)
					} else {
						name = s.Claim(st.base, st.suffixes...)
					}
					if !s.Taken(name) {
						t.Errorf("claimed %q is not taken afterwards", name)
					}
					got = append(got, name)
				}
				return got
			}
			var want []string
			for _, st := range tt.steps {
				want = append(want, st.want)
			}
			got := run()
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("claims mismatch (-want +got):\n%s", diff)
			}
			// Determinism: the same sequence gives the same names again.
			if diff := cmp.Diff(got, run()); diff != "" {
				t.Errorf("second run differs (-first +second):\n%s", diff)
			}
		})
	}
}

func TestScopeReserveTaken(t *testing.T) {
	s := NewScope("ctx", "http")
	checks := []struct {
		name string
		got  bool
		want bool
	}{
		{"Taken(ctx)", s.Taken("ctx"), true},
		{"Taken(Ctx)", s.Taken("Ctx"), false},
		{"Taken(Name) before", s.Taken("Name"), false},
		{"Reserve(Name)", s.Reserve("Name"), true},
		{"Taken(Name) after", s.Taken("Name"), true},
		{"Reserve(Name) again", s.Reserve("Name"), false},
		{"Reserve(name)", s.Reserve("name"), true},
		{"Reserve(http)", s.Reserve("http"), false},
		{"Taken(name2)", s.Taken("name2"), false},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
			}
		})
	}
	t.Run("Claim after Reserve", func(t *testing.T) {
		if got := s.Claim("Name"); got != "Name2" {
			t.Errorf("Claim(Name) = %q, want Name2", got)
		}
		if got := s.ClaimFold("NAME"); got != "NAME3" {
			t.Errorf("ClaimFold(NAME) = %q, want NAME3", got)
		}
	})
}

func TestFileName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"WebhookAgent", "webhook_agent"},
		{"SoPrincipal", "so_principal"},
		{"HTTPClient", "http_client"},
		{"WebhookID", "webhook_id"},
		{"GetUserV2", "get_user_v2"},
		{"UIHintReadOnly", "ui_hint_read_only"},
		{"Item1_2", "item1_2"},
		{"Größe", "größe"},
		{"X名前", "x名前"},
		{"_Private", "private"},
		{".hidden", "hidden"},
		{"", "x"},
		{"_", "x"},
		// test files
		{"ServiceTest", "service_test_gen"},
		{"Service_test", "service_test_gen"},
		{"Test", "test"}, // "test.go" is not a test file
		{"TestService", "test_service"},
		// GOOS / GOARCH suffixes
		{"UserWindows", "user_windows_gen"},
		{"BuildAmd64", "build_amd64_gen"},
		{"AppJs", "app_js_gen"},
		{"ModuleWasm", "module_wasm_gen"},
		{"LinuxAmd64", "linux_amd64_gen"},
		{"RunWasip1", "run_wasip1_gen"},
		{"Cpu386", "cpu386"},
		{"Cpu_386", "cpu_386_gen"},
		{"FooWindowsTest", "foo_windows_test_gen"},
		{"Windows", "windows"}, // a lone GOOS name is no constraint
		{"Wasm", "wasm"},
		{"WindowsService", "windows_service"},
		{"ArmBand", "arm_band"},
		{"Arm64be", "arm64be"},
		{"PortArm64be", "port_arm64be_gen"},
		// Windows device names
		{"Aux", "aux_gen"},
		{"CON", "con_gen"},
		{"Com1", "com1_gen"},
		{"Lpt9", "lpt9_gen"},
		{"Console", "console"},
		{"AuxData", "aux_data"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := FileName(tt.in)
			if got != tt.want {
				t.Errorf("FileName(%q) = %q, want %q", tt.in, got, tt.want)
			}
			checkFileName(t, tt.in, got)
		})
	}
	// Every known GOOS and GOARCH value, alone and as a suffix.
	for _, list := range []map[string]bool{knownOS, knownArch} {
		for name := range list {
			for _, ident := range []string{Exported(name), "Foo" + Exported(name), "Foo_" + name, "Foo_" + name + "_test"} {
				t.Run("syslist/"+ident, func(t *testing.T) { checkFileName(t, ident, FileName(ident)) })
			}
		}
	}
}

// buildContexts are two build configurations with no GOOS or GOARCH in
// common; a file that go/build matches in both has no OS/arch constraint.
var buildContexts = func() []*build.Context {
	var ctxts []*build.Context
	for _, osArch := range [][2]string{{"linux", "amd64"}, {"windows", "arm64"}, {"js", "wasm"}} {
		c := build.Default
		c.GOOS, c.GOARCH = osArch[0], osArch[1]
		c.BuildTags, c.ToolTags, c.ReleaseTags = nil, nil, nil
		c.CgoEnabled = false
		c.OpenFile = func(string) (io.ReadCloser, error) {
			return io.NopCloser(strings.NewReader("package p\n")), nil
		}
		ctxts = append(ctxts, &c)
	}
	return ctxts
}()

// checkFileName checks that stem+".go" is an ordinary, unconstrained,
// non-test Go file name that is portable to Windows.
func checkFileName(t *testing.T, ident, stem string) {
	t.Helper()
	name := stem + ".go"
	if stem == "" || strings.HasPrefix(stem, "_") || strings.HasPrefix(stem, ".") {
		t.Errorf("FileName(%q) = %q: empty or hidden", ident, stem)
	}
	if strings.HasSuffix(name, "_test.go") {
		t.Errorf("FileName(%q) = %q: test file", ident, stem)
	}
	if windowsDeviceNames[strings.ToLower(stem)] {
		t.Errorf("FileName(%q) = %q: Windows device name", ident, stem)
	}
	for _, r := range stem {
		if r != '_' && !isWordRune(r) {
			t.Errorf("FileName(%q) = %q: contains %q", ident, stem, r)
		}
	}
	for _, c := range buildContexts {
		ok, err := c.MatchFile("dir", name)
		if err != nil || !ok {
			t.Errorf("FileName(%q) = %q: go/build for %s/%s: MatchFile = %v, %v", ident, stem, c.GOOS, c.GOARCH, ok, err)
		}
	}
}

// checkIdentifiers checks the guarantees of Exported and Unexported for in.
func checkIdentifiers(t *testing.T, in string) {
	t.Helper()
	e := Exported(in)
	if !token.IsIdentifier(e) || !token.IsExported(e) {
		t.Errorf("Exported(%q) = %q: not a valid exported identifier", in, e)
	}
	u := Unexported(in)
	if !token.IsIdentifier(u) || token.IsExported(u) || IsReserved(u) {
		t.Errorf("Unexported(%q) = %q: not a valid unexported, unreserved identifier", in, u)
	}
	for _, w := range Words(in) {
		if w == "" || strings.IndexFunc(w, func(r rune) bool { return !isWordRune(r) }) >= 0 {
			t.Errorf("Words(%q) contains %q", in, w)
		}
	}
	// On ASCII input, Exported is idempotent: re-exporting a generated name
	// (e.g. one with a suffix appended) does not change it.
	if isASCII(in) {
		if e2 := Exported(e); e2 != e {
			t.Errorf("Exported(Exported(%q)) = %q, want %q", in, e2, e)
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func FuzzExported(f *testing.F) {
	for _, s := range []string{
		"", "_", "WebhookId", "first_name", "get-user.v2", "3DSecure", "名前",
		"größe", "HTTPSURL", "type", "String", "ßeta", "ϒ", "ǅ", "\xff", "ıd",
		"x·y", "٣abc", "Ⅻ", "ᾈ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkIdentifiers(t, s)
	})
}

func FuzzFileName(f *testing.F) {
	for _, s := range []string{"WebhookAgent", "FooTest", "UserWindows", "Aux", "", "ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFileName(t, s, FileName(s))
	})
}
