package model

import (
	"fmt"
	"strings"

	"github.com/sogen-go/sogen/parser"
)

// FaultType is the typed error of a declared fault (wsdl:fault): a SOAP fault whose detail holds the
// element Elem. The generated struct holds the decoded detail and the *soap.Fault, implements error
// and unwraps to the *soap.Fault.
type FaultType struct {
	GoName string
	Doc    string
	// Elem is the detail element's name.
	Elem QName
	// Detail is the Go type of the decoded detail (a pointer to a generated struct).
	Detail *GoType
	// Type is the generated struct of the detail.
	Type *Type
	// Var is the package variable describing the fault to the runtime (a soapimpl.FaultType).
	Var string
}

// operationFaults returns the typed errors of the faults op declares, creating each once per detail
// element. A fault that cannot be typed (its message part names a type, or its element is not of a
// plain struct type) stays a plain *soap.Fault, with a notice.
func (b *builder) operationFaults(op *parser.Operation) []*FaultType {
	var out []*FaultType
	for _, f := range op.Faults {
		m := b.set.Messages[f.Message]
		if m == nil {
			continue
		}
		if len(m.Parts) != 1 || m.Parts[0].Element.Local == "" {
			b.pkg.Notices = append(b.pkg.Notices, fmt.Sprintf("%s: fault %s of operation %s: its message %s does not have exactly one part naming an element (WS-I BP R2205), so it is returned as a plain *soap.Fault", op.Pos, f.Name, op.Name, m.Name.Local))
			continue
		}
		en := m.Parts[0].Element
		e := b.set.Elements[en]
		if e == nil {
			continue
		}
		var ft *FaultType
		for _, x := range b.pkg.Faults {
			if x.Elem.XML() == en {
				ft = x
			}
		}
		if ft == nil {
			gt, v, err := b.elementValue(e, "")
			if err != nil || v.Kind != StructValue {
				b.pkg.Notices = append(b.pkg.Notices, fmt.Sprintf("%s: fault %s of operation %s: its element %s is not of a plain struct type (it is simple-typed, or a base type with derived types), so it is returned as a plain *soap.Fault", op.Pos, f.Name, op.Name, en.Local))
				continue
			}
			name := Exported(en.Local)
			if strings.HasSuffix(strings.ToLower(name), "fault") {
				name += "Error"
			} else {
				name += "Fault"
			}
			ft = &FaultType{GoName: b.scope.Claim(name, "Error"), Elem: b.qname(en), Detail: gt, Type: v.Type}
			ft.Var = b.scope.Claim(Unexported("fault" + ft.GoName))
			ft.Doc = fmt.Sprintf("%s is the fault %s: a SOAP fault whose detail holds the element %s, decoded into Detail. "+
				"The methods of the operations declaring it return it as their error (find it with errors.As); it unwraps to the *soap.Fault.",
				ft.GoName, f.Name, qstring(ft.Elem))
			b.pkg.Faults = append(b.pkg.Faults, ft)
		}
		dup := false
		for _, x := range out {
			dup = dup || x == ft
		}
		if !dup {
			out = append(out, ft)
		}
	}
	return out
}
