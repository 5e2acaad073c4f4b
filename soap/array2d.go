package soap

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
)

// Array2D encodes and decodes a two-dimensional SOAP-ENC array (SOAP 1.1 section 5.4.2,
// arrayType="xsd:string[2,3]"; in the SOAP 1.2 encoding, arraySize="2 3"), held as a [][]T of rows
// of equal length: on the wire the items of all rows follow one another, row by row, and the
// dimensions are in the array's attribute. Generated code declares one per such array type.
type Array2D[T any] struct {
	// Item describes the item element.
	Item Field
	// EncodeItem and DecodeItem convert one item.
	EncodeItem EncodeFunc[T]
	DecodeItem DecodeFunc[T]
	// ArrayType is the schema type of the items, and ItemRanks, for items that are arrays, their
	// ranks (see Array).
	ArrayType xml.Name
	ItemRanks string
}

// Encode writes v as the element f. Rows of different lengths are an encoding error.
func (a *Array2D[T]) Encode(e *Encoder, f *Field, p *Presence, v [][]T) {
	switch f.state(p, v == nil) {
	case Absent:
	case Nil:
		e.NilElement(f.Name)
	default:
		cols := 0
		if len(v) > 0 {
			cols = len(v[0])
		}
		for i, row := range v {
			if len(row) != cols {
				e.SetError(fmt.Errorf("soap: %s: row %d has %d items and row 0 has %d: the rows of a two-dimensional SOAP-ENC array have one length", f.Name.Local, i, len(row), cols))
				return
			}
		}
		startEncArray(e, Start{Name: f.Name}, a.ArrayType, a.ItemRanks, false, strconv.Itoa(len(v))+","+strconv.Itoa(cols))
		for _, row := range v {
			for _, x := range row {
				a.EncodeItem(e, &a.Item, nil, x)
			}
		}
		e.EndElement()
	}
}

// Decode reads the element se into *dst: its child elements, whatever their names, are the items,
// split into rows as its arrayType (or arraySize) attribute says. Partial and sparse arrays are an
// error, as is a number of items that does not fill the dimensions.
func (a *Array2D[T]) Decode(d *Decoder, se xml.StartElement, f *Field, p *Presence, dst *[][]T) error {
	if IsNil(se) {
		*dst = nil
		f.Observe(p, Nil, true)
		return d.Skip()
	}
	if hasEncAttr(se, "offset") {
		return d.Errorf("partially transmitted SOAP-ENC arrays (soapenc:offset) are not supported")
	}
	rows, cols, err := arrayDims(se)
	if err != nil {
		return d.Errorf("%s: %v", se.Name.Local, err)
	}
	items := make([]T, 0)
	err = d.Children(func(child xml.StartElement) error {
		if hasEncAttr(child, "position") {
			return d.Errorf("sparse SOAP-ENC arrays (soapenc:position) are not supported")
		}
		var x T
		if err := a.DecodeItem(d, child, &a.Item, nil, &x); err != nil {
			return err
		}
		items = append(items, x)
		return nil
	})
	if err != nil {
		return err
	}
	switch {
	case cols > 0 && rows < 0:
		rows = len(items) / cols
	case cols == 0 && rows > maxEmptyRows:
		// Rows of no item take memory that nothing on the wire accounts for.
		return d.Errorf("%s: a two-dimensional SOAP-ENC array of %d empty rows (at most %d are read)", se.Name.Local, rows, maxEmptyRows)
	}
	if rows < 0 || cols > 0 && (len(items)%cols != 0 || rows != len(items)/cols) || cols == 0 && len(items) != 0 {
		return d.Errorf("%s: a two-dimensional SOAP-ENC array of %d rows of %d holds %d items", se.Name.Local, max(rows, 0), cols, len(items))
	}
	out := make([][]T, rows)
	for i := range out {
		out[i] = items[i*cols : (i+1)*cols : (i+1)*cols]
	}
	*dst = out
	f.Observe(p, Present, false)
	return nil
}

// maxEmptyRows bounds the rows of a two-dimensional SOAP-ENC array whose rows are empty.
const maxEmptyRows = 1 << 12

// arrayDims reads the dimensions of a two-dimensional SOAP-ENC array from its start tag: the last
// brackets of soapenc:arrayType ("xsd:string[2,3]"), or enc:arraySize ("2 3", the first possibly
// "*": unknown, -1).
func arrayDims(se xml.StartElement) (rows, cols int, err error) {
	var dims []string
	for _, at := range se.Attr {
		switch {
		case at.Name.Space == SOAPEncNamespace && at.Name.Local == "arrayType":
			v := strings.TrimSpace(at.Value)
			i := strings.LastIndexByte(v, '[')
			if i < 0 || !strings.HasSuffix(v, "]") {
				return 0, 0, fmt.Errorf("soapenc:arrayType %q gives no dimensions", at.Value)
			}
			dims = strings.Split(v[i+1:len(v)-1], ",")
		case at.Name.Space == SOAP12EncNamespace && at.Name.Local == "arraySize":
			dims = strings.Fields(at.Value)
		}
	}
	if dims == nil {
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
