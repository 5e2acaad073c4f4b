// Package xmlr is the XML reader of the soap runtime: a namespace-aware pull parser over one byte
// slice, for SOAP messages. It is internal to soap so that the runtime and the code generated
// against it (soap/soapimpl) share it without users depending on it.
//
// # Reading
//
// A Reader reads one document held in a byte slice, the reply read whole within the client's size
// limit:
//
//	r := xmlr.NewReader(buf) // or r.Reset(buf) to reuse a Reader and its memory
//	for {
//		kind, err := r.Next() // StartElement, EndElement or Text; io.EOF after the root element
//		...
//	}
//
// After a StartElement, Name (or NS, Local, Is) gives the resolved name, NumAttr and Attr(i) the
// attributes by index, AttrValue(ns, local) one of them, NumDecl and Decl(i) the namespace
// declarations. After a Text, Text returns the character data. Child, ReadText, Skip, SkipRaw and
// Capture read larger pieces: the next child element, the text of simple content, a whole element
// skipped (checked, not decoded), the same with its bytes as written, or its tokens kept. Lookup,
// AppendScope and ResolveQName serve QName values (xsi:type) and whatever must keep the namespace
// scope. Errorf makes an error located at the current token, for the caller's own checks.
//
// Nothing allocates in the course of reading but the growth of the Reader's own slices (the open
// elements, the namespace bindings in scope, the attributes of one tag), which a reused Reader
// keeps, and one string per namespace name not registered with Intern (remembered across
// documents, within bounds). Reading the 3.7 MB benchmark reply with a reused Reader allocates
// nothing.
//
// # Names
//
// Names are byte slices into the buffer. A namespace is identified by an NS: Intern registers a
// namespace name (once, at package initialisation: generated code holds the NS of its schemas'
// namespaces in variables) and every Reader then gives names in it that NS, so that a decoder
// compares an element with a descriptor's name as an integer and a string:
//
//	var ns88 = xmlr.Intern("http://www.superoffice.net/ws/crm/NetServer/Services88")
//	...
//	if r.Is(ns88, "WebhookId") { ... } // or r.NS() == ns88 && string(r.Local()) == "WebhookId"
//
// (string(b) == s and a map lookup m[string(b)] do not allocate.) A namespace that is not
// registered gets an NS with the Local bit set, valid for what one Reader reads until its next
// Reset. Name.Space holds the namespace name itself in all cases.
//
// # The buffer
//
// The Reader owns the buffer it reads: character data and attribute values are decoded in place the
// first time Text, Attr or AttrValue asks for them (references replaced, CDATA sections unwrapped,
// comments and processing instructions removed from the text around them, line breaks and
// attribute white space normalised), which only ever shortens them. So every slice the Reader
// returns stays valid, and unchanged, until the Reader is Reset: a decoder may keep them (Capture
// keeps whole elements as tokens this way, for rpc/encoded replies and xs:any content). What is
// never asked for is never decoded: Skip and SkipRaw check an element without writing to it.
//
// The document is read from memory, not from an io.Reader through a window: the runtime reads the
// reply into one buffer within its size limit anyway (it must be able to show an excerpt of a
// reply that is not SOAP), a window would have to be at least as large as the largest token (a
// base64 attachment, a fault detail) and would make every returned slice valid only until the next
// token, which rules out in-place decoding, Capture and references into the buffer. The memory is
// the reply itself (bounded by the client's MaxResponseSize) plus the Reader's bookkeeping, which is
// proportional to the nesting depth, the attributes of one tag and the namespace declarations in
// scope, never to the document's length; decoded namespace names written with references (rare)
// are copied. There are no entities to expand, so no input makes the Reader use more than that.
//
// # Well-formedness
//
// The Reader accepts exactly the documents that are well-formed by XML 1.0 (fifth edition) and
// namespace-well-formed by Namespaces in XML 1.0 (third edition), in UTF-8, without a document type
// declaration, nested at most MaxDepth deep (DefaultMaxDepth, 256, the soap runtime's limit). Any
// other input is an *Error with its byte offset, line and column; the Reader stops there. It checks:
//
//   - the XML declaration, only at the start, with version 1.0 and, if given, an encoding of UTF-8
//     or US-ASCII (as the soap runtime accepts: "utf-8", "utf8", "us-ascii", "ascii" in any case)
//     and standalone yes or no; a UTF-8 byte order mark before it is skipped, a UTF-16 one refused;
//   - one root element, with only white space, comments and processing instructions around it;
//   - names (the fifth edition's NameStartChar and NameChar) and QNames (no colon but one between
//     two non-empty parts), tags matched, white space between attributes, attribute values quoted
//     without <, no two attributes with the same name nor, after namespace processing, the same
//     namespace and local name;
//   - characters: UTF-8 everywhere (names, text, attribute values, comments, processing
//     instructions, CDATA), no character outside production [2] Char, no ]]> in text, no -- in
//     comments, references only to the five predefined entities or to allowed characters;
//   - processing instruction targets: not xml (in any case) after the start, no colon, white space
//     before any data;
//   - namespaces: every prefix declared (xml is always bound; xmlns is never a prefix of an
//     element), xml bound to nothing but its namespace and xmlns not declared, neither namespace
//     name bound to another prefix or made the default, no prefix undeclared with xmlns:p="";
//     xmlns="" undeclares the default namespace;
//   - document type and other markup declarations (<!DOCTYPE, <!ENTITY, ...) are refused.
//
// # Compared with encoding/xml
//
// The differential test (diff_test.go) holds the Reader to encoding/xml, configured as the soap
// runtime configures it: the same documents accepted, with the same names, namespaces, attributes
// and text. The Reader departs from it only where encoding/xml does not follow the specifications,
// and refuses then what encoding/xml accepts: unbound prefixes, duplicate expanded attribute names,
// misuse of the reserved prefixes, prefix undeclaring, names that are not QNames, attributes without
// white space between them, text or CDATA outside the root element and several root elements,
// directives (encoding/xml returns them; the runtime refused them already), a misplaced or
// malformed XML declaration, reserved or colonised processing instruction targets and targets run
// into their data, characters not allowed (or not UTF-8) in comments and processing instructions,
// and character references to surrogates (which encoding/xml turns into U+FFFD). Names follow the
// fifth edition's character classes, encoding/xml those of earlier editions; the Reader accepts a
// few names encoding/xml refuses. In attribute values the Reader turns each literal TAB, LF and CR
// (and CR LF) into a space as section 3.3.3 requires; encoding/xml keeps them. The Reader reports
// text as one token per run of character data between tags, comments and processing instructions
// left out, where encoding/xml returns a token for each piece; and it reports neither comments,
// processing instructions nor white space outside the root element.
//
// A Reader is not safe for concurrent use; Intern is.
package xmlr
