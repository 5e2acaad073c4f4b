package behaviour_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/golden/encarrays"
	"github.com/sogen-go/sogen/internal/soaptest"
)

const nsSheets = "urn:example:sheets"

// newSheets returns a client of the encarrays fixture talking to a server answering reply (a Body).
func newSheets(t *testing.T, body string) (*encarrays.SheetsClient, func() []byte) {
	srv := newServer(t, []byte(axisEnvelope(body)))
	c := encarrays.NewSheetsClientSheets(nil)
	c.Endpoint = srv.URL
	return c, func() []byte { return srv.Last(t).Body }
}

// TestEncodedArraysOfArrays checks SOAP-ENC arrays whose items are arrays (SOAP 1.1 section 5.4.2,
// arrayType="xsd:byte[][2]"): the outer array's arrayType names the items' array type, and each item
// is an array element of its own with xsi:type soapenc:Array and its own arrayType; a reply may send
// the inner arrays as multi-references, as Axis 1 does.
func TestEncodedArraysOfArrays(t *testing.T) {
	reply := `<ns1:AttachResponse soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xmlns:ns1="urn:example:sheets">` +
		`<saved href="#id0"/></ns1:AttachResponse>` +
		`<multiRef id="id0" soapenc:root="0" xsi:type="ns2:Attachment" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:ns2="urn:example:sheets">` +
		`<name xsi:type="xsd:string">a.bin</name>` +
		`<chunks xsi:type="soapenc:Array" soapenc:arrayType="xsd:byte[][2]"><chunks href="#id1"/><chunks href="#id2"/></chunks></multiRef>` +
		`<multiRef id="id1" soapenc:root="0" xsi:type="soapenc:Array" soapenc:arrayType="xsd:byte[2]" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/"><item>1</item><item>-2</item></multiRef>` +
		`<multiRef id="id2" soapenc:root="0" xsi:type="soapenc:Array" soapenc:arrayType="xsd:byte[0]" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/"/>`
	c, sent := newSheets(t, reply)
	got, err := c.Attach(context.Background(), "JRA-1", [][]int8{{1, 2, 3}, {}, {-128}})
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "reply", &encarrays.Attachment{Name: "a.bin", Chunks: [][]int8{{1, -2}, {}}}, got)
	op := bodyChild(t, checkEnvelope(t, sent(), nsEnv11))
	files := op.mustFind(t, "", "files")
	if at := attrOf(files, nsSOAPEnc, "arrayType"); !strings.HasSuffix(at, ":byte[][3]") {
		t.Errorf("files: arrayType %q, want xsd:byte[][3]", at)
	}
	diff(t, "files", []string{`item=(Array){item=(byte)"1" item=(byte)"2" item=(byte)"3"}`, `item=(Array)empty`, `item=(Array){item=(byte)"-128"}`}, files.childForms())
	for i, want := range []string{":byte[3]", ":byte[0]", ":byte[1]"} {
		if at := attrOf(files.Children[i], nsSOAPEnc, "arrayType"); !strings.HasSuffix(at, want) {
			t.Errorf("files item %d: arrayType %q, want xsd%s", i, at, want)
		}
	}
	checkGolden(t, "encarrays", "Attach.request.xml", sent())
}

// TestEncodedTwoDimensionalArrays checks two-dimensional SOAP-ENC arrays (SOAP 1.1 section 5.4.2,
// arrayType="xsd:string[2,3]"): the items of every row follow one another, row by row, the dimensions
// in the arrayType attribute; rows of different lengths cannot be sent, and a reply whose items do not
// fill its dimensions is an error.
func TestEncodedTwoDimensionalArrays(t *testing.T) {
	ctx := context.Background()
	reply := `<ns1:TransposeResponse soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xmlns:ns1="urn:example:sheets" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/">` +
		`<cells xsi:type="soapenc:Array" soapenc:arrayType="xsd:string[3,2]">` +
		`<item>a</item><item>d</item><item>b</item><item>e</item><item>c</item><item>f</item></cells></ns1:TransposeResponse>`
	c, sent := newSheets(t, reply)
	got, err := c.Transpose(ctx, [][]string{{"a", "b", "c"}, {"d", "e", "f"}})
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "reply", [][]string{{"a", "d"}, {"b", "e"}, {"c", "f"}}, got)
	cells := bodyChild(t, checkEnvelope(t, sent(), nsEnv11)).mustFind(t, "", "cells")
	if at := attrOf(cells, nsSOAPEnc, "arrayType"); !strings.HasSuffix(at, ":string[2,3]") {
		t.Errorf("cells: arrayType %q, want xsd:string[2,3]", at)
	}
	diff(t, "cells", []string{`item=(string)"a"`, `item=(string)"b"`, `item=(string)"c"`, `item=(string)"d"`, `item=(string)"e"`, `item=(string)"f"`}, cells.childForms())
	checkGolden(t, "encarrays", "Transpose.request.xml", sent())

	if _, err := c.Transpose(ctx, [][]string{{"a", "b"}, {"c"}}); err == nil || !strings.Contains(err.Error(), "row 1 has 1 items and row 0 has 2") {
		t.Errorf("ragged rows: err = %v", err)
	}
	for _, tc := range []struct{ cells, want string }{
		{`<cells soapenc:arrayType="xsd:string[2,2]"><item>a</item></cells>`, "2 rows of 2 holds 1 items"},
		{`<cells soapenc:arrayType="xsd:string[]"><item>a</item></cells>`, "has 1 dimensions, not 2"},
		{`<cells><item>a</item></cells>`, "needs soapenc:arrayType"},
		{`<cells soapenc:arrayType="xsd:string[5000,0]"/>`, "5000 empty rows"},
		{`<cells soapenc:arrayType="xsd:string[4294967296,4294967296]"/>`, "holds 0 items"},
	} {
		c, _ := newSheets(t, `<ns1:TransposeResponse xmlns:ns1="urn:example:sheets" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/">`+tc.cells+`</ns1:TransposeResponse>`)
		if _, err := c.Transpose(ctx, nil); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.cells, err, tc.want)
		}
	}
}

// TestEncodedArraysOfTwoDimensionalArrays: arrayType="xsd:int[,][2]" is an array of two
// two-dimensional arrays.
func TestEncodedArraysOfTwoDimensionalArrays(t *testing.T) {
	reply := `<ns1:CountResponse xmlns:ns1="urn:example:sheets"><total xsi:type="xsd:int">5</total></ns1:CountResponse>`
	c, sent := newSheets(t, reply)
	if _, err := c.Count(context.Background(), [][][]int32{{{1, 2}, {3, 4}}, {{5}}}); err != nil {
		t.Fatal(err)
	}
	book := bodyChild(t, checkEnvelope(t, sent(), nsEnv11)).mustFind(t, "", "book")
	if at := attrOf(book, nsSOAPEnc, "arrayType"); !strings.HasSuffix(at, ":int[,][2]") {
		t.Errorf("book: arrayType %q, want xsd:int[,][2]", at)
	}
	for i, want := range []string{":int[2,2]", ":int[1,1]"} {
		if at := attrOf(book.Children[i], nsSOAPEnc, "arrayType"); !strings.HasSuffix(at, want) {
			t.Errorf("book item %d: arrayType %q, want xsd%s", i, at, want)
		}
	}
	checkGolden(t, "encarrays", "Count.request.xml", sent())
}

// TestEncodedArraysSOAP12 checks the same arrays in the SOAP 1.2 encoding (SOAP 1.2 Part 2 section
// 3.1.6): a two-dimensional array's enc:arraySize lists its dimensions separated by a space ("*" for
// an unknown number of rows, when reading), and an array of arrays has no enc:itemType (each item
// says its own).
func TestEncodedArraysSOAP12(t *testing.T) {
	const nsEnc12 = "http://www.w3.org/2003/05/soap-encoding"
	reply := `<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:enc="http://www.w3.org/2003/05/soap-encoding" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><env:Body>` +
		`<ns:TransposeResponse xmlns:ns="urn:example:sheets"><cells enc:itemType="xsd:string" enc:arraySize="* 2"><item>a</item><item>b</item><item>c</item><item>d</item></cells></ns:TransposeResponse>` +
		`</env:Body></env:Envelope>`
	srv := soaptest.NewServer(t, http.StatusOK, contentType12, []byte(reply))
	c := encarrays.NewSheetsClientSheets12(nil)
	c.Endpoint = srv.URL
	got, err := c.Transpose(context.Background(), [][]string{{"a", "b", "c"}})
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "reply", [][]string{{"a", "b"}, {"c", "d"}}, got)
	cells := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv12)).mustFind(t, "", "cells")
	diff(t, "arraySize", "1 3", attrOf(cells, nsEnc12, "arraySize"))
	diff(t, "itemType", "xsd:string", attrOf(cells, nsEnc12, "itemType"))
	checkGolden(t, "encarrays", "Transpose12.request.xml", srv.Last(t).Body)

	if _, err := c.Attach(context.Background(), "x", [][]int8{{1}}); err != nil {
		t.Fatal(err)
	}
	files := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv12)).mustFind(t, "", "files")
	diff(t, "outer itemType", "", attrOf(files, nsEnc12, "itemType"))
	diff(t, "outer arraySize", "1", attrOf(files, nsEnc12, "arraySize"))
	diff(t, "inner itemType", "xsd:byte", attrOf(files.Children[0], nsEnc12, "itemType"))
}
