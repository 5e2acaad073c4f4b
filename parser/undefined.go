package parser

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// anyType is xs:anyType, what an undefined type is read as.
var anyType = xml.Name{Space: NSXSD, Local: "anyType"}

// xsString is xs:string, what an undefined simple type is read as.
var xsString = xml.Name{Space: NSXSD, Local: "string"}

// undefinedRefs repairs, after localNames, the references that still do not resolve, and the binding
// details that name what their message or port type lacks. Each repair is a fix-up of one kind; the
// loss-free ones (AnyContent, Ignored) are made unless Options.Strict, the lossy ones (LeftOut) only
// with Options.Lenient. The first reference that may not be repaired is returned as an error, whose
// hint says what would repair it.
//
// The rule: a repair is made by default when no data on the wire can be lost and nothing is guessed
// about the wire form. So:
//
//   - an undefined type of an element, attribute or part is read as xs:anyType (xs:string for a simple
//     type, and as the base or item type of a simple type, or a union member): whatever arrives is
//     kept, as XML or text, and written back unchanged; the name of the element is the one written;
//   - an undefined element or attribute that is referred to by its name is declared, of xs:anyType
//     (xs:string for an attribute): the name on the wire is the one written, the content kept;
//   - a reference to an element or attribute whose name is not known (an undeclared prefix), or to an
//     undefined group, is read as a wildcard (xs:any, xs:anyAttribute): whatever arrives there is kept
//     as XML; an undefined attribute group as xs:anyAttribute;
//   - a complex type whose base is undefined has content sogen cannot know: it is kept as XML in full
//     (text, elements and attributes, ComplexType.KeptAsXML), and so is every type derived from it;
//     but a simpleContent extension of an undefined base is a value with attributes: its base is
//     read as xs:string, and the attributes the base may declare as xs:anyAttribute;
//   - an undefined fault message, a soap:header naming an undefined message or part, or a part that
//     names a type (so the block has no name), a binding operation that its port type lacks, a port of
//     an undefined binding and an undefined substitution group head are ignored: nothing callable
//     depends on them, faults still arrive as *soap.Fault and header blocks can be sent and read
//     with the soap package's options;
//   - a soap:body parts name the message lacks is ignored when every part of the message is in the
//     body or a soap:header already (no part can have been meant).
//
// Lossy, behind Options.Lenient: an operation whose input or output message is undefined, or whose
// part names an element whose name is not known, is left out (so are its binding operations); a
// binding of an undefined port type is left out (so are its ports); a soap:body parts name the message
// lacks when a part of it could have been meant is left out of the body.
func undefinedRefs(s *Set, opts Options) error {
	r := &repairer{s: s, opts: opts}
	r.schema()
	if r.err == nil {
		r.wsdl()
	}
	return r.err
}

// repairer makes the repairs of undefinedRefs, stopping at the first error.
type repairer struct {
	s    *Set
	opts Options
	err  error
}

// repair is one repair of a reference (ref, nil when the problem is not a reference): the problem as
// the error states it, what the repair does as a hint's effect and as the fix-up's conclusion, and
// apply, which makes it.
type repair struct {
	kind    FixupKind
	pos     Pos
	ref     *xml.Name
	problem string
	effect  string // completes "turn off Strict to ..." or "turn on Lenient to ..."
	done    string // completes "<problem>; ..." in the fix-up
	apply   func()
}

// make applies x when its kind is allowed, recording the fix-up, and reports whether it did; otherwise
// it records the error (the first only) and reports false.
func (r *repairer) make(x repair) bool {
	if r.err != nil {
		return false
	}
	f := Fixup{Kind: x.kind, Pos: x.pos}
	if x.ref != nil {
		f.Ref = *x.ref // before apply changes it
		if u, ok := r.s.unread[x.ref.Space]; ok && x.kind == AnyContent {
			// A reference into the namespace of an xs:import that was not read.
			f.Kind, f.Hint = Unread, Hint{Kind: HintRemote, URL: u, Namespace: x.ref.Space}
			x.problem += fmt.Sprintf(" (the schema of its namespace, %s, was not read)", u)
		}
	}
	allowed := !r.opts.Strict
	if x.kind.Lossy() {
		allowed = r.opts.Lenient
	}
	if allowed {
		if x.apply != nil {
			x.apply()
		}
		f.Msg = x.problem + "; " + x.done
		r.s.Fixups = append(r.s.Fixups, f)
		return true
	}
	e := errorf(x.pos, "%s", x.problem)
	e.Hint = Hint{Kind: HintNotStrict, Effect: x.effect}
	if x.kind.Lossy() {
		e.Hint.Kind = HintLenient
	}
	if r.opts.Strict && x.ref != nil {
		// With Strict, references were not resolved by their local name: say so when one would be.
		for _, c := range lenientFixups(r.s) {
			if c.ref == x.ref && c.to != (xml.Name{}) {
				e.Msg += fmt.Sprintf(" (only {%s}%s has that local name)", c.to.Space, c.to.Local)
				e.Hint = Hint{Kind: HintNotStrict, Effect: "resolve references by their local name"}
				break
			}
		}
	}
	r.err = e
	return false
}

// notDefined states that the reference n (what it is) resolves to nothing.
func notDefined(what string, n xml.Name) string {
	if p, ok := strings.CutPrefix(n.Space, undeclared); ok {
		return fmt.Sprintf("%s %s:%s (namespace prefix %q is not declared): nothing of that kind has the local name %s", what, p, n.Local, p, n.Local)
	}
	return fmt.Sprintf("%s {%s}%s is not defined", what, n.Space, n.Local)
}

// nameKnown reports whether the name n refers to is known: its prefix was declared.
func nameKnown(n xml.Name) bool { return !strings.HasPrefix(n.Space, undeclared) }

// undefinedType reports whether n names no type at all (a complex type where a simple one is needed
// is a different error, left to check).
func (r *repairer) undefinedType(n xml.Name) bool {
	return n != (xml.Name{}) && !IsBuiltin(n) && r.s.SimpleTypes[n] == nil && r.s.ComplexTypes[n] == nil
}

// anyParticle is the wildcard a reference to an undefined group, or to an element whose name is not
// known, is read as, with the occurrence range given.
func anyParticle(pos Pos, min, max int) *Particle {
	return &Particle{Kind: AnyParticle, Pos: pos, MinOccurs: min, MaxOccurs: max, Namespace: "##any"}
}

// schema repairs the references of the schema components.
func (r *repairer) schema() {
	s := r.s
	simple := func(pos Pos, what string, ref *xml.Name) {
		if *ref == (xml.Name{}) || !r.undefinedType(*ref) {
			return
		}
		r.make(repair{kind: AnyContent, pos: pos, ref: ref, problem: notDefined(what, *ref),
			effect: "read it as xs:string, keeping the text as it is", done: "read as xs:string, the text kept as it is",
			apply: func() { *ref = xsString }})
	}
	// attributes repairs the attribute group and attribute references of a list of attribute uses;
	// anyAttr is set when one is read as xs:anyAttribute.
	attributes := func(list []*Attribute, anyAttr *bool) []*Attribute {
		var keep []*Attribute
		for _, a := range list {
			switch {
			case a.GroupRef != (xml.Name{}) && s.AttributeGroups[a.GroupRef] == nil:
				if r.make(repair{kind: AnyContent, pos: a.Pos, ref: &a.GroupRef, problem: notDefined("attribute group", a.GroupRef),
					effect: "keep its attributes as XML, as xs:anyAttribute", done: "read as xs:anyAttribute, its attributes kept as XML",
					apply: func() { *anyAttr = true }}) {
					continue
				}
			case a.Ref != (xml.Name{}) && s.Attributes[a.Ref] == nil && a.Ref.Space != NSXML && !nameKnown(a.Ref):
				if r.make(repair{kind: AnyContent, pos: a.Pos, ref: &a.Ref, problem: notDefined("attribute", a.Ref),
					effect: "keep it as XML, as xs:anyAttribute", done: "read as xs:anyAttribute, the attribute kept as XML",
					apply: func() { *anyAttr = true }}) {
					continue
				}
			case a.Ref != (xml.Name{}) && s.Attributes[a.Ref] == nil && a.Ref.Space != NSXML:
				ref := a.Ref
				r.make(repair{kind: AnyContent, pos: a.Pos, ref: &a.Ref, problem: notDefined("attribute", a.Ref),
					effect: "declare it as an attribute of xs:string", done: "declared as an attribute of xs:string, its value kept as it is",
					apply: func() {
						s.Attributes[ref] = &Attribute{Name: ref, Pos: a.Pos, Type: xsString}
					}})
			}
			keep = append(keep, a)
		}
		return keep
	}
	for _, n := range sortedNames(s.AttributeGroups) {
		g := s.AttributeGroups[n]
		g.Attributes = attributes(g.Attributes, &g.AnyAttribute)
	}
	walker{
		simple: func(t *SimpleType) {
			switch {
			case t.Restriction != nil && s.ComplexTypes[t.Restriction.Base] == nil:
				simple(t.Pos, "restriction base", &t.Restriction.Base)
			case t.List != nil && s.ComplexTypes[t.List.ItemType] == nil:
				simple(t.Pos, "list itemType", &t.List.ItemType)
			case t.Union != nil:
				for i := range t.Union.MemberTypes {
					simple(t.Pos, "union member type", &t.Union.MemberTypes[i])
				}
			}
		},
		complex: func(t *ComplexType) {
			switch {
			case t.Base == (xml.Name{}) || !r.undefinedType(t.Base):
			case t.Content == SimpleContent && t.Derivation == Extension:
				// A value with attributes: the base, a simple type or a complex type with simple
				// content, gives the text and perhaps attributes.
				r.make(repair{kind: AnyContent, pos: t.Pos, ref: &t.Base, problem: notDefined("base type", t.Base),
					effect: "read it as xs:string, keeping the attributes it may declare as XML", done: "read as xs:string, the attributes it may declare kept as XML (xs:anyAttribute)",
					apply: func() { t.Base, t.AnyAttribute = xsString, true }})
			default:
				r.make(repair{kind: AnyContent, pos: t.Pos, ref: &t.Base, problem: notDefined("base type", t.Base),
					effect: "keep the content of the type as XML", done: "the content of the type is kept as XML",
					apply: func() { keepAsXML(t, "its base type "+show(t.Base)+r.notRead(t.Base)+" is not defined") }})
			}
			t.Attributes = attributes(t.Attributes, &t.AnyAttribute)
			if p := t.Particle; p != nil && p.Kind == GroupRef && s.Groups[p.Ref] == nil {
				r.make(repair{kind: AnyContent, pos: p.Pos, ref: &p.Ref, problem: notDefined("group", p.Ref),
					effect: "keep its elements as XML, as xs:any", done: "read as xs:any, its elements kept as XML",
					apply: func() { t.Particle = anyParticle(p.Pos, 0, Unbounded) }})
			}
		},
		element: func(e *Element) {
			if e.Type != (xml.Name{}) && r.undefinedType(e.Type) {
				r.make(repair{kind: AnyContent, pos: e.Pos, ref: &e.Type, problem: notDefined("type", e.Type),
					effect: "read it as xs:anyType, keeping the content as XML", done: "read as xs:anyType, the content kept as XML",
					apply: func() { e.Type = anyType }})
			}
		},
		attribute: func(a *Attribute) {
			if a.Type != (xml.Name{}) && s.ComplexTypes[a.Type] == nil {
				simple(a.Pos, "attribute type", &a.Type)
			}
		},
		particle: func(p *Particle) {
			for i, c := range p.Children {
				switch {
				case c.Kind == GroupRef && s.Groups[c.Ref] == nil:
					r.make(repair{kind: AnyContent, pos: c.Pos, ref: &c.Ref, problem: notDefined("group", c.Ref),
						effect: "keep its elements as XML, as xs:any", done: "read as xs:any, its elements kept as XML",
						apply: func() { p.Children[i] = anyParticle(c.Pos, 0, Unbounded) }})
				case c.Kind != ElementParticle || c.Element == nil || c.Element.Ref == (xml.Name{}) || s.Elements[c.Element.Ref] != nil:
				case !nameKnown(c.Element.Ref):
					r.make(repair{kind: AnyContent, pos: c.Element.Pos, ref: &c.Element.Ref, problem: notDefined("element", c.Element.Ref),
						effect: "keep it as XML, as xs:any", done: "read as xs:any, the element kept as XML",
						apply: func() { p.Children[i] = anyParticle(c.Element.Pos, c.MinOccurs, c.MaxOccurs) }})
				default:
					r.declare(c.Element.Pos, "element", &c.Element.Ref)
				}
			}
		},
	}.set(s)
	// Substitution group heads, after the declarations above, which may have declared some.
	walker{element: func(e *Element) {
		if e.SubstitutionGroup != (xml.Name{}) && s.Elements[e.SubstitutionGroup] == nil {
			r.make(repair{kind: Ignored, pos: e.Pos, ref: &e.SubstitutionGroup, problem: notDefined("substitution group head", e.SubstitutionGroup),
				effect: "ignore it", done: "ignored (no element refers to that head)",
				apply: func() { e.SubstitutionGroup = xml.Name{} }})
		}
	}}.set(s)
	if r.err == nil {
		r.derivedKeptAsXML()
	}
}

// notRead returns, for a name in the namespace of an xs:import whose location was not read, ", in the
// schema URL that was not read,", and "" for another name.
func (r *repairer) notRead(n xml.Name) string {
	if u, ok := r.s.unread[n.Space]; ok {
		return ", in the schema " + u + " that was not read,"
	}
	return ""
}

// declare repairs the reference ref (what it is) to an undefined element whose name is known by
// declaring a global element of that name, of xs:anyType.
func (r *repairer) declare(pos Pos, what string, ref *xml.Name) {
	n := *ref
	r.make(repair{kind: AnyContent, pos: pos, ref: ref, problem: notDefined(what, n),
		effect: "declare it as an element of xs:anyType, keeping its content as XML", done: "declared as an element of xs:anyType, its content kept as XML",
		apply: func() {
			if r.s.Elements[n] == nil {
				r.s.Elements[n] = &Element{Name: n, Pos: pos, Type: anyType}
			}
		}})
}

// keepAsXML marks t as kept as XML for why, removing what Normalize could not know.
func keepAsXML(t *ComplexType, why string) {
	t.KeptAsXML = why
	t.Base, t.Derivation, t.Content, t.Particle, t.Attributes, t.AnyAttribute = xml.Name{}, NoDerivation, ElementContent, nil, nil, false
	t.IsDictionary = false
}

// derivedKeptAsXML keeps as XML the complex types derived from one kept as XML (their content starts
// with, or restricts, content sogen cannot know), recording an AnyContent fix-up each.
func (r *repairer) derivedKeptAsXML() {
	kept := map[xml.Name]bool{}
	for n, t := range r.s.ComplexTypes {
		if t.KeptAsXML != "" {
			kept[n] = true
		}
	}
	for changed := len(kept) > 0; changed && r.err == nil; {
		changed = false
		walker{complex: func(t *ComplexType) {
			if t.Base == (xml.Name{}) || !kept[t.Base] {
				return
			}
			base := t.Base
			r.make(repair{kind: AnyContent, pos: t.Pos, problem: fmt.Sprintf("base type %s is kept as XML", show(base)),
				effect: "keep the content of the type as XML", done: "the content of the type is kept as XML too",
				apply: func() {
					keepAsXML(t, fmt.Sprintf("it derives from %s, which is kept as XML", show(base)))
					if t.Name != (xml.Name{}) {
						kept[t.Name] = true
					}
				}})
			changed = true
		}}.set(r.s)
	}
}

// wsdl repairs the references of messages, port types, bindings and services.
func (r *repairer) wsdl() {
	s := r.s
	// Messages: an undefined part type is xs:anyType, an undefined part element whose name is known
	// is declared; one whose name is not known breaks the message.
	broken := map[xml.Name]string{}
	for _, n := range sortedNames(s.Messages) {
		m := s.Messages[n]
		for _, p := range m.Parts {
			if p.Type != (xml.Name{}) && r.undefinedType(p.Type) {
				r.make(repair{kind: AnyContent, pos: m.Pos, ref: &p.Type, problem: notDefined("part "+p.Name+": type", p.Type),
					effect: "read it as xs:anyType, keeping the content as XML", done: "read as xs:anyType, the content kept as XML",
					apply: func() { p.Type = anyType }})
			}
			if p.Element == (xml.Name{}) || s.Elements[p.Element] != nil {
				continue
			}
			if nameKnown(p.Element) {
				r.declare(m.Pos, "part "+p.Name+": element", &p.Element)
			} else if _, done := broken[n]; !done {
				broken[n] = fmt.Sprintf("its part %s names %s, an element whose namespace is not known", p.Name, show(p.Element))
			}
		}
	}
	if r.err != nil {
		return
	}
	used := map[xml.Name]bool{} // the broken messages something uses
	// unusable says why the message n cannot describe a body ("" when it can).
	unusable := func(n xml.Name) string {
		if s.Messages[n] == nil {
			return notDefined("message", n)
		}
		if why := broken[n]; why != "" {
			used[n] = true
			return fmt.Sprintf("message %s: %s", n.Local, why)
		}
		return ""
	}
	// Operations and their faults.
	leftOut := map[*PortType]map[string]bool{} // the operations left out, by port type
	for _, pt := range s.PortTypes {
		var keep []*Operation
		for _, op := range pt.Operations {
			why := ""
			for _, io := range []*IO{op.Input, op.Output} {
				if io != nil && why == "" {
					why = unusable(io.Message)
				}
			}
			if why != "" && r.make(repair{kind: LeftOut, pos: op.Pos, ref: r.messageRef(op), problem: why,
				effect: "leave the operation out", done: fmt.Sprintf("the operation %s left out", op.Name)}) {
				if leftOut[pt] == nil {
					leftOut[pt] = map[string]bool{}
				}
				leftOut[pt][op.Name] = true
				continue
			}
			var faults []*IO
			for _, f := range op.Faults {
				if why := unusable(f.Message); why != "" && r.make(repair{kind: Ignored, pos: op.Pos, ref: &f.Message, problem: "fault " + f.Name + ": " + why,
					effect: "ignore the fault, which still arrives as a *soap.Fault",
					done:   "the fault ignored (it still arrives as a *soap.Fault, its detail as XML)"}) {
					continue
				}
				faults = append(faults, f)
			}
			op.Faults = faults
			keep = append(keep, op)
		}
		pt.Operations = keep
	}
	// Bindings: of an undefined port type; operations the port type lacks; body parts and headers.
	var bindings []*Binding
	bindingLeftOut := map[xml.Name]bool{}
	for _, b := range s.Bindings {
		pt := s.PortType(b.Type)
		if pt == nil {
			if r.make(repair{kind: LeftOut, pos: b.Pos, ref: &b.Type, problem: notDefined("port type", b.Type),
				effect: "leave the binding out", done: fmt.Sprintf("the binding %s left out, with its ports", b.Name.Local)}) {
				bindingLeftOut[b.Name] = true
				continue
			}
			bindings = append(bindings, b)
			continue
		}
		var ops []*BindingOperation
		for _, bop := range b.Operations {
			op := pt.Operation(bop.Name)
			if op == nil {
				// The binding operations of an operation left out go with it, without a fix-up of their own.
				if leftOut[pt][bop.Name] || r.make(repair{kind: Ignored, pos: bop.Pos,
					problem: fmt.Sprintf("operation %s is not in port type {%s}%s", bop.Name, pt.Name.Space, pt.Name.Local),
					effect:  "ignore the binding operation", done: "the binding operation ignored (there is nothing to call)"}) {
					continue
				}
				ops = append(ops, bop)
				continue
			}
			for i, bio := range []*BindingIO{bop.Input, bop.Output} {
				if bio == nil {
					continue
				}
				if io := []*IO{op.Input, op.Output}[i]; io != nil && s.Messages[io.Message] != nil {
					r.bodyParts(bop, bio, s.Messages[io.Message])
				}
				r.headers(bop, bio, unusable)
			}
			ops = append(ops, bop)
		}
		b.Operations = ops
		bindings = append(bindings, b)
	}
	s.Bindings = bindings
	if r.err != nil {
		return
	}
	for _, n := range sortedNames(s.Messages) {
		if why, ok := broken[n]; ok && !used[n] && !r.make(repair{kind: Ignored, pos: s.Messages[n].Pos, problem: why,
			effect: "ignore the message, which nothing uses", done: "the message ignored (nothing uses it)"}) {
			return
		}
	}
	for n := range broken {
		delete(s.Messages, n) // every use was left out or ignored above
	}
	for _, sv := range s.Services {
		var ports []*Port
		for _, p := range sv.Ports {
			if s.Binding(p.Binding) == nil && (bindingLeftOut[p.Binding] || r.make(repair{kind: Ignored, pos: sv.Pos, ref: &p.Binding,
				problem: notDefined("port "+p.Name+": binding", p.Binding),
				effect:  "ignore the port", done: "the port ignored (there is nothing to call)"})) {
				continue
			}
			ports = append(ports, p)
		}
		sv.Ports = ports
	}
}

// messageRef returns the reference to the first undefined message of op's input and output, for the
// local-name hint (nil when the problem is a part).
func (r *repairer) messageRef(op *Operation) *xml.Name {
	for _, io := range []*IO{op.Input, op.Output} {
		if io != nil && r.s.Messages[io.Message] == nil {
			return &io.Message
		}
	}
	return nil
}

// bodyParts repairs a soap:body parts attribute of bio naming parts that m lacks: ignoring the names
// is loss-free when every part of m is placed already (listed, or in a soap:header of bio), since no
// part can have been meant; otherwise leaving them out of the body is lossy.
func (r *repairer) bodyParts(bop *BindingOperation, bio *BindingIO, m *Message) {
	if bio.Body == nil || bio.Body.Parts == nil {
		return
	}
	placed := map[string]bool{}
	var missing []string
	for _, name := range bio.Body.Parts {
		if m.Part(name) == nil {
			missing = append(missing, name)
		}
		placed[name] = true
	}
	if len(missing) == 0 {
		return
	}
	for _, h := range bio.Headers {
		if h.Message == m.Name {
			placed[h.Part] = true
		}
	}
	kind, effect, done := Ignored, "ignore the name", "the name ignored (every part of the message is in the body or a header already)"
	for _, p := range m.Parts {
		if !placed[p.Name] {
			kind, effect, done = LeftOut, "leave it out of the body", fmt.Sprintf("left out of the body (the part %s, in neither the body nor a header, may have been meant)", p.Name)
			break
		}
	}
	for _, name := range missing {
		r.make(repair{kind: kind, pos: bop.Pos, problem: fmt.Sprintf("soap:body part %s is not in message %s", name, m.Name.Local),
			effect: effect, done: done,
			apply: func() {
				keep := []string{}
				for _, p := range bio.Body.Parts {
					if p != name {
						keep = append(keep, p)
					}
				}
				bio.Body.Parts = keep
			}})
	}
}

// headers ignores the soap:header elements of bio that cannot be typed: of an undefined or broken
// message, naming a part the message lacks or a part that names a type (the block then has no
// name). The blocks can still be sent with soap.WithHeaderBlock and read with
// soap.WithUnknownResponseHeaders.
func (r *repairer) headers(bop *BindingOperation, bio *BindingIO, unusable func(xml.Name) string) {
	const effect = "leave the header out of the typed headers, to send with soap.WithHeaderBlock and read with soap.WithUnknownResponseHeaders"
	const done = "the header ignored (soap.WithHeaderBlock sends the block, soap.WithUnknownResponseHeaders reads it)"
	var keep []*Header
	for _, h := range bio.Headers {
		m := r.s.Messages[h.Message]
		problem, ref := "", (*xml.Name)(nil)
		switch {
		case m == nil:
			problem, ref = "soap:header "+notDefined("message", h.Message), &h.Message
		case unusable(h.Message) != "":
			problem = "soap:header " + unusable(h.Message)
		case m.Part(h.Part) == nil:
			problem = fmt.Sprintf("soap:header part %q is not in message {%s}%s", h.Part, h.Message.Space, h.Message.Local)
		case m.Part(h.Part).Element == (xml.Name{}):
			problem = fmt.Sprintf("soap:header part %s of message %s names a type, not an element, so the header block has no name", h.Part, h.Message.Local)
		}
		if problem != "" && r.make(repair{kind: Ignored, pos: bop.Pos, ref: ref, problem: problem, effect: effect, done: done}) {
			continue
		}
		keep = append(keep, h)
	}
	bio.Headers = keep
}

// show formats a reference for a message: {namespace}local, or prefix:local for an undeclared prefix.
func show(n xml.Name) string {
	if p, ok := strings.CutPrefix(n.Space, undeclared); ok {
		return p + ":" + n.Local + " (undeclared prefix)"
	}
	return "{" + n.Space + "}" + n.Local
}
