package parser

import (
	"encoding/xml"
	"strings"

	"github.com/beevik/etree"
)

// definitions reads a wsdl:definitions element.
func (f *file) definitions(el *etree.Element) error {
	df := *f
	df.tns = el.SelectAttrValue("targetNamespace", "")
	df.chameleon = ""
	for _, c := range el.ChildElements() {
		if c.NamespaceURI() != NSWSDL {
			continue
		}
		var err error
		switch c.Tag {
		case "import":
			err = df.wsdlImport(c)
		case "types":
			for _, s := range c.ChildElements() {
				if is(s, NSXSD, "schema") {
					if err = df.schema(s, ""); err != nil {
						break
					}
				}
			}
		case "message":
			err = df.message(c)
		case "portType":
			err = df.portType(c)
		case "binding":
			err = df.binding(c)
		case "service":
			err = df.service(c)
		case "documentation":
		default:
			err = errorf(df.pos(c), "unexpected element wsdl:%s in wsdl:definitions", c.Tag)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (f *file) wsdlImport(el *etree.Element) error {
	loc := el.SelectAttrValue("location", "")
	if loc == "" {
		return errorf(f.pos(el), "wsdl:import has no location")
	}
	p, ref, err := f.location(el, "location", loc)
	if err != nil {
		return err
	}
	return f.l.load(p, "", ref, "")
}

func (f *file) defName(el *etree.Element) (xml.Name, error) {
	n := el.SelectAttrValue("name", "")
	if !validNCName(n) {
		return xml.Name{}, errorf(f.pos(el), "wsdl:%s needs a valid name", el.Tag)
	}
	return xml.Name{Space: f.tns, Local: n}, nil
}

func (f *file) message(el *etree.Element) error {
	n, err := f.defName(el)
	if err != nil {
		return err
	}
	m := &Message{Name: n, Pos: f.pos(el), Doc: documentation(el)}
	for _, c := range el.ChildElements() {
		if !is(c, NSWSDL, "part") {
			continue
		}
		p := &Part{Name: c.SelectAttrValue("name", "")}
		if p.Name == "" {
			return errorf(f.pos(c), "wsdl:part has no name")
		}
		if p.Element, err = f.qname(c, "element"); err != nil {
			return err
		}
		if p.Type, err = f.qname(c, "type"); err != nil {
			return err
		}
		if (p.Element == xml.Name{}) == (p.Type == xml.Name{}) {
			return errorf(f.pos(c), "wsdl:part needs exactly one of element and type")
		}
		m.Parts = append(m.Parts, p)
	}
	return merge(f.l.set.Messages, n, m, "message", func(m *Message) Pos { return m.Pos })
}

// mergeOrdered adds def to list unless a definition with the same name is there; identical ones
// collapse, different ones are an error.
func mergeOrdered[T any](list *[]*T, name xml.Name, def *T, kind string, nameOf func(*T) xml.Name, pos func(*T) Pos) error {
	for _, old := range *list {
		if nameOf(old) != name {
			continue
		}
		return sameDefinition(kind, name, old, def, pos(old), pos(def))
	}
	*list = append(*list, def)
	return nil
}

func (f *file) portType(el *etree.Element) error {
	n, err := f.defName(el)
	if err != nil {
		return err
	}
	pt := &PortType{Name: n, Pos: f.pos(el), Doc: documentation(el)}
	seen := map[string]bool{}
	for _, c := range el.ChildElements() {
		if !is(c, NSWSDL, "operation") {
			continue
		}
		op := &Operation{Name: c.SelectAttrValue("name", ""), Pos: f.pos(c), Doc: documentation(c)}
		if !validNCName(op.Name) {
			return errorf(op.Pos, "wsdl:operation needs a valid name")
		}
		if seen[op.Name] {
			return errorf(op.Pos, "operation %s is declared twice (overloaded operations are not supported)", op.Name)
		}
		seen[op.Name] = true
		if po := c.SelectAttrValue("parameterOrder", ""); po != "" {
			op.ParameterOrder = strings.Fields(po)
		}
		for _, io := range c.ChildElements() {
			if io.NamespaceURI() != NSWSDL {
				continue
			}
			x := &IO{Name: io.SelectAttrValue("name", "")}
			switch io.Tag {
			case "input", "output", "fault":
				if x.Message, err = f.qname(io, "message"); err != nil {
					return err
				}
				if x.Message == (xml.Name{}) {
					return errorf(f.pos(io), "wsdl:%s has no message", io.Tag)
				}
				for _, a := range io.Attr {
					if a.Key == "Action" {
						if ns, _ := lookupNS(io, a.Space); ns == NSWSAW || ns == NSWSAM {
							x.Action = a.Value
						}
					}
				}
			case "documentation":
				continue
			default:
				return errorf(f.pos(io), "unexpected element wsdl:%s in wsdl:operation", io.Tag)
			}
			switch io.Tag {
			case "input":
				if op.Input != nil {
					return errorf(f.pos(io), "operation %s has two inputs", op.Name)
				}
				op.Input = x
			case "output":
				if op.Output != nil {
					return errorf(f.pos(io), "operation %s has two outputs", op.Name)
				}
				op.Output = x
			case "fault":
				op.Faults = append(op.Faults, x)
			}
		}
		// An operation without input is kept (bindings name it), but the model skips it with a
		// notice: WSDL 1.1 sections 2.4.3 and 2.4.4 (notification, solicit-response) describe messages
		// the server sends first, which a client cannot ask for; one with no message at all
		// describes nothing to call.
		pt.Operations = append(pt.Operations, op)
	}
	return mergeOrdered(&f.l.set.PortTypes, n, pt, "port type",
		func(p *PortType) xml.Name { return p.Name }, func(p *PortType) Pos { return p.Pos })
}

// soapNS returns the protocol of a WSDL extension element's namespace.
func soapNS(el *etree.Element) Protocol {
	switch el.NamespaceURI() {
	case NSSOAP11:
		return SOAP11
	case NSSOAP12:
		return SOAP12
	case NSHTTP:
		return HTTP
	}
	return OtherProtocol
}

func (f *file) binding(el *etree.Element) error {
	n, err := f.defName(el)
	if err != nil {
		return err
	}
	b := &Binding{Name: n, Pos: f.pos(el), Doc: documentation(el)}
	if b.Type, err = f.qname(el, "type"); err != nil {
		return err
	}
	if b.Type == (xml.Name{}) {
		return errorf(b.Pos, "wsdl:binding has no type (port type)")
	}
	for _, c := range el.ChildElements() {
		if c.Tag == "binding" {
			if p := soapNS(c); p != OtherProtocol {
				b.Protocol = p
				b.Style = c.SelectAttrValue("style", "")
				b.Transport = c.SelectAttrValue("transport", "")
			}
			continue
		}
		if !is(c, NSWSDL, "operation") {
			continue
		}
		op := &BindingOperation{Name: c.SelectAttrValue("name", ""), Pos: f.pos(c)}
		for _, x := range c.ChildElements() {
			switch {
			case x.Tag == "operation" && (soapNS(x) == SOAP11 || soapNS(x) == SOAP12):
				op.Action = x.SelectAttrValue("soapAction", "")
				op.Style = x.SelectAttrValue("style", "")
			case is(x, NSWSDL, "input"), is(x, NSWSDL, "output"),
				!f.l.opts.Strict && (x.Tag == "input" || x.Tag == "output") && (soapNS(x) == SOAP11 || soapNS(x) == SOAP12):
				if x.NamespaceURI() != NSWSDL {
					f.l.set.fixup(SOAPInput, f.pos(x), "read %s as wsdl:%s", x.FullTag(), x.Tag)
				}
				bio, err := f.bindingIO(x)
				if err != nil {
					return err
				}
				if x.Tag == "input" {
					op.Input = bio
				} else {
					op.Output = bio
				}
			case is(x, NSWSDL, "fault"):
				bf := &BindingFault{Name: x.SelectAttrValue("name", "")}
				for _, sf := range x.ChildElements() {
					if sf.Tag == "fault" && soapNS(sf) != OtherProtocol {
						bf.Use = sf.SelectAttrValue("use", "literal")
						if bf.Name == "" {
							bf.Name = sf.SelectAttrValue("name", "")
						}
					}
				}
				op.Faults = append(op.Faults, bf)
			}
		}
		b.Operations = append(b.Operations, op)
	}
	return mergeOrdered(&f.l.set.Bindings, n, b, "binding",
		func(b *Binding) xml.Name { return b.Name }, func(b *Binding) Pos { return b.Pos })
}

func (f *file) bindingIO(el *etree.Element) (*BindingIO, error) {
	bio := &BindingIO{Name: el.SelectAttrValue("name", "")}
	for _, c := range el.ChildElements() {
		if soapNS(c) != SOAP11 && soapNS(c) != SOAP12 {
			continue
		}
		switch c.Tag {
		case "body":
			body := &Body{
				Use:           c.SelectAttrValue("use", "literal"),
				Namespace:     c.SelectAttrValue("namespace", ""),
				EncodingStyle: c.SelectAttrValue("encodingStyle", ""),
			}
			if v := c.SelectAttr("parts"); v != nil {
				body.Parts = strings.Fields(v.Value)
				if body.Parts == nil {
					body.Parts = []string{}
				}
			}
			bio.Body = body
		case "header":
			h := &Header{Part: c.SelectAttrValue("part", ""), Use: c.SelectAttrValue("use", "literal")}
			var err error
			if h.Message, err = f.qname(c, "message"); err != nil {
				return nil, err
			}
			if h.Message == (xml.Name{}) || h.Part == "" {
				return nil, errorf(f.pos(c), "soap:header needs message and part")
			}
			bio.Headers = append(bio.Headers, h)
		}
	}
	return bio, nil
}

func (f *file) service(el *etree.Element) error {
	n, err := f.defName(el)
	if err != nil {
		return err
	}
	s := &Service{Name: n, Pos: f.pos(el), Doc: documentation(el)}
	for _, c := range el.ChildElements() {
		if !is(c, NSWSDL, "port") {
			continue
		}
		p := &Port{Name: c.SelectAttrValue("name", "")}
		if p.Binding, err = f.qname(c, "binding"); err != nil {
			return err
		}
		if p.Binding == (xml.Name{}) {
			return errorf(f.pos(c), "wsdl:port has no binding")
		}
		for _, a := range c.ChildElements() {
			if a.Tag == "address" {
				if proto := soapNS(a); proto != OtherProtocol {
					p.Protocol = proto
					p.Address = strings.TrimSpace(a.SelectAttrValue("location", ""))
				}
			}
		}
		s.Ports = append(s.Ports, p)
	}
	return mergeOrdered(&f.l.set.Services, n, s, "service",
		func(s *Service) xml.Name { return s.Name }, func(s *Service) Pos { return s.Pos })
}
