package parser

import "errors"

// A Hint says what would get past an error: an option the caller can turn on or off, or a copy of a
// remote document the caller can supply. The library states the problem in the error's message and puts
// the remedy here, without wording it as a command-line flag: the sogen command words it ("run sogen
// with -lenient to ...", "-map URL=FILE", "-fetch"), a program using the library words it its own
// way. HintOf finds the hint of an error.
type Hint struct {
	// Kind is the remedy; the zero Kind means there is none.
	Kind HintKind
	// Effect says, for HintLenient and HintNotStrict, what the fix-up would do here, as a verb phrase
	// completing "turn on Lenient to ..." or "turn off Strict to ..." (e.g. "trim it"); for
	// HintRemote, when not empty, what turning off Strict would do instead of reading the document
	// (the location of an xs:import, which Strict refuses to pass over).
	Effect string
	// URL is, for HintRemote, the remote location that was not read (an absolute URL).
	URL string
	// Namespace is, for HintRemote at an xs:import, the namespace it imports ("" for none).
	Namespace string
}

// HintKind is the kind of remedy a Hint names.
type HintKind int

const (
	// HintLenient: Options.Lenient (sogen.Config.Lenient, sogen -lenient) would fix the input up,
	// with a warning, as Hint.Effect says.
	HintLenient HintKind = iota + 1
	// HintRemote: the document at Hint.URL was not read, because the Resolver has no copy of it and
	// may not download it (it returned ErrNotRead). A local copy of it (sogen -map URL=FILE) or
	// allowing downloads (sogen -fetch, for http and https locations) would do. It is an error's hint
	// for a wsdl:import, an xs:include, and, with Options.Strict, an xs:import; without Strict, an
	// xs:import of it is an Unread fix-up, whose Fixup.Hint this is.
	HintRemote
	// HintNotStrict: a loss-free fix-up (see FixupKind) would repair the input, as Hint.Effect says,
	// but Options.Strict (sogen.Config.Strict, sogen -strict) refuses it; without Strict, the default,
	// it is made and reported as a Fixup.
	HintNotStrict
)

// ErrorHint returns the hint of e (the zero Hint when there is none).
func (e *Error) ErrorHint() Hint { return e.Hint }

// HintOf returns the hint of the first error in err's tree (err, then what it wraps, depth first)
// that has a method ErrorHint returning a non-zero Hint: a *Error, a *model.Error, or an error of
// the caller's. ok is false when none has one.
func HintOf(err error) (h Hint, ok bool) {
	for err != nil {
		if e, is := err.(interface{ ErrorHint() Hint }); is {
			if h := e.ErrorHint(); h.Kind != 0 {
				return h, true
			}
		}
		switch u := err.(type) {
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				if h, ok := HintOf(e); ok {
					return h, true
				}
			}
			return Hint{}, false
		default:
			err = errors.Unwrap(err)
		}
	}
	return Hint{}, false
}

// lenientf returns an error at pos that Options.Lenient would get past as effect says.
func lenientf(pos Pos, effect, format string, args ...any) *Error {
	e := errorf(pos, format, args...)
	e.Hint = Hint{Kind: HintLenient, Effect: effect}
	return e
}

// strictf returns an error at pos that only Options.Strict makes: without it, a loss-free fix-up
// gets past it as effect says.
func strictf(pos Pos, effect, format string, args ...any) *Error {
	e := errorf(pos, format, args...)
	e.Hint = Hint{Kind: HintNotStrict, Effect: effect}
	return e
}
