package behaviour_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/sogen-go/sogen/golden/replystatus"
	"github.com/sogen-go/sogen/golden/statusoff"
	"github.com/sogen-go/sogen/soap"
)

const (
	nsInventory = "http://example.com/sogen/inventory"
	nsPayments  = "http://example.com/sogen/payments"
)

// The contract sogen generated for the blocks the fixture's sogen.json names: the error type is an
// error, and the response header structs report failures.
var (
	_ error                = (*replystatus.ProblemReport)(nil)
	_ soap.ResponseChecker = (*replystatus.StockResponseHeader)(nil)
	_ soap.ResponseChecker = (*replystatus.AuditResponseHeader)(nil)
)

// TestReplyStatusNamed checks the reply-header status contract of an API that is not SuperOffice,
// whose blocks (Done, Problem) the recognition rule does not catch and sogen.json names
// (-status-header Done -error-header Problem).
func TestReplyStatusNamed(t *testing.T) {
	ctx := context.Background()
	reserved := `<ReserveResponse xmlns="` + nsInventory + `"><ReservationId>R-7</ReservationId></ReserveResponse>`
	problem := `<Problem xmlns="` + nsInventory + `"><Text>Out of stock</Text><Code>E-STOCK</Code>` +
		`<Cause><Text>Warehouse 3 offline</Text></Cause></Problem>`
	done := func(v string) string { return `<Done xmlns="` + nsInventory + `">` + v + `</Done>` }
	const noProblem = "the reply's header block Done is false, and it carries no Problem block"

	for _, tc := range []struct {
		name, header, body string
		want               string // the result
		wantErr            string
		wantProblem        *replystatus.ProblemReport
	}{
		{name: "Done=true", header: done("true"), body: reserved, want: "R-7"},
		{name: "no header", header: "", body: reserved, want: "R-7"},
		{
			name: "Done=false with a Problem and a result", header: done("false") + problem, body: reserved, want: "R-7",
			wantErr: `soap: Stock.Reserve: ProblemReport: Text="Out of stock" Code="E-STOCK": ProblemReport: Text="Warehouse 3 offline"`,
			wantProblem: &replystatus.ProblemReport{Text: "Out of stock", Code: "E-STOCK",
				Cause: &replystatus.ProblemReport{Text: "Warehouse 3 offline"}},
		},
		{
			name: "Done=false without a Problem", header: done("false"), body: reserved, want: "R-7",
			wantErr:     `soap: Stock.Reserve: ProblemReport: Text="` + noProblem + `"`,
			wantProblem: &replystatus.ProblemReport{Text: noProblem},
		},
		{
			name: "a Problem with Done=true", header: problem + done("true"), body: reserved, want: "R-7",
			wantErr: `soap: Stock.Reserve: ProblemReport: Text="Out of stock" Code="E-STOCK": ProblemReport: Text="Warehouse 3 offline"`,
			wantProblem: &replystatus.ProblemReport{Text: "Out of stock", Code: "E-STOCK",
				Cause: &replystatus.ProblemReport{Text: "Warehouse 3 offline"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, envelope11(tc.header, tc.body))
			c := replystatus.NewStockClient(nil)
			c.Endpoint = srv.URL
			got, err := c.Reserve(ctx, "SKU-1", 2)
			if got != tc.want {
				t.Errorf("result = %q, want %q", got, tc.want)
			}
			if tc.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || err.Error() != tc.wantErr {
				t.Fatalf("error = %v\nwant    %s", err, tc.wantErr)
			}
			if !soap.ResultDecoded(err) {
				t.Error("soap.ResultDecoded = false")
			}
			var p *replystatus.ProblemReport
			if !errors.As(err, &p) {
				t.Fatalf("errors.As(*ProblemReport) = false for %v", err)
			}
			diff(t, "problem", tc.wantProblem, p, cmpopts.IgnoreTypes(soap.Presence{}))
			if p.Cause != nil && !errors.Is(err, p.Cause) {
				t.Error("errors.Is(err, Cause) = false: Unwrap does not reach the cause")
			}
		})
	}

	t.Run("an operation without result", func(t *testing.T) {
		srv := newServer(t, envelope11(done("false")+problem, `<ReleaseResponse xmlns="`+nsInventory+`"/>`))
		c := replystatus.NewStockClient(nil)
		c.Endpoint = srv.URL
		err := c.Release(ctx, "R-7")
		var p *replystatus.ProblemReport
		if !errors.As(err, &p) || p.Code != "E-STOCK" {
			t.Fatalf("error = %v, want the *ProblemReport", err)
		}
	})

	t.Run("Done twice", func(t *testing.T) {
		srv := newServer(t, envelope11(done("false")+done("true"), reserved))
		c := replystatus.NewStockClient(nil)
		c.Endpoint = srv.URL
		got, err := c.Reserve(ctx, "SKU-1", 2)
		var de *soap.DecodeError
		if !errors.As(err, &de) || got != "" {
			t.Fatalf("Reserve = %q, %v; want a *soap.DecodeError", got, err)
		}
	})

	// The Audit client's response header has Done alone: a status block without an error block.
	t.Run("a status block alone", func(t *testing.T) {
		recorded := `<RecordResponse xmlns="` + nsInventory + `"><Sequence>12</Sequence></RecordResponse>`
		srv := newServer(t, envelope11(done("false"), recorded))
		c := replystatus.NewAuditClient(nil)
		c.Endpoint = srv.URL
		var rh replystatus.AuditResponseHeader
		seq, err := c.Record(ctx, "entry", soap.WithResponseHeader(&rh))
		if want := "soap: Audit.Record: the reply's header block Done is false"; err == nil || err.Error() != want {
			t.Fatalf("error = %v, want %s", err, want)
		}
		if seq != 12 || !soap.ResultDecoded(err) {
			t.Errorf("result = %d (ResultDecoded %v), want 12 with the error", seq, soap.ResultDecoded(err))
		}
		diff(t, "response header", replystatus.AuditResponseHeader{Done: ptr(false)}, rh)

		srv = newServer(t, envelope11(done("true"), recorded))
		c.Endpoint = srv.URL
		if seq, err := c.Record(ctx, "entry"); err != nil || seq != 12 {
			t.Errorf("Record = %d, %v; want 12, nil", seq, err)
		}
	})
}

// TestReplyStatusOff checks a fixture whose blocks the rule would recognise (Success, ErrorInfo with a
// Message), generated with the contract turned off (sogen.json: -no-status-headers): no method makes
// the header blocks an error, and a reply with Success=false is returned as a success.
func TestReplyStatusOff(t *testing.T) {
	errorType := reflect.TypeFor[error]()
	if reflect.TypeFor[*statusoff.ErrorDetails]().Implements(errorType) {
		t.Error("*ErrorDetails implements error with the contract off")
	}
	if reflect.TypeFor[*statusoff.PaymentsResponseHeader]().Implements(reflect.TypeFor[soap.ResponseChecker]()) {
		t.Error("*PaymentsResponseHeader implements soap.ResponseChecker with the contract off")
	}
	srv := newServer(t, envelope11(
		`<Success xmlns="`+nsPayments+`">false</Success><ErrorInfo xmlns="`+nsPayments+`"><Message>Card declined</Message><Code>51</Code></ErrorInfo>`,
		`<ChargeResponse xmlns="`+nsPayments+`"><TransactionId>T-1</TransactionId></ChargeResponse>`))
	c := statusoff.NewPaymentsClient(nil)
	c.Endpoint = srv.URL
	var rh statusoff.PaymentsResponseHeader
	id, err := c.Charge(context.Background(), wireDecimal("9.99"), soap.WithResponseHeader(&rh))
	if err != nil || id != "T-1" {
		t.Fatalf("Charge = %q, %v; want T-1, nil", id, err)
	}
	diff(t, "response header", statusoff.PaymentsResponseHeader{
		Success:   ptr(false),
		ErrorInfo: &statusoff.ErrorDetails{Message: "Card declined", Code: 51},
	}, rh)
}
