package xmlr

import (
	"bytes"
	"fmt"
)

// Error is a well-formedness error in the document, or an error a caller reported with Errorf.
type Error struct {
	// Offset is the byte offset in the document where the error is.
	Offset int
	// Line and Column locate Offset: both count from 1, Column in bytes.
	Line, Column int
	// Msg says what is wrong.
	Msg string

	code errCode
}

func (e *Error) Error() string {
	return fmt.Sprintf("xml: line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// errCode classifies the errors, so that tests can tell which rule an input broke.
type errCode uint8

const (
	errCaller    errCode = iota // reported with Errorf
	errSyntax                   // a rule encoding/xml checks as well
	errName                     // a character that XML 1.0 (fifth edition) does not allow in a name
	errQName                    // a name that is not a QName (Namespaces in XML 1.0, section 4)
	errChar                     // a character XML 1.0 does not allow (production [2] Char)
	errUTF8                     // bytes that are not UTF-8
	errCharRef                  // a character reference to a character XML does not allow, or malformed
	errEntity                   // an entity reference other than the five predefined ones, or malformed
	errAttrSpace                // no white space between two attributes
	errDupAttr                  // two attributes with the same expanded name
	errUnbound                  // a prefix that is not declared
	errReserved                 // the reserved prefixes and namespace names misused
	errUndeclare                // xmlns:p=""
	errPITarget                 // a processing instruction target that is reserved, has a colon or is not followed by white space
	errDecl                     // a malformed XML declaration
	errVersion                  // an XML version other than 1.0
	errEncoding                 // an encoding other than UTF-8
	errDTD                      // a document type declaration or another markup declaration
	errOutside                  // text or CDATA outside the root element
	errAfterRoot                // a second root element
	errNoRoot                   // no root element
	errDepth                    // elements nested deeper than MaxDepth
)

// fail records the error at offset off; Next returns it from then on.
func (r *Reader) fail(off int, code errCode, format string, args ...any) error {
	line, col := r.position(off)
	r.err = &Error{Offset: off, Line: line, Column: col, Msg: fmt.Sprintf(format, args...), code: code}
	r.kind = 0
	return r.err
}

// Errorf returns an *Error at the current token, for a caller that finds the token's content wrong
// (an invalid number, an unexpected element). It does not stop the Reader.
func (r *Reader) Errorf(format string, args ...any) error {
	line, col := r.position(r.tokStart)
	return &Error{Offset: r.tokStart, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// Position returns the line and column (both from 1; the column in bytes) of the byte offset off. It
// is exact for offsets from the start of the current token on; before it, the text and attribute
// values decoded in place may make it approximate.
func (r *Reader) Position(off int) (line, col int) { return r.position(off) }

// protect moves the line mark to end before the bytes up to end are rewritten in place, so that
// positions after them, and that of the current token, stay exact.
func (r *Reader) protect(end int) { r.advance(end) }

func (r *Reader) advance(to int) {
	if to <= r.mark.off {
		return
	}
	if !r.tokPos.ok && r.mark.off <= r.tokStart && r.tokStart < to {
		r.count(r.tokStart)
		r.tokPos.line, r.tokPos.col, r.tokPos.ok = r.mark.line, r.tokStart-r.mark.lineStart+1, true
	}
	r.count(to)
}

func (r *Reader) count(to int) {
	m := &r.mark
	if to <= m.off {
		return
	}
	seg := r.buf[m.off:to]
	if n := bytes.Count(seg, []byte{'\n'}); n > 0 {
		m.line += n
		m.lineStart = m.off + bytes.LastIndexByte(seg, '\n') + 1
	}
	m.off = to
}

func (r *Reader) position(off int) (line, col int) {
	off = max(0, min(off, len(r.buf)))
	if off >= r.mark.off {
		r.advance(off)
		return r.mark.line, off - r.mark.lineStart + 1
	}
	if off == r.tokStart && r.tokPos.ok {
		return r.tokPos.line, r.tokPos.col
	}
	seg := r.buf[:off]
	return bytes.Count(seg, []byte{'\n'}) + 1, off - (bytes.LastIndexByte(seg, '\n') + 1) + 1
}

// Document reports whether e refuses the shape of the document rather than the syntax of a token: a
// document type declaration (the runtime does no DTD processing), text outside the root element, no
// root element or a second one.
func (e *Error) Document() bool {
	switch e.code {
	case errDTD, errOutside, errNoRoot, errAfterRoot:
		return true
	}
	return false
}
