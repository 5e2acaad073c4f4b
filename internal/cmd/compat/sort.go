package main

import (
	"regexp"
	"sort"
)

// quoted matches names in messages ({ns}Local, "x", 'x') so that causes group across files.
var quoted = regexp.MustCompile(`\{[^}]*\}[A-Za-z0-9_.\-]+|"[^"]*"|'[^']*'`)

// named matches the names following a WSDL or schema kind in messages.
var named = regexp.MustCompile(`\b(operation|binding|message|part|port|element|request element|response element) [A-Za-z_][A-Za-z0-9_.\-]*`)

// sortByCount orders keys by decreasing count, then alphabetically.
func sortByCount(keys []string, n map[string]int) {
	sort.Slice(keys, func(i, j int) bool {
		if n[keys[i]] != n[keys[j]] {
			return n[keys[i]] > n[keys[j]]
		}
		return keys[i] < keys[j]
	})
}
