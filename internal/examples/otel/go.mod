module github.com/sogen-go/sogen/internal/examples/otel

go 1.26.0

replace github.com/sogen-go/sogen => ../../..

require (
	github.com/sogen-go/sogen v0.0.0-00010101000000-000000000000
	go.opentelemetry.io/otel v1.47.0
	go.opentelemetry.io/otel/trace v1.47.0
)

require github.com/cespare/xxhash/v2 v2.3.0 // indirect
