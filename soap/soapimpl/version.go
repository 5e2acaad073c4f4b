package soapimpl

// EnforceVersion is used by generated code to check, at compile time, that it and this runtime agree
// on the contract between them: the generated package converts the differences between its version
// and MinVersion, and between MaxVersion and its version, to EnforceVersion, an unsigned type, so a
// runtime too old or too new for it fails the build with a constant overflow naming EnforceVersion.
// The fix is to generate the package again with the sogen release that matches the runtime (or to
// use the runtime that matches the generator).
type EnforceVersion uint

// The range of generated-code versions this runtime supports, and the version sogen generates.
const (
	// MinVersion is the oldest version of generated code this runtime supports.
	MinVersion = GenVersion
	// MaxVersion is the newest version of generated code this runtime supports.
	MaxVersion = GenVersion
	// GenVersion is the version of the code sogen generates for this runtime.
	GenVersion = 2
)
