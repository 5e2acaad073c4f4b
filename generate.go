// Package sogen generates typed Go SOAP clients from WSDL 1.1 and XML Schema.
//
// Generate runs the whole pipeline in memory — parser (WSDL/XSD to raw definitions) -> normalisation
// (parser.Normalize: every message body resolved, schema quirks rewritten, fix-ups made) -> model
// (every Go name and type decided) -> emit (Go source rendered with jennifer) — and returns the files;
// only the sogen command writes them to disk. See the README for the command line and
// docs/mapping.md for the mapping.
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
	// Parse limits what the parser accepts (its Lenient and Strict are set from Lenient and Strict).
	Parse parser.Options
	// Lenient makes the lossy fix-ups (see parser.FixupKind), which guess the wire form or leave out
	// what a client could call: operations whose messages cannot be described and bindings of
	// undefined port types left out, soap:body part names the message lacks left out of the body,
	// type parts of document-style bodies read as elements, types that cannot be mapped kept as XML
	// and operations that cannot be mapped left out. Each is reported in Result.Fixups.
	Lenient bool
	// Strict refuses the inputs that the loss-free fix-ups repair by default (see
	// parser.FixupKind): references that resolve only by their local name, names with white space
	// around them, model groups directly inside xs:element, soap:input written for wsdl:input, and
	// references to nothing defined read as content kept as it arrives (an undefined type as
	// xs:anyType, ...) or ignored where nothing callable depends on them (an undefined fault message,
	// ...), and xs:imports of remote locations the Resolver did not read, passed over (parser.Unread).
	Strict bool
	// StatusHeaders says which response header blocks report that a call failed (the reply-header
	// status contract): the zero value recognises them by name and type (SuperOffice's Succeeded and
	// ExceptionInfo), and each client where it applies gets a notice; Status and Error name them
	// instead, and Off turns the contract off. A named block that no client has, or of the wrong kind,
	// is an error wrapping a *model.OptionError. See model.StatusHeaders and the README.
	StatusHeaders model.StatusHeaders
	// Server generates the server side of every port type too, in one more file per port type
	// (<porttype>_server.go): an interface to implement (WebhookServer), a type to embed answering
	// "not implemented" (UnimplementedWebhookServer) and an http.Handler constructor per port
	// (NewWebhookHandler). The other files are the same with or without it. See docs/server.md.
	Server bool
}

// Result is the outcome of a generation.
type Result struct {
	// Files are the generated files, in a deterministic order.
	Files []emit.File
	// Notices are things the generator skipped that a user should know about.
	Notices []string
	// Fixups are the repairs made to the inputs, each with its kind, file and element (loss-free
	// ones unless Config.Strict, lossy ones with Config.Lenient); parser.Summaries gives one line per
	// kind.
	Fixups []parser.Fixup
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
	return &Result{Files: files, Notices: pkg.Notices, Fixups: pkg.Fixups}, nil
}
