package soap

import (
	"encoding/xml"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseElement(t *testing.T) {
	el, err := ParseElement([]byte(` <?xml version="1.0"?><!-- c --><a:X xmlns:a="urn:a" k="v">t<a:Y/></a:X> `))
	if err != nil {
		t.Fatal(err)
	}
	want := &Element{Name: xml.Name{Space: "urn:a", Local: "X"}, Attr: []xml.Attr{{Name: xml.Name{Local: "k"}, Value: "v"}},
		Content: []Node{{Text: "t"}, {Element: &Element{Name: xml.Name{Space: "urn:a", Local: "Y"}}}}}
	if diff := cmp.Diff(want, el); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, bad := range []string{"", "<a>", "<a/><b/>", "<a/>text", "<!DOCTYPE a><a/>", "x<a/>"} {
		if _, err := ParseElement([]byte(bad)); err == nil {
			t.Errorf("ParseElement(%q) gave no error", bad)
		}
	}
}
