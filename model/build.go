package model

import (
	"encoding/xml"
	"errors"
	"fmt"
	"go/token"
	"strings"

	"github.com/sogen-go/sogen/parser"
)

// xmlNamespace is the namespace bound to the reserved prefix xml (xml:lang, xml:space).
const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

// DefaultRuntime is the import path of the soap runtime package.
const DefaultRuntime = "github.com/sogen-go/sogen/soap"

// Options configures Build.
type Options struct {
	// Package is the Go package name (required).
	Package string
	// ClientSuffix is appended to a port type's name to name its client type (default "Client").
	ClientSuffix string
	// Sources are the input file names recorded in the generated files' header.
	Sources []string
	// Generator names the generator and its version in the generated files' header ("sogen v1.2.3");
	// empty records none.
	Generator string
	// Runtime is the import path of the soap runtime (default DefaultRuntime).
	Runtime string
	// Lenient keeps a complex type sogen cannot map as XML (its content in a []soap.Node, its
	// attributes in a []xml.Attr) and leaves out an operation or header it cannot map, each a
	// parser.Unmapped fix-up in Package.Fixups. Without it, these are errors suggesting it.
	Lenient bool
	// StatusHeaders says which response header blocks report a call's failure (see StatusHeaders).
	StatusHeaders StatusHeaders
	// Server generates the server side of every port type too (see Server): an interface to
	// implement, a type answering "not implemented" to embed, and an http.Handler per port, in one
	// more file per port type. The rest of the package is the same with or without it.
	Server bool
}

// Error is a model error: a construct sogen cannot map, located in the input.
type Error struct {
	Pos parser.Pos
	Msg string
	// Hint is what would get past the error, when something would (see parser.HintOf).
	Hint parser.Hint
}

// at returns the message of e for a report located at pos: without e's position when it is pos.
func (e *Error) at(pos parser.Pos) string {
	if e.Pos == pos {
		return e.Msg
	}
	return e.Error()
}

func (e *Error) Error() string {
	if e.Pos.File == "" {
		return e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// ErrorHint returns the hint of e (the zero Hint when there is none).
func (e *Error) ErrorHint() parser.Hint { return e.Hint }

func errorf(pos parser.Pos, format string, args ...any) error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// lenientf returns an error at pos that Options.Lenient would get past as effect says.
func lenientf(pos parser.Pos, effect, format string, args ...any) error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...), Hint: parser.Hint{Kind: parser.HintLenient, Effect: effect}}
}

// CheckPackageName returns a *PackageNameError saying why name cannot name the generated package, or
// nil: it must be a Go identifier other than a keyword and "_", and not "main", whose package is a
// program that nothing can import (and that needs a func main to build).
func CheckPackageName(name string) error {
	switch {
	case name == "":
		return errors.New("no package name")
	case !token.IsIdentifier(name) || token.IsKeyword(name) || name == "_":
		return &PackageNameError{Name: name, Reason: "is not a valid Go package name"}
	case name == "main":
		return &PackageNameError{Name: name, Reason: "cannot name the generated package: a main package is a program, which nothing can import, and needs a func main"}
	}
	return nil
}

// PackageNameError is a package name sogen cannot generate: Reason completes a sentence whose
// subject is the name ("is not a valid Go package name").
type PackageNameError struct {
	Name, Reason string
}

func (e *PackageNameError) Error() string { return fmt.Sprintf("%q %s", e.Name, e.Reason) }

// Build maps the normalised definitions (see parser.Normalize) to a Go package description: it decides
// every Go name and type, and rewrites nothing.
//
// The mapping, in short:
//   - a named complex type becomes a struct; complexContent extension embeds the base struct, whose
//     fields are encoded first; a base type with derived types also gets an interface (AnyBase)
//     that the base and every derived type implement, used for fields declared with the base type;
//   - a complex type named ArrayOfX whose content is one repeated element becomes a Go slice []X
//     wherever it is used (no named type);
//   - a complex type annotated IsDictionary (WCF) becomes a Go map wherever it is used;
//   - a string enumeration becomes a string type with a constant per value; an xs:list of an
//     enumeration (WCF flags) becomes a string type keeping the wire text, with methods over an
//     enumeration of its values;
//   - a restriction of a built-in type becomes a named type over the built-in's Go type when that is a
//     predeclared type, and the built-in's Go type itself otherwise (DateTime, Duration, ...);
//   - an element with maxOccurs > 1 becomes a slice; a complex-typed element is held by pointer; an
//     xs:anyType element is held in an any;
//   - each port type with a SOAP binding becomes a client type with one method per operation, whose
//     parameters are the request wrapper's children and whose result is the response wrapper's child
//     (or the wrapper itself when it has several children).
func Build(set *parser.Set, opts Options) (*Package, error) {
	if !set.Normalized() {
		return nil, errors.New("model: the definitions are not normalised (parser.Normalize)")
	}
	if err := CheckPackageName(opts.Package); err != nil {
		return nil, err
	}
	if opts.ClientSuffix == "" {
		opts.ClientSuffix = "Client"
	}
	if opts.Runtime == "" {
		opts.Runtime = DefaultRuntime
	}
	b := &builder{
		set:        set,
		opts:       opts,
		pkg:        &Package{Name: opts.Package, Sources: opts.Sources, Generator: opts.Generator, Runtime: opts.Runtime},
		scope:      NewScope("soap", "soapimpl", "xml", "context", "errors", "strings", "cmp", "http", "init", "main"),
		ns:         map[string]*Namespace{},
		structs:    map[*parser.ComplexType]*Type{},
		named:      map[xml.Name]*Type{},
		simples:    map[xml.Name]*simpleRes{},
		arrays:     map[xml.Name]*Array{},
		anonArrays: map[*parser.ComplexType]*Array{},
		dicts:      map[xml.Name]*Dict{},
	}
	for _, s := range set.Schemas {
		if s.TargetNamespace == parser.NSSerialization {
			b.wcf = true
		}
	}
	steps := []func() error{
		b.classify,
		b.nameTypes,
		b.inheritance,
		b.buildSimpleTypes,
		b.buildStructs,
		b.buildClients,
		b.checkNamed,
		b.finish,
		b.servers,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return b.pkg, nil
}

type builder struct {
	set   *parser.Set
	opts  Options
	pkg   *Package
	scope *Scope
	files *Scope // the names of the output files
	wcf   bool

	ns      map[string]*Namespace
	structs map[*parser.ComplexType]*Type // struct types by their definition
	named   map[xml.Name]*Type            // named types by schema type name
	simples map[xml.Name]*simpleRes       // named simple types, resolved
	arrays  map[xml.Name]*Array
	// anonArrays are the anonymous SOAP-ENC array types of the items of arrays of arrays.
	anonArrays map[*parser.ComplexType]*Array
	dicts      map[xml.Name]*Dict

	// work lists, in a deterministic order
	structList []*structWork
	simpleList []xml.Name
	polyBases  []*Type

	// partsElems are the stand-in body elements of messages with several body parts (see partsElement).
	partsElems map[string]*parser.Element

	// contracts collects the clients' reply-header status contracts.
	contracts contracts

	// lineages are the scopes of the names the fields of derived types may not take (see lineage).
	lineages map[*Type]*Scope
}

// structWork is a struct type still to be filled.
type structWork struct {
	t     *Type
	ct    *parser.ComplexType
	elem  xml.Name // the global element whose anonymous type this is, if any
	scope *Scope
	// choices are the xs:choice groups met while filling the struct; groups are the named groups
	// being expanded (to stop a group containing itself).
	choices []*Choice
	groups  map[xml.Name]bool
	// raw is set once the struct keeps its content as XML (see rawStruct).
	raw bool
}

func (b *builder) namespace(uri string) *Namespace {
	if uri == "" {
		return nil
	}
	if uri == xmlNamespace {
		return &Namespace{URI: uri, Const: "XMLNamespace", Pkg: b.opts.Runtime}
	}
	n := b.ns[uri]
	if n == nil {
		n = &Namespace{URI: uri}
		b.ns[uri] = n
	}
	return n
}

func (b *builder) qname(n xml.Name) QName {
	return QName{NS: b.namespace(n.Space), Local: n.Local}
}

// primary is the namespace that wins name clashes: the target namespace of the first port type.
func (b *builder) primary() string {
	if len(b.set.PortTypes) > 0 {
		return b.set.PortTypes[0].Name.Space
	}
	return ""
}

func names[T any](m map[xml.Name]*T) []xml.Name {
	out := make([]xml.Name, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	return out
}

// classify decides which named complex types are arrays, dictionaries or structs, and which global
// elements with anonymous types become structs.
func (b *builder) classify() error {
	complexNames := names(b.set.ComplexTypes)
	b.set.SortNames(complexNames)
	bases := b.set.Bases()
	for _, n := range complexNames {
		ct := b.set.ComplexTypes[n]
		switch {
		case ct.IsDictionary && parser.DictEntry(ct) != nil && !bases[n]:
			b.dicts[n] = &Dict{QName: b.qname(n)}
		case parser.ArrayItem(ct) != nil && !bases[n]:
			b.arrays[n] = &Array{QName: b.qname(n)}
		default:
			t := &Type{Kind: Struct, QName: b.qname(n), Registered: true}
			b.structs[ct] = t
			b.named[n] = t
			b.structList = append(b.structList, &structWork{t: t, ct: ct})
		}
	}
	elemNames := names(b.set.Elements)
	b.set.SortNames(elemNames)
	for _, n := range elemNames {
		e := b.set.Elements[n]
		if e.Complex == nil {
			continue
		}
		t := &Type{Kind: Struct}
		b.structs[e.Complex] = t
		b.structList = append(b.structList, &structWork{t: t, ct: e.Complex, elem: n})
	}
	simpleNames := names(b.set.SimpleTypes)
	b.set.SortNames(simpleNames)
	b.simpleList = simpleNames
	return nil
}

// nameTypes claims the Go names of the named types, the element wrapper structs, and the package
// variables derived from them, in priority order.
func (b *builder) nameTypes() error {
	for _, w := range b.structList {
		if w.t.QName.IsZero() {
			continue
		}
		w.t.GoName = b.scope.Claim(Exported(w.t.QName.Local), "Type")
	}
	for _, n := range b.simpleList {
		if _, err := b.simple(n); err != nil {
			return err
		}
	}
	for _, w := range b.structList {
		if w.t.GoName != "" {
			continue
		}
		// a global element with an anonymous type: the element's name
		w.t.GoName = b.scope.Claim(Exported(w.elem.Local), "Element")
	}
	return nil
}

func (b *builder) buildSimpleTypes() error {
	for _, n := range b.simpleList {
		if _, err := b.simple(n); err != nil {
			return err
		}
	}
	return nil
}

func qstring(q QName) string {
	if q.NS == nil {
		return q.Local
	}
	return "{" + q.NS.URI + "}" + q.Local
}

func joinDoc(a, b string) string {
	b = strings.TrimSpace(b)
	if b == "" {
		return a
	}
	return a + "\n\n" + b
}
