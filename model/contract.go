package model

import (
	"encoding/xml"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// The reply-header status contract. Some APIs report a call's failure in the reply's SOAP headers
// rather than with a SOAP fault: SuperOffice NetServer answers with the header blocks Succeeded
// (xs:boolean) and ExceptionInfo (a SoExceptionInfo) beside a normal, often empty, body. Build
// decides, per client, which response header blocks report failure; the emitter then gives the
// response header struct a CheckResponse method (soap.ResponseChecker), which the runtime calls after
// each reply, and the error block's type Error and Unwrap methods, so that it is an error reached with
// errors.As.
//
// Recognition (StatusHeaders zero): in a client's response header,
//   - a status block is a single block of type xs:boolean whose local name is, ignoring case,
//     Succeeded, Success, Successful, IsSuccess or IsSuccessful;
//   - an error block is a single block of a complex type (a struct, neither derived nor extended)
//     whose element or type name contains, ignoring case, "exception", "error" or "fault", and whose
//     type has a string child element named Message (ignoring case);
//
// and the contract applies when the client has exactly one of each. A client with one without the
// other gets no contract; one with several candidates of a kind gets none either, and a notice.
// StatusHeaders names the blocks instead (one of them may be left out: an API may have only a status
// or only an error block), or turns the contract off. Each client given a contract is named in a
// notice.

// StatusHeaders says how Build finds, in each client's response header, the blocks that report
// whether a call succeeded (the reply-header status contract). The zero value recognises them by
// name and type.
type StatusHeaders struct {
	// Off turns the contract off: no client gets one.
	Off bool
	// Status and Error name the blocks, as "Local" or "{namespace}Local", instead of recognising them:
	// Status a block of type xs:boolean (false: the call failed), Error a block of a complex type (a
	// reply carrying it failed). Each applies to every client whose response header has it; either
	// may be empty.
	Status, Error string
}

// OptionError is a problem with an option rather than with the input: a named block that no client
// has, or that has the wrong kind.
type OptionError struct {
	// Option is the option at fault, e.g. "StatusHeaders.Status", and Value its value.
	Option, Value string
	Msg           string
}

func (e *OptionError) Error() string {
	return fmt.Sprintf("%s %q: %s", e.Option, e.Value, e.Msg)
}

// Contract is a client's reply-header status contract: the response header blocks reporting whether
// a call succeeded. The response header struct gets CheckResponse (soap.ResponseChecker): a non-nil
// Error block is returned as the error; otherwise a Status of false is a failure.
type Contract struct {
	// Status is the boolean block (false: the call failed), or nil.
	Status *Field
	// Error is the block describing a failure, or nil; its type (Error.Value.Type) has ErrorMethods.
	Error *Field
	// FalseText describes a Status of false without an Error block. CheckResponse returns it as a
	// value of the error type with FalseField set to it, or as a plain error when FalseField is nil
	// (no error block, or an error type without a string field).
	FalseText  string
	FalseField *Field
	// Doc is CheckResponse's doc comment.
	Doc string
}

// ErrorMethods are the Error and Unwrap methods of a struct that is the type of a contract's error
// block.
type ErrorMethods struct {
	// Fields are the string fields Error shows (soapimpl.ErrorText), in schema order.
	Fields []*Field
	// Unwrap is the field holding the inner failure (the single field of the type's own type), or
	// nil: no Unwrap method.
	Unwrap *Field
	// ErrorDoc and UnwrapDoc are the methods' doc comments.
	ErrorDoc, UnwrapDoc string
}

// statusNames are the local names (lower case) a status block may have to be recognised.
var statusNames = []string{"succeeded", "success", "successful", "issuccess", "issuccessful"}

// errorWords are the words (lower case) the name of an error block or of its type contains to be
// recognised.
var errorWords = []string{"exception", "error", "fault"}

// contracts collects the outcome of the contract decisions over all clients, for the notices and the
// checks of named blocks.
type contracts struct {
	// applied maps a notice's text (without the clients) to the clients it concerns, in order.
	applied map[string][]string
	order   []string
	// foundStatus and foundError are set when a named block was found in some client.
	foundStatus, foundError bool
	// blocks are the names of every response header block, for the error naming none.
	blocks []string
}

// contract decides the status contract of client c, whose response header h is built.
func (b *builder) contract(c *Client, h *Header) error {
	opts := b.opts.StatusHeaders
	if h == nil || opts.Off {
		return nil
	}
	cs := &b.contracts
	for _, f := range h.Fields {
		if !slices.Contains(cs.blocks, f.Elem.Local) {
			cs.blocks = append(cs.blocks, f.Elem.Local)
		}
	}
	var ct *Contract
	how := "recognised by the blocks' names and types; -no-status-headers turns it off"
	if opts.Status != "" || opts.Error != "" {
		how = "named by -status-header/-error-header"
		status, err := namedBlock(c, h, "StatusHeaders.Status", opts.Status)
		if err != nil {
			return err
		}
		errBlock, err := namedBlock(c, h, "StatusHeaders.Error", opts.Error)
		if err != nil {
			return err
		}
		if status != nil {
			cs.foundStatus = true
			if !isBoolean(status) {
				return &OptionError{Option: "StatusHeaders.Status", Value: opts.Status,
					Msg: fmt.Sprintf("the block %s of %s's response header is of Go type %s, not xs:boolean", status.Elem.Local, c.GoName, status.Type)}
			}
		}
		if errBlock != nil {
			cs.foundError = true
			if why := errorTypeProblem(errBlock); why != "" {
				return &OptionError{Option: "StatusHeaders.Error", Value: opts.Error,
					Msg: fmt.Sprintf("the block %s of %s's response header cannot report a failure: %s", errBlock.Elem.Local, c.GoName, why)}
			}
		}
		if status == nil && errBlock == nil {
			return nil
		}
		ct = &Contract{Status: status, Error: errBlock}
	} else {
		var status, errBlock []*Field
		for _, f := range h.Fields {
			if isBoolean(f) && slices.Contains(statusNames, strings.ToLower(f.Elem.Local)) {
				status = append(status, f)
			}
			if looksLikeError(f) {
				errBlock = append(errBlock, f)
			}
		}
		switch {
		case len(status) == 1 && len(errBlock) == 1:
			ct = &Contract{Status: status[0], Error: errBlock[0]}
		case len(status) > 1 || len(errBlock) > 1:
			b.pkg.Notices = append(b.pkg.Notices, fmt.Sprintf("%s: no reply-header status contract: several response header blocks look like status blocks (%s) or error blocks (%s); name them with -status-header and -error-header",
				c.GoName, blockNames(status), blockNames(errBlock)))
			return nil
		default:
			// One kind of block without the other is not enough to recognise the contract (a
			// Succeeded alone may mean something else); the options can name it.
			return nil
		}
	}
	completeContract(ct)
	h.Contract = ct
	var what []string
	if ct.Status != nil {
		what = append(what, fmt.Sprintf("whose header block %s is false", ct.Status.Elem.Local))
	}
	if ct.Error != nil {
		what = append(what, fmt.Sprintf("that carries a header block %s", ct.Error.Elem.Local))
	}
	reply := "a reply " + strings.Join(what, ", or ")
	if len(what) > 1 {
		reply += ","
	}
	key := "reply-header status contract: " + reply + " is an error"
	if ct.Error != nil {
		key += fmt.Sprintf(", a *%s", ct.Error.Value.Type.GoName)
	}
	key += " (" + how + ")"
	if _, ok := cs.applied[key]; !ok {
		if cs.applied == nil {
			cs.applied = map[string][]string{}
		}
		cs.order = append(cs.order, key)
	}
	cs.applied[key] = append(cs.applied[key], c.GoName)
	return nil
}

// completeContract fills in the texts of ct and the error methods of its error type.
func completeContract(ct *Contract) {
	var checks []string
	if ct.Error != nil {
		checks = append(checks, fmt.Sprintf("a non-nil %s is returned as it is", ct.Error.GoName))
		t := ct.Error.Value.Type
		if t.ErrorMethods == nil {
			t.ErrorMethods = errorMethods(t)
		}
		if s := t.ErrorMethods.Fields; len(s) > 0 {
			ct.FalseField = s[0]
			for _, f := range s {
				if strings.EqualFold(f.Elem.Local, "Message") {
					ct.FalseField = f
					break
				}
			}
		}
	}
	if ct.Status != nil {
		ct.FalseText = fmt.Sprintf("the reply's header block %s is false", ct.Status.Elem.Local)
		if ct.Error != nil {
			ct.FalseText += fmt.Sprintf(", and it carries no %s block", ct.Error.Elem.Local)
		}
		if ct.FalseField != nil {
			checks = append(checks, fmt.Sprintf("otherwise a %s of false is a *%s whose %s says so", ct.Status.GoName, ct.Error.Value.Type.GoName, ct.FalseField.GoName))
		} else {
			checks = append(checks, fmt.Sprintf("a %s of false is an error saying so", ct.Status.GoName))
		}
	}
	ct.Doc = fmt.Sprintf("CheckResponse returns the failure the reply's header blocks report, or nil: %s. The client calls it after each reply without fault (soap.ResponseChecker) and returns its error, together with the result when the reply's body was decoded.",
		strings.Join(checks, "; "))
}

// errorMethods decides the Error and Unwrap methods of t, a contract's error type.
func errorMethods(t *Type) *ErrorMethods {
	m := &ErrorMethods{}
	var shown, inner []*Field
	for _, f := range t.Fields {
		switch {
		case f.Shape != Single:
		case f.Type.Kind == Basic && f.Type.Name == "string" && !strings.Contains(strings.ToLower(f.Elem.Local), "stacktrace"):
			shown = append(shown, f)
		case f.Value != nil && f.Value.Kind == StructValue && f.Value.Type == t:
			inner = append(inner, f)
		}
	}
	m.Fields = shown
	var names []string
	for _, f := range shown {
		names = append(names, f.GoName)
	}
	list := "no fields"
	if len(names) > 0 {
		list = "its string fields " + strings.Join(names, ", ")
	}
	m.ErrorDoc = fmt.Sprintf("Error describes the failure, so that *%s is an error (a reply-header status contract's error block): %s, each quoted with Go escapes, the whole cut to 1024 bytes", t.GoName, list)
	if len(inner) == 1 && !t.hasMember("Unwrap") {
		m.Unwrap = inner[0]
		m.ErrorDoc += fmt.Sprintf(", then the %s's message", m.Unwrap.GoName)
		m.UnwrapDoc = fmt.Sprintf("Unwrap returns the %s, so that errors.Is and errors.As reach it, or nil (an untyped nil error) when there is none.", m.Unwrap.GoName)
	}
	m.ErrorDoc += "; at most 1024 bytes."
	return m
}

// namedBlock returns the field of h that name ("Local" or "{namespace}Local") names, or nil.
func namedBlock(c *Client, h *Header, option, name string) (*Field, error) {
	if name == "" {
		return nil, nil
	}
	want := xml.Name{Local: name}
	if rest, ok := strings.CutPrefix(name, "{"); ok {
		ns, local, ok := strings.Cut(rest, "}")
		if !ok {
			return nil, &OptionError{Option: option, Value: name, Msg: "want Local or {namespace}Local"}
		}
		want = xml.Name{Space: ns, Local: local}
	}
	if want.Local == "" || strings.ContainsAny(want.Local, "{}") {
		return nil, &OptionError{Option: option, Value: name, Msg: "want Local or {namespace}Local"}
	}
	var found *Field
	for _, f := range h.Fields {
		x := f.Elem.XML()
		if x.Local != want.Local || name[0] == '{' && x.Space != want.Space {
			continue
		}
		if found != nil {
			return nil, &OptionError{Option: option, Value: name,
				Msg: fmt.Sprintf("%s's response header has several blocks named %s (in %s and %s): give the namespace, as {namespace}%s", c.GoName, want.Local, found.Elem.XML().Space, x.Space, want.Local)}
		}
		found = f
	}
	return found, nil
}

// checkNamed reports a named block that no client's response header has.
func (b *builder) checkNamed() error {
	opts, cs := b.opts.StatusHeaders, &b.contracts
	blocks := append([]string(nil), cs.blocks...)
	sort.Strings(blocks)
	have := "no client has a response header"
	if len(blocks) > 0 {
		have = "the response header blocks are " + strings.Join(blocks, ", ")
	}
	switch {
	case opts.Off && (opts.Status != "" || opts.Error != ""):
		return &OptionError{Option: "StatusHeaders.Off", Value: "true", Msg: "turns the contract off, so it cannot be combined with naming its blocks"}
	case opts.Off:
	case opts.Status != "" && !cs.foundStatus:
		return &OptionError{Option: "StatusHeaders.Status", Value: opts.Status, Msg: "no client's response header has this block (" + have + ")"}
	case opts.Error != "" && !cs.foundError:
		return &OptionError{Option: "StatusHeaders.Error", Value: opts.Error, Msg: "no client's response header has this block (" + have + ")"}
	}
	for _, key := range cs.order {
		b.pkg.Notices = append(b.pkg.Notices, strings.Join(cs.applied[key], ", ")+": "+key)
	}
	return nil
}

// isBoolean reports whether header field f is a single xs:boolean.
func isBoolean(f *Field) bool {
	return f.Shape == Single && f.Value != nil && f.Value.Kind == SimpleValue && f.Value.Codec != nil &&
		f.Value.Codec.Runtime && f.Value.Codec.Name == "XSBoolean"
}

// looksLikeError reports whether header field f is recognised as an error block.
func looksLikeError(f *Field) bool {
	if errorTypeProblem(f) != "" {
		return false
	}
	t := f.Value.Type
	named := false
	for _, w := range errorWords {
		named = named || strings.Contains(strings.ToLower(f.Elem.Local), w) || strings.Contains(strings.ToLower(t.QName.Local), w)
	}
	if !named {
		return false
	}
	for _, tf := range t.Fields {
		if tf.Shape == Single && tf.Type.Kind == Basic && tf.Type.Name == "string" && strings.EqualFold(tf.Elem.Local, "Message") {
			return true
		}
	}
	return false
}

// errorTypeProblem says why header field f cannot be an error block, or returns "".
func errorTypeProblem(f *Field) string {
	if f.Shape != Single || f.Value == nil || f.Value.Kind != StructValue {
		return fmt.Sprintf("it is of Go type %s, not a struct of a complex type", f.Type)
	}
	t := f.Value.Type
	switch {
	case t.Base != nil || t.Poly != nil:
		return fmt.Sprintf("its type %s is derived or has derived types, which the contract does not support", t.GoName)
	case t.hasMember("Error"):
		return fmt.Sprintf("its type %s has a field named Error, so it cannot have the Error method of an error", t.GoName)
	}
	return ""
}

// hasMember reports whether struct t has a field named name (methods of generated structs never
// take the names Error and Unwrap).
func (t *Type) hasMember(name string) bool {
	if t.Mixed == name || t.AnyAttr == name || t.Presence == name || t.Text != nil && t.Text.GoName == name {
		return true
	}
	for _, f := range t.Fields {
		if f.GoName == name {
			return true
		}
	}
	for _, a := range t.Attrs {
		if a.GoName == name {
			return true
		}
	}
	return false
}

// blockNames lists the element names of fields.
func blockNames(fields []*Field) string {
	if len(fields) == 0 {
		return "none"
	}
	var out []string
	for _, f := range fields {
		out = append(out, f.Elem.Local)
	}
	return strings.Join(out, ", ")
}
