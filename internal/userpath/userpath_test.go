package userpath

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const modulePath = "github.com/sogen-go/sogen"

// repoRoot is the root of this checkout (two levels up from internal/userpath).
func repoRoot(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(filepath.Dir(wd))
}

// corpusWSDLs returns the paths of SuperOffice's real WSDLs named, or skips the test.
func corpusWSDLs(t *testing.T, names ...string) []string {
	t.Helper()
	corpus := os.Getenv("SOGEN_CORPUS")
	if corpus == "" {
		t.Skip("SOGEN_CORPUS is not set: run SOGEN_CORPUS=../shared/corpus go test ./internal/userpath to follow the README on SuperOffice's real WSDLs")
	}
	var out []string
	for _, n := range names {
		p := filepath.Join(corpus, "superoffice", "Services88", n)
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("SOGEN_CORPUS=%s: %v", corpus, err)
		}
		out = append(out, p)
	}
	return out
}

// readmeSection returns the README's section under the level-2 heading that starts with heading, up
// to the next level-2 heading.
func readmeSection(t *testing.T, heading string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "\n## "+heading)
	if !ok {
		t.Fatalf("README.md has no section %q", heading)
	}
	if i := strings.Index(rest, "\n## "); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// fenced returns the contents of the fenced code blocks of text whose info string is info.
func fenced(text, info string) []string {
	var out []string
	var block *strings.Builder
	var blockInfo string
	for _, line := range strings.SplitAfter(text, "\n") {
		fence, isFence := strings.CutPrefix(strings.TrimRight(line, "\n"), "```")
		switch {
		case block == nil && isFence:
			block, blockInfo = new(strings.Builder), fence
		case block != nil && isFence && fence == "":
			if blockInfo == info {
				out = append(out, block.String())
			}
			block = nil
		case block != nil:
			block.WriteString(line)
		}
	}
	return out
}

// userModule is a directory outside the repository where the go command runs as a user's would,
// offline: dependencies come from the module cache, and sogen from this checkout (through a replace
// directive, or a module proxy on disk, standing in for the real one).
type userModule struct {
	t   *testing.T
	dir string
	env []string
}

func newUserModule(t *testing.T, env ...string) *userModule {
	dir := t.TempDir()
	if rel, err := filepath.Rel(repoRoot(t), dir); err == nil && !strings.HasPrefix(rel, "..") {
		t.Fatalf("the temporary directory %s is inside the repository", dir)
	}
	env = append(append(os.Environ(),
		"GOFLAGS=",          // none of the caller's
		"GOWORK=off",        // no workspace
		"GOPROXY=off",       // nothing downloaded: the dependencies come from the module cache,
		"GOSUMDB=off",       // and go get records their checksums in go.sum from there
		"GOTOOLCHAIN=local", // this Go
	), env...) // the test's own settings win
	return &userModule{t: t, dir: dir, env: env}
}

// run runs a command line (fields separated by spaces, no quoting) in the subdirectory sub of the
// module, with extra environment, and returns its combined output and error.
func (m *userModule) run(sub, line string, env ...string) (string, error) {
	m.t.Helper()
	f := strings.Fields(line)
	cmd := exec.Command(f[0], f[1:]...)
	cmd.Dir = filepath.Join(m.dir, sub)
	cmd.Env = append(slices.Clone(m.env), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// must runs a command line that must succeed, and returns its output.
func (m *userModule) must(sub, line string, env ...string) string {
	m.t.Helper()
	start := time.Now()
	out, err := m.run(sub, line, env...)
	m.t.Logf("%s: %.1fs", line, time.Since(start).Seconds())
	if err != nil {
		m.t.Fatalf("%s (in %s): %v\n%s", line, filepath.Join(m.dir, sub), err, out)
	}
	return out
}

func (m *userModule) write(name, content string) {
	m.t.Helper()
	p := filepath.Join(m.dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		m.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		m.t.Fatal(err)
	}
}

func (m *userModule) read(name string) string {
	m.t.Helper()
	b, err := os.ReadFile(filepath.Join(m.dir, name))
	if err != nil {
		m.t.Fatal(err)
	}
	return string(b)
}

// snapshot returns the names and contents of the files in the module's subdirectory sub.
func (m *userModule) snapshot(sub string) map[string]string {
	m.t.Helper()
	entries, err := os.ReadDir(filepath.Join(m.dir, sub))
	if err != nil {
		m.t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		out[e.Name()] = m.read(filepath.Join(sub, e.Name()))
	}
	return out
}

// requiresSogen checks that go.mod keeps sogen as a tool and a requirement, at version.
func (m *userModule) requiresSogen(version, when string) {
	m.t.Helper()
	gomod := m.read("go.mod")
	for _, want := range []string{"\ntool " + modulePath + "/cmd/sogen\n", modulePath + " " + version} {
		if !strings.Contains(gomod, want) {
			m.t.Fatalf("%s: go.mod lost %q:\n%s", when, strings.TrimSpace(want), gomod)
		}
	}
}

// TestReadmeUserPath follows the README from an empty directory to a working SaveWebhook call, as a
// new user does: the Install section's commands in a fresh module outside the repository (sogen
// required through a tool directive), its go:generate line on SuperOffice's real Webhook and
// SoPrincipal WSDLs, the quick start program compiled, vetted and run against a server playing
// NetServer (a success, and a Succeeded=false reply caught by errors.As), sogen -version, sogen
// -check on fresh and on edited output, and the section "Testing code that calls a SOAP service"
// (its test file run with go test). Nothing of this repository is copied into the module.
func TestReadmeUserPath(t *testing.T) {
	wsdls := corpusWSDLs(t, "Webhook.wsdl", "SoPrincipal.wsdl")
	if testing.Short() {
		t.Skip("builds a module; skipped with -short")
	}
	quick := readmeSection(t, "Quick start")
	m := newUserModule(t)
	// The replace directive stands in for the module proxy, which would serve @latest.
	m.must("", "go mod init example.com/app")
	m.must("", "go mod edit -replace "+modulePath+"="+repoRoot(t))
	genFile, pkg := m.install(wsdls, "v0.0.0", func(get string) string { return strings.Replace(get, "@latest", "@v0.0.0", 1) })
	if !strings.HasPrefix(pkg["types.go"], "// Code generated by sogen. DO NOT EDIT.\n// Generator: sogen (devel)\n") {
		t.Errorf("types.go starts %q, want the marker and the generator built from a replace, sogen (devel)", strings.SplitN(pkg["types.go"], "\n", 3)[:2])
	}

	// sogen -version: a replaced module says so.
	version := m.must("", "go tool sogen -version")
	wantVersion := fmt.Sprintf("sogen (devel), %s v0.0.0 replaced by %s, built with %s\n", modulePath, repoRoot(t), runtime.Version())
	if version != wantVersion {
		t.Errorf("go tool sogen -version printed %q, want %q", version, wantVersion)
	}

	// The quick start, unchanged, where the README says to put it.
	if !strings.Contains(quick, "`cmd/webhook/main.go`") || !strings.Contains(quick, "go run ./cmd/webhook") {
		t.Fatal("the quick start no longer says to put the program in cmd/webhook/main.go and go run ./cmd/webhook")
	}
	programs := fenced(quick, "go")
	if len(programs) != 1 || !strings.HasPrefix(programs[0], "package main\n") || !strings.Contains(programs[0], `"example.com/app/services88"`) {
		t.Fatalf("the quick start's Go blocks are %q, want one package main importing example.com/app/services88", programs)
	}
	m.write("cmd/webhook/main.go", programs[0])
	m.must("", "go build ./...")
	m.must("", "go vet ./...")

	// Run it against a server playing NetServer: the call succeeds, then NetServer refuses it.
	for _, refuse := range []bool{false, true} {
		srv := netServer(t, refuse)
		env := []string{"SO_BASE=" + srv.URL + "/Cust12345/Remote/Services88/", "SO_APP_TOKEN=" + appToken, "SO_USER=anna", "SO_PASSWORD=" + password}
		out, err := m.run("", "go run ./cmd/webhook", env...)
		srv.Close()
		switch {
		case !refuse && (err != nil || out != "saved webhook 42\n"):
			t.Errorf("the quick start against a server saving the webhook: %v\n%s", err, out)
		case refuse && (err == nil || !strings.Contains(out, "SuperOffice refused: The target URL did not answer (WebhookException)")):
			t.Errorf("the quick start against a server replying Succeeded=false: %v, want it to report the refusal it caught with errors.As:\n%s", err, out)
		}
	}

	// sogen -check, with the go:generate line's arguments, in the package directory.
	args := goGenerateArgs(t, genFile)
	checkLine := "go tool sogen -check " + args
	if out, err := m.run("services88", checkLine); err != nil {
		t.Errorf("%s on fresh output: %v\n%s", checkLine, err, out)
	}
	edited := strings.Replace(pkg["webhook_agent.go"], "\nfunc NewWebhookAgent(", "\n// edited by hand\nfunc NewWebhookAgent(", 1)
	if edited == pkg["webhook_agent.go"] {
		t.Fatal("webhook_agent.go declares no NewWebhookAgent")
	}
	m.write("services88/webhook_agent.go", edited)
	before := m.snapshot("services88")
	out, err := m.run("services88", checkLine)
	var exit *exec.ExitError
	line := 1 + strings.Count(strings.Split(edited, "// edited by hand")[0], "\n")
	if !errors.As(err, &exit) || exit.ExitCode() != 1 ||
		!strings.Contains(out, fmt.Sprintf("\twebhook_agent.go: differs from line %d: \"// edited by hand\", generated \"func NewWebhookAgent(", line)) {
		t.Errorf("%s after editing webhook_agent.go: %v, want exit status 1 naming the file and line %d:\n%s", checkLine, err, line, out)
	}
	t.Logf("-check after an edit:\n%s", out)
	if diff := cmp.Diff(before, m.snapshot("services88")); diff != "" {
		t.Errorf("-check changed the package directory (-before +after):\n%s", diff)
	}
	m.must("", "go generate ./...")
	if out, err := m.run("services88", checkLine); err != nil {
		t.Errorf("%s after go generate: %v\n%s", checkLine, err, out)
	}

	// go mod tidy keeps everything, now that a package imports the runtime.
	m.must("", "go mod tidy")
	m.requiresSogen("v0.0.0", "after go mod tidy")
	m.must("", "go build ./...")

	m.testingSection(genFile, filepath.Dir(wsdls[0]))
}

// testingSection follows the README's section "Testing code that calls a SOAP service" in the module
// made by TestReadmeUserPath: -server added to the go:generate line, as the section says, then its
// test file, unchanged but for the import of the generated package, in package hooks, with
// SuperOffice's documented SaveWebhook reply as the canned reply; go test runs its three tests.
func (m *userModule) testingSection(genFile, corpusDir string) {
	t := m.t
	t.Helper()
	section := readmeSection(t, "Testing code that calls a SOAP service")
	if !strings.Contains(section, "`-server`: add it to the `go:generate` line") {
		t.Fatal("the testing section no longer says to add -server to the go:generate line")
	}
	withServer := strings.Replace(genFile, "go tool sogen ", "go tool sogen -server ", 1)
	if withServer == genFile {
		t.Fatalf("no go tool sogen in %q", genFile)
	}
	m.write("services88/gen.go", withServer)
	m.must("", "go generate ./...")
	blocks := fenced(section, "go")
	const fixture = `"github.com/sogen-go/sogen/generated/services88" // your generated package: example.com/app/services88`
	if len(blocks) != 1 || !strings.HasPrefix(blocks[0], "package hooks\n") || !strings.Contains(blocks[0], fixture) {
		t.Fatalf("the testing section's Go blocks are %q, want one package hooks importing %s", blocks, fixture)
	}
	m.write("hooks/hooks_test.go", strings.Replace(blocks[0], fixture, `"example.com/app/services88"`, 1))
	reply, err := os.ReadFile(filepath.Join(corpusDir, "Webhook", "SaveWebhook.response.xml"))
	if err != nil {
		t.Fatal(err)
	}
	m.write("hooks/testdata/webhook/SaveWebhook.response.xml", string(reply))
	m.must("", "go vet ./...")
	out := m.must("", "go test -count=1 -v ./hooks")
	for _, test := range []string{"TestRegisterWithFakeServer", "TestRegisterWithCannedReplies", "TestRegisterWithGoFake"} {
		if !strings.Contains(out, "--- PASS: "+test+" ") {
			t.Errorf("the testing section's %s did not pass:\n%s", test, out)
		}
	}
}

// install follows the README's Install section in the module, made with go mod init example.com/app:
// its go get line (as edit returns it), go mod tidy before anything imports the runtime, the file
// holding the go:generate line beside the WSDLs in services88/, and the commands that generate and
// build. It checks that go.mod keeps sogen (at version) as a tool and a requirement, and that the
// package directory holds exactly the generated package, which vets. It returns the go:generate
// file and the package directory's files.
func (m *userModule) install(wsdls []string, version string, edit func(get string) string) (genFile string, pkg map[string]string) {
	t := m.t
	t.Helper()
	install := readmeSection(t, "Install")
	if !strings.Contains(install, "`go mod init example.com/app`") {
		t.Fatal("the Install section no longer says `go mod init example.com/app`")
	}
	shell := fenced(install, "")
	if len(shell) < 2 {
		t.Fatalf("the Install section has %d shell blocks, want the go get line and the generate commands", len(shell))
	}
	get := strings.TrimSpace(shell[0])
	if !strings.HasPrefix(get, "go get -tool "+modulePath+"/cmd/sogen@latest") || strings.Contains(get, "\n") {
		t.Fatalf("the Install section's first command is %q, want go get -tool %s/cmd/sogen@latest", get, modulePath)
	}
	m.must("", edit(get))
	m.requiresSogen(version, "after go get -tool")
	// The tool directive keeps the requirement although nothing imports the runtime yet.
	m.must("", "go mod tidy")
	m.requiresSogen(version, "after go mod tidy, before generating")

	// The package directory: the WSDLs and the README's file with the go:generate line.
	gofiles := fenced(install, "go")
	if len(gofiles) != 1 || !strings.HasPrefix(gofiles[0], "package services88\n") {
		t.Fatalf("the Install section's Go block is %q, want the file holding the go:generate line", gofiles)
	}
	m.write("services88/gen.go", gofiles[0])
	for _, w := range wsdls {
		b, err := os.ReadFile(w)
		if err != nil {
			t.Fatal(err)
		}
		m.write(filepath.Join("services88", filepath.Base(w)), string(b))
	}
	for _, line := range strings.Split(strings.TrimSpace(shell[1]), "\n") {
		if !strings.HasPrefix(line, "go ") {
			t.Fatalf("the Install section's commands hold %q, not a go command", line)
		}
		m.must("", line)
	}
	// Exactly the package: no leftover of the run, no hand-written file but gen.go.
	pkg = m.snapshot("services88")
	var names []string
	for n := range pkg {
		names = append(names, n)
	}
	slices.Sort(names)
	want := []string{"SoPrincipal.wsdl", "Webhook.wsdl", "gen.go", "so_principal_agent.go", "so_principal_agent_types.go",
		"types.go", "webhook_agent.go", "webhook_agent_types.go"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Fatalf("services88 holds (-want +got):\n%s", diff)
	}
	m.must("", "go vet ./...")
	return gofiles[0], pkg
}

// goGenerateArgs returns the arguments of the go:generate line running go tool sogen in file.
func goGenerateArgs(t *testing.T, file string) string {
	t.Helper()
	for _, line := range strings.Split(file, "\n") {
		if args, ok := strings.CutPrefix(line, "//go:generate go tool sogen "); ok {
			return args
		}
	}
	t.Fatalf("no //go:generate go tool sogen line in %q", file)
	return ""
}

const (
	appToken = "1234567-1234-9876"
	password = "secret"
	ticket   = "7T:c2Vzc2lvbg=="
	ns       = "http://www.superoffice.net/ws/crm/NetServer/Services88"
)

// netServer plays SuperOffice NetServer for the quick start: it authenticates anna with the
// application token, then saves the webhook sent with the ticket (WebhookId 42), or, with refuse,
// replies as NetServer does to a call it refuses: Succeeded=false and an ExceptionInfo header. Any
// request lacking what the quick start must send fails the same way, with a message saying what.
func netServer(t *testing.T, refuse bool) *httptest.Server {
	const (
		envStart = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">`
		ok       = `<s:Header><Succeeded xmlns="` + ns + `">true</Succeeded></s:Header>`
		bodyNS   = `<s:Body xmlns="` + ns + `">`
		envEnd   = `</s:Body></s:Envelope>`
	)
	fail := func(w io.Writer, op, exceptionType, msg string) {
		var m bytes.Buffer
		xml.EscapeText(&m, []byte(msg))
		fmt.Fprint(w, envStart+`<s:Header><ExceptionInfo xmlns="`+ns+`"><Message>`+m.String()+`</Message>`+
			`<ExceptionType>`+exceptionType+`</ExceptionType></ExceptionInfo>`+
			`<Succeeded xmlns="`+ns+`">false</Succeeded></s:Header>`+bodyNS+`<`+op+`Response/>`+envEnd)
	}
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		var req struct {
			AppToken string `xml:"Header>ApplicationToken"`
			Ticket   string `xml:"Header>Credentials>Ticket"`
			Body     struct {
				UserName string   `xml:"AuthenticateUsernamePassword>UserName"`
				Password string   `xml:"AuthenticateUsernamePassword>Password"`
				Name     string   `xml:"SaveWebhook>Webhook>Name"`
				Events   []string `xml:"SaveWebhook>Webhook>Events>string"`
			}
		}
		if err := xml.Unmarshal(data, &req); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		action := r.Header.Get("SOAPAction")
		switch {
		case req.AppToken != appToken:
			fail(w, "Unknown", "SoSecurityException", "wrong or missing application token: "+req.AppToken)
		case strings.HasSuffix(action, `/AuthenticateUsernamePassword"`):
			if r.URL.Path != "/Cust12345/Remote/Services88/SoPrincipal.svc" || req.Body.UserName != "anna" || req.Body.Password != password {
				fail(w, "Authenticate", "SoSecurityException", fmt.Sprintf("unexpected login %s %q", r.URL.Path, req.Body.UserName))
				return
			}
			fmt.Fprint(w, envStart+ok+bodyNS+`<AuthenticateResponse><Response><FullName>Anna Andersen</FullName></Response>`+
				`<Credentials><Ticket>`+ticket+`</Ticket></Credentials>`+
				`<AuthenticationSucceeded>true</AuthenticationSucceeded></AuthenticateResponse>`+envEnd)
		case strings.HasSuffix(action, `/SaveWebhook"`):
			switch {
			case r.URL.Path != "/Cust12345/Remote/Services88/Webhook.svc" || req.Ticket != ticket || req.Body.Name != "CRM events" || len(req.Body.Events) != 2:
				fail(w, "SaveWebhook", "SoSecurityException", fmt.Sprintf("unexpected request %s, ticket %q, webhook %q %q", r.URL.Path, req.Ticket, req.Body.Name, req.Body.Events))
			case refuse:
				fail(w, "SaveWebhook", "WebhookException", "The target URL did not answer")
			default:
				fmt.Fprint(w, envStart+ok+bodyNS+`<SaveWebhookResponse><Response><WebhookId>42</WebhookId><Name>CRM events</Name>`+
					`<State>Active</State></Response></SaveWebhookResponse>`+envEnd)
			}
		default:
			fail(w, "Unknown", "SoServerException", "unexpected SOAPAction "+action)
		}
	}))
}

// TestReadmeInstallFromProxy follows the Install section word for word — go get -tool ...@latest —
// against a module proxy on disk that serves this checkout as the release v0.1.0 (and the
// dependencies from the module cache's download directory), with a module cache of its own: the
// go.sum entries are right the first time, the package generates, builds and vets, and sogen
// -version and the generated files' header name the release.
func TestReadmeInstallFromProxy(t *testing.T) {
	wsdls := corpusWSDLs(t, "Webhook.wsdl", "SoPrincipal.wsdl")
	if testing.Short() {
		t.Skip("builds a module; skipped with -short")
	}
	proxy := t.TempDir()
	writeProxy(t, proxy, "v0.1.0")
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	download := filepath.Join(strings.TrimSpace(string(out)), "cache", "download")
	m := newUserModule(t,
		"GOPROXY=file://"+filepath.ToSlash(proxy)+",file://"+filepath.ToSlash(download),
		"GOMODCACHE="+t.TempDir(), // the pretended release stays out of the real module cache
		"GOFLAGS=-modcacherw",     // so that the test can remove it
	)
	m.must("", "go mod init example.com/app")
	_, pkg := m.install(wsdls, "v0.1.0", func(get string) string { return get })
	if !strings.HasPrefix(pkg["types.go"], "// Code generated by sogen. DO NOT EDIT.\n// Generator: sogen v0.1.0\n") {
		t.Errorf("types.go starts %q, want the marker and the release, sogen v0.1.0", strings.SplitN(pkg["types.go"], "\n", 3)[:2])
	}
	if got, want := m.must("", "go tool sogen -version"), "sogen v0.1.0, built with "+runtime.Version()+"\n"; got != want {
		t.Errorf("go tool sogen -version printed %q, want %q", got, want)
	}
	sum := m.read("go.sum")
	for _, want := range []string{modulePath + " v0.1.0 h1:", modulePath + " v0.1.0/go.mod h1:"} {
		if !strings.Contains(sum, want) {
			t.Errorf("go.sum has no %q:\n%s", want, sum)
		}
	}
	m.must("", "go mod verify")
}

// writeProxy writes, under dir, a module proxy (GOPROXY=file://dir) serving this checkout as the
// given version of the module: its files but .git and nested modules, as the go command would zip a
// release.
func writeProxy(t *testing.T, dir, version string) {
	t.Helper()
	root := repoRoot(t)
	at := filepath.Join(dir, filepath.FromSlash(modulePath), "@v")
	if err := os.MkdirAll(at, 0o755); err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Name() == ".git" {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil // a worktree's .git file
		}
		// A directory holding its own go.mod is another module (internal/examples/otel): the go
		// command leaves it out of the module's zip, as golang.org/x/mod/zip documents.
		if d.IsDir() && p != root {
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
				return filepath.SkipDir
			}
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		w, err := zw.Create(modulePath + "@" + version + "/" + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string][]byte{
		"list":            []byte(version + "\n"),
		version + ".info": []byte(fmt.Sprintf(`{"Version":%q,"Time":"2026-01-01T00:00:00Z"}`, version)),
		version + ".mod":  gomod,
		version + ".zip":  zipped.Bytes(),
	} {
		if err := os.WriteFile(filepath.Join(at, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
