package whitespace_test

// Registers the -update flag, so that go test ./... -update (which rewrites the golden files of the
// packages that have some) also runs in this package.
import _ "github.com/sogen-go/sogen/internal/golden"
