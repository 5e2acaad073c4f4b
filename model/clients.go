package model

import (
	"encoding/xml"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/sogen-go/sogen/parser"
)

// buildClients makes one client per port type with at least one SOAP binding.
func (b *builder) buildClients() error {
	for _, pt := range b.set.PortTypes {
		// A port type with a SOAP binding free of SOAP encoding gets its client from the literal
		// bindings only: the encoded ones are skipped, with a notice.
		literal := false
		for _, bd := range b.set.Bindings {
			if bd.Type == pt.Name && (bd.Protocol == parser.SOAP11 || bd.Protocol == parser.SOAP12) && !parser.EncodedAny(bd) {
				literal = true
			}
		}
		var bindings []*parser.Binding
		for _, bd := range b.set.Bindings {
			if bd.Type != pt.Name {
				continue
			}
			if bd.Protocol != parser.SOAP11 && bd.Protocol != parser.SOAP12 {
				b.pkg.Notices = append(b.pkg.Notices, fmt.Sprintf("%s: binding %s uses the %s protocol, which sogen does not generate clients for; skipped", bd.Pos, bd.Name.Local, bd.Protocol))
				continue
			}
			if literal && parser.EncodedAny(bd) {
				why := ""
				for _, bop := range bd.Operations {
					if parser.Encoded(bop) {
						why = fmt.Sprintf("operation %s is %s/encoded", bop.Name, parser.OperationStyle(bd, bop))
						break
					}
				}
				b.pkg.Notices = append(b.pkg.Notices, fmt.Sprintf("%s: skipped binding %s, which uses SOAP encoding (%s), as port type %s has a literal one", bd.Pos, bd.Name.Local, why, pt.Name.Local))
				continue
			}
			bindings = append(bindings, bd)
		}
		if len(bindings) == 0 {
			b.pkg.Notices = append(b.pkg.Notices, fmt.Sprintf("%s: port type %s has no SOAP binding; no client generated", pt.Pos, pt.Name.Local))
			continue
		}
		c, err := b.client(pt, bindings)
		if err != nil {
			return err
		}
		b.pkg.Clients = append(b.pkg.Clients, c)
	}
	return nil
}

func (b *builder) client(pt *parser.PortType, bindings []*parser.Binding) (*Client, error) {
	c := &Client{
		GoName:   b.scope.Claim(Exported(pt.Name.Local) + b.opts.ClientSuffix),
		PortType: b.qname(pt.Name),
	}
	intro := fmt.Sprintf("%s is a client for the port type %s. Create one with %s; a client is safe for concurrent use once its fields are set.",
		c.GoName, pt.Name.Local, "New"+c.GoName)
	methods := NewScope("Client", "Endpoint", "Header", "Messages")
	c.CallMethod = methods.Claim("call")
	// Headers: the union over bindings and operations, in order of first use.
	reqHeaders := &headerSet{response: false}
	respHeaders := &headerSet{response: true}
	for _, bd := range bindings {
		for _, bop := range bd.Operations {
			for _, x := range []struct {
				bio *parser.BindingIO
				set *headerSet
			}{{bop.Input, reqHeaders}, {bop.Output, respHeaders}} {
				if x.bio == nil {
					continue
				}
				for _, h := range x.bio.Headers {
					if err := x.set.add(b, h, bop.Pos); err != nil {
						if err := b.leaveOut(err, bop.Pos, fmt.Sprintf("the soap:header %s of message %s", h.Part, h.Message.Local), "the header"); err != nil {
							return nil, err
						}
						x.set.skip(h)
					}
				}
			}
		}
	}
	base := Exported(pt.Name.Local)
	var err error
	if c.RequestHeader, err = reqHeaders.build(b, base+"RequestHeader",
		"%s holds the SOAP header blocks sent with requests of %s. Set a client's Header once; override it for one call with soap.WithRequestHeader. A block with the zero value is not sent.", c.GoName); err != nil {
		return nil, err
	}
	if c.ResponseHeader, err = respHeaders.build(b, base+"ResponseHeader",
		"%s holds the SOAP header blocks of replies to %s; pass one to soap.WithResponseHeader to read them after a call (the call resets it first). A block the reply did not carry is nil.", c.GoName); err != nil {
		return nil, err
	}
	if err := b.contract(c, c.ResponseHeader); err != nil {
		return nil, err
	}
	c.ResultWithFailure = c.ResponseHeader != nil
	if h := c.ResponseHeader; h != nil && h.Contract != nil {
		intro += fmt.Sprintf(" A reply whose header blocks report a failure (see %s.CheckResponse) makes a method return that error, together with the result the reply carried when its body could be decoded.", h.GoName)
	}
	c.Doc = joinDoc(intro, pt.Doc)
	var ops []*parser.Operation
	for _, op := range b.callable(pt) {
		o, err := b.clientOperation(c, methods, op, bindings)
		if err != nil {
			if err := b.leaveOut(err, op.Pos, "operation "+op.Name, "the operation"); err != nil {
				return nil, err
			}
			continue
		}
		ops = append(ops, op)
		c.Operations = append(c.Operations, o)
	}
	for _, bd := range bindings {
		cb := &ClientBinding{Name: b.qname(bd.Name), OpsVar: b.scope.Claim(Unexported("ops" + Exported(bd.Name.Local)))}
		cb.Version = 11
		if bd.Protocol == parser.SOAP12 {
			cb.Version = 12
		}
		for _, op := range ops {
			bop := bindingOp(bd, op.Name)
			x := &BindingOp{Name: op.Name, Action: bop.Action, Encoded: parser.Encoded(bop)}
			if bop.Input != nil && c.RequestHeader != nil {
				for _, h := range bop.Input.Headers {
					if i := reqHeaders.index(b, h); i >= 0 {
						x.InHeaders = append(x.InHeaders, i)
					}
				}
			}
			cb.Ops = append(cb.Ops, x)
		}
		c.Bindings = append(c.Bindings, cb)
	}
	// Ports, in service order; a binding without a port still gets a constructor.
	for i, bd := range bindings {
		found := false
		for _, sv := range b.set.Services {
			for _, p := range sv.Ports {
				if p.Binding == bd.Name {
					found = true
					c.Ports = append(c.Ports, &ClientPort{Endpoint: p.Address, Binding: c.Bindings[i], port: p.Name, service: sv.Name.Local,
						Doc: fmt.Sprintf("port %s of service %s", p.Name, sv.Name.Local)})
				}
			}
		}
		if !found {
			c.Ports = append(c.Ports, &ClientPort{Binding: c.Bindings[i], port: bd.Name.Local,
				Doc: fmt.Sprintf("binding %s, which no service gives an address", bd.Name.Local)})
		}
	}
	// Several ports: each constructor is named after its port, and after its service too when
	// ports of several services share the name.
	portNames := map[string]int{}
	for _, p := range c.Ports {
		portNames[p.port]++
	}
	for _, p := range c.Ports {
		if len(c.Ports) > 1 {
			if portNames[p.port] > 1 {
				p.suffix = Exported(p.service)
			}
			p.suffix += Exported(p.port)
		}
		p.Constructor = b.scope.Claim("New" + c.GoName + p.suffix)
		version := "SOAP 1.1"
		if p.Binding.Version == 12 {
			version = "SOAP 1.2"
		}
		endpoint := "no default endpoint: set Endpoint before calling"
		if p.Endpoint != "" {
			endpoint = "endpoint " + p.Endpoint
		}
		p.Doc = fmt.Sprintf("%s returns a %s for the %s (%s, %s). client sends the requests; nil means a zero soap.Client (http.DefaultClient, default limits).",
			p.Constructor, c.GoName, p.Doc, version, endpoint)
	}
	c.Caller = b.opts.Package + "." + c.GoName
	var ctors []string
	for _, p := range c.Ports {
		ctors = append(ctors, p.Constructor)
	}
	c.Unmade = fmt.Sprintf("%s: %s was not created with %s, so it has no operations", b.opts.Package, c.GoName, strings.Join(ctors, " or "))
	return c, nil
}

// clientOperation builds the method of op, from the first of the bindings; every binding must bind
// op as sogen supports.
func (b *builder) clientOperation(c *Client, methods *Scope, op *parser.Operation, bindings []*parser.Binding) (*Operation, error) {
	for _, bd := range bindings {
		bop := bindingOp(bd, op.Name)
		if bop == nil {
			return nil, errorf(bd.Pos, "binding %s has no operation %s", bd.Name.Local, op.Name)
		}
		if err := b.checkStyle(bd, bop); err != nil {
			return nil, err
		}
	}
	return b.operation(c, methods, op, bindings[0], bindingOp(bindings[0], op.Name))
}

// leaveOut returns, for err, an error mapping what (an operation, a header) met: without
// Options.Lenient err, whose hint (unless it has one) is that Lenient would leave it (it) out; with
// it, nil, having recorded a parser.Unmapped fix-up at pos.
func (b *builder) leaveOut(err error, pos parser.Pos, what, it string) error {
	if !b.opts.Lenient {
		var me *Error
		if _, hinted := parser.HintOf(err); errors.As(err, &me) && !hinted {
			me.Hint = parser.Hint{Kind: parser.HintLenient, Effect: "leave " + it + " out"}
		}
		return err
	}
	why := err.Error()
	if me := (*Error)(nil); errors.As(err, &me) {
		why = me.at(pos)
	}
	b.pkg.Fixups = append(b.pkg.Fixups, parser.Fixup{Kind: parser.Unmapped, Pos: pos, Msg: fmt.Sprintf("%s left out, since sogen cannot map it: %s", what, why)})
	return nil
}

// callable returns the operations of pt a client can call, in order. Notification and
// solicit-response operations (an output without input: WSDL 1.1 sections 2.4.3 and 2.4.4) start with
// a message from the server, which a request-response client cannot receive; they are skipped with a
// notice.
func (b *builder) callable(pt *parser.PortType) []*parser.Operation {
	var out []*parser.Operation
	for _, op := range pt.Operations {
		switch {
		case op.Input == nil && op.Output == nil:
			b.pkg.Notices = append(b.pkg.Notices, fmt.Sprintf("%s: operation %s has neither input nor output; skipped", op.Pos, op.Name))
			continue
		case op.Input == nil:
			b.pkg.Notices = append(b.pkg.Notices, fmt.Sprintf("%s: operation %s has an output but no input (a notification or solicit-response operation, which starts with a message from the server); skipped", op.Pos, op.Name))
			continue
		}
		out = append(out, op)
	}
	return out
}

func bindingOp(bd *parser.Binding, name string) *parser.BindingOperation {
	for _, o := range bd.Operations {
		if o.Name == name {
			return o
		}
	}
	return nil
}

// checkStyle refuses the uses of SOAP encoding sogen does not support (see parser.EncodedError); the
// parser already does, before it checks references.
func (b *builder) checkStyle(bd *parser.Binding, bop *parser.BindingOperation) error {
	return parser.EncodedError(bd, bop)
}

// headerSet collects the header blocks of a client, keyed by element name.
type headerSet struct {
	response bool
	elems    []xml.Name
	skipped  map[*parser.Header]bool // headers left out (Options.Lenient)
}

func (h *headerSet) element(b *builder, hd *parser.Header, pos parser.Pos) (xml.Name, error) {
	m := b.set.Messages[hd.Message]
	for _, p := range m.Parts {
		if p.Name == hd.Part {
			if p.Element == (xml.Name{}) {
				return xml.Name{}, lenientf(pos, "leave the header out", "soap:header part %s of message %s names a type, not an element", hd.Part, hd.Message.Local)
			}
			return p.Element, nil
		}
	}
	return xml.Name{}, errorf(pos, "soap:header part %s is not in message %s", hd.Part, hd.Message.Local)
}

func (h *headerSet) add(b *builder, hd *parser.Header, pos parser.Pos) error {
	if hd.Use == "encoded" {
		return errorf(pos, "encoded SOAP headers are not supported")
	}
	e, err := h.element(b, hd, pos)
	if err != nil {
		return err
	}
	for _, x := range h.elems {
		if x == e {
			return nil
		}
	}
	h.elems = append(h.elems, e)
	return nil
}

// skip marks hd as left out: index reports it as -1.
func (h *headerSet) skip(hd *parser.Header) {
	if h.skipped == nil {
		h.skipped = map[*parser.Header]bool{}
	}
	h.skipped[hd] = true
}

func (h *headerSet) index(b *builder, hd *parser.Header) int {
	if h.skipped[hd] {
		return -1
	}
	e, _ := h.element(b, hd, parser.Pos{})
	for i, x := range h.elems {
		if x == e {
			return i
		}
	}
	return -1
}

func (h *headerSet) build(b *builder, name, doc, client string) (*Header, error) {
	if len(h.elems) == 0 {
		return nil, nil
	}
	hd := &Header{GoName: b.scope.Claim(name)}
	hd.Doc = fmt.Sprintf(doc, hd.GoName, client)
	fields := NewScope("UnmarshalSOAPHeader", "SOAPType", "CheckResponse", "Presence")
	hd.Presence = "Presence"
	for i, n := range h.elems {
		e := b.set.Elements[n]
		gt, v, err := b.elementValue(e, hd.GoName+Exported(n.Local))
		if err != nil {
			return nil, err
		}
		f := &Field{GoName: fields.Claim(Exported(n.Local)), Elem: b.qname(n), Optional: true, Nillable: e.Nillable,
			ZeroUnset: true, Index: i, Type: gt, Value: v}
		switch v.Kind {
		case ArrayValue:
			f.Shape, f.Array, f.Value = Wrapped, v.Array, nil
		case DictValue:
			f.Shape, f.Dict, f.Value = Dictionary, v.Dict, nil
		case SimpleValue:
			if h.response || !gt.stringKind() && !v.emptyUnset() {
				f.Ref = true
				f.Type = &GoType{Kind: Pointer, Elem: gt}
			}
		}
		what := "sent when set"
		if h.response {
			what = "nil when the reply did not carry it"
		}
		f.Doc = joinDoc(fmt.Sprintf("%s is the header block %s (%s).", f.GoName, n.Local, what), e.Doc)
		hd.Fields = append(hd.Fields, f)
	}
	return hd, nil
}

// bodyElement returns the element the normalised binding IO puts in the body, or nil when the body is
// empty. Several parts side by side get the struct of their parts first (see partsType).
func (b *builder) bodyElement(bio *parser.BindingIO) (*parser.Element, error) {
	if bio.BodyKind == parser.PartsBody {
		if _, err := b.partsType(bio); err != nil {
			return nil, err
		}
	}
	return bio.Element, nil
}

func (b *builder) operation(c *Client, methods *Scope, op *parser.Operation, bd *parser.Binding, bop *parser.BindingOperation) (*Operation, error) {
	o := &Operation{Name: op.Name, GoName: methods.Claim(Exported(op.Name), "Op")}
	params := NewScope("c", "ctx", "opts", "req", "resp", "err", "context", "soap", "errors", "xml", "fmt")
	in, err := b.bodyElement(bop.Input)
	if err != nil {
		return nil, err
	}
	sending := "an empty body"
	if in != nil {
		o.RequestElem = b.qname(in.Name)
		sending = in.Name.Local
		if t := b.wrapper(in); t != nil && t.BodyParts {
			sending = partsList(t)
		}
	}
	switch t := b.wrapper(in); {
	case in == nil:
		o.RequestBody = NoBody
	case t != nil && in.Complex != nil && t.Base == nil && t.elementsOnly():
		o.RequestBody, o.Request = WrappedBody, t
		for _, f := range t.Fields {
			o.Params = append(o.Params, &Param{Name: params.Claim(Unexported(f.GoName)), Field: f, Type: f.Type})
		}
	case t != nil:
		o.RequestBody, o.Request, o.RequestNillable = WholeBody, t, in.Nillable
		gt, _, err := b.elementValue(in, "")
		if err != nil {
			return nil, err
		}
		o.Params = append(o.Params, &Param{Name: params.Claim(Unexported(in.Name.Local)), Type: gt})
	default:
		sb, err := b.simpleBody(in)
		if err != nil {
			return nil, err
		}
		if sb == nil {
			return nil, errorf(in.Pos, "operation %s: the request element %s is neither of a complex nor of a simple type nor xs:anyType, which is not supported yet", op.Name, in.Name.Local)
		}
		o.RequestBody, o.RequestSimple = ValueBody, sb
		o.Params = append(o.Params, &Param{Name: params.Claim(Unexported(in.Name.Local)), Type: sb.Type})
	}
	var result string
	if op.Output != nil {
		out, err := b.bodyElement(bop.Output)
		if err != nil {
			return nil, err
		}
		if out == nil {
			result = "Its reply has an empty body."
			goto done
		}
		o.ResponseElem = b.qname(out.Name)
		o.ResponseNillable = out.Nillable
		t := b.wrapper(out)
		if t == nil {
			sb, err := b.simpleBody(out)
			if err != nil {
				return nil, err
			}
			if sb == nil {
				return nil, errorf(out.Pos, "operation %s: the response element %s is neither of a complex nor of a simple type nor xs:anyType, which is not supported yet", op.Name, out.Name.Local)
			}
			o.ResponseBody, o.ResponseSimple = ValueBody, sb
			o.Result, o.ResultType = SimpleResult, sb.Type
			result = fmt.Sprintf("It returns the value of the %s reply.", out.Name.Local)
			goto done
		}
		o.Response = t
		switch {
		case out.Complex == nil || t.Base != nil || len(t.Fields) > 1 || !t.elementsOnly():
			o.ResponseBody = WholeBody
			o.Result, o.ResultType = WrapperResult, &GoType{Kind: Pointer, Elem: &GoType{Kind: Named, Type: t}}
			result = fmt.Sprintf("It returns the whole %s reply.", out.Name.Local)
			if out.Nillable {
				result = fmt.Sprintf("It returns the whole %s reply, or nil when the reply sends it as xsi:nil.", out.Name.Local)
			}
			if t.BodyParts {
				result = fmt.Sprintf("It returns the reply's parts, %s.", partsList(t))
			}
		case len(t.Fields) == 1:
			o.ResponseBody = WrappedBody
			o.Result, o.ResultField, o.ResultType = FieldResult, t.Fields[0], t.Fields[0].Type
			result = fmt.Sprintf("It returns the %s of the %s reply.", t.Fields[0].Elem.Local, out.Name.Local)
		default:
			o.ResponseBody = WrappedBody
			result = fmt.Sprintf("Its reply, %s, is empty.", out.Name.Local)
		}
	} else {
		o.OneWay = true
		result = "It is a one-way operation: no reply is expected."
	}
done:
	o.Faults = b.operationFaults(op)
	for _, ft := range o.Faults {
		result += fmt.Sprintf(" A fault whose detail is %s is returned as a *%s.", ft.Elem.Local, ft.GoName)
	}
	doc := fmt.Sprintf("%s calls the operation %s, sending %s. %s", o.GoName, op.Name, sending, result)
	o.Message = o.RequestSimple != nil || o.ResponseSimple != nil || o.Result == FieldResult ||
		o.RequestBody == WrappedBody && o.Request.Presence != ""
	if o.Message {
		if c.MessagesType == "" {
			c.Messages, c.MessagesType = "Messages", b.scope.Claim(c.GoName+"Messages")
		}
		doc += fmt.Sprintf(" It calls %s.%s, which takes and returns the whole messages.", c.MessagesType, o.GoName)
		o.MessageDoc = messageDoc(o, op.Name)
	}
	o.Doc = joinDoc(doc, op.Doc)
	return o, nil
}

// messageDoc documents the message-level method of operation o.
func messageDoc(o *Operation, name string) string {
	var req, resp string
	switch {
	case o.RequestSimple != nil:
		req = fmt.Sprintf("the value of the %s body element, whose Presence may send it as xsi:nil (SetNil(\"Value\"))", o.RequestElem.Local)
	case o.Request != nil && o.Request.BodyParts:
		req = fmt.Sprintf("the request's parts, %s", partsList(o.Request))
	case o.Request != nil:
		req = fmt.Sprintf("the whole %s request, its Presence included", o.RequestElem.Local)
		if o.Request.Presence == "" {
			req = fmt.Sprintf("the %s request, which has no content", o.RequestElem.Local)
		}
		if !o.RequestNillable {
			req += " (nil is an error: the element is not nillable)"
		} else {
			req += " (nil sends it as xsi:nil)"
		}
	default:
		req = "an empty body"
	}
	switch {
	case o.ResponseSimple != nil:
		resp = fmt.Sprintf("It returns the value of the %s reply, with its Presence (IsNil(\"Value\") when the reply sent xsi:nil).", o.ResponseElem.Local)
	case o.Response != nil && o.Response.BodyParts:
		resp = fmt.Sprintf("It returns the reply's parts, %s.", partsList(o.Response))
	case o.Response != nil:
		what := "the whole %s reply, its Presence included"
		if o.Response.Presence == "" {
			what = "the %s reply, which has no content"
		}
		resp = "It returns " + fmt.Sprintf(what, o.ResponseElem.Local) + "."
		if o.ResponseNillable {
			resp = "It returns " + fmt.Sprintf(what, o.ResponseElem.Local) + ", or nil when the reply sent it as xsi:nil."
		}
	default:
		resp = "It returns only an error (a one-way operation, or an empty reply)."
	}
	return fmt.Sprintf("%s calls the operation %s, sending %s. %s", o.GoName, name, req, resp)
}

// simpleBody returns the Go type and codec of the simple-typed (or xs:anyType, wrapped array or
// dictionary) global element e used as a bare body element, or nil when e is of none of these kinds. An anonymous simple type is named after the element,
// once however many operations use it.
func (b *builder) simpleBody(e *parser.Element) (*SimpleBody, error) {
	if sb, ok := b.pkg.bare[e]; ok {
		return sb, nil
	}
	gt, v, err := b.elementValue(e, Exported(e.Name.Local))
	if err != nil {
		return nil, err
	}
	if v.Kind == ArrayValue && v.Array.Rank == 2 {
		return nil, errorf(e.Pos, "element %s: a two-dimensional SOAP-ENC array as the whole body of a document-style message is not supported", e.Name.Local)
	}
	var sb *SimpleBody
	if v.Kind == SimpleValue || v.Kind == AnyValue || v.Kind == ArrayValue || v.Kind == DictValue {
		sb = &SimpleBody{Type: gt, Value: v}
	}
	if b.pkg.bare == nil {
		b.pkg.bare = map[*parser.Element]*SimpleBody{}
	}
	b.pkg.bare[e] = sb
	return sb, nil
}

// wrapper returns the struct type of a global element, or nil.
func (b *builder) wrapper(e *parser.Element) *Type {
	if e == nil {
		return nil
	}
	if e.Complex != nil {
		return b.structs[e.Complex]
	}
	if t := b.named[e.Type]; t != nil && t.Kind == Struct {
		return t
	}
	return nil
}

// finish names the namespaces and package variables, sorts the types and lays out the files.
func (b *builder) finish() error {
	var uris []string
	for u := range b.ns {
		uris = append(uris, u)
	}
	sort.Strings(uris)
	for _, u := range uris {
		n := b.ns[u]
		n.Const = b.scope.Claim(Unexported("ns" + Exported(nsWord(u))))
		b.pkg.Namespaces = append(b.pkg.Namespaces, n)
	}
	// Requests declare the namespaces in this order (ns1, ns2, ...): the port types' first.
	primary := b.primary()
	b.pkg.EnvelopeNamespaces = append([]*Namespace(nil), b.pkg.Namespaces...)
	sort.SliceStable(b.pkg.EnvelopeNamespaces, func(i, j int) bool {
		return b.pkg.EnvelopeNamespaces[i].URI == primary && b.pkg.EnvelopeNamespaces[j].URI != primary
	})
	b.pkg.NamespacesVar = b.scope.Claim("namespaces")
	b.pkg.Registry = b.scope.Claim("typeRegistry")
	for _, w := range b.structList {
		b.pkg.Types = append(b.pkg.Types, w.t)
	}
	// A named simple type is registered too, so that a value of it in an xs:anyType slot decodes to
	// it; it gets the methods writing it there with its xsi:type.
	for _, t := range b.pkg.Types {
		if t.Kind != Struct && !t.QName.IsZero() {
			t.Registered = true
		}
	}
	sort.Slice(b.pkg.Types, func(i, j int) bool { return b.pkg.Types[i].GoName < b.pkg.Types[j].GoName })
	sort.Slice(b.pkg.Arrays, func(i, j int) bool { return b.pkg.Arrays[i].Var < b.pkg.Arrays[j].Var })
	sort.Slice(b.pkg.Dicts, func(i, j int) bool { return b.pkg.Dicts[i].Var < b.pkg.Dicts[j].Var })
	sort.Slice(b.pkg.Clients, func(i, j int) bool { return b.pkg.Clients[i].GoName < b.pkg.Clients[j].GoName })
	b.layout()
	// The descriptor tables of the table-driven runtime are named last, so that their names never
	// change the others'.
	b.typedCodecs()
	// The structs whose codec (a Ptr variable) the tables name: those held as values of fields, array
	// items or dictionary entries, and the occurrences of repeated choices.
	byPtr := map[*Type]bool{}
	b.eachValue(func(v *Value, f *Field) {
		if v != nil && v.Kind == StructValue || f != nil && f.Shape == Choices {
			byPtr[v.Type] = true
		}
	})
	for _, t := range b.pkg.Types {
		if t.Kind == Struct {
			t.DescVar = b.scope.Claim(Unexported("desc" + t.GoName))
			t.TableVar = b.scope.Claim(Unexported("table" + t.GoName))
			if byPtr[t] {
				t.PtrVar = b.scope.Claim(Unexported("ptr" + t.GoName))
			}
		}
	}
	for _, c := range b.pkg.Clients {
		for _, h := range []*Header{c.RequestHeader, c.ResponseHeader} {
			if h != nil {
				h.DescVar = b.scope.Claim(Unexported("desc" + h.GoName))
				h.TableVar = b.scope.Claim(Unexported("table" + h.GoName))
			}
		}
	}
	return nil
}

// typedCodecs marks the package codecs whose values are held by pointer, in slices or in maps, or are
// list items: the table-driven runtime needs those to know the Go type (see Codec.Typed).
func (b *builder) typedCodecs() {
	mark := func(c *Codec) {
		if c != nil && !c.Runtime {
			c.Typed = true
		}
	}
	b.eachValue(func(v *Value, f *Field) {
		held := f == nil || f.Ref || f.Shape != Single
		if v != nil && v.Kind == SimpleValue && (held || v.Ref) {
			mark(v.Codec)
		}
	})
	for _, t := range b.pkg.Types {
		for _, a := range t.Attrs {
			if a.Ref {
				mark(a.Codec)
			}
		}
		if t.Codec != nil {
			mark(t.Codec.Item)
			if t.Registered {
				mark(t.Codec) // a value of it in an xs:anyType slot is held as itself
			}
		}
	}
}

// eachValue calls fn with the value of every field of the package's structs and header structs (f
// is the field), and with every array item, dictionary key and value, and simple body's value (f is
// nil: those are held in slices, maps or by the call).
func (b *builder) eachValue(fn func(v *Value, f *Field)) {
	fields := func(fs []*Field) {
		for _, f := range fs {
			fn(f.Value, f)
		}
	}
	for _, t := range b.pkg.Types {
		fields(t.Fields)
	}
	for _, a := range b.pkg.Arrays {
		fn(a.Item.Value, nil)
	}
	for _, d := range b.pkg.Dicts {
		fn(d.Key.Value, nil)
		fn(d.Value.Value, nil)
	}
	for _, c := range b.pkg.Clients {
		for _, h := range []*Header{c.RequestHeader, c.ResponseHeader} {
			if h != nil {
				fields(h.Fields)
			}
		}
		for _, op := range c.Operations {
			for _, sb := range []*SimpleBody{op.RequestSimple, op.ResponseSimple} {
				if sb != nil {
					fn(sb.Value, nil)
				}
			}
		}
	}
}

// nsWord picks the word naming a namespace URI: its last path segment (or URN part) that is not a
// version number.
func nsWord(uri string) string {
	segs := strings.FieldsFunc(uri, func(r rune) bool { return r == '/' || r == ':' || r == '#' || r == '?' })
	for i := len(segs) - 1; i >= 0; i-- {
		s := segs[i]
		if strings.Trim(s, "0123456789.vV") == "" || s == "http" || s == "https" || s == "urn" {
			continue
		}
		return s
	}
	return "namespace"
}
