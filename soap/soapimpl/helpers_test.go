package soapimpl

import (
	"errors"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/soap"
)

// decWantDecodeError fails unless err is a *soap.DecodeError whose message contains sub, and returns
// it.
func decWantDecodeError(t *testing.T, err error, sub string) *soap.DecodeError {
	t.Helper()
	if err == nil {
		t.Fatalf("error = nil, want a *soap.DecodeError containing %q", sub)
	}
	var de *soap.DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("error %v (%T) is not a *soap.DecodeError", err, err)
	}
	if !strings.Contains(err.Error(), sub) {
		t.Fatalf("error = %q, want it to contain %q", err, sub)
	}
	return de
}
