package soapimpl

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/sogen-go/sogen/soap"
)

// NewArray2D returns the codec of a two-dimensional SOAP-ENC array (SOAP 1.1 section 5.4.2,
// arrayType="xsd:string[2,3]"; in the SOAP 1.2 encoding, arraySize="2 3"), held as a [][]T of rows
// of equal length: on the wire the items of all rows follow one another, row by row, and the
// dimensions are in the array's attribute. The items are the elements {space}local (read whatever
// their names), each converted by item (by pointer when flags has Ref); arrayType is their schema
// type and itemRanks, for items that are arrays, their ranks (see NewArrayOf).
//
//go:noinline
func NewArray2D[T any](space, local string, flags Flags, item *Codec, arrayType xml.Name, itemRanks string) Codec {
	a := &array[T]{item: newElem(space, local, flags), c: itemOps[T](item, flags), arrayType: arrayType, itemRanks: itemRanks}
	return wrapBase(&ops[[][]T]{
		zero:    func(v [][]T) bool { return v == nil },
		elem:    func(e *Encoder, f *elem, owner string, _ *soap.Presence, v [][]T) { encodeArray2D(a, e, f, owner, v) },
		elemDec: func(d *Decoder, f *elem, _ *soap.Presence, dst *[][]T) error { return decodeArray2D(a, d, f, dst) },
	})
}

// encodeArray2D writes v as the two-dimensional array element f. Rows of different lengths are an
// encoding error.
func encodeArray2D[T any](a *array[T], e *Encoder, f *elem, owner string, v [][]T) {
	cols := 0
	if len(v) > 0 {
		cols = len(v[0])
	}
	for i, row := range v {
		if len(row) != cols {
			e.Errorf("soap: %s: row %d has %d items and row 0 has %d: the rows of a two-dimensional SOAP-ENC array have one length", f.name.Local, i, len(row), cols)
			return
		}
	}
	startSOAPArray(e, f, a.arrayType, a.itemRanks, strconv.Itoa(len(v))+","+strconv.Itoa(cols), false)
	for _, row := range v {
		encodeItems(a, e, f, owner, row, nil)
	}
	e.EndElement()
}

// maxEmptyRows bounds the rows of a two-dimensional SOAP-ENC array whose rows are empty: rows of no
// item take memory that nothing on the wire accounts for.
const maxEmptyRows = 1 << 12

// decodeArray2D reads the two-dimensional array element just started into *dst: its child
// elements, whatever their names, are the items, split into rows as its arrayType (or arraySize)
// attribute says. Partial and sparse arrays are an error, as is a number of items that does not fill
// the dimensions.
func decodeArray2D[T any](a *array[T], d *Decoder, f *elem, dst *[][]T) error {
	if d.hasEncAttr("offset") {
		return d.Errorf("partially transmitted SOAP-ENC arrays (soapenc:offset) are not supported")
	}
	rows, cols, err := arrayDims(d)
	if err != nil {
		return d.Errorf("%s: %v", f.name.Local, err)
	}
	items := make([]T, 0, 4)
	err = d.children(func() error {
		if d.hasEncAttr("position") {
			return d.Errorf("sparse SOAP-ENC arrays (soapenc:position) are not supported")
		}
		var zero T
		items = append(items, zero)
		return decodeField(d, a.c, &a.item, nil, &items[len(items)-1])
	})
	if err != nil {
		return err
	}
	switch {
	case cols > 0 && rows < 0:
		rows = len(items) / cols
	case cols == 0 && rows > maxEmptyRows:
		return d.Errorf("%s: a two-dimensional SOAP-ENC array of %d empty rows (at most %d are read)", f.name.Local, rows, maxEmptyRows)
	}
	if rows < 0 || cols > 0 && (len(items)%cols != 0 || rows != len(items)/cols) || cols == 0 && len(items) != 0 {
		return d.Errorf("%s: a two-dimensional SOAP-ENC array of %d rows of %d holds %d items", f.name.Local, max(rows, 0), cols, len(items))
	}
	out := make([][]T, rows)
	for i := range out {
		out[i] = items[i*cols : (i+1)*cols : (i+1)*cols]
	}
	*dst = out
	return nil
}

// arrayDims reads the dimensions of the two-dimensional SOAP-ENC array just started: the last
// brackets of soapenc:arrayType ("xsd:string[2,3]"), or enc:arraySize ("2 3", the first possibly
// "*": unknown, -1).
func arrayDims(d *Decoder) (rows, cols int, err error) {
	var dims []string
	if v, ok := d.attrNamed(nsSOAPEnc, "arrayType"); ok {
		s := strings.TrimSpace(string(v))
		i := strings.LastIndexByte(s, '[')
		if i < 0 || !strings.HasSuffix(s, "]") {
			return 0, 0, fmt.Errorf("soapenc:arrayType %q gives no dimensions", v)
		}
		dims = strings.Split(s[i+1:len(s)-1], ",")
	} else if v, ok := d.attrNamed(nsEnc12, "arraySize"); ok {
		dims = strings.Fields(string(v))
	} else {
		return 0, 0, fmt.Errorf("a two-dimensional SOAP-ENC array needs soapenc:arrayType (or enc:arraySize) to give its dimensions")
	}
	if len(dims) != 2 {
		return 0, 0, fmt.Errorf("the array has %d dimensions, not 2", len(dims))
	}
	rows = -1
	if r := strings.TrimSpace(dims[0]); r != "*" {
		if rows, err = strconv.Atoi(r); err != nil || rows < 0 {
			return 0, 0, fmt.Errorf("%q is not a number of rows", dims[0])
		}
	}
	if cols, err = strconv.Atoi(strings.TrimSpace(dims[1])); err != nil || cols < 0 {
		return 0, 0, fmt.Errorf("%q is not a number of columns", dims[1])
	}
	return rows, cols, nil
}
