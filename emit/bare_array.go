package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/sogen-go/sogen/model"
)

// bare renders the composite literal of the runtime value carrying a body element of a ValueBody,
// with the extra fields given (the request's Value): soap.BareAny{...}, soap.BareArray[T]{Array: ...},
// soap.BareDict[K, V]{Dict: ...} or soap.Bare[T]{Codec: ...}.
func (e *emitter) bare(sb *model.SimpleBody, fields ...jen.Code) *jen.Statement {
	v := sb.Value
	switch v.Kind {
	case model.AnyValue:
		return e.soap("BareAny").Values(fields...)
	case model.ArrayValue:
		return e.soap("BareArray").Types(e.goType(v.Array.Item.Type)).Values(append([]jen.Code{jen.Id("Array").Op(":").Id(v.Array.Var)}, fields...)...)
	case model.DictValue:
		return e.soap("BareDict").Types(e.goType(v.Dict.Key.Type), e.goType(v.Dict.Value.Type)).Values(append([]jen.Code{jen.Id("Dict").Op(":").Id(v.Dict.Var)}, fields...)...)
	}
	return e.soap("Bare").Types(e.goType(sb.Type)).Values(append([]jen.Code{jen.Id("Codec").Op(":").Add(e.codec(v.Codec))}, fields...)...)
}
