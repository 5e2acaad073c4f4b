package soap_test

import (
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/sogen-go/sogen/soap"
)

// A Client configures how generated clients send their calls; the zero value uses
// http.DefaultClient and DefaultMaxResponseSize. Pass it to a generated constructor, as in
// services88.NewWebhookAgent(client).
func ExampleClient() {
	client := &soap.Client{
		HTTPClient:      &http.Client{Timeout: 30 * time.Second},
		MaxResponseSize: 64 << 20, // replies up to 64 MiB
	}
	_ = client
}

// A struct's Presence sends what its Go values alone cannot say, and records what a reply said.
func ExamplePresence() {
	var p soap.Presence       // as in services88.Webhook's Presence field
	p.SetNil("Name")          // <Name xsi:nil="true"/>, although Name holds ""
	p.SetAbsent("WebhookID")  // no <WebhookId> at all, although a number is always sent
	p.SetNilItem("Events", 1) // the second item of Events as xsi:nil
	fmt.Println(p.Fields(), p.IsNil("Name"), p.State("WebhookID"), p.NilItems("Events"))
	p.Set("Name", soap.Default) // back to what the Go value says
	fmt.Println(p.Fields())
	// Output:
	// [Name WebhookID] true Absent [1]
	// [WebhookID]
}

// Errors name the operation and wrap their cause; errors.As tells a SOAP fault from an HTTP problem.
func ExampleFault() {
	// What a generated method returns for a fault reply.
	var err error = fmt.Errorf("soap: Webhook.SaveWebhook: %w", &soap.Fault{
		Version: soap.V11, Code: xml.Name{Space: soap.V11.EnvelopeNamespace(), Local: "Client"}, Reason: "Invalid ticket", HTTPStatus: 500,
	})
	var f *soap.Fault
	var he *soap.HTTPError
	switch {
	case errors.As(err, &f):
		fmt.Println("fault:", f.Code.Local, f.Reason)
	case errors.As(err, &he):
		fmt.Println("HTTP", he.StatusCode, he.Reason)
	}
	fmt.Println(err)
	// Output:
	// fault: Client Invalid ticket
	// soap: Webhook.SaveWebhook: soap fault (SOAP 1.1, HTTP 500): Client: Invalid ticket
}

// A DateTime keeps its text, so that a value from a server is sent back as it came; Time converts it.
func ExampleParseDateTime() {
	d, err := soap.ParseDateTime("2024-05-01T12:30:00.5+02:00")
	if err != nil {
		panic(err)
	}
	t, _ := d.Time()
	fmt.Println(d, t.UTC())
	fmt.Println(soap.NewDateTime(time.Date(2024, 5, 1, 10, 30, 0, 0, time.UTC)))
	// Output:
	// 2024-05-01T12:30:00.5+02:00 2024-05-01 10:30:00.5 +0000 UTC
	// 2024-05-01T10:30:00Z
}

// A Decimal keeps every digit a server sends.
func ExampleParseDecimal() {
	d, err := soap.ParseDecimal("12.50")
	if err != nil {
		panic(err)
	}
	r, _ := d.Rat()
	fmt.Println(d, r.FloatString(1))
	// Output: 12.50 12.5
}

// The values of elements named like secrets never show in a call's errors.
func ExampleIsSecretName() {
	fmt.Println(soap.IsSecretName("Ticket"), soap.IsSecretName("ApplicationToken"), soap.IsSecretName("UserName"))
	// Output: true true false
}
