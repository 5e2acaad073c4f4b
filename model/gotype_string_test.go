package model

import "testing"

// TestGoTypeString pins the text of Go type expressions, which sogen diff prints.
func TestGoTypeString(t *testing.T) {
	webhook := &Type{Kind: Struct, GoName: "Webhook"}
	carrier := &Type{Kind: Struct, GoName: "Carrier", Poly: &Poly{Interface: "AnyCarrier"}}
	str := &GoType{Kind: Basic, Name: "string"}
	tests := []struct {
		t    *GoType
		want string
	}{
		{str, "string"},
		{&GoType{Kind: Runtime, Name: "DateTime"}, "soap.DateTime"},
		{&GoType{Kind: XMLName}, "xml.Name"},
		{&GoType{Kind: Named, Type: webhook}, "Webhook"},
		{&GoType{Kind: Slice, Elem: &GoType{Kind: Pointer, Elem: &GoType{Kind: Named, Type: webhook}}}, "[]*Webhook"},
		{&GoType{Kind: Map, Key: str, Elem: str}, "map[string]string"},
		{&GoType{Kind: Map, Key: str, Elem: &GoType{Kind: Any}}, "map[string]any"},
		{&GoType{Kind: Slice, Elem: &GoType{Kind: Interface, Type: carrier}}, "[]AnyCarrier"},
		{&GoType{Kind: Slice, Elem: &GoType{Kind: Slice, Elem: &GoType{Kind: Basic, Name: "byte"}}}, "[][]byte"},
	}
	for _, tt := range tests {
		if got := tt.t.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}
