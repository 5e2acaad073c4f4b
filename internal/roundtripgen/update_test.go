package roundtripgen

// Registers the -update flag, so that go test ./... -update rewrites the generated round-trip file.
import _ "github.com/sogen-go/sogen/internal/golden"
