package xmlr

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"
)

// consistent checks, on any input, that the ways of reading a document agree: reading every token
// (decoding text and attribute values in place), skipping the root element, capturing it, and
// skipping it raw give the same verdict, the same error position (exact line and column, counted
// here on the input as given) and the same tokens.
func consistent(t *testing.T, data []byte) {
	t.Helper()
	full, errFull := readerEvents(data, diffMaxDepth)
	checkPosition(t, data, errFull)

	// Skip and SkipRaw of the root element.
	for _, raw := range []bool{false, true} {
		r := NewReader(append([]byte(nil), data...))
		r.MaxDepth = diffMaxDepth
		var err error
		var start int
		var rawBytes []byte
		for {
			var k Kind
			if k, err = r.Next(); err != nil {
				break
			}
			if k == StartElement {
				start = r.Offset()
				if raw {
					rawBytes, err = r.SkipRaw()
				} else {
					err = r.Skip()
				}
				if err != nil {
					break
				}
			}
		}
		if err == io.EOF {
			err = nil
		}
		sameError(t, data, "Skip", errFull, err)
		checkPosition(t, data, err)
		if raw && err == nil && !bytes.Equal(rawBytes, data[start:start+len(rawBytes)]) {
			t.Fatalf("input %q: SkipRaw returned %q", data, rawBytes)
		}
	}

	// ReadText on each element with simple content.
	evs, err := readTextEvents(data, diffMaxDepth, full)
	sameError(t, data, "ReadText", errFull, err)
	checkPosition(t, data, err)
	if err == nil {
		if len(evs) != len(full) {
			t.Fatalf("input %q: reading with ReadText gave %d tokens, Next %d", data, len(evs), len(full))
		}
		for i := range evs {
			if evs[i].String() != full[i].String() || evs[i].off >= 0 && evs[i].off != full[i].off {
				t.Fatalf("input %q: reading with ReadText, token %d is %v at %d, Next's %v at %d", data, i, evs[i], evs[i].off, full[i], full[i].off)
			}
		}
	}

	// Capture of the root element.
	r := NewReader(append([]byte(nil), data...))
	r.MaxDepth = diffMaxDepth
	var toks []Token
	err = nil
	for {
		var k Kind
		if k, err = r.Next(); err != nil {
			break
		}
		if k == StartElement {
			if toks, err = r.Capture(toks); err != nil {
				break
			}
		}
	}
	if err == io.EOF {
		err = nil
	}
	sameError(t, data, "Capture", errFull, err)
	if err == nil {
		if len(toks) != len(full) {
			t.Fatalf("input %q: Capture returned %d tokens, Next %d", data, len(toks), len(full))
		}
		for i, tok := range toks {
			e := event{kind: tok.Kind, space: normWS(string(tok.Name.Space)), local: string(tok.Name.Local), text: string(tok.Text)}
			for _, a := range tok.Attr {
				e.attrs = append(e.attrs, "{"+normWS(string(a.Name.Space))+"}"+string(a.Name.Local)+"="+normWS(string(a.Value)))
			}
			for _, d := range tok.Decl {
				e.decls = append(e.decls, string(d.Prefix)+"="+normWS(string(d.URI)))
			}
			if e.String() != full[i].String() {
				t.Fatalf("input %q: Capture token %d is %v, Next's %v", data, i, e, full[i])
			}
		}
	}
}

// readTextEvents reads data as readerEvents does, but reads the content of each element that
// full, the tokens readerEvents returned, shows to be simple (no child element) with ReadText,
// and each whose content the document ends in or breaks off in too.
func readTextEvents(data []byte, maxDepth int, full []event) ([]event, error) {
	r := NewReader(append([]byte(nil), data...))
	r.MaxDepth = maxDepth
	var evs []event
	for {
		k, err := r.Next()
		if err == io.EOF {
			return evs, nil
		}
		if err != nil {
			return evs, err
		}
		switch k {
		case StartElement, EndElement:
			evs = append(evs, tagEvent(r, k))
			i := len(evs)
			simple := k == StartElement && (i >= len(full) || full[i].kind == EndElement ||
				full[i].kind == Text && (i+1 >= len(full) || full[i+1].kind == EndElement))
			if !simple {
				continue
			}
			text, err := r.ReadText()
			if err != nil {
				return evs, err
			}
			if len(text) > 0 {
				evs = append(evs, event{kind: Text, text: string(text), off: -1}) // not known
			}
			if r.Kind() != EndElement {
				return evs, fmt.Errorf("ReadText left a %v", r.Kind())
			}
			evs = append(evs, tagEvent(r, EndElement))
		case Text:
			evs = append(evs, event{kind: Text, text: string(r.Text()), off: r.Offset()})
		}
	}
}

func sameError(t *testing.T, data []byte, how string, want, got error) {
	t.Helper()
	var we, ge *Error
	errors.As(want, &we)
	errors.As(got, &ge)
	if (we == nil) != (ge == nil) || we != nil && (we.Offset != ge.Offset || we.Msg != ge.Msg) {
		t.Fatalf("input %q: reading all tokens: %v; %s: %v", data, want, how, got)
	}
}

// checkPosition checks that the line and column of an error match its offset in data.
func checkPosition(t *testing.T, data []byte, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		return
	}
	line := bytes.Count(data[:e.Offset], []byte{'\n'}) + 1
	col := e.Offset - (bytes.LastIndexByte(data[:e.Offset], '\n') + 1) + 1
	if e.Line != line || e.Column != col {
		t.Fatalf("input %q: error %v at offset %d: want line %d, column %d", data, e, e.Offset, line, col)
	}
}

func TestConsistent(t *testing.T) {
	for _, doc := range corpus(t) {
		t.Run(doc.name, func(t *testing.T) { consistent(t, doc.data) })
	}
}
