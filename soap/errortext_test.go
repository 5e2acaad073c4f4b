package soap

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestErrorText(t *testing.T) {
	long := strings.Repeat("é", 600) // 1200 bytes
	for _, tc := range []struct {
		name   string
		fields []ErrorField
		inner  error
		want   string
	}{
		{"no fields", nil, nil, "Problem"},
		{"empty values left out", []ErrorField{{"Message", ""}, {"Code", "E42"}}, nil, `Problem: Code="E42"`},
		{"several", []ErrorField{{"Message", "Webhook 99 not found"}, {"Source", "NetServer"}}, nil, `Problem: Message="Webhook 99 not found" Source="NetServer"`},
		{
			// A server cannot forge a log line, or a field, through a value.
			"escaped", []ErrorField{{"Message", "a\nERROR forged line\r\t\"quoted\" \u202e"}}, nil,
			`Problem: Message="a\nERROR forged line\r\t\"quoted\" \u202e"`,
		},
		{"inner", []ErrorField{{"Message", "outer"}}, errors.New("inner"), `Problem: Message="outer": inner`},
		{"inner without fields", nil, errors.New("inner"), `Problem: inner`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ErrorText("Problem", tc.fields, tc.inner); got != tc.want {
				t.Errorf("ErrorText = %s, want %s", got, tc.want)
			}
		})
	}
	t.Run("cut", func(t *testing.T) {
		for _, inner := range []error{nil, errors.New(long)} {
			got := ErrorText("Problem", []ErrorField{{"Message", long}, {"Source", long}}, inner)
			if len(got) > maxErrorText || !strings.HasSuffix(got, "...") || !utf8.ValidString(got) {
				t.Errorf("ErrorText gave %d bytes (valid UTF-8: %v), want at most %d ending in ...", len(got), utf8.ValidString(got), maxErrorText)
			}
			if !strings.HasPrefix(got, `Problem: Message="éé`) {
				t.Errorf("ErrorText = %.40s..., want the message first", got)
			}
		}
		short := ErrorText("Problem", []ErrorField{{"Message", "short"}}, errors.New(long))
		if len(short) > maxErrorText || !strings.HasPrefix(short, `Problem: Message="short": éé`) {
			t.Errorf("ErrorText = %.60s... (%d bytes)", short, len(short))
		}
	})
}
