// Package sogen generates typed Go SOAP clients from WSDL 1.1 and XML Schema.
//
// Generate runs the whole pipeline in memory — parser (WSDL/XSD to raw definitions) -> normalisation
// (parser.Normalize: every message body resolved, schema quirks rewritten, fix-ups made) -> model
// (every Go name and type decided) -> emit (Go source rendered with jennifer) — and returns the files;
// only the sogen command writes them to disk. See the README for the command line and
// docs/mapping.md for the mapping.
package sogen

import (
	"io/fs"
	"net/http"
	"time"

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
	// Parse limits what the parser accepts (its Remote is set from Map and Fetch, and its Lenient
	// from Lenient).
	Parse parser.Options

	// Map maps remote locations (wsdl:import location, xs:import and xs:include schemaLocation
	// holding an absolute URL) to local files. A key is a URL, mapped to a file path, or a URL prefix
	// ending in "/", mapped to a directory whose relative paths follow the prefix. A mapped location is
	// never fetched.
	Map map[string]string
	// Fetch allows downloading, with an HTTP GET, the remote http and https locations Map does not
	// cover. Without it such a location is an error naming it. Each URL is read once per run; a
	// download is limited to FetchTimeout and to Parse.MaxFileSize bytes.
	Fetch bool
	// FetchTimeout limits one download (DefaultFetchTimeout when zero).
	FetchTimeout time.Duration
	// HTTPClient downloads the remote locations; nil means http.DefaultClient.
	HTTPClient *http.Client
	// Lenient makes the lossy fix-ups (see parser.FixupKind): references that do not resolve at all
	// made harmless, type parts of document-style bodies read as elements, types that cannot be mapped
	// kept as XML and operations that cannot be mapped left out. Each is reported in Result.Fixups.
	Lenient bool
	// Strict refuses the inputs that the loss-free fix-ups repair by default (see
	// parser.FixupKind): references that resolve only by their local name, names with white space
	// around them, model groups directly inside xs:element, soap:input written for wsdl:input.
	Strict bool
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
