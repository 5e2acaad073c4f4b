package sogen

import (
	"errors"

	"github.com/sogen-go/sogen/internal/version"
	"github.com/sogen-go/sogen/model"
	"github.com/sogen-go/sogen/parser"
)

// Model reads the inputs and returns the description of the Go package Generate would emit from
// them, without rendering it: every type, field, constant and client with its final Go name. The
// package's Notices include the parser's, and its Fixups the normalisation's and the model's. sogen
// diff compares two of these.
func Model(cfg Config) (*model.Package, error) {
	if err := model.CheckPackageName(cfg.Package); err != nil {
		return nil, err
	}
	popts := cfg.Parse
	popts.Lenient = popts.Lenient || cfg.Lenient
	popts.Strict = popts.Strict || cfg.Strict
	resolve := cfg.Resolver
	if resolve == nil {
		if cfg.FS == nil {
			return nil, errors.New("no inputs: set Config.Resolver or Config.FS")
		}
		resolve = parser.FS(cfg.FS)
	}
	set, err := parser.Load(resolve, cfg.Roots, popts)
	if err != nil {
		return nil, err
	}
	if err := parser.Normalize(set, popts); err != nil {
		return nil, err
	}
	sources := cfg.Sources
	if sources == nil {
		sources = cfg.Roots
	}
	pkg, err := model.Build(set, model.Options{
		Package: cfg.Package, ClientSuffix: cfg.ClientSuffix, Sources: sources, Generator: version.Read().Generator(),
		Lenient: popts.Lenient, StatusHeaders: cfg.StatusHeaders, Server: cfg.Server,
	})
	if err != nil {
		return nil, err
	}
	pkg.Notices = append(append([]string(nil), set.Notices...), pkg.Notices...)
	pkg.Fixups = append(append([]parser.Fixup(nil), set.Fixups...), pkg.Fixups...)
	return pkg, nil
}
