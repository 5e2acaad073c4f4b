package sogen

import (
	"errors"

	"github.com/sogen-go/sogen/internal/version"
	"github.com/sogen-go/sogen/model"
	"github.com/sogen-go/sogen/parser"
)

// Model reads the inputs and returns the description of the Go package Generate would emit from
// them, without rendering it: every type, field, constant and client with its final Go name. The
// package's Notices include the parser's, and its Warnings are the parser's lenient fix-ups. sogen
// diff compares two of these.
func Model(cfg Config) (*model.Package, error) {
	if cfg.Package == "" {
		return nil, errors.New("no package name")
	}
	popts := cfg.Parse
	popts.Lenient = popts.Lenient || cfg.Lenient
	resolve := cfg.Resolver
	if resolve == nil {
		if cfg.FS == nil {
			return nil, errors.New("no inputs: set Config.Resolver or Config.FS")
		}
		resolve = parser.FS(cfg.FS)
	}
	set, err := parser.Read(resolve, cfg.Roots, popts)
	if err != nil {
		return nil, err
	}
	sources := cfg.Sources
	if sources == nil {
		sources = cfg.Roots
	}
	pkg, err := model.Build(set, model.Options{
		Package: cfg.Package, ClientSuffix: cfg.ClientSuffix, Sources: sources, Generator: version.Read().Generator(),
		StatusHeaders: cfg.StatusHeaders,
	})
	if err != nil {
		return nil, err
	}
	pkg.Notices = append(append([]string(nil), set.Notices...), pkg.Notices...)
	pkg.Warnings = set.Warnings
	return pkg, nil
}
