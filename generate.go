// Package sogen generates typed Go SOAP clients from WSDL 1.1 and XML Schema.
//
// Generate runs the whole pipeline in memory — parser (WSDL/XSD to raw definitions) -> model (every Go
// name and type decided) -> emit (Go source rendered with jennifer) — and returns the files; only
// the sogen command writes them to disk. See the README for the command line and docs/mapping.md for
// the mapping.
//
// The library does no input or output of its own: the documents come from Config.Resolver (or
// Config.FS), and errors carry what would get past them as a parser.Hint (parser.HintOf) rather than
// advice about command-line flags.
package sogen

import (
	"io/fs"

	"github.com/sogen-go/sogen/emit"
	"github.com/sogen-go/sogen/model"
	"github.com/sogen-go/sogen/parser"
)

// Config says what to generate.
type Config struct {
	// Resolver reads the documents: the roots and every document they import (see parser.Resolver
	// for the locations it is asked for). Nothing else is read.
	Resolver parser.Resolver
	// FS, used when Resolver is nil, holds the input files (parser.FS(FS) reads them): no location
	// leading out of it, and no remote location, is read.
	FS fs.FS
	// Roots are the WSDL (or XSD) documents to generate from: paths relative to the directory the
	// Resolver reads from (inside FS), or absolute URLs.
	Roots []string
	// Package is the Go package name of the output.
	Package string
	// ClientSuffix is appended to port type names to name the client types (default "Client").
	ClientSuffix string
	// Sources are the input names recorded in the generated files' header; nil records Roots.
	Sources []string
	// Parse limits what the parser accepts (its Lenient is set from Lenient).
	Parse parser.Options
	// Lenient resolves references that only resolve by their local name (an undeclared prefix, a wrong
	// namespace) and goes on past those that do not resolve at all, reporting each fix-up in
	// Result.Warnings; see parser.Options.Lenient.
	Lenient bool
	// StatusHeaders says which response header blocks report that a call failed (the reply-header
	// status contract): the zero value recognises them by name and type (SuperOffice's Succeeded and
	// ExceptionInfo), and each client where it applies gets a notice; Status and Error name them
	// instead, and Off turns the contract off. A named block that no client has, or of the wrong kind,
	// is an error wrapping a *model.OptionError. See model.StatusHeaders and the README.
	StatusHeaders model.StatusHeaders
}

// Result is the outcome of a generation.
type Result struct {
	// Files are the generated files, in a deterministic order.
	Files []emit.File
	// Notices are things the generator skipped that a user should know about.
	Notices []string
	// Warnings are the fix-ups Config.Lenient made: each reference resolved by its local name, with
	// its file and element.
	Warnings []string
}

// Generate reads the inputs and returns the generated files.
func Generate(cfg Config) (*Result, error) {
	pkg, err := Model(cfg)
	if err != nil {
		return nil, err
	}
	files, err := emit.Files(pkg)
	if err != nil {
		return nil, err
	}
	return &Result{Files: files, Notices: pkg.Notices, Warnings: pkg.Warnings}, nil
}
