package sogen

import (
	"github.com/sogen-go/sogen/internal/version"
	"github.com/sogen-go/sogen/model"
	"github.com/sogen-go/sogen/parser"
)

// Model reads the inputs and returns the description of the Go package Generate would emit from
// them, without rendering it: every type, field, constant and client with its final Go name. The
// package's Notices include the parser's and the downloads', and its Fixups the normalisation's and
// the model's. sogen diff compares two of these.
func Model(cfg Config) (*model.Package, error) {
	if err := model.CheckPackageName(cfg.Package); err != nil {
		return nil, err
	}
	popts := cfg.Parse
	rem := newRemote(&cfg)
	if rem != nil {
		popts.Remote = rem.read
	}
	popts.Lenient = popts.Lenient || cfg.Lenient
	popts.Strict = popts.Strict || cfg.Strict
	set, err := parser.Load(cfg.FS, cfg.Roots, popts)
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
		Lenient: popts.Lenient, StatusHeaders: cfg.StatusHeaders,
	})
	if err != nil {
		return nil, err
	}
	var notices []string
	if rem != nil {
		notices = append(notices, rem.notices...)
	}
	notices = append(notices, set.Notices...)
	pkg.Notices = append(notices, pkg.Notices...)
	pkg.Fixups = append(append([]parser.Fixup(nil), set.Fixups...), pkg.Fixups...)
	return pkg, nil
}
