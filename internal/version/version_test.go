package version

import (
	"runtime/debug"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	dep := func(path, v string, r *debug.Module) *debug.Module {
		return &debug.Module{Path: path, Version: v, Replace: r}
	}
	git := []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}
	for _, c := range []struct {
		name    string
		bi      *debug.BuildInfo
		version string
		str     string
	}{
		{"no build info", nil, Devel, "sogen (devel), no build information"},
		{"go get -tool (the tool is the main module)",
			&debug.BuildInfo{GoVersion: "go1.26.0", Main: *dep(Module, "v1.2.3", nil)},
			"v1.2.3", "sogen v1.2.3, built with go1.26.0"},
		{"pseudo-version from the proxy",
			&debug.BuildInfo{GoVersion: "go1.26.0", Main: *dep(Module, "v0.0.0-20250101120000-abcdef123456", nil)},
			"v0.0.0-20250101120000-abcdef123456", "sogen v0.0.0-20250101120000-abcdef123456, built with go1.26.0"},
		{"replaced by a directory",
			&debug.BuildInfo{GoVersion: "go1.26.0", Main: *dep(Module, "v0.0.0", dep("../sogen", "(devel)", nil))},
			Devel, "sogen (devel), github.com/sogen-go/sogen v0.0.0 replaced by ../sogen, built with go1.26.0"},
		{"replaced by a fork",
			&debug.BuildInfo{GoVersion: "go1.26.0", Main: *dep(Module, "v1.2.3", dep("example.com/fork", "v1.2.4", nil))},
			Devel, "sogen (devel), github.com/sogen-go/sogen v1.2.3 replaced by example.com/fork v1.2.4, built with go1.26.0"},
		{"go run in a checkout", &debug.BuildInfo{GoVersion: "go1.26.0", Main: *dep(Module, "(devel)", nil)},
			Devel, "sogen (devel), a checkout, built with go1.26.0"},
		{"go build in a checkout stamps a pseudo-version",
			&debug.BuildInfo{GoVersion: "go1.26.0", Main: *dep(Module, "v0.1.1-0.20250101120000-0123456789ab+dirty", nil), Settings: git},
			Devel, "sogen (devel), a checkout (git 0123456789ab, modified), built with go1.26.0"},
		{"a library dependency of another program",
			&debug.BuildInfo{GoVersion: "go1.26.0", Main: *dep("example.com/app", "(devel)", nil), Settings: git,
				Deps: []*debug.Module{dep("github.com/beevik/etree", "v1.8.1", nil), dep(Module, "v1.2.3", nil)}},
			"v1.2.3", "sogen v1.2.3, built with go1.26.0"},
		{"a program without sogen in its build info",
			&debug.BuildInfo{GoVersion: "go1.26.0", Main: *dep("example.com/app", "(devel)", nil)},
			Devel, "sogen (devel), no build information for github.com/sogen-go/sogen, built with go1.26.0"},
	} {
		got := FromBuildInfo(c.bi)
		if got.Version != c.version || got.String() != c.str {
			t.Errorf("%s: got version %q, %q; want %q, %q", c.name, got.Version, got.String(), c.version, c.str)
		}
		if got.Generator() != "sogen "+c.version {
			t.Errorf("%s: Generator() = %q", c.name, got.Generator())
		}
	}
}

// The tests run in this repository, from a checkout.
func TestRead(t *testing.T) {
	if got := Read(); got.Version != Devel || got.From == "" {
		t.Errorf("Read() in the repository's tests = %+v, want %s and where it came from", got, Devel)
	}
}
