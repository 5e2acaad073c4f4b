// Package bridge passes what package soap keeps from its users to package soapimpl, the package of
// generated code, which imports soap (soap never imports soapimpl). Package soap sets the variables
// below in its init function, before any package importing it is initialised; soapimpl asserts their
// types once, when it is initialised, and calls them from then on.
//
// Each variable's comment gives the type of the function it holds: the types are soap's, which this
// package cannot name (soap imports it).
package bridge

var (
	// PresenceHasNils is a func(p *soap.Presence, field string) bool reporting whether p records nil
	// items or dictionary values of the named field.
	PresenceHasNils any
	// PresenceNilFields is a func(p *soap.Presence) []string returning the names of the fields p
	// records nil items or dictionary values of, without repetition.
	PresenceNilFields any
	// PresenceEmpty is a func(p *soap.Presence) bool reporting whether p records nothing.
	PresenceEmpty any
)
