package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/sogen-go/sogen/model"
)

// bareArray renders the runtime type carrying a bare body element of a wrapped array or dictionary
// type: soap.BareArray[T] or soap.BareDict[K, V].
func (e *emitter) bareArray(v *model.Value) *jen.Statement {
	if v.Kind == model.DictValue {
		return e.soap("BareDict").Types(e.goType(v.Dict.Key.Type), e.goType(v.Dict.Value.Type))
	}
	return e.soap("BareArray").Types(e.goType(v.Array.Item.Type))
}

// bareVar names the field of soap.BareArray or soap.BareDict holding the description.
func (e *emitter) bareVar(v *model.Value) string {
	if v.Kind == model.DictValue {
		return "Dict"
	}
	return "Array"
}

// bareVarName is the package variable describing the array or dictionary.
func (e *emitter) bareVarName(v *model.Value) string {
	if v.Kind == model.DictValue {
		return v.Dict.Var
	}
	return v.Array.Var
}
