// Package version tells which sogen is running, from the build information Go records in every
// binary: the module version when sogen was built from the module proxy (go get -tool, go install
// ...@v1.2.3), "(devel)" when it was built from a checkout or through a replace directive.
package version

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// Module is the path of the sogen module.
const Module = "github.com/sogen-go/sogen"

// Devel is the version of a sogen built from a checkout or a replacement: it names no published code.
const Devel = "(devel)"

// Info is the version of the sogen module in the running binary.
type Info struct {
	// Version is the module version, a release ("v1.2.3") or a pseudo-version naming a commit
	// ("v0.0.0-20250101120000-abcdef123456"), or Devel. It is what generated files record, so it
	// stays Devel in a checkout whatever commit is checked out: regenerating there does not rewrite
	// every file on every commit.
	Version string
	// From says where a Devel build came from ("a checkout", "github.com/sogen-go/sogen replaced by
	// ../sogen"); empty otherwise.
	From string
	// Go is the Go version sogen was built with.
	Go string
}

// Read returns the version of the sogen module linked into the running binary: the main module
// when the binary is the sogen command, a dependency when a program uses sogen as a library.
func Read() Info {
	bi, _ := debug.ReadBuildInfo()
	return FromBuildInfo(bi)
}

// FromBuildInfo returns the version of the sogen module recorded in bi (nil when the binary has none).
func FromBuildInfo(bi *debug.BuildInfo) Info {
	if bi == nil {
		return Info{Version: Devel, From: "no build information"}
	}
	info := Info{Version: Devel, Go: bi.GoVersion}
	mod, main := &bi.Main, true
	if mod.Path != Module {
		mod, main = nil, false
		for _, d := range bi.Deps {
			if d.Path == Module {
				mod = d
				break
			}
		}
	}
	switch {
	case mod == nil:
		info.From = "no build information for " + Module
	case mod.Replace != nil:
		info.From = fmt.Sprintf("%s %s replaced by %s", Module, mod.Version, mod.Replace.Path)
		if mod.Replace.Version != "" && mod.Replace.Version != Devel { // a module, not a directory
			info.From += " " + mod.Replace.Version
		}
	case main && vcs(bi) != "":
		// go build in a checkout stamps a version derived from the commit (and "+dirty"); it changes
		// with every commit, so it is not recorded.
		info.From = "a checkout (" + vcs(bi) + ")"
	case mod.Version == "" || mod.Version == Devel:
		info.From = "a checkout"
	default:
		info.Version = mod.Version
	}
	return info
}

// vcs describes the version control state recorded in bi ("git 0123abcd, modified"), or "".
func vcs(bi *debug.BuildInfo) string {
	var system, rev string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs":
			system = s.Value
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if system == "" {
		return ""
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	s := strings.TrimSpace(system + " " + rev)
	if modified {
		s += ", modified"
	}
	return s
}

// Generator is what generated files record as their generator: "sogen v1.2.3" or "sogen (devel)".
func (i Info) Generator() string { return "sogen " + i.Version }

// String is the line sogen -version prints: the version, where a Devel build came from, and the Go
// version, e.g. "sogen (devel), a checkout (git 0123456789ab, modified), built with go1.26.0".
func (i Info) String() string {
	s := i.Generator()
	if i.From != "" {
		s += ", " + i.From
	}
	if i.Go != "" {
		s += ", built with " + i.Go
	}
	return s
}
