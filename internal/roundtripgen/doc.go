// Package roundtripgen writes internal/behaviour/roundtrip_impls_test.go: for every server interface
// of the golden packages (generated with the server side), an implementation that hands each call to
// the round-trip test's recorder, and the table pairing each port's handler constructor with the
// client constructor of the same port. Its test compares the file with what it would write, and
// rewrites it with go test -update. The round trip itself is internal/behaviour's TestRoundTrip.
package roundtripgen
