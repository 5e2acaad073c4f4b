package cli

import (
	"strings"

	"github.com/sogen-go/sogen/parser"
)

// hinted is an error the library reported with a parser.Hint, worded as sogen's flags.
type hinted struct {
	err    error
	advice string
}

// Error appends the advice in parentheses, or inside the parentheses the message ends with.
func (e *hinted) Error() string {
	msg := e.err.Error()
	if strings.HasSuffix(msg, ")") {
		return msg[:len(msg)-1] + "; " + e.advice + ")"
	}
	return msg + " (" + e.advice + ")"
}
func (e *hinted) Unwrap() error { return e.err }

// explain returns err with the advice its hint gives, if it has one, worded as sogen's flags; strict
// says whether the command line has -strict.
func explain(err error, strict bool) error {
	h, ok := parser.HintOf(err)
	if !ok {
		return err
	}
	return &hinted{err: err, advice: advice(h, strict)}
}

// advice words h for the command line; strict says whether it has -strict, which -lenient excludes.
func advice(h parser.Hint, strict bool) string {
	switch h.Kind {
	case parser.HintLenient:
		if strict {
			return "run sogen with -lenient instead of -strict to " + h.Effect + ", with a warning"
		}
		return "run sogen with -lenient to " + h.Effect + ", with a warning"
	case parser.HintNotStrict:
		return "run sogen without -strict to " + h.Effect + ", with a warning"
	case parser.HintRemote:
		a := "sogen downloads only http and https locations: " + readRemote(h.URL)
		if fetchable(h.URL) {
			a = "sogen reads remote locations only when asked: " + readRemote(h.URL)
		}
		if strict && h.Effect != "" {
			a += "; or run sogen without -strict to " + h.Effect + ", with a warning"
		}
		return a
	}
	return "see the hint"
}

// readRemote says how to have sogen read the remote location u: -fetch (for http and https), or -map
// to a saved copy.
func readRemote(u string) string {
	m := "-map " + shellQuote(u+"=FILE")
	if fetchable(u) {
		return "run sogen with -fetch to download it, or save it and run sogen with " + m + " to read your copy"
	}
	return "save it and run sogen with " + m + " to read your copy"
}

// SuggestedFlags returns the flags the hint of err suggests adding to the command line (nil when it
// has none, when the remedy is a file only the user can supply, a -map copy of a location sogen
// cannot download, or when it is leaving -strict out). A program measuring sogen as a user runs it reads its suggestions here rather
// than parsing the message.
func SuggestedFlags(err error) []string {
	h, ok := parser.HintOf(err)
	switch {
	case !ok:
		return nil
	case h.Kind == parser.HintLenient:
		return []string{"-lenient"}
	case h.Kind == parser.HintRemote && fetchable(h.URL):
		return []string{"-fetch"}
	}
	return nil
}

// shellQuote quotes s for a POSIX shell when it holds characters the shell would interpret (a URL's
// "?" and "&", for example), so that a suggested command line can be pasted as it is.
func shellQuote(s string) string {
	safe := s != ""
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:=@%+,", r)) {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
