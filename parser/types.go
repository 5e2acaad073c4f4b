// Package parser reads WSDL 1.1 documents and the XML Schemas they hold or import into raw
// definitions, with every QName resolved to {namespace, local name} (Load), and normalises them for
// the model (Normalize: fix-ups, reference and XML Schema checks, message bodies, substitution groups
// and repeated groups rewritten); Read does both through a Resolver, and Parse from an fs.FS.
//
// Input comes from a Resolver (FS reads an fs.FS) and a list of roots; the parser does no input of
// its own, and tells the Resolver nothing but locations: relative paths resolved against the referring
// document, and absolute URLs (a document read from a URL only ever leads to URLs). Documents are
// decoded from their character encoding (UTF-8, UTF-16, or what their XML declaration names) before
// parsing. Files reached through wsdl:import, xs:import and xs:include are loaded once each, whatever
// path reaches them. Definitions of the same kind and qualified name met in several files collapse
// into one when they are identical, and are an error naming both places when they differ.
//
// Errors state the problem; what would get past one (Options.Lenient, turning Options.Strict off, a
// copy of a remote document) is a typed Hint (HintOf), which the sogen command words as its flags.
//
// What the parser keeps is what a client generator needs: the structure of types and elements,
// occurrence constraints, nillability, WCF data-contract annotations (IsDictionary, IsValueType,
// EnumerationValue, ActualType), documentation, and the WSDL messages, port types, bindings (SOAP 1.1
// and 1.2) and services. It drops identity constraints (key, keyref, unique), xs:notation, blockDefault
// and finalDefault, and facets other than enumeration are kept only as text for documentation.
package parser

import (
	"encoding/xml"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Namespaces the parser understands.
const (
	NSXSD    = "http://www.w3.org/2001/XMLSchema"
	NSWSDL   = "http://schemas.xmlsoap.org/wsdl/"
	NSSOAP11 = "http://schemas.xmlsoap.org/wsdl/soap/"
	NSSOAP12 = "http://schemas.xmlsoap.org/wsdl/soap12/"
	NSHTTP   = "http://schemas.xmlsoap.org/wsdl/http/"
	// NSSerialization is the namespace of WCF's data-contract schema annotations.
	NSSerialization = "http://schemas.microsoft.com/2003/10/Serialization/"
	NSWSAW          = "http://www.w3.org/2006/05/addressing/wsdl"
	NSWSAM          = "http://www.w3.org/2007/05/addressing/metadata"
	// NSXML is the namespace the prefix xml is bound to (xml:lang, xml:space), which no schema declares.
	NSXML = "http://www.w3.org/XML/1998/namespace"
)

// Pos locates a definition: the file (as named in the FS) and the element path inside it, such as
// /wsdl:definitions/wsdl:types/xs:schema[1]/xs:complexType[@name='Webhook'].
type Pos struct {
	File string
	Path string
}

func (p Pos) String() string {
	if p.Path == "" {
		return p.File
	}
	return p.File + ": " + p.Path
}

// Error is a problem in the input, located.
type Error struct {
	Pos Pos
	Msg string
	Err error
	// Hint is what would get past the error, when something would (see HintOf).
	Hint Hint

	// unmappable marks an error about a construct that is valid but that sogen does not map, inside
	// a complex type: with Options.Lenient the type is kept as XML instead.
	unmappable bool
}

func (e *Error) Error() string {
	msg := e.Msg
	if e.Err != nil {
		if msg != "" {
			msg += ": "
		}
		msg += e.Err.Error()
	}
	if e.Pos.File == "" {
		return elideLongWords(msg)
	}
	return elideLongWords(e.Pos.String() + ": " + msg)
}

// elideLongWords shortens every run of more than 512 non-space bytes (a huge name or attribute value
// quoted in a message, or a path holding one) to its first and last 120 bytes around a note of how
// much was left out, so that an error stays readable whatever the input holds.
func elideLongWords(s string) string {
	const max, keep = 512, 120
	var b strings.Builder
	start := -1
	flush := func(end int) {
		w := s[start:end]
		if len(w) > max {
			head, tail := keep, len(w)-keep
			for head > 0 && !utf8.RuneStart(w[head]) {
				head--
			}
			for tail < len(w) && !utf8.RuneStart(w[tail]) {
				tail++
			}
			w = w[:head] + fmt.Sprintf("...(%d bytes)...", tail-head) + w[tail:]
		}
		b.WriteString(w)
		start = -1
	}
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'
		switch {
		case space && start >= 0:
			flush(i)
			b.WriteByte(s[i])
		case space:
			b.WriteByte(s[i])
		case start < 0:
			start = i
		}
	}
	if start >= 0 {
		flush(len(s))
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

func errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// Unbounded is the MaxOccurs of an element with maxOccurs="unbounded".
const Unbounded = -1

// SimpleType is an xs:simpleType. Exactly one of Restriction, List and Union is set.
type SimpleType struct {
	Name        xml.Name // zero for an anonymous type
	Pos         Pos      `json:"-"`
	Doc         string   `json:"-"`
	Restriction *Restriction
	List        *List
	Union       *Union
	// ActualType is WCF's ActualType annotation: the CLR type behind an enumeration (e.g. xs:short).
	ActualType xml.Name
}

// Restriction is xs:restriction of a simple type.
type Restriction struct {
	Base     xml.Name    // the named base type, or zero when BaseType is set
	BaseType *SimpleType // an anonymous base type
	Enums    []Enum
	Facets   []Facet // facets other than enumeration, in document order
}

// Enum is an xs:enumeration facet.
type Enum struct {
	Value string
	Doc   string `json:"-"`
	// Number is WCF's EnumerationValue annotation, when present.
	Number *int64
}

// Facet is a constraining facet other than enumeration (pattern, length, minInclusive, ...).
type Facet struct {
	Kind  string
	Value string
}

// List is xs:list.
type List struct {
	ItemType xml.Name    // the named item type, or zero when Item is set
	Item     *SimpleType // an anonymous item type
}

// Union is xs:union.
type Union struct {
	MemberTypes []xml.Name
	Members     []*SimpleType
}

// Derivation says how a complex type derives from its base.
type Derivation int

// Derivations.
const (
	NoDerivation Derivation = iota
	Extension
	Restricted
)

// ContentKind is the kind of content a complex type has.
type ContentKind int

// Content kinds.
const (
	ElementContent ContentKind = iota // a particle (or nothing: empty content)
	SimpleContent                     // a simple value with attributes
)

// ComplexType is an xs:complexType.
type ComplexType struct {
	Name     xml.Name // zero for an anonymous type
	Pos      Pos      `json:"-"`
	Doc      string   `json:"-"`
	Abstract bool
	Mixed    bool
	Content  ContentKind
	// Base and Derivation describe complexContent or simpleContent derivation.
	Base       xml.Name
	Derivation Derivation
	// Particle is the type's own particle (for an extension: what it adds to the base); nil for empty content.
	Particle     *Particle
	Attributes   []*Attribute
	AnyAttribute bool
	// IsDictionary and IsValueType are WCF's data-contract annotations.
	IsDictionary bool
	IsValueType  bool
	// EncArray is, for a SOAP-ENC array type (a restriction of soapenc:Array), the type of its items
	// (for an array of arrays, the type of the items of the innermost arrays); the parser has
	// replaced the derivation by a sequence of one repeated item element.
	EncArray xml.Name `json:",omitzero"`
	// EncRank is, for a SOAP-ENC array, its number of dimensions: 1 (written as 0) or 2 (SOAP 1.1
	// section 5.4.2, arrayType="xsd:string[,]": the items of all rows in one sequence, row by row).
	EncRank int `json:",omitzero"`
	// EncItemRanks is, for a SOAP-ENC array of arrays, the ranks of its items as the arrayType
	// attribute writes them after EncArray ("[]" for "xsd:byte[][]"); the item element's type is then
	// an anonymous SOAP-ENC array type. It is empty for an array of anything else.
	EncItemRanks string `json:",omitzero"`
	// Unmapped is, with Options.Lenient, why sogen cannot map the type (set while reading it); the
	// model keeps its content as XML. Empty otherwise.
	Unmapped string `json:",omitzero"`
	// KeptAsXML is, when Normalize could not know the type's content, why: its base type is not
	// defined, or it derives from a type whose base is not. Normalize has removed its base, content
	// and attributes, recording an AnyContent fix-up; the model keeps its content as XML, in full.
	// Empty otherwise.
	KeptAsXML string `json:",omitzero"`
}

// ParticleKind is the kind of a Particle.
type ParticleKind int

// Particle kinds.
const (
	Sequence ParticleKind = iota
	Choice
	All
	ElementParticle
	AnyParticle
	GroupRef
)

func (k ParticleKind) String() string {
	return [...]string{"sequence", "choice", "all", "element", "any", "group"}[k]
}

// Particle is a model group (sequence, choice, all), an element, a wildcard or a group reference,
// with its occurrence range.
type Particle struct {
	Kind      ParticleKind
	Pos       Pos `json:"-"`
	MinOccurs int
	MaxOccurs int // Unbounded for maxOccurs="unbounded"
	Children  []*Particle
	Element   *Element // for ElementParticle
	Ref       xml.Name // for GroupRef
	Namespace string   // for AnyParticle: the namespace attribute

	// Set by Normalize:

	// Head is, for the xs:choice Normalize made of a reference to the head of a substitution group (or
	// to an abstract element), the head: the choice's branches are the elements that may stand for it.
	Head xml.Name `json:",omitzero"`
	// Occurrence is, for a repeated xs:choice or xs:sequence (maxOccurs other than 1) that is not one
	// element or wildcard repeated, the anonymous type of one occurrence: the group with minOccurs
	// and maxOccurs 1 (a choice's branches each occurring once). The model maps the particle to a
	// slice of it.
	Occurrence *ComplexType `json:"-"`
}

// Element is an element declaration (global or local) or an element reference.
type Element struct {
	// Name is the element's qualified name on the wire: global elements and local elements whose
	// form is qualified are in the schema's target namespace; unqualified local elements have an
	// empty Space.
	Name xml.Name
	Pos  Pos    `json:"-"`
	Doc  string `json:"-"`
	// Ref is set for <xs:element ref="..."/>; the other fields are then empty.
	Ref xml.Name
	// Type is the named type; zero when the type is anonymous (Simple or Complex set) or absent
	// (xs:anyType).
	Type     xml.Name
	Simple   *SimpleType
	Complex  *ComplexType
	Nillable bool
	Abstract bool
	Default  *string
	Fixed    *string
	// SubstitutionGroup is the head element this one may substitute.
	SubstitutionGroup xml.Name
}

// Attribute is an attribute declaration or reference.
type Attribute struct {
	Name     xml.Name
	Pos      Pos `json:"-"`
	Ref      xml.Name
	Type     xml.Name
	Simple   *SimpleType
	Use      string // "optional", "required" or "prohibited"
	Default  *string
	Fixed    *string
	GroupRef xml.Name // for an attributeGroup reference
}

// Group is a named model group (xs:group).
type Group struct {
	Name     xml.Name
	Pos      Pos `json:"-"`
	Particle *Particle
}

// AttributeGroup is a named attribute group.
type AttributeGroup struct {
	Name         xml.Name
	Pos          Pos `json:"-"`
	Attributes   []*Attribute
	AnyAttribute bool
}

// Schema is one xs:schema (a file or a block inside wsdl:types).
type Schema struct {
	TargetNamespace    string
	ElementQualified   bool
	AttributeQualified bool
	Pos                Pos
}

// Message is a wsdl:message.
type Message struct {
	Name  xml.Name
	Pos   Pos    `json:"-"`
	Doc   string `json:"-"`
	Parts []*Part
}

// Part is a wsdl:part: it names either an element or a type.
type Part struct {
	Name    string
	Element xml.Name
	Type    xml.Name
}

// PortType is a wsdl:portType.
type PortType struct {
	Name       xml.Name
	Pos        Pos    `json:"-"`
	Doc        string `json:"-"`
	Operations []*Operation
}

// Operation is an operation of a port type.
type Operation struct {
	Name           string
	Pos            Pos    `json:"-"`
	Doc            string `json:"-"`
	Input          *IO
	Output         *IO
	Faults         []*IO
	ParameterOrder []string
}

// IO is the input, output or a fault of an operation.
type IO struct {
	Name    string
	Message xml.Name
	// Action is the WS-Addressing action (wsaw:Action or wsam:Action), if given.
	Action string
}

// Protocol is the protocol of a binding.
type Protocol int

// Protocols.
const (
	OtherProtocol Protocol = iota
	SOAP11
	SOAP12
	HTTP
)

func (p Protocol) String() string {
	return [...]string{"other", "SOAP 1.1", "SOAP 1.2", "HTTP"}[p]
}

// Binding is a wsdl:binding.
type Binding struct {
	Name       xml.Name
	Pos        Pos      `json:"-"`
	Doc        string   `json:"-"`
	Type       xml.Name // the port type
	Protocol   Protocol
	Transport  string
	Style      string // default style of its operations: "document" or "rpc" ("" means document)
	Operations []*BindingOperation
}

// BindingOperation is an operation of a binding.
type BindingOperation struct {
	Name   string
	Pos    Pos    `json:"-"`
	Action string // soapAction
	Style  string // "document", "rpc" or "" (the binding's)
	Input  *BindingIO
	Output *BindingIO
	Faults []*BindingFault
}

// BindingIO is the input or output of a binding operation.
type BindingIO struct {
	Name    string
	Body    *Body
	Headers []*Header

	// Set by Normalize for the inputs and outputs of the operations of SOAP bindings:

	// BodyKind says what the SOAP Body of the message holds, and Element is that element: the rpc
	// wrapper (RPCBody, also listed in Set.Elements), the element of the one part (ElementBody), or a
	// stand-in for several parts side by side (PartsBody: an element named after the first part's
	// element, whose anonymous type is a sequence of references to the parts' elements, in order; it
	// is never written itself). Element is nil for an EmptyBody.
	BodyKind BodyKind `json:"-"`
	Element  *Element `json:"-"`
	// Parts are the message parts the Body holds, in message order (for every kind of body).
	Parts []*Part `json:"-"`
	// Message is the message the input or output carries.
	Message *Message `json:"-"`
}

// BodyKind is what the SOAP Body of a message holds (see BindingIO).
type BodyKind int

// Body kinds.
const (
	// EmptyBody: no part goes in the Body.
	EmptyBody BodyKind = iota
	// ElementBody: document style, one part naming an element.
	ElementBody
	// PartsBody: document style, several parts each naming an element, side by side (WSDL 1.1 section
	// 3.5; WS-I Basic Profile 1.1 R2201 forbids it).
	PartsBody
	// RPCBody: rpc style (literal or encoded), a wrapper element named after the operation holding
	// one accessor per part (WSDL 1.1 section 3.5).
	RPCBody
)

func (k BodyKind) String() string {
	return [...]string{"empty", "element", "parts", "rpc"}[k]
}

// Body is soap:body.
type Body struct {
	Use           string   // "literal" or "encoded"
	Parts         []string // nil means all parts
	Namespace     string
	EncodingStyle string
}

// Header is soap:header.
type Header struct {
	Message xml.Name
	Part    string
	Use     string
}

// BindingFault is a binding operation's fault.
type BindingFault struct {
	Name string
	Use  string
}

// Service is a wsdl:service.
type Service struct {
	Name  xml.Name
	Pos   Pos    `json:"-"`
	Doc   string `json:"-"`
	Ports []*Port
}

// Port is a wsdl:port.
type Port struct {
	Name     string
	Binding  xml.Name
	Address  string
	Protocol Protocol
}
