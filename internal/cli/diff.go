package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/sogen-go/sogen"
	"github.com/sogen-go/sogen/apidiff"
	"github.com/sogen-go/sogen/model"
)

const diffUsageText = `usage: sogen diff [flags] OLD.wsdl... -- NEW.wsdl...

sogen diff generates the package from the old inputs and from the new ones, in
memory, and prints what changed for a Go user as Markdown, for a pull-request
description: breaking changes (removed clients, methods, constructors, types,
fields and enumeration values; changed signatures, field types and constant
values), other changes (the Go API is unchanged but the wire is not: element
names, namespaces, SOAP actions, endpoints, required or nillable elements,
element order, enumeration numbers), and additions. Everything is matched by Go
name; a namespace renamed throughout is reported once. -pkg and -client-suffix
mean what they mean for generation and apply to both sides; -server adds the
server side (a method added to a server interface is breaking for
implementations that do not embed the Unimplemented type).

Flags:
`

const diffExamples = `
Examples:
  sogen diff -pkg services88 -client-suffix Agent old/*.wsdl -- new/*.wsdl
  sogen diff -fail-on-breaking -pkg services88 -client-suffix Agent Services87/Webhook.wsdl -- Services88/Webhook.wsdl

Exit status: 0 when the comparison was made (whatever it found), 1 when an input
cannot be read or mapped, or with -fail-on-breaking when there is a breaking
change, 2 on a usage error.
`

// ErrBreaking is returned by Run for sogen diff -fail-on-breaking when the report lists breaking
// changes (exit status 1), after the report was printed.
var ErrBreaking = errors.New("breaking changes found (-fail-on-breaking)")

// runDiff runs sogen diff with the arguments following "diff".
func runDiff(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sogen diff", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	pkg := fs.String("pkg", "", "Go package `name` used for both generations (default: the name of the directory holding the new inputs)")
	suffix := fs.String("client-suffix", "Client", "`suffix` appended to port type names to name client types, e.g. Agent")
	failOnBreaking := fs.Bool("fail-on-breaking", false, "exit with status 1 when there is a breaking change")
	inFlags := addInputFlags(fs)
	status := addStatusFlags(fs)
	server := fs.Bool("server", false, "compare the server side too (as generated with -server): the server interfaces' methods and the handler constructors")
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, diffUsageText)
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			fmt.Fprint(stdout, diffExamples)
			return ErrHelp
		}
		return UsageError{"diff: " + err.Error()}
	}
	rest := fs.Args()
	sep := -1
	for i, a := range rest {
		if a == "--" {
			sep = i
			break
		}
	}
	if sep < 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
		// The flag package took the separator for the end of the flags: no old inputs.
		rest, sep = append([]string{"--"}, rest...), 0
	}
	if sep < 0 {
		return UsageError{"diff: want OLD.wsdl... -- NEW.wsdl... (no -- separating the old inputs from the new)"}
	}
	oldIn, newIn := rest[:sep], rest[sep+1:]
	if len(oldIn) == 0 {
		return UsageError{"diff: no old WSDL files given before --"}
	}
	if len(newIn) == 0 {
		return UsageError{"diff: no new WSDL files given after --"}
	}
	// Each side is read as generation reads its inputs: from the deepest directory holding them.
	oldSide, err := inFlags.open(oldIn)
	if err != nil {
		return sideError("old", err)
	}
	defer oldSide.close()
	newSide, err := inFlags.open(newIn)
	if err != nil {
		return sideError("new", err)
	}
	defer newSide.close()
	name, from := *pkg, ""
	if name == "" {
		name, from = packageName(newSide.dir), "the new inputs' directory"
	}
	if err := checkNames(name, from, *suffix); err != nil {
		return sideError("", err)
	}
	load := func(side string, in *inputs) (*model.Package, error) {
		cfg := in.cfg
		cfg.Package, cfg.ClientSuffix, cfg.StatusHeaders, cfg.Server = name, *suffix, status.config(), *server
		p, err := sogen.Model(cfg)
		if err != nil {
			var oe *model.OptionError
			if errors.As(err, &oe) {
				return nil, sideError(side, optionError(err))
			}
			return nil, explain(fmt.Errorf("%s inputs in %s: %w", side, displayDir(in.dir), err), in.cfg.Strict)
		}
		inFlags.report(stderr, side, p.Fixups, in.notices(p.Notices))
		return p, nil
	}
	oldPkg, err := load("old", oldSide)
	if err != nil {
		return err
	}
	newPkg, err := load("new", newSide)
	if err != nil {
		return err
	}
	report := apidiff.Compare(oldPkg, newPkg)
	if err := report.WriteText(stdout); err != nil {
		return err
	}
	if *failOnBreaking && report.Breaking() {
		return fmt.Errorf("%w: %d", ErrBreaking, report.Count(apidiff.Breaking))
	}
	return nil
}

// displayDir returns dir relative to the working directory when it is below it, else as it is.
func displayDir(dir string) string {
	wd, err := os.Getwd()
	if err != nil {
		return dir
	}
	if r, err := filepath.Rel(wd, dir); err == nil && within(wd, dir) {
		return filepath.ToSlash(r)
	}
	return dir
}

// sideError prefixes a usage error with "diff:" and the side it is about.
func sideError(side string, err error) error {
	var u UsageError
	if !errors.As(err, &u) {
		return err
	}
	if side != "" {
		side += " "
	}
	return UsageError{"diff: " + side + u.Msg}
}
