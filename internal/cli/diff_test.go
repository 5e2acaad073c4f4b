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

// diffArgs returns the sogen diff arguments comparing the shop fixture's two versions, with flags
// before them.
func diffArgs(t *testing.T, flags ...string) []string {
	dir := filepath.Join(repo(t), "testdata", "diff")
	args := append([]string{"diff"}, flags...)
	return append(args, filepath.Join(dir, "old", "shop.wsdl"), "--", filepath.Join(dir, "new", "shop.wsdl"))
}

// TestDiffCommand: sogen diff prints the report that golden/diff/shop.txt holds (the root package's
// test checks it against the fixtures; the command must print exactly that), reading each side from
// its own directory.
func TestDiffCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := Run(diffArgs(t, "-pkg", "shop"), &out, &errOut); err != nil {
		t.Fatalf("sogen diff: %v\n%s", err, errOut.String())
	}
	if golden.Updating() {
		return // the root package rewrites the golden file
	}
	want, err := os.ReadFile(filepath.Join(repo(t), "golden", "diff", "shop.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Errorf("sogen diff printed:\n%s\nwant golden/diff/shop.txt:\n%s", out.String(), want)
	}
	if errOut.Len() != 0 {
		t.Errorf("unexpected stderr: %s", errOut.String())
	}
}

func TestDiffFailOnBreaking(t *testing.T) {
	var out bytes.Buffer
	err := Run(diffArgs(t, "-pkg", "shop", "-fail-on-breaking"), &out, &out)
	if !errors.Is(err, ErrBreaking) {
		t.Fatalf("got %v, want ErrBreaking", err)
	}
	if !strings.Contains(err.Error(), ": 22") {
		t.Errorf("error %q does not give the number of breaking changes", err)
	}
	if !strings.Contains(out.String(), "## Breaking changes") {
		t.Errorf("the report was not printed before failing:\n%s", out.String())
	}

	// Without breaking changes (version 1 against itself), -fail-on-breaking succeeds.
	old := filepath.Join(repo(t), "testdata", "diff", "old", "shop.wsdl")
	out.Reset()
	if err := Run([]string{"diff", "-fail-on-breaking", old, "--", old}, &out, &out); err != nil {
		t.Fatalf("identical inputs: %v", err)
	}
	// The package name defaults to the directory of the new inputs, as generation's does to the output
	// directory.
	if want := "# Go API changes in package old\n\nNo changes.\n"; out.String() != want {
		t.Errorf("identical inputs printed %q, want %q", out.String(), want)
	}

	// Going back from version 2 to version 1 breaks too.
	dir := filepath.Join(repo(t), "testdata", "diff")
	if err := Run([]string{"diff", "-pkg", "shop", "-fail-on-breaking", filepath.Join(dir, "new", "shop.wsdl"), "--", old}, &out, &out); !errors.Is(err, ErrBreaking) {
		t.Errorf("v2 -> v1: got %v, want ErrBreaking", err)
	}
}

// TestDiffInputErrors: an input that cannot be mapped fails (not a usage error) with the side, the
// directory and the file and element.
func TestDiffInputErrors(t *testing.T) {
	bad := filepath.Join(repo(t), "testdata", "bad", "unknown-message.wsdl")
	good := filepath.Join(repo(t), "testdata", "diff", "old", "shop.wsdl")
	t.Chdir(repo(t))
	var out bytes.Buffer
	err := Run([]string{"diff", "-pkg", "x", good, "--", bad}, &out, &out)
	var u UsageError
	if err == nil || errors.As(err, &u) {
		t.Fatalf("got %v, want a generation error", err)
	}
	for _, want := range []string{"new inputs in testdata/bad: ", "unknown-message.wsdl: ", "Missing is not defined"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
	if out.Len() != 0 {
		t.Errorf("printed a report although an input failed:\n%s", out.String())
	}
}

func TestDiffUsageErrors(t *testing.T) {
	wsdl := filepath.Join(repo(t), "testdata", "diff", "old", "shop.wsdl")
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"no separator", []string{"diff", wsdl, wsdl}, "no -- separating the old inputs from the new"},
		{"no old", []string{"diff", "--", wsdl}, "no old WSDL files given before --"},
		{"no new", []string{"diff", wsdl, "--"}, "no new WSDL files given after --"},
		{"nothing", []string{"diff"}, "no -- separating"},
		{"unknown flag", []string{"diff", "-o", "x", wsdl, "--", wsdl}, "flag provided but not defined: -o"},
		{"bad package", []string{"diff", "-pkg", "not-valid", wsdl, "--", wsdl}, `"not-valid" is not a valid Go package name`},
		{"bad suffix", []string{"diff", "-client-suffix", "a-b", wsdl, "--", wsdl}, `-client-suffix "a-b" is not a valid`},
		{"missing old", []string{"diff", "does/not/exist.wsdl", "--", wsdl}, "old input does/not/exist.wsdl: no such file or directory"},
		{"missing new", []string{"diff", wsdl, "--", "does/not/exist.wsdl"}, "new input does/not/exist.wsdl: no such file or directory"},
		{"directory", []string{"diff", wsdl, "--", "."}, "new input . is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := Run(tt.args, &out, &out)
			var u UsageError
			if !errors.As(err, &u) {
				t.Fatalf("got %v, want a UsageError", err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not contain %q", err, tt.msg)
			}
		})
	}
}

func TestDiffHelp(t *testing.T) {
	var out bytes.Buffer
	if err := Run([]string{"diff", "-h"}, &out, &out); !errors.Is(err, ErrHelp) {
		t.Fatalf("got %v, want ErrHelp", err)
	}
	for _, want := range []string{"sogen diff [flags] OLD.wsdl... -- NEW.wsdl...", "-fail-on-breaking", "-pkg name", "-client-suffix suffix", "Examples:", "Exit status"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("help does not mention %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	Run([]string{"-h"}, &out, &out)
	if !strings.Contains(out.String(), "sogen diff [flags] OLD.wsdl... -- NEW.wsdl...") {
		t.Errorf("sogen -h does not mention sogen diff:\n%s", out.String())
	}
}

// TestDiffInputFlags: sogen diff reads its inputs as generation does, input flags included: a sloppy
// WSDL fails with -strict (the error says so) and compares without it, each side's fix-ups summarised
// as warnings naming the side (listed with -v).
func TestDiffInputFlags(t *testing.T) {
	sloppy := filepath.Join(repo(t), "testdata", "lenient", "sloppy.wsdl")
	var out, errOut bytes.Buffer
	err := Run([]string{"diff", "-strict", "-pkg", "x", sloppy, "--", sloppy}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "old inputs in ") || !strings.Contains(err.Error(), "-strict") {
		t.Fatalf("with -strict: %v", err)
	}
	out.Reset()
	errOut.Reset()
	if err := Run([]string{"diff", "-pkg", "x", sloppy, "--", sloppy}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "No changes.") {
		t.Errorf("report:\n%s", out.String())
	}
	for _, side := range []string{"old", "new"} {
		if !strings.Contains(errOut.String(), "sogen: warning ("+side+"): 4 references resolved by the local name") {
			t.Errorf("no %s warnings on stderr:\n%s", side, errOut.String())
		}
	}
	errOut.Reset()
	if err := Run([]string{"diff", "-v", "-pkg", "x", sloppy, "--", sloppy}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(errOut.String(), "sogen: warning (old): sloppy.wsdl: "); n != 4 {
		t.Errorf("-v: %d old warnings, want 4:\n%s", n, errOut.String())
	}
}
