// Package doccheck holds the test that compiles the Go examples of README.md and docs/*.md: each
// code block preceded by the line <!-- go:compile --> is a complete file, compiled in a package of
// its own (laid over this directory with go build -overlay, so nothing is written in
// the tree). A block importing go.opentelemetry.io is compiled in the module internal/examples/otel
// instead, so that sogen itself does not depend on OpenTelemetry.
package doccheck
