package soapimpl

import "strings"

// The functions below implement the methods of generated flags types: an xs:list of enumeration
// values (WCF's [Flags] enums), kept as the text received so that it is sent back unchanged.

// ListValues returns the values in list l, in order.
func ListValues[F ~string, L ~string](l L) []F {
	fields := strings.Fields(string(l))
	out := make([]F, len(fields))
	for i, s := range fields {
		out[i] = F(s)
	}
	return out
}

// ListHas reports whether list l contains value f.
func ListHas[L ~string, F ~string](l L, f F) bool {
	for _, s := range strings.Fields(string(l)) {
		if s == string(f) {
			return true
		}
	}
	return false
}

// ListWith returns l with the values fs appended, except those it already contains. The text of l is
// kept as it is.
func ListWith[L ~string, F ~string](l L, fs ...F) L {
	out := string(l)
	for _, f := range fs {
		if f == "" || ListHas(L(out), f) {
			continue
		}
		if strings.TrimSpace(out) == "" {
			out = string(f)
		} else {
			out += " " + string(f)
		}
	}
	return L(out)
}

// ListWithout returns l without the values fs, its other values separated by single spaces.
func ListWithout[L ~string, F ~string](l L, fs ...F) L {
	if len(fs) == 0 {
		return l
	}
	var keep []string
	for _, s := range strings.Fields(string(l)) {
		drop := false
		for _, f := range fs {
			if s == string(f) {
				drop = true
			}
		}
		if !drop {
			keep = append(keep, s)
		}
	}
	return L(strings.Join(keep, " "))
}

// ListNumber returns the bitwise OR of the numbers of the values in l, and false if a value has no
// number (it is unknown to the schema the code was generated from).
func ListNumber[L ~string, F ~string](l L, number func(F) (int64, bool)) (int64, bool) {
	var n int64
	for _, s := range strings.Fields(string(l)) {
		v, ok := number(F(s))
		if !ok {
			return 0, false
		}
		n |= v
	}
	return n, true
}
