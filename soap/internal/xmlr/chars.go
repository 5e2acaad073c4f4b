package xmlr

import "unicode/utf8"

// Byte classes for the scanning loops. Each loop runs over bytes whose class has none of its stop
// bits set, and looks at the byte it stops at.
const (
	stopText    = 1 << iota // character data: < & ] CR, control characters, non-ASCII
	stopAttr                // attribute values: < & " ' TAB LF CR, control characters, non-ASCII
	stopComment             // comments: - and control characters, non-ASCII
	stopPI                  // processing instructions: ? and control characters, non-ASCII
	stopCDATA               // CDATA sections: ] CR, control characters, non-ASCII
	stopDecode              // decoding character data in place: < & CR
	stopDecAttr             // decoding attribute values in place: & TAB LF CR
)

var class = func() (t [256]uint8) {
	all := uint8(stopText | stopAttr | stopComment | stopPI | stopCDATA)
	for c := 0; c < 256; c++ {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x80 {
			t[c] = all
		}
	}
	t['\t'] |= stopAttr | stopDecAttr
	t['\n'] |= stopAttr | stopDecAttr
	t['\r'] |= stopText | stopAttr | stopCDATA | stopDecode | stopDecAttr
	t['<'] |= stopText | stopAttr | stopDecode
	t['&'] |= stopText | stopAttr | stopDecode | stopDecAttr
	t[']'] |= stopText | stopCDATA
	t['"'] |= stopAttr
	t['\''] |= stopAttr
	t['-'] |= stopComment
	t['?'] |= stopPI
	return t
}()

// Name bytes (ASCII): nameStart for the first byte of an NCName, nameByte for the others. A colon
// is neither: names are scanned as QNames, the colon handled apart. Bytes from 0x80 up are decoded
// and checked with isNameStartRune and isNameRune.
var nameStart, nameByte = func() (s, n [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		s[c], n[c] = true, true
		s[c-'a'+'A'], n[c-'a'+'A'] = true, true
	}
	s['_'], n['_'] = true, true
	for c := '0'; c <= '9'; c++ {
		n[c] = true
	}
	n['-'], n['.'] = true, true
	return s, n
}()

// isSpace reports whether c is XML white space (production [3] S).
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isChar reports whether r is a character XML 1.0 allows (production [2] Char).
func isChar(r rune) bool {
	switch {
	case r < 0x20:
		return r == '\t' || r == '\n' || r == '\r'
	case r <= 0xD7FF:
		return true
	case r < 0xE000:
		return false
	case r <= 0xFFFD:
		return true
	default:
		return r >= 0x10000 && r <= utf8.MaxRune
	}
}

// isNameStartRune reports whether the non-ASCII r may start a name (XML 1.0 fifth edition,
// production [4] NameStartChar).
func isNameStartRune(r rune) bool {
	switch {
	case r < 0xC0:
		return false
	case r <= 0x2FF:
		return r != 0xD7 && r != 0xF7
	case r < 0x370:
		return false
	case r <= 0x1FFF:
		return r != 0x37E
	case r < 0x200C:
		return false
	case r <= 0x200D:
		return true
	case r < 0x2070:
		return false
	case r <= 0x218F:
		return true
	case r < 0x2C00:
		return false
	case r <= 0x2FEF:
		return true
	case r < 0x3001:
		return false
	case r <= 0xD7FF:
		return true
	case r < 0xF900:
		return false
	case r <= 0xFDCF:
		return true
	case r < 0xFDF0:
		return false
	case r <= 0xFFFD:
		return true
	default:
		return r >= 0x10000 && r <= 0xEFFFF
	}
}

// isNameRune reports whether the non-ASCII r may continue a name (production [4a] NameChar).
func isNameRune(r rune) bool {
	return isNameStartRune(r) || r == 0xB7 || r >= 0x300 && r <= 0x36F || r == 0x203F || r == 0x2040
}
