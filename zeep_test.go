package sogen_test

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/emit"
	"github.com/sogen-go/sogen/internal/soaptest"
)

// TestZeepCallsGeneratedServer is the interop test of generated servers. The package generated with
// -server from SuperOffice's real Services88 Webhook and SoPrincipal WSDLs (SOGEN_CORPUS) is built in a
// temporary module with testdata/zeepserver/main.go, a program embedding UnimplementedWebhookServer
// and implementing SaveWebhook, GetWebhook and GetAllWebhooks over a map, served by
// NewWebhookHandler. zeep (python3-zeep), loading the same WSDL, calls it
// (testdata/zeepserver/zeep_client.py): save, get and list come back with the values sent and
// Succeeded=true; a webhook without a name, and a request without the ticket, come back as
// Succeeded=false with the ExceptionInfo the implementation returned, in the reply's headers; an
// operation not implemented is a SOAP fault; libxml2 (lxml) validates every header block and body
// element of the replies against the WSDL's schemas. Then the generated Go client calls the same
// server.
func TestZeepCallsGeneratedServer(t *testing.T) {
	dir := soaptest.Corpus(t, "superoffice", "Services88")
	py := soaptest.ZeepPython(t)
	cfg := services88Config(dir, "Webhook.wsdl", "SoPrincipal.wsdl")
	cfg.Server = true
	res, err := sogen.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	mod := tempModule(t, "example.com/zeepcheck")
	writePackage(t, filepath.Join(mod, "services88"), res.Files)
	main, err := os.ReadFile(filepath.Join("testdata", "zeepserver", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	writePackage(t, filepath.Join(mod, "zeepserver"), []emit.File{{Name: "main.go", Content: main}})
	bin := filepath.Join(t.TempDir(), "zeepserver")
	goCmd(t, mod, nil, "build", "-o", bin, "./zeepserver")

	srv := exec.Command(bin, "serve")
	stdin, err := srv.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := srv.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var serverLog strings.Builder
	srv.Stderr = &serverLog
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		srv.Wait()
		if t.Failed() {
			t.Logf("server log:\n%s", serverLog.String())
		}
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "listening ")
	if err != nil || !ok {
		t.Fatalf("the server printed %q (%v)", line, err)
	}
	go io.Copy(io.Discard, stdout)

	script, err := filepath.Abs(filepath.Join("testdata", "zeepserver", "zeep_client.py"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, script, filepath.Join(dir, "Webhook.wsdl"), url, "7T:zeep-ticket", t.TempDir()).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("zeep: %v\n%s%s", err, out, stderr)
	}
	type header struct {
		Succeeded     *bool
		ExceptionInfo *struct{ Message, ExceptionType string }
		ExtraInfo     [][2]string
	}
	type hook struct {
		WebhookId       int32
		Name, TargetUrl string
		Events          []string
		State           string
	}
	type reply[B any] struct {
		Body   B
		Header header
	}
	var got struct {
		Save, Get, Fail, NoTicket reply[*hook]
		List                      reply[[]*hook]
		Unimplemented             struct{ Code, Message string }
		// Validated and Invalid are the reply elements libxml2 found valid, and not, against the
		// WSDL's schemas.
		Validated, Invalid []string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("zeep printed %s: %v", out, err)
	}
	yes, no := true, false
	want := &hook{WebhookId: 1, Name: "zeep hook", TargetUrl: "https://example.com/zeep", Events: []string{"contact.created", "person.changed"}, State: "Active"}
	if diff := cmp.Diff(reply[*hook]{Body: want, Header: header{Succeeded: &yes, ExtraInfo: [][2]string{{"saved", "zeep hook"}}}}, got.Save); diff != "" {
		t.Errorf("zeep's SaveWebhook (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(reply[*hook]{Body: want, Header: header{Succeeded: &yes}}, got.Get); diff != "" {
		t.Errorf("zeep's GetWebhook (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(reply[[]*hook]{Body: []*hook{want}, Header: header{Succeeded: &yes}}, got.List); diff != "" {
		t.Errorf("zeep's GetAllWebhooks (-want +got):\n%s", diff)
	}
	failure := func(msg, typ string) header {
		return header{Succeeded: &no, ExceptionInfo: &struct{ Message, ExceptionType string }{msg, typ}}
	}
	if diff := cmp.Diff(reply[*hook]{Header: failure("a webhook needs a name", "ArgumentException")}, got.Fail); diff != "" {
		t.Errorf("zeep's SaveWebhook without a name (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(reply[*hook]{Header: failure("the request has no valid ticket", "SoSecurityException")}, got.NoTicket); diff != "" {
		t.Errorf("zeep's GetWebhook without a ticket (-want +got):\n%s", diff)
	}
	// zeep reports the faultcode as its text (prefix:Server).
	if !strings.HasSuffix(got.Unimplemented.Code, ":Server") || !strings.Contains(got.Unimplemented.Message, "Webhook.DeleteWebhook is not implemented") {
		t.Errorf("zeep's DeleteWebhook: %+v, want a Server fault saying it is not implemented", got.Unimplemented)
	}

	if len(got.Invalid) > 0 {
		t.Errorf("replies invalid against the WSDL's schemas (libxml2):\n%s", strings.Join(got.Invalid, "\n"))
	}
	// Each reply's body element, and the header blocks (Succeeded on every reply, ExtraInfo on the
	// save, ExceptionInfo on the failures).
	for _, el := range []string{"SaveWebhookResponse", "GetWebhookResponse", "GetAllWebhooksResponse", "Succeeded", "ExtraInfo", "ExceptionInfo"} {
		if !slices.Contains(got.Validated, el) {
			t.Errorf("no %s was validated (validated: %q)", el, got.Validated)
		}
	}
	t.Logf("%d reply elements valid against the WSDL's schemas", len(got.Validated))

	// The generated Go client, against the same server.
	client := exec.Command(bin, "client", url)
	if out, err := client.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "ok" {
		t.Errorf("the generated client: %v\n%s", err, out)
	}
}
