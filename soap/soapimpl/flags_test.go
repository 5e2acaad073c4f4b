package soapimpl

import (
	"slices"
	"testing"
)

type (
	flagsList string // a generated flags type: xs:list of flagsFlag
	flagsFlag string
)

var flagsNumbers = map[flagsFlag]int64{"Read": 1, "Write": 2, "Delete": 4, "Admin": 64}

func flagsNumber(f flagsFlag) (int64, bool) {
	n, ok := flagsNumbers[f]
	return n, ok
}

func TestListValues(t *testing.T) {
	tests := []struct {
		in   flagsList
		want []flagsFlag
	}{
		{"", []flagsFlag{}},
		{" \t\n", []flagsFlag{}},
		{"Read", []flagsFlag{"Read"}},
		{"  Read  Write\tDelete\r\n", []flagsFlag{"Read", "Write", "Delete"}},
		{"Read Read", []flagsFlag{"Read", "Read"}},
		{"Unknown Read", []flagsFlag{"Unknown", "Read"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.in), func(t *testing.T) {
			got := ListValues[flagsFlag](tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("ListValues(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestListHas(t *testing.T) {
	tests := []struct {
		l    flagsList
		f    flagsFlag
		want bool
	}{
		{"Read Write", "Read", true},
		{"Read Write", "Write", true},
		{"  Read\tWrite ", "Write", true},
		{"Read Write", "Rea", false},
		{"ReadWrite", "Read", false},
		{"Read Write", "", false},
		{"", "", false},
		{"", "Read", false},
		{"read", "Read", false},
	}
	for _, tt := range tests {
		t.Run(string(tt.l)+"/"+string(tt.f), func(t *testing.T) {
			if got := ListHas(tt.l, tt.f); got != tt.want {
				t.Errorf("ListHas(%q, %q) = %v, want %v", tt.l, tt.f, got, tt.want)
			}
		})
	}
}

func TestListWith(t *testing.T) {
	tests := []struct {
		name string
		l    flagsList
		fs   []flagsFlag
		want flagsList
	}{
		{"to empty", "", []flagsFlag{"Read"}, "Read"},
		{"to whitespace only", " \t", []flagsFlag{"Read", "Write"}, "Read Write"},
		{"keeps the text byte for byte", "Write\t\tRead", []flagsFlag{"Delete"}, "Write\t\tRead Delete"},
		{"keeps surrounding whitespace", " Read ", []flagsFlag{"Write"}, " Read  Write"},
		{"already there", "Read  Write", []flagsFlag{"Write", "Read"}, "Read  Write"},
		{"ignores empty flags", "Read", []flagsFlag{"", "Write", ""}, "Read Write"},
		{"ignores duplicates among the arguments", "Read", []flagsFlag{"Write", "Write", "Admin", "Write"}, "Read Write Admin"},
		{"nothing to add", "  Read ", nil, "  Read "},
		{"unknown flag", "Read", []flagsFlag{"Custom"}, "Read Custom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ListWith(tt.l, tt.fs...); got != tt.want {
				t.Errorf("ListWith(%q, %q) = %q, want %q", tt.l, tt.fs, got, tt.want)
			}
		})
	}
}

func TestListWithout(t *testing.T) {
	tests := []struct {
		name string
		l    flagsList
		fs   []flagsFlag
		want flagsList
	}{
		{"one", "Read Write Delete", []flagsFlag{"Write"}, "Read Delete"},
		{"several, normalising separators", " Read\tWrite  Delete Admin ", []flagsFlag{"Admin", "Read"}, "Write Delete"},
		{"all", "Read Write", []flagsFlag{"Write", "Read"}, ""},
		{"repeated value", "Read Write Read", []flagsFlag{"Read"}, "Write"},
		{"absent flag", "Read  Write", []flagsFlag{"Delete"}, "Read Write"},
		{"no flags keeps the text", " Read  Write ", nil, " Read  Write "},
		{"from empty", "", []flagsFlag{"Read"}, ""},
		{"prefix of a value", "ReadOnly Read", []flagsFlag{"Read"}, "ReadOnly"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ListWithout(tt.l, tt.fs...); got != tt.want {
				t.Errorf("ListWithout(%q, %q) = %q, want %q", tt.l, tt.fs, got, tt.want)
			}
		})
	}
}

func TestListNumber(t *testing.T) {
	tests := []struct {
		l    flagsList
		want int64
		ok   bool
	}{
		{"", 0, true},
		{"Read", 1, true},
		{"Read Write", 3, true},
		{" Admin\tDelete Read ", 69, true},
		{"Read Read", 1, true},
		{"Read Bogus", 0, false},
		{"Bogus", 0, false},
		{"read", 0, false},
	}
	for _, tt := range tests {
		t.Run(string(tt.l), func(t *testing.T) {
			got, ok := ListNumber(tt.l, flagsNumber)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ListNumber(%q) = %d, %v; want %d, %v", tt.l, got, ok, tt.want, tt.ok)
			}
		})
	}
}
