package parser

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"sort"
	"strings"
)

// sameDefinition returns nil when def, defined at pos, is identical to old, defined at oldPos (both
// named name), and otherwise an error naming both places and saying how they differ.
func sameDefinition(kind string, name xml.Name, old, def any, oldPos, pos Pos) error {
	a, b := canonical(old), canonical(def)
	if a == b {
		return nil
	}
	return &Error{Pos: pos, Msg: fmt.Sprintf("%s {%s}%s is also defined, differently, at %s: %s",
		kind, name.Space, name.Local, oldPos, describeDifference(a, b))}
}

// describeDifference says where two definitions of one QName first differ, given their canonical
// forms (old: the one seen first, "there"; new: "here"), as a path through the definition and the two
// values, for example
//
//	Particle/element Id/Type: {http://www.w3.org/2001/XMLSchema}int there, {http://www.w3.org/2001/XMLSchema}long here
//
// Elements, attributes and other named items are named on the path rather than numbered.
func describeDifference(old, new string) string {
	var a, b any
	if json.Unmarshal([]byte(old), &a) != nil || json.Unmarshal([]byte(new), &b) != nil {
		return "they differ"
	}
	path, x, y, ok := firstDiff(a, b, nil)
	if !ok {
		return "they differ"
	}
	// Particle/Children/element Id/Element/Type reads Particle/element Id/Type.
	var short []string
	for i, p := range path {
		if p == "Children" || i > 0 && strings.HasPrefix(path[i-1], strings.ToLower(p)+" ") {
			continue
		}
		short = append(short, p)
	}
	where := strings.Join(short, "/")
	if where == "" {
		where = "the definition"
	}
	return fmt.Sprintf("%s: %s there, %s here", where, x, y)
}

// firstDiff walks a and b (decoded JSON) in step and returns the path to the first difference and
// the two values there, rendered.
func firstDiff(a, b any, path []string) ([]string, string, string, bool) {
	if qa, ok := qname(a); ok {
		if qb, ok := qname(b); ok {
			if qa != qb {
				return path, qa, qb, true
			}
			return nil, "", "", false
		}
	}
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			break
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		for k := range y {
			if _, ok := x[k]; !ok {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			if p, vx, vy, ok := firstDiff(x[k], y[k], append(path, k)); ok {
				return p, vx, vy, true
			}
		}
		return nil, "", "", false
	case []any:
		y, ok := b.([]any)
		if !ok {
			break
		}
		for i := 0; i < len(x) && i < len(y); i++ {
			if p, vx, vy, ok := firstDiff(x[i], y[i], append(path, itemName(x[i], i))); ok {
				return p, vx, vy, true
			}
		}
		if len(x) != len(y) {
			return path, items(x), items(y), true
		}
		return nil, "", "", false
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) == string(jb) {
		return nil, "", "", false
	}
	return path, render(a), render(b), true
}

// qname reports whether v is an encoded xml.Name, and renders it.
func qname(v any) (string, bool) {
	m, ok := v.(map[string]any)
	if !ok || len(m) != 2 {
		return "", false
	}
	space, ok1 := m["Space"].(string)
	local, ok2 := m["Local"].(string)
	if !ok1 || !ok2 {
		return "", false
	}
	switch {
	case local == "" && space == "":
		return "nothing", true
	case space == "":
		return local, true
	}
	return "{" + space + "}" + local, true
}

// itemName names an item of a list by what it declares: "element Id", "attribute lang", or its index.
func itemName(v any, i int) string {
	m, _ := v.(map[string]any)
	for _, k := range []string{"Element", "Attribute"} {
		if d, ok := m[k].(map[string]any); ok {
			if n, ok := qname(d["Name"]); ok && n != "nothing" {
				return strings.ToLower(k) + " " + localOf(d["Name"])
			}
			if n, ok := qname(d["Ref"]); ok && n != "nothing" {
				return strings.ToLower(k) + " ref " + localOf(d["Ref"])
			}
		}
	}
	if n, ok := qname(m["Name"]); ok && n != "nothing" {
		return localOf(m["Name"])
	}
	if s, ok := m["Value"].(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("[%d]", i)
}

func localOf(v any) string {
	m, _ := v.(map[string]any)
	s, _ := m["Local"].(string)
	return s
}

// items renders a list by its items' names.
func items(list []any) string {
	if len(list) == 0 {
		return "nothing"
	}
	names := make([]string, len(list))
	for i, v := range list {
		names[i] = itemName(v, i)
	}
	return fmt.Sprintf("%d (%s)", len(list), strings.Join(names, ", "))
}

// render renders a JSON value briefly.
func render(v any) string {
	if v == nil {
		return "nothing"
	}
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	b, _ := json.Marshal(v)
	if len(b) > 120 {
		return string(b[:117]) + "..."
	}
	return string(b)
}
