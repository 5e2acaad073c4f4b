package behaviour_test

import (
	"context"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/golden/substitution"
)

const nsSubstitution = "http://example.com/sogen/substitution"

// TestSubstitution checks substitution groups (XML Schema Part 1 section 3.3.6): where the head
// element is allowed, any member (directly or through another member) may appear instead, and an
// abstract head never appears itself. sogen maps the head's slot to a choice among them.
func TestSubstitution(t *testing.T) {
	ctx := context.Background()
	sn := func(local string) xml.Name { return xml.Name{Space: nsSubstitution, Local: local} }

	srv := newServer(t, envelope11("", `<RecordResponse xmlns="`+nsSubstitution+`"><roundCircle>r</roundCircle></RecordResponse>`))
	c := substitution.NewSubstitutionClient(nil)
	c.Endpoint = srv.URL
	start := mustDateTime(t, "2024-05-01T10:00:00Z")
	events := []*substitution.RecordEvent{{Started: &start}, {Stopped: &substitution.Stop{Reason: "done"}}, {Started: &start}}
	got, err := c.Record(ctx, events, nil, nil, ptr("round"))
	if err != nil {
		t.Fatal(err)
	}
	diff(t, "reply", "r", got)
	req := srv.Last(t)
	checkHTTP11(t, req, nsSubstitution+"/Record")
	op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
	diff(t, "Record", []xml.Name{sn("started"), sn("stopped"), sn("started"), sn("roundCircle")}, op.childNames())
	checkGolden(t, "substitution", "Record.request.xml", req.Body)

	var back substitution.Record
	if err := decodeBody(req.Body, &back, nil); err != nil {
		t.Fatal(err)
	}
	diff(t, "decoded", &substitution.Record{Event: events, RoundCircle: ptr("round")}, &back)

	// The head of a non-abstract group is one of the choices; two of them are refused.
	if _, err := c.Record(ctx, nil, ptr("s"), ptr("c"), nil); err == nil || !strings.Contains(err.Error(), "Shape and Circle are set") {
		t.Errorf("sending shape and circle: err = %v, want the choice error", err)
	}
}
