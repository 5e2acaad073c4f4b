package xmlr

import (
	"bytes"
	"cmp"
	"slices"
)

// sortKeys sorts attribute names by namespace and local name.
func sortKeys(keys []attrKey) {
	slices.SortFunc(keys, func(a, b attrKey) int {
		if c := cmp.Compare(a.ns, b.ns); c != 0 {
			return c
		}
		return bytes.Compare(a.local, b.local)
	})
}
