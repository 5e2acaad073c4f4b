package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/internal/golden"
)

// TestStatusFlags checks the flags of the reply-header status contract: the note that says where it
// applies, -status-header and -error-header naming the blocks, -no-status-headers turning it off.
func TestStatusFlags(t *testing.T) {
	so := filepath.Join(repo(t), "testdata", "wsdl", "services88")
	inventory := filepath.Join(repo(t), "testdata", "wsdl", "replystatus", "inventory.wsdl")
	for _, tc := range []struct {
		name string
		args []string
		// wantNote is the start of the note on stderr, "" for none; checkFiles are the generated files
		// that must contain CheckResponse (or must not, when wantNote is "").
		wantNote  string
		checkFile string
	}{
		{"recognised", []string{"-pkg", "so", "-client-suffix", "Agent", filepath.Join(so, "Webhook.wsdl"), filepath.Join(so, "SoPrincipal.wsdl")},
			"sogen: note: WebhookAgent, SoPrincipalAgent: reply-header status contract: a reply whose header block Succeeded is false, or that carries a header block ExceptionInfo, is an error, a *SoExceptionInfo (recognised by the blocks' names and types; -no-status-headers turns it off)\n",
			"webhook_agent.go"},
		{"off", []string{"-pkg", "so", "-client-suffix", "Agent", "-no-status-headers", filepath.Join(so, "Webhook.wsdl")},
			"", "webhook_agent.go"},
		{"named", []string{"-pkg", "inventory", "-status-header", "Done", "-error-header", "Problem", inventory},
			"sogen: note: StockClient: reply-header status contract: a reply whose header block Done is false, or that carries a header block Problem, is an error, a *ProblemReport (named by -status-header/-error-header)\n",
			"stock_client.go"},
		{"not recognised", []string{"-pkg", "inventory", inventory}, "", "stock_client.go"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			var stdout, stderr bytes.Buffer
			if err := Run(append([]string{"-o", dir}, tc.args...), &stdout, &stderr); err != nil {
				t.Fatalf("%v\n%s", err, stderr.String())
			}
			if tc.wantNote != "" && !strings.HasPrefix(stderr.String(), tc.wantNote) {
				t.Errorf("stderr:\n%s\nwant it to start with\n%s", stderr.String(), tc.wantNote)
			}
			if tc.wantNote == "" && strings.Contains(stderr.String(), "status contract") {
				t.Errorf("stderr mentions a status contract:\n%s", stderr.String())
			}
			src, err := os.ReadFile(filepath.Join(dir, tc.checkFile))
			if err != nil {
				t.Fatal(err)
			}
			if got := bytes.Contains(src, []byte(") CheckResponse() error {")); got != (tc.wantNote != "") {
				t.Errorf("%s has CheckResponse: %v, want %v", tc.checkFile, got, tc.wantNote != "")
			}
		})
	}
}

// TestStatusFlagErrors checks that a named block that does not exist or has the wrong kind is a
// usage error naming the flag, and that nothing is written; the messages are golden files
// (golden/errors/flag-*.txt).
func TestStatusFlagErrors(t *testing.T) {
	webhook := filepath.Join(repo(t), "testdata", "wsdl", "services88", "Webhook.wsdl")
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"flag-status-unknown", []string{"-status-header", "Success", webhook}},
		{"flag-status-not-boolean", []string{"-status-header", "TimeZone", webhook}},
		{"flag-error-not-complex", []string{"-error-header", "Succeeded", webhook}},
		{"flag-status-bad-name", []string{"-status-header", "{urn:x", webhook}},
		{"flag-off-and-named", []string{"-no-status-headers", "-error-header", "ExceptionInfo", webhook}},
		{"flag-diff-status-unknown", []string{"diff", "-status-header", "Success", webhook, "--", webhook}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			args := tc.args
			if args[0] != "diff" {
				args = append([]string{"-o", dir, "-pkg", "so"}, args...)
			}
			var out bytes.Buffer
			err := Run(args, &out, &out)
			var u UsageError
			if !errors.As(err, &u) {
				t.Fatalf("got %v, want a UsageError", err)
			}
			golden.Check(t, filepath.Join(repo(t), "golden", "errors", tc.name+".txt"), []byte(err.Error()+"\n"))
			if entries, _ := os.ReadDir(dir); len(entries) > 0 {
				t.Errorf("the output directory holds %d entries, want none", len(entries))
			}
		})
	}
}

func TestHelpMentionsStatusFlags(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"diff", "-h"}} {
		var out bytes.Buffer
		if err := Run(args, &out, &out); !errors.Is(err, ErrHelp) {
			t.Fatalf("got %v, want ErrHelp", err)
		}
		for _, want := range []string{"-status-header block", "-error-header block", "-no-status-headers"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%v does not mention %q", args, want)
			}
		}
	}
}
