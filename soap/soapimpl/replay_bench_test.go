package soapimpl

import (
	"encoding/xml"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/xmlr"
)

// The memory and time of reading an rpc/encoded Body, which is buffered to serve references
// (replay.go). The metrics B/in-byte and B/token are the bytes allocated per byte of the document and
// per XML token of its Body:
//
//	go test -run '^$' -bench 'Encoded' -benchmem -count 5 ./soap/soapimpl

const benchEnv = `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:enc="http://schemas.xmlsoap.org/soap/encoding/"><e:Body>`

// encBenchDocs are rpc/encoded reply Bodies of about 4 MB, a server's default request cap, each
// holding the SOAP-ENC array of strings "return" in the wrapper R.
func encBenchDocs() map[string]string {
	docs := map[string]string{}
	arr := func(n int) string {
		return fmt.Sprintf(`<return xsi:type="enc:Array" enc:arrayType="xsd:string[%d]">`, n)
	}
	// Tiny elements: 2 tokens per 4 bytes.
	{
		const n = 1 << 20
		docs["tiny"] = benchEnv + `<R>` + arr(n) + strings.Repeat(`<a/>`, n) + `</return></R></e:Body></e:Envelope>`
	}
	// Every item a reference to a multi-reference value of its own.
	{
		const n = 80000
		var b strings.Builder
		b.WriteString(benchEnv + `<R>` + arr(n))
		for i := range n {
			fmt.Fprintf(&b, `<a href="#i%d"/>`, i)
		}
		b.WriteString(`</return></R>`)
		for i := range n {
			fmt.Fprintf(&b, `<multiRef id="i%d">x</multiRef>`, i)
		}
		b.WriteString(`</e:Body></e:Envelope>`)
		docs["hrefs"] = b.String()
	}
	// 2,000 namespace declarations in scope of every item, whose xsi:type uses the first one.
	decls := func() string {
		var b strings.Builder
		for i := range 2000 {
			fmt.Fprintf(&b, ` xmlns:p%d="http://www.w3.org/2001/XMLSchema"`, i)
		}
		return b.String()
	}()
	{
		const n = 100000
		docs["xmlns"] = benchEnv + `<R` + decls + `>` + arr(n) + strings.Repeat(`<a xsi:type="p0:string">x</a>`, n) + `</return></R></e:Body></e:Envelope>`
	}
	// The same, the items being references to values under those declarations.
	{
		const n = 50000
		var b strings.Builder
		b.WriteString(benchEnv + `<R>` + arr(n))
		for i := range n {
			fmt.Fprintf(&b, `<a href="#i%d"/>`, i)
		}
		b.WriteString(`</return></R><m` + decls + `>`)
		for i := range n {
			fmt.Fprintf(&b, `<v id="i%d" xsi:type="p0:string">x</v>`, i)
		}
		b.WriteString(`</m></e:Body></e:Envelope>`)
		docs["xmlns-hrefs"] = b.String()
	}
	return docs
}

// bodyTokens returns the number of tokens in the Body of doc, its start and end tags left out.
func bodyTokens(tb testing.TB, doc string) int {
	r := xmlr.NewReader([]byte(doc))
	n := 0
	for {
		k, err := r.Next()
		if err != nil {
			break
		}
		if r.Depth() > 2 || k == xmlr.Text && r.Depth() == 2 {
			n++
		}
	}
	return n
}

// decodeEncodedReply decodes doc as a client decodes an rpc/encoded reply whose one part is an array
// of strings.
func decodeEncodedReply(doc []byte, arr *Codec, out *[]string) error {
	d := NewDecoder(doc, nil)
	if err := d.Root(); err != nil {
		return err
	}
	if _, err := d.child(); err != nil { // Body
		return err
	}
	if err := d.bufferEncoded(); err != nil {
		return err
	}
	if _, err := d.child(); err != nil { // R
		return err
	}
	if _, err := d.child(); err != nil { // return
		return err
	}
	f := bareField(xml.Name{Local: "return"})
	if err := arr.c.dec(0, d, &f, nil, out); err != nil {
		return err
	}
	if err := d.skip(); err != nil { // the rest of R
		return err
	}
	if err := d.children(d.skip); err != nil { // the multiRef values
		return err
	}
	return nil
}

func BenchmarkDecodeEncoded(b *testing.B) {
	arr := NewEncArray("", "item", 0, &XSString, xml.Name{Space: soap.XSDNamespace, Local: "string"})
	docs := encBenchDocs()
	for _, name := range []string{"tiny", "hrefs", "xmlns", "xmlns-hrefs"} {
		doc := docs[name]
		items := map[string]int{"tiny": 1 << 20, "hrefs": 80000, "xmlns": 100000, "xmlns-hrefs": 50000}[name]
		b.Run(name, func(b *testing.B) {
			toks := bodyTokens(b, doc)
			work := make([]byte, len(doc))
			var out []string
			check := func() {
				copy(work, doc)
				out = nil
				if err := decodeEncodedReply(work, &arr, &out); err != nil {
					b.Fatal(err)
				}
				if len(out) != items {
					b.Fatalf("%d items, want %d", len(out), items)
				}
			}
			check()
			perByte(b, doc, toks, func(work []byte) error {
				out = nil
				return decodeEncodedReply(work, &arr, &out)
			})
		})
	}
}

// BenchmarkBufferEncoded measures the buffering alone: the Body is buffered, then its tokens are all
// served (and skipped).
func BenchmarkBufferEncoded(b *testing.B) {
	docs := encBenchDocs()
	for _, name := range []string{"tiny", "hrefs", "xmlns"} {
		doc := docs[name]
		b.Run(name, func(b *testing.B) {
			perByte(b, doc, bodyTokens(b, doc), func(work []byte) error {
				d := NewDecoder(work, nil)
				if err := d.Root(); err != nil {
					return err
				}
				if _, err := d.child(); err != nil {
					return err
				}
				if err := d.bufferEncoded(); err != nil {
					return err
				}
				return d.children(d.skip)
			})
		})
	}
}

// perByte runs run on a fresh copy of doc b.N times and reports, besides time and allocations, the
// bytes allocated per byte of doc and per token of its Body (toks).
func perByte(b *testing.B, doc string, toks int, run func(work []byte) error) {
	work := make([]byte, len(doc))
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for range b.N {
		copy(work, doc)
		if err := run(work); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	alloc := float64(after.TotalAlloc - before.TotalAlloc)
	b.ReportMetric(alloc/float64(b.N)/float64(len(doc)), "B/in-byte")
	b.ReportMetric(alloc/float64(b.N)/float64(toks), "B/token")
}
