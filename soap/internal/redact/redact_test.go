package redact

import (
	"encoding/json"
	"html"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

const ticket = "7T:dXNlcj0xMjM/x+y=="

func set(vs ...string) Set {
	var s Set
	for _, v := range vs {
		s.Add(v)
	}
	return s
}

func TestText(t *testing.T) {
	s := set(ticket)
	jsonTicket, _ := json.Marshal(ticket)
	tests := []struct{ name, text, want string }{
		{"as sent", "ticket " + ticket + " is invalid", "ticket [REDACTED] is invalid"},
		{"XML escaped", "<p>" + html.EscapeString(ticket) + "</p>", "<p>[REDACTED]</p>"},
		{"decimal reference", "<p>7T&#58;dXNlcj0xMjM/x+y==</p>", "<p>[REDACTED]</p>"},
		{"decimal reference with leading zeros", "7T&#0058;dXNlcj0xMjM/x+y==", "[REDACTED]"},
		{"hexadecimal reference", "7T&#x3a;dXNlcj0xMjM&#X2F;x+y&#x3D;=", "[REDACTED]"},
		{"reference without semicolon (HTML)", "7T&#58dXNlcj0xMjM/x+y==", "[REDACTED]"},
		{"named entities", "<a title='7T&colon;dXNlcj0xMjM&sol;x&plus;y&equals;='>", "<a title='[REDACTED]'>"},
		{"every character a reference", refs(ticket), "[REDACTED]"},
		{"query escaped", "/login?ReturnUrl=" + url.QueryEscape(ticket) + "&x=1", "/login?ReturnUrl=[REDACTED]&x=1"},
		{"path escaped", "/t/" + url.PathEscape(ticket) + "/x", "/t/[REDACTED]/x"},
		{"lower-case percent-encoding", "t=7T%3adXNlcj0xMjM%2fx%2by%3d%3d", "t=[REDACTED]"},
		{"percent-encoded twice (a URL inside a URL)", "next=https%3A%2F%2Fh%2F%3Ft%3D" + url.QueryEscape(url.QueryEscape(ticket)), "next=https%3A%2F%2Fh%2F%3Ft%3D[REDACTED]"},
		{"percent-encoded URL in an HTML attribute", `<a href="/login?t=` + html.EscapeString(url.QueryEscape(ticket)) + `&amp;x=1">`, `<a href="/login?t=[REDACTED]&amp;x=1">`},
		{"JSON", `{"error":"bad ticket ` + string(jsonTicket[1:len(jsonTicket)-1]) + `"}`, `{"error":"bad ticket [REDACTED]"}`},
		{"JSON \\u escapes and \\/", `{"t":"7T\u003adXNlcj0xMjM\/x\u002by=="}`, `{"t":"[REDACTED]"}`},
		{"Go quoted", strconv.Quote("x " + ticket), `"x [REDACTED]"`},
		{"Go \\x and octal escapes", `7T\x3adXNlcj0xMjM\057x+y==`, "[REDACTED]"},
		{"twice", ticket + " and " + ticket, "[REDACTED] and [REDACTED]"},
		{"absent", "nothing here: 7T:dXNl", "nothing here: 7T:dXNl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.Text(tt.text, false); got != tt.want {
				t.Errorf("Text(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// refs writes every character of s as a decimal character reference.
func refs(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
	}
	return b.String()
}

func TestSpaces(t *testing.T) {
	s := set("pass word+x")
	for _, text := range []string{"pass word+x", "pass+word%2Bx", "pass%20word%2bx", `pass\u0020word+x`} {
		if got := s.Text("p="+text+";", false); got != "p=[REDACTED];" {
			t.Errorf("Text(%q) = %q", text, got)
		}
	}
}

func TestCut(t *testing.T) {
	s := set(ticket)
	if got := s.Text("token 7T:dXNlc", true); got != "token [REDACTED]" {
		t.Errorf("cut text: %q", got)
	}
	if got := s.Text("token 7T:dXNlc", false); got != "token 7T:dXNlc" {
		t.Errorf("uncut text: %q", got)
	}
	if got := s.Text(`Message="token 7T%3AdXN..." and more`, false); got != `Message="token [REDACTED]..." and more` {
		t.Errorf("before ...: %q", got)
	}
	if got := s.Text("7T...", false); got != "7T..." {
		t.Errorf("two characters before ...: %q", got)
	}
}

func TestOverlapping(t *testing.T) {
	s := set("token", "token-and-more", "and-more-too")
	if got := s.Text("x token-and-more-too y", false); got != "x [REDACTED] y" {
		t.Errorf("got %q", got)
	}
	if !s.Shows("a tok&#101;n") || s.Shows("a tok") {
		t.Error("Shows")
	}
}

func TestMalformedEscapes(t *testing.T) {
	s := set(ticket)
	for _, text := range []string{"&", "&#", "&#x;", "&#99999999999;", "%", "%4", "%zz", `\`, `\u12`, `\uD800`, `\uD800\u0041`, `\U0011FFFF`, "&nosuchentity;", "&#xD800;"} {
		if got := s.Text(text, true); got != text {
			t.Errorf("Text(%q) = %q", text, got)
		}
	}
	if got := s.Text(`\uD83D\uDE00 7T\u003A`+ticket[3:], false); got != `\uD83D\uDE00 [REDACTED]` {
		t.Errorf("surrogate pair: %q", got)
	}
}

func FuzzText(f *testing.F) {
	f.Add("ticket 7T&#58;abc%2F\\u0041 x", "7T:abc/A")
	f.Fuzz(func(t *testing.T, text, secret string) {
		s := set(secret)
		got := s.Text(text, false)
		// A secret may only reappear by running into a marker (a secret "000[" before one).
		masked := strings.ReplaceAll(got, Marker, "\x00")
		if len(s) > 0 && strings.Contains(masked, s[0]) && !strings.Contains(s[0], "\x00") {
			t.Fatalf("Text(%q) = %q still shows %q", text, got, s[0])
		}
		_ = s.Text(text, true)
	})
}
