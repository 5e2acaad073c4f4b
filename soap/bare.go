package soap

// BareValue is the whole body element of a document/literal bare message whose element has a simple
// type, no type (xs:anyType), or a wrapped array or dictionary type: its value, and in Presence, under
// the name "Value", what the value alone cannot say — the element sent as xsi:nil (SetNil("Value")),
// the nil items of a string array (SetNilItem("Value", i)) and the nil values of a string dictionary
// (SetNilValue("Value", key)). The message-level methods of such operations (a client's Messages
// view) take and return one; decoding records there what the reply said.
type BareValue[T any] struct {
	// Value is the element's value.
	Value T
	// Presence holds the states of the element ("Value") that Value cannot hold.
	Presence Presence
}
