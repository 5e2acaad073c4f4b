package soaptest_test

// Registers the -update flag, so that go test ./... -update also runs in this package.
import _ "github.com/sogen-go/sogen/internal/golden"
