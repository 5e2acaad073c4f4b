package redact

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
)

// maxFoundSecrets is the most values a body's own secret-named elements and attributes add to the
// secrets looked for everywhere in it (the text of those elements is replaced in place whatever
// their number): each secret looked for costs a pass over the body.
const maxFoundSecrets = 16

// XML returns a copy of body with the secrets s replaced by Marker, and those body carries itself
// when it is XML: the text of its elements named like secrets (IsSecretName; a login reply's new
// ticket) is replaced where it stands, and the first values of such elements and attributes are
// looked for elsewhere in the body too.
func XML(body []byte, s Set) []byte {
	spans, found := secretsInXML(body)
	out := body
	if len(spans) > 0 {
		out = make([]byte, 0, len(body))
		last := 0
		for _, sp := range spans {
			out = append(out, body[last:sp[0]]...)
			out = append(out, Marker...)
			last = sp[1]
		}
		out = append(out, body[last:]...)
	}
	all := append(Set(nil), s...)
	for _, v := range found {
		all.Add(v)
	}
	if len(all) == 0 {
		if len(spans) == 0 {
			return bytes.Clone(body)
		}
		return out
	}
	return []byte(all.Text(string(out), false))
}

// secretsInXML returns, as far as doc is well-formed XML, the byte ranges of the text of its
// elements named like secrets (IsSecretName; text directly inside them, white space alone left
// out), in order, and the first maxFoundSecrets values of such elements and attributes.
func secretsInXML(doc []byte) (spans [][2]int, found []string) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.CharsetReader = func(string, io.Reader) (io.Reader, error) {
		return nil, errors.New("not UTF-8")
	}
	keep := func(v string) {
		if len(found) < maxFoundSecrets {
			found = append(found, v)
		}
	}
	var open []bool // whether each open element is named like a secret
	var text []byte
	for {
		start := d.InputOffset()
		tok, err := d.RawToken() // no namespace processing: only local names matter
		if err != nil {
			return spans, found
		}
		switch t := tok.(type) {
		case xml.StartElement:
			open = append(open, IsSecretName(t.Name.Local))
			text = text[:0]
			for _, a := range t.Attr {
				if IsSecretName(a.Name.Local) && a.Name.Space != "xmlns" {
					keep(a.Value)
				}
			}
		case xml.CharData:
			if len(open) > 0 && open[len(open)-1] && len(bytes.TrimSpace(t)) > 0 {
				text = append(text, t...)
				if end := int(d.InputOffset()); start >= 0 && int(start) < end && end <= len(doc) {
					spans = append(spans, [2]int{int(start), end})
				}
			}
		case xml.EndElement:
			if len(open) == 0 {
				return spans, found
			}
			if open[len(open)-1] && len(text) > 0 {
				keep(string(text))
			}
			text = text[:0]
			open = open[:len(open)-1]
		}
	}
}
