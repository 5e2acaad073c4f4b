package roundtripgen

import (
	"bytes"
	"fmt"
	"go/format"
	"go/types"
	"os"
	"path"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/sogen-go/sogen/internal/golden"
)

const (
	goldenPrefix = "github.com/sogen-go/sogen/golden/"
	outFile      = "../behaviour/roundtrip_impls_test.go"
)

// TestRoundTripImpls generates the implementations of every golden server interface and compares
// them with the committed file (go test -update rewrites it).
func TestRoundTripImpls(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the golden packages with the go command")
	}
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedFiles, Dir: "../.."}
	pkgs, err := packages.Load(cfg, "./golden/...")
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].PkgPath < pkgs[j].PkgPath })
	imports := map[string]string{"context": "context", "reflect": "reflect"}
	var impls, table bytes.Buffer
	qualifier := func(p *types.Package) string {
		imports[p.Path()] = p.Name()
		return p.Name()
	}
	servers := 0
	var impls2 bytes.Buffer // the implementers of the interfaces of derived types
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("%s: %v", p.PkgPath, p.Errors)
		}
		if !strings.HasPrefix(p.PkgPath, goldenPrefix) {
			continue
		}
		// Reading the files makes go test's cache depend on them (go list, which read them for
		// packages.Load, is another process).
		for _, f := range p.GoFiles {
			if _, err := os.ReadFile(f); err != nil {
				t.Fatal(err)
			}
		}
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			obj, ok := scope.Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			if iface, ok := obj.Type().Underlying().(*types.Interface); ok && isPoly(iface) {
				var list []string
				for _, tn := range scope.Names() {
					o, ok := scope.Lookup(tn).(*types.TypeName)
					if ok && !types.IsInterface(o.Type()) && types.Implements(types.NewPointer(o.Type()), iface) {
						list = append(list, fmt.Sprintf("new(%s.%s)", p.Types.Name(), tn))
					}
				}
				qualifier(p.Types)
				fmt.Fprintf(&impls2, "	{iface: reflect.TypeFor[%s.%s](), types: []any{%s}},\n", p.Types.Name(), name, strings.Join(list, ", "))
				continue
			}
			if !strings.HasSuffix(name, "Server") || strings.HasPrefix(name, "Unimplemented") {
				continue
			}
			iface, ok := obj.Type().Underlying().(*types.Interface)
			if !ok {
				continue
			}
			servers++
			pt := strings.TrimSuffix(name, "Server")
			impl := "rt" + exported(p.Types.Name()) + name
			qualifier(p.Types)
			fmt.Fprintf(&impls, "// %s hands the calls of %s.%s to the recorder.\ntype %s struct{ rec *recorder }\n\n", impl, p.Types.Name(), name, impl)
			for i := 0; i < iface.NumMethods(); i++ {
				m := iface.Method(i)
				sig := m.Type().(*types.Signature)
				var params, args []string
				for k := 0; k < sig.Params().Len(); k++ {
					params = append(params, fmt.Sprintf("a%d %s", k, types.TypeString(sig.Params().At(k).Type(), qualifier)))
					if k > 0 {
						args = append(args, fmt.Sprintf("a%d", k))
					}
				}
				res := sig.Results()
				if res.Len() == 1 {
					fmt.Fprintf(&impls, "func (s %s) %s(%s) error {\n\t_, err := s.rec.serve(a0, %q, []any{%s})\n\treturn err\n}\n\n",
						impl, m.Name(), strings.Join(params, ", "), m.Name(), strings.Join(args, ", "))
				} else {
					rt := types.TypeString(res.At(0).Type(), qualifier)
					fmt.Fprintf(&impls, "func (s %s) %s(%s) (%s, error) {\n\tv, err := s.rec.serve(a0, %q, []any{%s})\n\tr, _ := v.(%s)\n\treturn r, err\n}\n\n",
						impl, m.Name(), strings.Join(params, ", "), rt, m.Name(), strings.Join(args, ", "), rt)
				}
			}
			// The handler constructors, each with the client constructor of its port.
			var ports []string
			for _, fn := range scope.Names() {
				suffix, ok := strings.CutPrefix(fn, "New"+pt+"Handler")
				if !ok {
					continue
				}
				client := "New" + pt + clientWord(scope, pt) + suffix
				if _, ok := scope.Lookup(client).(*types.Func); !ok {
					client = ""
				}
				if client == "" {
					t.Fatalf("%s: no client constructor for the port of %s", p.PkgPath, fn)
				}
				ports = append(ports, fmt.Sprintf("{handler: %[1]s.%[2]s, client: %[1]s.%[3]s(nil)}", p.Types.Name(), fn, client))
			}
			if len(ports) == 0 {
				t.Fatalf("%s: no handler constructor for %s", p.PkgPath, name)
			}
			extra := ""
			var wrappers []string
			for i := 0; i < iface.NumMethods(); i++ {
				m := iface.Method(i)
				if o, ok := scope.Lookup(m.Name()).(*types.TypeName); ok && types.NewMethodSet(types.NewPointer(o.Type())).Lookup(p.Types, "SOAPType") != nil {
					wrappers = append(wrappers, fmt.Sprintf("%q: new(%s.%s)", m.Name(), p.Types.Name(), o.Name()))
				}
			}
			if len(wrappers) > 0 {
				extra += ", wrappers: map[string]soapimpl.Message{" + strings.Join(wrappers, ", ") + "}"
				imports["github.com/sogen-go/sogen/soap/soapimpl"] = "soapimpl"
			}
			for _, h := range []string{"RequestHeader", "ResponseHeader"} {
				if o, ok := scope.Lookup(pt + h).(*types.TypeName); ok {
					extra += fmt.Sprintf(", %s: func() any { return new(%s.%s) }", strings.ToLower(h[:1])+h[1:], p.Types.Name(), o.Name())
				}
			}
			fmt.Fprintf(&table, "\t{pkg: %q, server: %q, impl: func(rec *recorder) any { return %s{rec} }%s, ports: []rtPort{\n", p.Types.Name(), name, impl, extra)
			for _, port := range ports {
				fmt.Fprintf(&table, "\t\t%s,\n", port)
			}
			table.WriteString("\t}},\n")
		}
	}
	if servers == 0 {
		t.Fatal("no server interface in the golden packages")
	}
	var out bytes.Buffer
	out.WriteString("// Code generated by internal/roundtripgen (go test ./internal/roundtripgen -update). DO NOT EDIT.\n\npackage behaviour_test\n\nimport (\n")
	paths := make([]string, 0, len(imports))
	for p := range imports {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if path.Base(p) != imports[p] {
			fmt.Fprintf(&out, "\t%s %q\n", imports[p], p)
		} else {
			fmt.Fprintf(&out, "\t%q\n", p)
		}
	}
	out.WriteString(")\n\n// roundTripServers are the server interfaces of the golden packages, with their ports.\nvar roundTripServers = []rtServer{\n")
	out.Write(table.Bytes())
	out.WriteString("}\n\n// roundTripImplementers are the types implementing each interface of a base type with derived types.\nvar roundTripImplementers = []rtImplementers{\n")
	out.Write(impls2.Bytes())
	out.WriteString("}\n\n")
	out.Write(impls.Bytes())
	src, err := format.Source(out.Bytes())
	if err != nil {
		t.Fatalf("formatting: %v\n%s", err, out.Bytes())
	}
	if golden.Updating() {
		if err := os.WriteFile(outFile, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old, err := os.ReadFile(outFile)
	if err != nil || !bytes.Equal(old, src) {
		t.Errorf("%s is stale: run go test ./internal/roundtripgen -update", outFile)
	}
}

// clientWord returns the word the client constructors of port type pt add to its name ("Client"):
// the name of the client type (fields Endpoint, Client and ops) whose name starts with pt.
func clientWord(scope *types.Scope, pt string) string {
	for _, n := range scope.Names() {
		rest, ok := strings.CutPrefix(n, pt)
		if !ok || rest == "" {
			continue
		}
		tn, ok := scope.Lookup(n).(*types.TypeName)
		if !ok {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			fields := map[string]bool{}
			for i := 0; i < st.NumFields(); i++ {
				fields[st.Field(i).Name()] = true
			}
			if fields["Endpoint"] && fields["Client"] && fields["ops"] {
				return rest
			}
		}
	}
	return "Client"
}

func exported(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// isPoly reports whether iface is the interface of a base type with derived types (AnyShape): the
// generated Message and an As<Base> method.
func isPoly(iface *types.Interface) bool {
	if iface.NumMethods() != 2 {
		return false
	}
	for i := 0; i < 2; i++ {
		if strings.HasPrefix(iface.Method(i).Name(), "As") {
			return true
		}
	}
	return false
}
