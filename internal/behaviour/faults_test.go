package behaviour_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/golden/faults"
	"github.com/sogen-go/sogen/internal/soaptest"
	"github.com/sogen-go/sogen/soap"
)

const nsFaults = "http://example.com/sogen/faults"

// fault11 is a SOAP 1.1 Fault (SOAP 1.1 section 4.4) with the given detail content.
func fault11(code, reason, detail string) string {
	s := `<s:Fault><faultcode>s:` + code + `</faultcode><faultstring>` + reason + `</faultstring>`
	if detail != "" {
		s += `<detail>` + detail + `</detail>`
	}
	return s + `</s:Fault>`
}

// fault12 is a SOAP 1.2 Fault (Part 1 section 5.4) with the given Detail content.
func fault12(code, reason, detail string) string {
	s := `<env:Fault><env:Code><env:Value>env:` + code + `</env:Value></env:Code><env:Reason><env:Text xml:lang="en">` + reason + `</env:Text></env:Reason>`
	if detail != "" {
		s += `<env:Detail>` + detail + `</env:Detail>`
	}
	return s + `</env:Fault>`
}

// TestFaults checks declared faults (WSDL 1.1 sections 2.4 and 3.6): a Fault whose detail holds the
// element of a fault the operation declares is returned as that fault's typed error, which wraps the
// *soap.Fault; anything else stays a plain *soap.Fault.
func TestFaults(t *testing.T) {
	ctx := context.Background()
	divByZero := `<DivideByZero xmlns="` + nsFaults + `"><Dividend>7</Dividend></DivideByZero>`
	serviceFault := `<f:ServiceFault xmlns:f="` + nsFaults + `"><f:Code>42</f:Code><f:Error>overloaded</f:Error></f:ServiceFault>`

	t.Run("Divide succeeds", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<DivideResponse xmlns="`+nsFaults+`"><Quotient>3</Quotient></DivideResponse>`))
		c := faults.NewCalculatorClientCalculatorServiceSoap11(nil)
		c.Endpoint = srv.URL
		q, err := c.Divide(ctx, 7, 2)
		if err != nil || q != 3 {
			t.Fatalf("Divide = %d, %v", q, err)
		}
		checkHTTP11(t, srv.Last(t), "urn:divide")
		checkGolden(t, "faults", "Divide.request.xml", srv.Last(t).Body)
	})

	t.Run("SOAP 1.1: DivideByZero detail is a *DivideByZeroFault wrapping the *soap.Fault", func(t *testing.T) {
		srv := soaptest.NewServer(t, http.StatusInternalServerError, contentType11,
			envelope11("", fault11("Client", "division by zero", divByZero)))
		c := faults.NewCalculatorClientCalculatorServiceSoap11(nil)
		c.Endpoint = srv.URL
		_, err := c.Divide(ctx, 7, 0)
		var dz *faults.DivideByZeroFault
		if !errors.As(err, &dz) {
			t.Fatalf("error %v (%T) is not a *DivideByZeroFault", err, err)
		}
		diff(t, "detail", &faults.DivideByZero{Dividend: 7}, dz.Detail)
		var f *soap.Fault
		if !errors.As(err, &f) {
			t.Fatalf("error %v does not contain a *soap.Fault", err)
		}
		if f != dz.Fault || f.Code != xmlName(nsEnv11, "Client") || f.Reason != "division by zero" || f.HTTPStatus != 500 {
			t.Errorf("fault %+v", f)
		}
		if f.Detail == nil || len(f.Detail.Content) != 1 {
			t.Errorf("the raw detail is not kept: %+v", f.Detail)
		}
		if want := "soap: Calculator.Divide: soap fault (SOAP 1.1, HTTP 500): Client: division by zero"; err.Error() != want {
			t.Errorf("message %q, want %q", err.Error(), want)
		}
		var se *faults.ServiceFaultError
		if errors.As(err, &se) {
			t.Error("the error is also a *ServiceFaultError")
		}
	})

	t.Run("SOAP 1.2: ServiceFault detail, after other detail elements, is a *ServiceFaultError", func(t *testing.T) {
		srv := soaptest.NewServer(t, http.StatusInternalServerError, contentType12,
			envelope12("", fault12("Receiver", "busy", `<trace xmlns="urn:other">x</trace>`+serviceFault)))
		c := faults.NewCalculatorClientSoap12(nil)
		c.Endpoint = srv.URL
		_, err := c.Sqrt(ctx, 2)
		var se *faults.ServiceFaultError
		if !errors.As(err, &se) {
			t.Fatalf("error %v (%T) is not a *ServiceFaultError", err, err)
		}
		diff(t, "detail", &faults.ServiceError{Code: 42, Error: "overloaded"}, se.Detail)
		var f *soap.Fault
		if !errors.As(err, &f) || f.Code != xmlName(nsEnv12, "Receiver") || f.Version != soap.V12 {
			t.Errorf("fault %+v", f)
		}
	})

	plain := []struct {
		name  string
		reply []byte
		call  func(*faults.CalculatorClient) error
	}{
		{"no detail", envelope11("", fault11("Server", "oops", "")), func(c *faults.CalculatorClient) error { _, err := c.Divide(ctx, 1, 1); return err }},
		{"an undeclared detail element", envelope11("", fault11("Server", "oops", `<Other xmlns="`+nsFaults+`"/>`)), func(c *faults.CalculatorClient) error { _, err := c.Divide(ctx, 1, 1); return err }},
		{"a fault declared by another operation", envelope11("", fault11("Client", "oops", divByZero)), func(c *faults.CalculatorClient) error { _, err := c.Sqrt(ctx, 1); return err }},
		{"a declared element that does not decode", envelope11("", fault11("Client", "oops", `<DivideByZero xmlns="`+nsFaults+`"><Dividend>seven</Dividend></DivideByZero>`)), func(c *faults.CalculatorClient) error { _, err := c.Divide(ctx, 1, 1); return err }},
	}
	for _, tt := range plain {
		t.Run("plain *soap.Fault: "+tt.name, func(t *testing.T) {
			srv := soaptest.NewServer(t, http.StatusInternalServerError, contentType11, tt.reply)
			c := faults.NewCalculatorClientCalculatorServiceSoap11(nil)
			c.Endpoint = srv.URL
			err := tt.call(c)
			var f *soap.Fault
			if !errors.As(err, &f) {
				t.Fatalf("error %v is not a *soap.Fault", err)
			}
			if u := errors.Unwrap(err); u != f {
				t.Errorf("the runtime's error wraps %T, want the *soap.Fault itself", u)
			}
			var dz *faults.DivideByZeroFault
			var se *faults.ServiceFaultError
			if errors.As(err, &dz) || errors.As(err, &se) {
				t.Errorf("error %v is typed", err)
			}
		})
	}
}

// TestFaultsNotice: the fault Domain, whose message part names a type, stays a plain *soap.Fault,
// and generating says so.
func TestFaultsNotice(t *testing.T) {
	res := generateFixture(t, "faults")
	for _, n := range res.Notices {
		if strings.Contains(n, "fault Domain of operation Sqrt: its message DomainMessage does not have exactly one part naming an element") {
			return
		}
	}
	t.Errorf("no notice about the fault Domain in %q", res.Notices)
}

// TestFaultsServices: two services with a port named Soap11 get one constructor each, named after
// service and port, with the address of their own port.
func TestFaultsServices(t *testing.T) {
	for _, tt := range []struct {
		newC     func(*soap.Client) *faults.CalculatorClient
		endpoint string
	}{
		{faults.NewCalculatorClientCalculatorServiceSoap11, "http://example.com/faults/soap11"},
		{faults.NewCalculatorClientBackupServiceSoap11, "http://backup.example.com/faults/soap11"},
		{faults.NewCalculatorClientSoap12, "http://example.com/faults/soap12"},
	} {
		if c := tt.newC(nil); c.Endpoint != tt.endpoint {
			t.Errorf("Endpoint = %q, want %q", c.Endpoint, tt.endpoint)
		}
	}
}

// calculator serves the faults case: Divide returns the declared faults, Sqrt plain errors.
type calculator struct {
	faults.UnimplementedCalculatorServer
}

func (calculator) Divide(ctx context.Context, dividend, divisor int32) (int32, error) {
	switch {
	case divisor == 0:
		return 0, &faults.DivideByZeroFault{Detail: &faults.DivideByZero{Dividend: dividend}}
	case divisor < 0:
		return 0, &faults.ServiceFaultError{Detail: &faults.ServiceError{Code: 42, Error: "overloaded"},
			Fault: &soap.Fault{Code: xmlName(nsEnv11, "Client"), Reason: "try later", Actor: "urn:calc"}}
	}
	return dividend / divisor, nil
}

func (calculator) Sqrt(ctx context.Context, v float64) (float64, error) {
	if v < 0 {
		return 0, &soap.Fault{Code: xmlName(nsEnv11, "Client"), Reason: "negative value"}
	}
	return 0, errors.New("the math coprocessor is on fire")
}

// TestServerFaults serves the faults case with its generated handlers, over SOAP 1.1 and SOAP 1.2,
// and checks what the generated client makes of the faults the implementation returns: a declared
// fault arrives as that typed error with its detail (and the fault's code, reason and actor when the
// implementation set them), a *soap.Fault as itself (its code mapped to the version), any other
// error as a Server/Receiver fault without the error's text.
func TestServerFaults(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		handler func(faults.CalculatorServer, ...soap.HandlerOption) http.Handler
		client  *faults.CalculatorClient
		env     string
		sender  string
		server  string
	}{
		{"SOAP 1.1", faults.NewCalculatorHandlerCalculatorServiceSoap11, faults.NewCalculatorClientCalculatorServiceSoap11(nil), nsEnv11, "Client", "Server"},
		{"SOAP 1.2", faults.NewCalculatorHandlerSoap12, faults.NewCalculatorClientSoap12(nil), nsEnv12, "Sender", "Receiver"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(tc.handler(calculator{}))
			defer srv.Close()
			c := tc.client
			c.Endpoint = srv.URL
			if q, err := c.Divide(ctx, 7, 2); err != nil || q != 3 {
				t.Fatalf("Divide(7, 2) = %d, %v", q, err)
			}

			_, err := c.Divide(ctx, 7, 0)
			var dz *faults.DivideByZeroFault
			if !errors.As(err, &dz) {
				t.Fatalf("Divide(7, 0): %v (%T), want a *DivideByZeroFault", err, err)
			}
			diff(t, "detail", &faults.DivideByZero{Dividend: 7}, dz.Detail)
			if dz.Fault.Code != xmlName(tc.env, tc.server) || dz.Fault.Reason != "DivideByZero" {
				t.Errorf("fault %+v, want a %s fault whose reason names the fault element", dz.Fault, tc.server)
			}

			_, err = c.Divide(ctx, 7, -1)
			var sf *faults.ServiceFaultError
			if !errors.As(err, &sf) {
				t.Fatalf("Divide(7, -1): %v (%T), want a *ServiceFaultError", err, err)
			}
			diff(t, "detail", &faults.ServiceError{Code: 42, Error: "overloaded"}, sf.Detail)
			if sf.Fault.Code != xmlName(tc.env, tc.sender) || sf.Fault.Reason != "try later" || sf.Fault.Actor != "urn:calc" {
				t.Errorf("fault %+v, want the %s fault the implementation returned", sf.Fault, tc.sender)
			}

			_, err = c.Sqrt(ctx, -1)
			var f *soap.Fault
			if !errors.As(err, &f) || f.Code != xmlName(tc.env, tc.sender) || f.Reason != "negative value" {
				t.Errorf("Sqrt(-1): %v, want the %s fault the implementation returned", err, tc.sender)
			}
			_, err = c.Sqrt(ctx, 2)
			if !errors.As(err, &f) || f.Code != xmlName(tc.env, tc.server) || f.Reason != "internal server error" || strings.Contains(err.Error(), "fire") {
				t.Errorf("Sqrt(2): %v, want a %s fault not saying why", err, tc.server)
			}
		})
	}
}
