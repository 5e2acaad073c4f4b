// Package sogen generates typed Go SOAP clients from WSDL 1.1 and XML Schema.
//
// Generate runs the whole pipeline in memory — parser (WSDL/XSD to raw definitions) -> model (every Go
// name and type decided) -> emit (Go source rendered with jennifer) — and returns the files; only
// the sogen command writes them to disk. See the README for the mapping and the command line.
package sogen

import (
	"errors"
	"io/fs"

	"github.com/sogen-go/sogen/emit"
	"github.com/sogen-go/sogen/model"
	"github.com/sogen-go/sogen/parser"
)

// Config says what to generate.
type Config struct {
	// FS holds the input files; nothing outside it is read.
	FS fs.FS
	// Roots are the WSDL (or XSD) files to generate from, as paths inside FS.
	Roots []string
	// Package is the Go package name of the output.
	Package string
	// ClientSuffix is appended to port type names to name the client types (default "Client").
	ClientSuffix string
	// Sources are the input names recorded in the generated files' header; nil records Roots.
	Sources []string
	// Parse limits what the parser accepts.
	Parse parser.Options
}

// Result is the outcome of a generation.
type Result struct {
	// Files are the generated files, in a deterministic order.
	Files []emit.File
	// Notices are things the generator skipped that a user should know about.
	Notices []string
}

// Generate reads the inputs and returns the generated files.
func Generate(cfg Config) (*Result, error) {
	if cfg.Package == "" {
		return nil, errors.New("no package name")
	}
	set, err := parser.Parse(cfg.FS, cfg.Roots, cfg.Parse)
	if err != nil {
		return nil, err
	}
	sources := cfg.Sources
	if sources == nil {
		sources = cfg.Roots
	}
	pkg, err := model.Build(set, model.Options{Package: cfg.Package, ClientSuffix: cfg.ClientSuffix, Sources: sources})
	if err != nil {
		return nil, err
	}
	files, err := emit.Files(pkg)
	if err != nil {
		return nil, err
	}
	return &Result{Files: files, Notices: append(set.Notices, pkg.Notices...)}, nil
}
