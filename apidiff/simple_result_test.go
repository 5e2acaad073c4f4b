package apidiff

import (
	"strings"
	"testing"

	"github.com/sogen-go/sogen/model"
)

// TestSimpleResultType: a method returning a bare body element's value (a simple type, or a wrapped
// array's slice) whose Go type changes is a breaking change.
func TestSimpleResultType(t *testing.T) {
	old := pkg("urn:v1", "urn:common", "urn:v1/Get", false)
	new := pkg("urn:v1", "urn:common", "urn:v1/Get", false)
	for i, p := range []*model.Package{old, new} {
		op := p.Clients[0].Operations[0]
		typ := str
		if i == 1 {
			typ = &model.GoType{Kind: model.Slice, Elem: str}
		}
		op.Result, op.ResponseBody, op.ResponseSimple, op.ResultType = model.SimpleResult, model.ValueBody, &model.SimpleBody{Type: typ}, typ
	}
	r := Compare(old, new)
	var got []string
	for _, c := range r.Changes {
		if c.Class == Breaking {
			got = append(got, c.Text)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "(string, error)") || !strings.Contains(got[0], "([]string, error)") {
		t.Errorf("breaking changes: %q", got)
	}
}
