package soap

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestElementTextInPieces checks that text split into many pieces (by comments here) is gathered in
// linear time and memory: a reply of 1 MiB made of 8-byte pieces used to take seconds, and a reply at
// the default size limit hours, because each piece copied the text gathered so far.
func TestElementTextInPieces(t *testing.T) {
	const pieces = 1 << 17
	body := "<d>" + strings.Repeat("ab<!---->", pieces) + "<e/>" + strings.Repeat("<![CDATA[c]]>", 3) + "</d>"
	var el Element
	n := allocated(func() {
		d := NewDecoder(strings.NewReader(body))
		se, err := d.Root()
		if err == nil {
			err = el.UnmarshalSOAP(d, se)
		}
		if err != nil {
			t.Fatal(err)
		}
	})
	if len(el.Content) != 3 || el.Content[0].Text != strings.Repeat("ab", pieces) || el.Content[1].Element == nil || el.Content[2].Text != "ccc" {
		t.Fatalf("content: %d nodes", len(el.Content))
	}
	if limit := uint64(64 * len(body)); n > limit {
		t.Errorf("decoding %d bytes allocated %d bytes, want at most %d", len(body), n, limit)
	}
	var out bytes.Buffer
	e := NewEncoder(nil)
	el.MarshalSOAP(e, Start{})
	out.Write(e.Bytes())
	if want := "<d>" + strings.Repeat("ab", pieces) + "<e/>ccc</d>"; out.String() != want {
		t.Errorf("re-encoded element differs")
	}
}
