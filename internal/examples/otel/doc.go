// Package otelsoap is the module in which the OpenTelemetry example of docs/observability.md is
// compiled (by internal/doccheck): a module of its own, so that sogen itself does not depend on
// OpenTelemetry. The example's code is the documentation's; this file only gives the package and
// keeps the module's requirements (go mod tidy) those the example imports.
package otelsoap

import (
	_ "github.com/sogen-go/sogen/soap"
	_ "go.opentelemetry.io/otel/attribute"
	_ "go.opentelemetry.io/otel/codes"
	_ "go.opentelemetry.io/otel/trace"
)
