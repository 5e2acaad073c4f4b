package model

// This file decides every Go identifier and file name sogen emits. Names come
// from XML (element, type, operation, portType, part and enumeration-value
// names), which may contain letters of any script, digits, '.', '-' and '_'
// in any casing convention. The rules below are deliberately simple and fully
// deterministic: the same XML name always yields the same Go name, and the
// same sequence of requests to a Scope always yields the same names.

import (
	"go/token"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// commonInitialisms are words written entirely in upper case in Go names
// (after golint's list, extended with the XML/SOAP vocabulary sogen meets).
// Keys are upper-case ASCII.
var commonInitialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true,
	"DNS": true, "EOF": true, "GUID": true, "HTML": true, "HTTP": true,
	"HTTPS": true, "ID": true, "IP": true, "JSON": true, "LHS": true,
	"QPS": true, "RAM": true, "RHS": true, "RPC": true, "SLA": true,
	"SMTP": true, "SOAP": true, "SQL": true, "SSH": true, "TCP": true,
	"TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true,
	"URI": true, "URL": true, "UTF8": true, "UUID": true, "VM": true,
	"WSDL": true, "XML": true, "XSD": true, "XSRF": true, "XSS": true,
}

// predeclared holds Go's predeclared identifiers (the universe scope): types,
// constants, the zero value nil and the built-in functions.
var predeclared = map[string]bool{
	// types
	"any": true, "bool": true, "byte": true, "comparable": true,
	"complex64": true, "complex128": true, "error": true,
	"float32": true, "float64": true,
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"rune": true, "string": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
	"uintptr": true,
	// constants and zero value
	"true": true, "false": true, "iota": true, "nil": true,
	// functions
	"append": true, "cap": true, "clear": true, "close": true, "complex": true,
	"copy": true, "delete": true, "imag": true, "len": true, "make": true,
	"max": true, "min": true, "new": true, "panic": true, "print": true,
	"println": true, "real": true, "recover": true,
}

// IsReserved reports whether s is a Go keyword (such as "type" or "func") or
// a predeclared identifier (such as "string", "len" or "nil"). Such names
// cannot, or should not, be used as identifiers in generated code.
func IsReserved(s string) bool {
	return token.IsKeyword(s) || predeclared[s]
}

// isUpper reports whether r is an upper-case or title-case letter.
func isUpper(r rune) bool { return unicode.IsUpper(r) || unicode.IsTitle(r) }

// isWordRune reports whether r may be part of a word (and of a Go identifier).
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Words splits an XML name into words. It splits
//
//   - at every character that is not a letter or digit, dropping it
//     ("first_name" -> first, name; "get-user.v2" -> get, user, v2);
//   - at lower->upper transitions ("webhookId" -> webhook, Id); letters that
//     have no case (e.g. CJK) count as lower-case here ("名前ID" -> 名前, ID);
//   - before the last upper-case letter of an upper-case run that is followed
//     by a lower-case letter ("UIHintMandatory" -> UI, Hint, Mandatory;
//     "EMailAddress" -> E, Mail, Address; "SOAPAction" -> SOAP, Action).
//
// An upper-case run that is not followed by a lower-case letter stays one
// word: "HTTPSURL" is a single word (there is no dictionary splitting).
//
// Digits stay attached to the word they follow ("Unused1", "UndefinedValue256"
// -> Undefined, Value256; "Ipv4Address" -> Ipv4, Address), and an upper-case
// letter after such digits starts a new word just as after a lower-case letter
// ("v2Beta" -> v2, Beta; "UTF8String" -> UTF8, String). Digits that start a
// word behave like the start of an upper-case run, so they keep a following
// acronym but not a following capitalised word ("3DSecure" -> 3D, Secure;
// "2FA" -> 2FA; "404NotFound" -> 404, Not, Found).
//
// Words returns nil if s has no letters or digits. Every word is non-empty and
// consists only of letters and digits as written in s (invalid UTF-8 is
// treated as a separator).
func Words(s string) []string {
	rs := []rune(s)
	var words []string
	start := -1       // index of the first rune of the current word, or -1
	lettered := false // whether the current word contains a letter so far
	for i, r := range rs {
		if !isWordRune(r) {
			if start >= 0 {
				words = append(words, string(rs[start:i]))
				start = -1
			}
			continue
		}
		if start < 0 {
			start, lettered = i, false
		} else if splitBefore(rs, i, lettered) {
			words = append(words, string(rs[start:i]))
			start, lettered = i, false
		}
		if unicode.IsLetter(r) {
			lettered = true
		}
	}
	if start >= 0 {
		words = append(words, string(rs[start:]))
	}
	return words
}

// splitBefore reports whether a new word starts at rs[i], given that rs[i-1]
// is a word rune of the current word and lettered tells whether the current
// word contains a letter.
func splitBefore(rs []rune, i int, lettered bool) bool {
	if !isUpper(rs[i]) {
		return false // words only ever start at an upper-case letter
	}
	p := rs[i-1]
	// Digits that start a word act like an upper-case run ("3DSecure");
	// digits after letters act like the lower-case end of a word ("v2Beta").
	if isUpper(p) || (unicode.IsDigit(p) && !lettered) {
		// Inside an upper-case run: split only before its last letter, and only
		// if a lower-case letter follows ("SOAPAction" -> SOAP, Action).
		return i+1 < len(rs) && unicode.IsLower(rs[i+1])
	}
	return true // lower (or caseless) -> upper
}

// initialism returns the upper-case form of w if w is a common initialism
// (compared case-insensitively; only ASCII words qualify, so that letters
// such as the dotless ı never turn into ASCII I).
func initialism(w string) (string, bool) {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return "", false
		}
	}
	u := strings.ToUpper(w)
	return u, commonInitialisms[u]
}

// exportWord writes w with its first letter upper-cased and the rest as
// written, or entirely upper-cased if it is a common initialism.
func exportWord(b *strings.Builder, w string) {
	if u, ok := initialism(w); ok {
		b.WriteString(u)
		return
	}
	r, n := utf8.DecodeRuneInString(w)
	b.WriteRune(unicode.ToUpper(r))
	b.WriteString(w[n:])
}

// Exported returns an exported Go identifier for an XML name (see Words for
// how it is split): each word with its first letter upper-cased and the rest
// kept as written, except that a word which is a common initialism
// (case-insensitively: ID, URL, URI, HTTP, HTTPS, XML, JSON, API, SOAP, WSDL,
// XSD, UUID, GUID, UID, UI, IP, TCP, UDP, DNS, SQL, HTML, CSS, ASCII, UTF8,
// EOF, CPU, RAM, TLS, SSH, SMTP, TTL, RPC, ACL, XSRF, XSS, QPS, VM, LHS, RHS,
// SLA) becomes all upper case. Examples:
//
//	"WebhookId"      -> "WebhookID"
//	"TargetUrl"      -> "TargetURL"
//	"GroupIdx"       -> "GroupIdx"        (Idx is not an initialism)
//	"Ids"            -> "Ids"
//	"ArrayOfstring"  -> "ArrayOfstring"   (no dictionary splitting)
//	"UIHintReadOnly" -> "UIHintReadOnly"
//	"first_name"     -> "FirstName"
//	"get-user.v2"    -> "GetUserV2"
//	"soTimeZoneId"   -> "SoTimeZoneID"
//	"HTTPSURL"       -> "HTTPSURL"        (one all-caps word, kept as written)
//	"FIRST_NAME"     -> "FIRSTNAME"       (all-caps words are kept as written)
//
// Words are joined without separators. A result that would not start with an
// upper-case letter (it starts with a digit, or with a letter that has no
// upper case such as CJK or ß) is prefixed with "X": "3DSecure" ->
// "X3DSecure", "名前" -> "X名前". An input with no letters or digits yields
// "X". The result is always a valid, exported Go identifier.
func Exported(s string) string {
	var b strings.Builder
	for _, w := range Words(s) {
		exportWord(&b, w)
	}
	out := b.String()
	if r, _ := utf8.DecodeRuneInString(out); !unicode.IsUpper(r) {
		out = "X" + out
	}
	return out
}

// Unexported returns an unexported Go identifier for an XML name: the first
// word lower-cased entirely (so an initialism first word is lower-cased as a
// whole: "ID" -> "id", "URLPath" -> "urlPath", "UIHint" -> "uiHint"), the
// other words as in Exported ("WebhookId" -> "webhookID").
//
// A result that starts with a digit, or with an upper-case letter that has no
// lower case, is prefixed with "x" ("3DSecure" -> "x3dSecure"); an input with
// no letters or digits yields "x". If the result is a Go keyword or a
// predeclared identifier (see IsReserved), an underscore is appended
// ("type" -> "type_", "String" -> "string_"). The result is always a valid,
// unexported, non-reserved Go identifier.
func Unexported(s string) string {
	words := Words(s)
	if len(words) == 0 {
		return "x"
	}
	var b strings.Builder
	b.WriteString(strings.ToLower(words[0]))
	for _, w := range words[1:] {
		exportWord(&b, w)
	}
	out := b.String()
	if r, _ := utf8.DecodeRuneInString(out); unicode.IsDigit(r) || unicode.IsUpper(r) {
		out = "x" + out
	}
	if IsReserved(out) {
		out += "_"
	}
	return out
}

// Scope hands out unique identifiers within one Go scope (the package block,
// a struct's fields, a method's parameters) deterministically: the same
// sequence of requests always yields the same names. Names are compared
// case-sensitively, as Go does, except by ClaimFold.
//
// The zero Scope is not usable; create one with NewScope or NewScopeIn.
type Scope struct {
	taken map[string]bool // names taken, exactly as given
	// folded holds the foldKey of every taken name once ClaimFold has been used (nil before: the
	// other scopes never need it).
	folded map[string]bool
	// parent, if not nil, holds names taken too (read only): a struct's fields may not take the names
	// of the types it extends, and the chains of extension may be long.
	parent *Scope
}

// NewScope returns a Scope in which the given names are already taken (e.g.
// imported package names, the receiver name, "ctx").
func NewScope(reserved ...string) *Scope {
	return NewScopeIn(nil, reserved...)
}

// NewScopeIn returns a Scope in which the names taken in parent (now or later) and the given names
// are taken. Names are taken in the new scope only: parent is not changed.
func NewScopeIn(parent *Scope, reserved ...string) *Scope {
	s := &Scope{taken: map[string]bool{}, parent: parent}
	for _, name := range reserved {
		s.take(name)
	}
	return s
}

func (s *Scope) take(name string) {
	s.taken[name] = true
	if s.folded != nil {
		s.folded[foldKey(name)] = true
	}
}

// Taken reports whether name is taken in the scope (case-sensitively).
func (s *Scope) Taken(name string) bool {
	for ; s != nil; s = s.parent {
		if s.taken[name] {
			return true
		}
	}
	return false
}

// takenFold reports whether a name equal to name under case folding is taken in the scope.
func (s *Scope) takenFold(name string) bool {
	k := foldKey(name)
	for ; s != nil; s = s.parent {
		if s.folded == nil {
			s.folded = map[string]bool{}
			for n := range s.taken {
				s.folded[foldKey(n)] = true
			}
		}
		if s.folded[k] {
			return true
		}
	}
	return false
}

// Reserve takes name if it is free (case-sensitively) and reports whether it
// did.
func (s *Scope) Reserve(name string) bool {
	if s.Taken(name) {
		return false
	}
	s.take(name)
	return true
}

// Claim takes and returns the first free name among: base; then
// base+suffix for each suffix in order; then base+suffix[last] followed by
// "2", "3", ... (or base followed by "2", "3", ... when no suffix is given).
// If the string a number is appended to ends in a digit, an underscore
// separates the two ("Item1" -> "Item1_2", not the misleading "Item12").
// Claim never returns a taken name. For example, on a scope where "Webhook"
// is taken, Claim("Webhook", "Type") returns "WebhookType", and a second
// identical call returns "WebhookType2".
func (s *Scope) Claim(base string, suffixes ...string) string {
	return s.claim(base, suffixes, s.Taken)
}

// ClaimFold is like Claim but treats names that differ only in case (under
// Unicode simple case folding, as strings.EqualFold) as colliding, for file
// names on case-insensitive file systems. The returned name is taken in the
// scope like any other.
func (s *Scope) ClaimFold(base string, suffixes ...string) string {
	return s.claim(base, suffixes, s.takenFold)
}

func (s *Scope) claim(base string, suffixes []string, taken func(string) bool) string {
	try := func(name string) bool {
		if taken(name) {
			return false
		}
		s.take(name)
		return true
	}
	if try(base) {
		return base
	}
	stem := base
	for _, suf := range suffixes {
		stem = base + suf
		if try(stem) {
			return stem
		}
	}
	if r, _ := utf8.DecodeLastRuneInString(stem); unicode.IsDigit(r) {
		stem += "_"
	}
	for i := 2; ; i++ {
		if name := stem + strconv.Itoa(i); try(name) {
			return name
		}
	}
}

// foldKey maps s to a canonical form such that foldKey(a) == foldKey(b) if
// and only if strings.EqualFold(a, b): every rune is replaced by the smallest
// rune of its simple case-folding orbit.
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		m := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			m = min(m, f)
		}
		b.WriteRune(m)
	}
	return b.String()
}

// knownOS and knownArch are the GOOS and GOARCH values that go/build
// recognises in file-name suffixes (internal/syslist in the Go source; past,
// present and future values).
var (
	knownOS = map[string]bool{
		"aix": true, "android": true, "darwin": true, "dragonfly": true,
		"freebsd": true, "hurd": true, "illumos": true, "ios": true, "js": true,
		"linux": true, "nacl": true, "netbsd": true, "openbsd": true,
		"plan9": true, "solaris": true, "wasip1": true, "windows": true,
		"zos": true,
	}
	knownArch = map[string]bool{
		"386": true, "amd64": true, "amd64p32": true, "arm": true,
		"armbe": true, "arm64": true, "arm64be": true, "loong64": true,
		"mips": true, "mipsle": true, "mips64": true, "mips64le": true,
		"mips64p32": true, "mips64p32le": true, "ppc": true, "ppc64": true,
		"ppc64le": true, "riscv": true, "riscv64": true, "s390": true,
		"s390x": true, "sparc": true, "sparc64": true, "wasm": true,
	}
)

// windowsDeviceNames are file stems Windows reserves (in any case, with any
// extension); golang.org/x/mod rejects module files named so.
var windowsDeviceNames = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com0": true, "com1": true, "com2": true, "com3": true, "com4": true,
	"com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt0": true, "lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true,
	"lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// FileName returns a lower_snake_case file stem (without ".go") for a Go
// identifier: its words (see Words) lower-cased and joined with "_"
// ("WebhookAgent" -> "webhook_agent", "SoPrincipal" -> "so_principal",
// "HTTPClient" -> "http_client"). Letters of other scripts are kept.
//
// It never returns a name Go or Go tooling treats specially: when the last
// "_"-separated element is "test" (a test file) or a known GOOS or GOARCH
// value (a build constraint such as "_windows", "_amd64", "_js", "_wasm"),
// or the stem is a Windows device name ("aux", "con", "com1", ...), "_gen"
// is appended ("ServiceTest" -> "service_test_gen", "UserWindows" ->
// "user_windows_gen"). The result never starts with "_" or "."; an
// identifier without letters or digits yields "x".
//
// Different identifiers can yield the same stem ("Name", "NAME"); use
// Scope.ClaimFold to make stems unique.
func FileName(ident string) string {
	words := Words(ident)
	if len(words) == 0 {
		return "x"
	}
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	stem := strings.Join(words, "_")
	last := words[len(words)-1]
	if len(words) > 1 && (last == "test" || knownOS[last] || knownArch[last]) ||
		windowsDeviceNames[stem] {
		stem += "_gen"
	}
	return stem
}
