// Package model turns parsed WSDL and XML Schema definitions into a description of the Go package
// sogen emits: every type, field, constant, client, method and helper variable with its final Go
// name, in a deterministic order. The emitter renders this description and decides nothing itself.
//
// Mapping rules (what each schema construct becomes) are documented on Build and in docs/mapping.md.
// The model maps a normalised parser.Set (see parser.Normalize, which resolves message bodies,
// substitution groups and repeated model groups); it refuses, with an error naming the place rather
// than silently, what sogen does not support.
package model

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/sogen-go/sogen/parser"
)

// Package is one generated Go package.
type Package struct {
	// Name is the Go package name.
	Name string
	// Sources are the input files, as given, for the generated-code header.
	Sources []string
	// Generator names the generator and its version for the generated-code header ("sogen (devel)").
	Generator string
	// Runtime is the import path of the soap runtime package.
	Runtime string
	// Namespaces are the XML namespaces the generated code names, sorted by URI.
	Namespaces []*Namespace
	// NamespacesVar is the package variable listing the namespaces a request declares up front, in
	// the order of EnvelopeNamespaces.
	NamespacesVar      string
	EnvelopeNamespaces []*Namespace
	// Types are the generated named types, sorted by Go name.
	Types []*Type
	// Arrays and Dicts are the package variables describing wrapped arrays and dictionaries.
	Arrays []*Array
	Dicts  []*Dict
	// Registry is the package variable mapping schema type names to Go types (for xsi:type).
	Registry string
	// Clients are the client types, one per port type, sorted by Go name.
	Clients []*Client
	// Faults are the typed errors of declared faults, in order of first use; they are declared in the
	// shared file.
	Faults []*FaultType

	bare map[*parser.Element]*SimpleBody // simple-typed bare body elements, resolved once
	// Notices are things the user should know about the generation (skipped bindings, ...).
	Notices []string
	// Fixups are the repairs made to the inputs (the normalisation's, then the model's), each naming
	// its file and element.
	Fixups []parser.Fixup
	// Files lists the output files and what each holds.
	Files []*File
}

// File is one output file.
type File struct {
	// Name is the file name, e.g. "types.go".
	Name string
	// Types are the named types declared in the file.
	Types []*Type
	// Clients are the clients declared in the file.
	Clients []*Client
	// Shared is true for the file holding the package-level helpers (namespaces, registry, ...).
	Shared bool
	// Server is the client whose server side the file holds (Options.Server), or nil.
	Server *Client
}

// Namespace is an XML namespace with the Go constant that names it.
type Namespace struct {
	URI   string
	Const string
	// Pkg, when set, is the import path of the package declaring Const: the xml namespace is named by
	// the runtime's constant, and is never declared (its prefix is reserved).
	Pkg string
}

// QName is an XML name whose namespace is given by a Namespace (nil for no namespace).
type QName struct {
	NS    *Namespace
	Local string
}

// IsZero reports whether q is the zero QName (an anonymous type).
func (q QName) IsZero() bool { return q.NS == nil && q.Local == "" }

// XML returns q as an xml.Name.
func (q QName) XML() xml.Name {
	if q.NS == nil {
		return xml.Name{Local: q.Local}
	}
	return xml.Name{Space: q.NS.URI, Local: q.Local}
}

// TypeKind is the kind of a generated named type.
type TypeKind int

// Type kinds.
const (
	// Struct is a complex type: a Go struct described by a descriptor table (soapimpl.Struct).
	Struct TypeKind = iota
	// Enum is an enumeration: a string type with one constant per value.
	Enum
	// Flags is a list of enumeration values (WCF flags): a string type keeping the wire text, with
	// methods to test and set the values of its Item enumeration.
	Flags
	// Scalar is a restriction of a built-in type (or a list or union kept as text): a named type over
	// the built-in's Go type.
	Scalar
)

// Type is a generated named type.
type Type struct {
	Kind   TypeKind
	GoName string
	Doc    string
	// QName is the schema type's name; zero for an anonymous type.
	QName QName

	// Struct: the embedded base type (complexContent extension), the type's own fields, the name of
	// its Presence field ("" when it has no fields), and the package variable holding its field
	// descriptors.
	Base     *Type
	Fields   []*Field
	Presence string
	// Poly is set when other types derive from this one: the interface they all implement.
	Poly *Poly
	// Registered is true when the type is in the package's type registry: a struct, or a named simple
	// type (Enum, Flags, Scalar), which then also has the method SOAPCodec, writing a value of it into
	// an xs:anyType slot with its xsi:type.
	Registered bool
	// Abstract is true for an abstract complex type: a value of it cannot be sent, only values of the
	// types derived from it.
	Abstract bool
	// Attrs are the struct's own attributes (those of an embedded base are in the base), in schema
	// order.
	Attrs []*Attr
	// AnyAttr is the field holding the attributes an xs:anyAttribute wildcard matched ("" for none).
	AnyAttr string
	// Text is the field holding the value of simple content (simpleContent, or mixed content
	// without child elements); nil for element content.
	Text *TextField
	// Mixed is the field holding mixed content (text and elements in order, as []soap.Node); "" when
	// the content is not mixed.
	Mixed string
	// RawType is, for a struct kept as XML (Mixed and AnyAttr hold all its content), the field holding
	// the xsi:type the element was read with, written back unless the writer gives one; "" otherwise.
	RawType string
	// Choices are the xs:choice groups among Fields.
	Choices []*Choice
	// ItemOfChoice is true for the struct holding one occurrence of a repeated xs:choice: it has no
	// element of its own; it is written as its chosen branch's element (soapimpl.Occurrence).
	ItemOfChoice bool
	// ItemOfSequence is true for the struct holding one occurrence of a repeated xs:sequence: it has
	// no element of its own; its fields are written in order, and each element decoded goes into the
	// occurrence it belongs to (soapimpl.Sequence).
	ItemOfSequence bool
	// BodyParts is true for the struct holding the parts of a document-style message that puts several
	// in the SOAP Body: it has no element of its own; each field is an element of the Body
	// (soapimpl.Parts).
	BodyParts bool
	// DescVar is the package variable describing the struct (a soapimpl.Struct), and TableVar the one
	// holding the descriptor table made of it. PtrVar is the
	// variable holding the codec of the struct held by pointer, when fields, array items or
	// dictionary values hold it ("" otherwise).
	DescVar, TableVar, PtrVar string

	// Enum, Flags and Scalar: the Go type underneath and the codec variable.
	Underlying *GoType
	Codec      *Codec
	// Values are an enumeration's values (Enum) .
	Values []*EnumValue
	// Numbers is true when the enumeration's values carry numbers (WCF EnumerationValue, or WCF's
	// implicit numbering).
	Numbers bool
	// Item is the enumeration of a Flags type's values.
	Item *Type
	// ItemOf is the Flags type an enumeration belongs to, when it is a flags item.
	ItemOf *Type

	// ErrorMethods are set on a struct that is the type of a reply-header status contract's error
	// block: it gets Error (and Unwrap) methods.
	ErrorMethods *ErrorMethods
}

// elementsOnly reports whether a struct's content is child elements only: no attributes, no simple
// or mixed content. Only such a request wrapper is unwrapped into method parameters.
func (t *Type) elementsOnly() bool {
	return len(t.Attrs) == 0 && t.AnyAttr == "" && t.Text == nil && t.Mixed == ""
}

// Poly describes the interface implemented by a base type and every type derived from it.
type Poly struct {
	// Interface is the interface's name, e.g. AnyCarrier.
	Interface string
	// Method is the method returning the embedded base value, e.g. AsCarrier.
	Method string
	// Var is the package variable (a soapimpl.Poly codec) encoding and decoding values of the
	// interface.
	Var string
	// Derived are the types deriving from the base, directly or not, sorted by Go name.
	Derived []*Type
}

// EnumValue is one value of an enumeration.
type EnumValue struct {
	GoName string
	Value  string
	Doc    string
	Number int64
}

// Shape is how a field's values sit on the wire.
type Shape int

// Shapes.
const (
	// Single is an element occurring at most once.
	Single Shape = iota
	// Repeated is an element with maxOccurs > 1: a Go slice, one element per value.
	Repeated
	// Wrapped is a wrapped array (ArrayOfX): a Go slice inside one element, one child per value.
	Wrapped
	// Dictionary is a WCF dictionary: a Go map inside one element, one pair element per entry.
	Dictionary
	// Wildcard is xs:any: the elements it matched, kept as []*soap.Element.
	Wildcard
	// Choices is a repeated xs:choice (or a repeated reference to the head of a substitution group): a
	// slice of pointers to a struct (Value.Type, an ItemOfChoice type) holding one occurrence each.
	Choices
	// Sequences is a repeated xs:sequence: a slice of pointers to a struct (Value.Type, an
	// ItemOfSequence type) holding one occurrence each.
	Sequences
)

// Attr is an attribute of a generated struct.
type Attr struct {
	GoName string
	Doc    string
	// Name is the attribute's name on the wire (no namespace unless qualified).
	Name QName
	// Ref is true when the field is a pointer (an optional attribute: nil leaves it out).
	Ref bool
	// Fixed is the schema's fixed value, or nil.
	Fixed *string
	// Type is the field's Go type and Codec the codec of its value.
	Type  *GoType
	Codec *Codec
	// Index is the attribute's position in its struct's descriptor variable.
	Index int
}

// TextField is the field holding the value of simple content.
type TextField struct {
	GoName string
	Doc    string
	Type   *GoType
	Codec  *Codec
}

// Choice is an xs:choice among a struct's fields.
type Choice struct {
	Required bool
	// Branches are the indexes of each branch's fields in the struct's Fields.
	Branches [][]int
}

// Field is a field of a generated struct (or of a header struct).
type Field struct {
	GoName string
	Doc    string
	// Elem is the element's name on the wire.
	Elem      QName
	Optional  bool
	Nillable  bool
	ZeroUnset bool
	// Index is the field's position in its struct's descriptor variable.
	Index int
	// Type is the field's Go type.
	Type  *GoType
	Shape Shape
	// Value says how one value (the field's, or one item's) is encoded, for Single and Repeated.
	Value *Value
	// Array and Dict are set for Wrapped and Dictionary fields.
	Array *Array
	Dict  *Dict
	// Ref is true for a simple-typed header field held by pointer (response headers).
	Ref bool
}

// ValueKind says how a value is encoded.
type ValueKind int

// Value kinds.
const (
	// SimpleValue is text converted by a codec.
	SimpleValue ValueKind = iota
	// StructValue is a generated struct held by pointer.
	StructValue
	// PolyValue is a value held in a base type's interface.
	PolyValue
	// AnyValue is an xs:anyType value held in an any.
	AnyValue
	// ArrayValue is a nested wrapped array (an array item that is itself an array).
	ArrayValue
	// DictValue is a dictionary used as an array item or dictionary value.
	DictValue
)

// Value describes the encoding of one value.
type Value struct {
	Kind  ValueKind
	Codec *Codec
	// Ref is true for a simple value held by pointer: a nillable number, boolean or date that is an
	// array item, a repeated element or a dictionary value, where nil (xsi:nil) must not become zero.
	Ref bool
	// Type is the struct type (StructValue) or the base type (PolyValue).
	Type  *Type
	Array *Array
	Dict  *Dict
}

// Codec names the codec of a simple type: a runtime variable (soapimpl.XSInt) or a package variable
// (codecWebhookState).
type Codec struct {
	Runtime bool
	Name    string
	// Ctor, BaseCodec and Type describe how a package codec variable is built:
	// soap.<Ctor>[<type>](soap.<BaseCodec>, <Type>).
	Ctor      string
	BaseCodec string
	Type      QName
	// Item is the codec of the items of a list type (Ctor ListType): soapimpl.ListType[<type>](&<Item>, <Type>).
	Item *Codec
	// Typed is set, for a package codec variable, when the table-driven runtime needs the codec to
	// know the Go type: a value of the type is held by pointer, in a slice or in a map, or is a
	// list's item. Otherwise the runtime reaches the value through a pointer converted to the
	// underlying built-in type's, and uses the built-in codec under the type's schema name.
	Typed bool

	bytes      bool // the Go type is a byte slice (nil is unset)
	emptyUnset bool // the empty string is not a value of the type (an enumeration, a pattern or minimum length excluding it), so it means unset
}

// Item describes the element holding one array item or one dictionary key or value.
type Item struct {
	Elem      QName
	Nillable  bool
	ZeroUnset bool
	Type      *GoType
	Value     *Value
}

// Array is a package variable describing a wrapped array type (ArrayOfX).
type Array struct {
	Var   string
	QName QName
	Item  *Item
	// EncItem is, for a SOAP-ENC array (a restriction of soapenc:Array), the type of its items,
	// written in the soapenc:arrayType attribute; zero otherwise. For an array of arrays it is the
	// type of the innermost items, and EncItemRanks the ranks of the items that follow it there ("[]"
	// for "xsd:byte[][n]").
	EncItem      QName
	EncItemRanks string
	// Rank is 2 for a two-dimensional SOAP-ENC array (soap.Array2D, a [][]T sent row by row), 1
	// otherwise (soap.Array, a []T).
	Rank int
}

// ArrayMaker names the runtime constructor that makes an array's codec.
type ArrayMaker int

const (
	// MakeArray is soapimpl.NewArray: items converted by one of the runtime's codecs (built-in
	// types, structs, xs:anyType), whose arrays the runtime makes.
	MakeArray ArrayMaker = iota
	// MakeEncArray is soapimpl.NewEncArray: a SOAP-ENC array of such items.
	MakeEncArray
	// MakeArrayOf is soapimpl.NewArrayOf[T]: items of a generated simple type, arrays,
	// dictionaries or polymorphic values, whose array code is instantiated in the generated
	// package, only for the item types that have arrays.
	MakeArrayOf
	// MakeArray2D is soapimpl.NewArray2D[T]: a two-dimensional SOAP-ENC array.
	MakeArray2D
)

// Maker returns the runtime constructor of the array's codec.
func (a *Array) Maker() ArrayMaker {
	switch k := a.Item.Value.Kind; {
	case a.Rank == 2:
		return MakeArray2D
	case k == ArrayValue || k == DictValue || k == PolyValue || k == SimpleValue && !a.Item.Value.Codec.Runtime:
		return MakeArrayOf
	case !a.EncItem.IsZero():
		return MakeEncArray
	}
	return MakeArray
}

// GoType returns the Go type of the array's values: []T, or [][]T for Rank 2.
func (a *Array) GoType() *GoType {
	gt := &GoType{Kind: Slice, Elem: a.Item.Type}
	if a.Rank == 2 {
		gt = &GoType{Kind: Slice, Elem: gt}
	}
	return gt
}

// Dict is a package variable describing a dictionary type.
type Dict struct {
	Var     string
	QName   QName
	Pair    QName
	Key     *Item
	Value   *Item
	Compare *Compare
}

// Compare names the function ordering dictionary keys: a standard-library function (cmp.Compare
// instantiated for the key type, or strings.Compare) or a method expression of a runtime type.
type Compare struct {
	// Pkg is the import path of the function ("cmp", "strings") or "" for a runtime method.
	Pkg  string
	Name string
	// TypeArg is the type argument for cmp.Compare, or nil.
	TypeArg *GoType
	// Runtime names a runtime type whose Compare method is used (e.g. DateTime).
	Runtime string
}

// GoKind is the kind of a Go type expression.
type GoKind int

// Go type kinds.
const (
	Basic     GoKind = iota // a predeclared type: string, int32, bool, ...
	Runtime                 // a type of the soap runtime: soap.DateTime
	XMLName                 // encoding/xml.Name
	Named                   // a generated type
	Pointer                 // *Elem
	Slice                   // []Elem
	Map                     // map[Key]Elem
	Any                     // any
	Interface               // a generated Poly interface (Type is the base)
)

// GoType is a Go type expression.
type GoType struct {
	Kind GoKind
	// Name is the predeclared or runtime type name.
	Name string
	// Type is the generated type (Named, Interface).
	Type *Type
	Elem *GoType
	Key  *GoType
}

// Client is a client for one port type.
type Client struct {
	GoName string
	Doc    string
	// PortType is the port type's name.
	PortType QName
	// File is the output file holding the client.
	File string
	// RequestHeader and ResponseHeader are the header structs (nil when the binding has none).
	RequestHeader  *Header
	ResponseHeader *Header
	// Bindings are the SOAP bindings of the port type.
	Bindings []*ClientBinding
	// Ports are the ports (endpoints) of those bindings, one constructor each.
	Ports []*ClientPort
	// Operations are the methods, in port type order.
	Operations []*Operation
	// CallMethod is the unexported method sending one call.
	CallMethod string
	// Messages is the method returning the client's message-level view of its operations, and
	// MessagesType that view's type (WebhookAgentMessages): a method per operation taking its whole
	// request and returning its whole response (see Operation.Message). Both are empty when no
	// operation needs one.
	Messages, MessagesType string
	// Caller names the client in the runtime's errors about what its user set (soapimpl.Call.Caller),
	// e.g. "services88.WebhookAgent", and Unmade is the error of a call on a client none of its
	// constructors made.
	Caller, Unmade string
	// ResultWithFailure is set when the methods return the decoded result together with the failure
	// the reply's header blocks report (soap.ResultDecoded): for a client with a response header,
	// whose CheckResponse (a Contract's, or a hand-written one) may report one.
	ResultWithFailure bool
	// Server is the server side of the port type, generated with Options.Server; nil without it.
	Server *Server
}

// Header is a struct holding the SOAP header blocks of a client's requests or responses.
type Header struct {
	GoName string
	Doc    string
	Fields []*Field
	// Presence is the field holding the blocks' wire states (soap.Presence): a block sent empty or as
	// xsi:nil, nil items and dictionary values of the blocks holding arrays and dictionaries.
	Presence string
	// Contract is a response header's reply-header status contract (CheckResponse), or nil.
	Contract *Contract
	// DescVar is the package variable describing the header struct, and TableVar the one holding
	// its descriptor table.
	DescVar, TableVar string
}

// ClientBinding is one SOAP binding of a client's port type.
type ClientBinding struct {
	// Name is the binding's name.
	Name QName
	// OpsVar is the package variable holding the binding's operations, parallel to Client.Operations.
	OpsVar  string
	Version int // 11 or 12
	Ops     []*BindingOp
}

// ClientPort is a port: an endpoint for a binding, reached through a constructor.
type ClientPort struct {
	// Constructor is the function returning a client for this port.
	Constructor string
	Doc         string
	Endpoint    string
	Binding     *ClientBinding

	port    string // the port's name, or the binding's when it has no port
	service string // the service's name ("" for a binding without port)
	suffix  string // what the constructor's name adds to New<Client> to tell the ports apart
}

// BindingOp is what a binding says about one operation.
type BindingOp struct {
	Name   string
	Action string
	// Encoded is set for an rpc/encoded operation: the runtime writes and reads its messages
	// following the SOAP 1.1 encoding (section 5).
	Encoded bool
	// InHeaders are the indexes of the request header fields the operation sends.
	InHeaders []int
}

// ResultKind is what an operation method returns besides the error.
type ResultKind int

// Result kinds.
const (
	// NoResult returns only an error.
	NoResult ResultKind = iota
	// FieldResult returns the single child of the response wrapper.
	FieldResult
	// WrapperResult returns the response wrapper struct (several children).
	WrapperResult
	// SimpleResult returns the value of a simple-typed bare response element.
	SimpleResult
)

// SimpleBody is a simple-typed, xs:anyType, wrapped array or dictionary body element: its Go type and
// its encoding (a codec for a SimpleValue, EncodeAny and DecodeAny for an AnyValue, the package
// variable for an ArrayValue or DictValue).
type SimpleBody struct {
	Type  *GoType
	Value *Value
}

// BodyKind is how the request or the reply of an operation maps to its method: a closed set, on
// which the emitter switches.
type BodyKind int

// Body kinds.
const (
	// NoBody: the request body is empty (the method takes no parameter), or the operation is one-way
	// or its reply body is empty (the method returns only an error).
	NoBody BodyKind = iota
	// WrappedBody: a struct of elements only (Request or Response). The request's children are the
	// method's parameters; the reply's single child, or the whole struct, is its result.
	WrappedBody
	// WholeBody: a struct passed or returned whole (Request or Response): a named type of the body
	// element (document/literal bare), or a struct with attributes or several children.
	WholeBody
	// ValueBody: a simple value, an xs:anyType value, a wrapped array or a dictionary (RequestSimple
	// or ResponseSimple), carried by soap.Bare, soap.BareAny, soap.BareArray or soap.BareDict.
	ValueBody
)

// Operation is a method of a client.
type Operation struct {
	GoName string
	Name   string
	Doc    string
	// RequestBody says how the request maps to the parameters.
	RequestBody BodyKind
	// Request is the request struct (WrappedBody, WholeBody) and RequestElem the request element
	// (zero for NoBody).
	Request     *Type
	RequestElem QName
	// RequestNillable is true when the request element is nillable (a nil WholeBody parameter may then
	// be sent as xsi:nil; otherwise it is an error).
	RequestNillable bool
	// Params are the method's parameters after ctx, each with its Go type.
	Params []*Param
	// ResponseBody says how the reply maps to the result.
	ResponseBody BodyKind
	// Response is the response struct (WrappedBody, WholeBody) and ResponseElem the response element
	// (zero for NoBody).
	Response     *Type
	ResponseElem QName
	Result       ResultKind
	// ResultType is the Go type of the method's result before the error (nil for NoResult).
	ResultType *GoType
	// ResultField is the response wrapper's field returned, for FieldResult.
	ResultField *Field
	// RequestSimple and ResponseSimple are the value's Go type and encoding of a ValueBody (a
	// soapimpl.Bare carries it).
	RequestSimple, ResponseSimple *SimpleBody
	// Faults are the typed errors of the faults the operation declares.
	Faults []*FaultType
	// Message is true when the operation has a message-level method, on the client's Messages view:
	// one taking the whole request (the wrapper struct, Presence included, or a soap.BareValue for a
	// simple-typed bare body) and returning the whole response, so that every state the wire allows
	// can be sent and read. It is false when the method above already takes and returns the whole
	// messages (a bare request struct or none; a whole response struct, or none); otherwise the method
	// above is a thin layer over the message-level one.
	Message bool
	// MessageDoc documents the message-level method.
	MessageDoc string
	// ResponseNillable is true when the response body element is nillable: a reply sending it as
	// xsi:nil gives a nil response struct (the methods returning the reply's child return its zero).
	ResponseNillable bool
	// OneWay is true for an operation without output (WSDL 1.1 section 2.4.1): the client expects no
	// reply, a server answers HTTP 202.
	OneWay bool
	// ServerDoc documents the method of the server interface serving the operation (Options.Server).
	ServerDoc string
}

// Param is a method parameter: one child of the request wrapper (Field), or the whole request.
type Param struct {
	Name string
	// Field is the request wrapper's field the parameter sets (WrappedBody).
	Field *Field
	// Type is the parameter's Go type.
	Type *GoType
}

// Signature renders the method's declaration as the generated code has it, for the client type
// client: func (*Client) Name(ctx context.Context, a T, opts ...soap.CallOption) (R, error).
func (o *Operation) Signature(client string) string {
	params := o.ParamList()
	if params != "" {
		params += ", "
	}
	return fmt.Sprintf("func (*%s) %s(ctx context.Context, %sopts ...soap.CallOption) %s", client, o.GoName, params, o.Results())
}

// ParamList renders the parameters between ctx and opts: "a T, b U".
func (o *Operation) ParamList() string {
	var out []string
	for _, p := range o.Params {
		out = append(out, p.Name+" "+p.Type.String())
	}
	return strings.Join(out, ", ")
}

// ParamTypes renders the types of the parameters between ctx and opts: "T, U".
func (o *Operation) ParamTypes() string {
	var out []string
	for _, p := range o.Params {
		out = append(out, p.Type.String())
	}
	return strings.Join(out, ", ")
}

// Results renders the method's results: "error" or "(R, error)".
func (o *Operation) Results() string {
	if o.ResultType == nil {
		return "error"
	}
	return "(" + o.ResultType.String() + ", error)"
}
