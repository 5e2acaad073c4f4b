package behaviour_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/sogen-go/sogen/golden/docparts"
	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/soapimpl"
)

const nsDocParts = "http://example.com/sogen/docparts"

// bookingReply is a Booking reply: the Receipt and Balance parts side by side in the Body.
const bookingReply = `<Receipt xmlns="` + nsDocParts + `"><ID>r-1</ID><Booked>2026-11-26T22:00:00Z</Booked></Receipt>` +
	`<b:Balance xmlns:b="` + nsDocParts + `">99.50</b:Balance>`

// TestDocParts checks document/literal messages with several body parts (WSDL 1.1 section 3.5: the
// parts appear directly under soap:Body, one element per part, in message order): the request's parts
// are the method's parameters and are written side by side; the reply's are decoded into the result
// struct, one field per part.
func TestDocParts(t *testing.T) {
	ctx := context.Background()
	t.Run("Transfer sends one element per part, in order, and returns the reply's parts", func(t *testing.T) {
		srv := newServer(t, envelope11("", bookingReply))
		c := docparts.NewBankClient(nil)
		c.Endpoint = srv.URL
		got, err := c.Transfer(ctx, &docparts.Account{IBAN: "DE01"}, &docparts.Account{IBAN: "FR02", Holder: "Ann"}, mustDecimal(t, "12.50"), []string{"rent", "monthly"})
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "receipt", "r-1", got.Receipt.ID)
		diff(t, "booked", "2026-11-26T22:00:00Z", got.Receipt.Booked.String())
		diff(t, "balance", "99.50", got.Balance.String())
		req := srv.Last(t)
		checkHTTP11(t, req, "urn:transfer")
		body := bodyOf(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "parts", []string{`Source={IBAN="DE01" Holder=empty}`, `Target={IBAN="FR02" Holder="Ann"}`, `Amount="12.50"`, `Tags={string="rent" string="monthly"}`}, body.childForms())
		for _, c := range body.Children {
			diff(t, "namespace of "+c.Name.Local, nsDocParts, c.Name.Space)
		}
		checkGolden(t, "docparts", "Transfer.request.xml", req.Body)
	})
	t.Run("the reply's parts may come in any order", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<Receipt xmlns="`+nsDocParts+`"><ID>r-2</ID><Booked>2026-11-26T22:00:00Z</Booked></Receipt>`))
		c := docparts.NewBankClient(nil)
		c.Endpoint = srv.URL
		got, err := c.Refund(ctx, &docparts.Account{IBAN: "DE01"}, mustDecimal(t, "1"))
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "receipt", "r-2", got.Receipt.ID)
		if !got.Presence.IsAbsent("Balance") {
			t.Error("the missing Balance part is not recorded as absent")
		}
	})
	t.Run("a nil Balance part decodes as nil in Presence", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<Receipt xmlns="`+nsDocParts+`"><ID>r-3</ID><Booked>2026-11-26T22:00:00Z</Booked></Receipt>`+
			`<Balance xmlns="`+nsDocParts+`" xmlns:xsi="`+nsXSI+`" xsi:nil="true"/>`))
		c := docparts.NewBankClient(nil)
		c.Endpoint = srv.URL
		got, err := c.Transfer(ctx, &docparts.Account{IBAN: "DE01"}, &docparts.Account{IBAN: "FR02"}, mustDecimal(t, "1"), nil)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Presence.IsNil("Balance") {
			t.Error("the nil Balance part is not recorded as nil")
		}
	})
	t.Run("Refund sends the session part as a header and the others in the body", func(t *testing.T) {
		srv := newServer(t, envelope11("", bookingReply))
		c := docparts.NewBankClient(nil)
		c.Endpoint = srv.URL
		c.Header.Session = "s-9"
		if _, err := c.Refund(ctx, &docparts.Account{IBAN: "DE01"}, mustDecimal(t, "3")); err != nil {
			t.Fatal(err)
		}
		env := checkEnvelope(t, srv.Last(t).Body, nsEnv11)
		diff(t, "header", []string{`Session="s-9"`}, headerOf(env).childForms())
		diff(t, "parts", []string{`Target={IBAN="DE01" Holder=empty}`, `Amount="3"`}, bodyOf(t, env).childForms())
		checkGolden(t, "docparts", "Refund.request.xml", srv.Last(t).Body)
	})
	t.Run("a reply whose first element is not the first part is an error", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<Balance xmlns="`+nsDocParts+`">1</Balance>`))
		c := docparts.NewBankClient(nil)
		c.Endpoint = srv.URL
		_, err := c.Transfer(ctx, &docparts.Account{IBAN: "DE01"}, &docparts.Account{IBAN: "FR02"}, mustDecimal(t, "1"), nil)
		if err == nil || !strings.Contains(err.Error(), "expected {"+nsDocParts+"}Receipt") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("an unknown element among the parts is an error when unknown elements are", func(t *testing.T) {
		var b docparts.Booking
		err := decodeParts(envelope11("", bookingReply+`<Extra xmlns="`+nsDocParts+`"/>`), &b)
		if err == nil || !strings.Contains(err.Error(), "unknown element") {
			t.Errorf("err = %v", err)
		}
		b = docparts.Booking{}
		if err := decodeParts(envelope11("", bookingReply), &b); err != nil {
			t.Fatal(err)
		}
		diff(t, "balance", "99.50", b.Balance.String())
	})
	t.Run("a fault is returned as a fault", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<s:Fault><faultcode>s:Server</faultcode><faultstring>closed</faultstring></s:Fault>`))
		c := docparts.NewBankClient(nil)
		c.Endpoint = srv.URL
		_, err := c.Transfer(ctx, &docparts.Account{IBAN: "DE01"}, &docparts.Account{IBAN: "FR02"}, mustDecimal(t, "1"), nil)
		var f *soap.Fault
		if !errors.As(err, &f) || f.Reason != "closed" {
			t.Errorf("err = %v", err)
		}
	})
}

// bodyOf returns the Body of an envelope tree.
func bodyOf(t *testing.T, env *node) *node {
	t.Helper()
	for _, c := range env.Children {
		if c.Name.Local == "Body" && c.Name.Space == env.Name.Space {
			return c
		}
	}
	t.Fatal("the envelope has no Body")
	return nil
}

// decodeParts decodes the Body of envelope into dst, the parts of a message, unknown elements an
// error.
func decodeParts(envelope []byte, dst soapimpl.Message) error {
	d := soapimpl.NewDecoder([]byte(string(envelope)), nil)
	d.DisallowUnknown()
	if err := d.Root(); err != nil {
		return err
	}
	if _, err := d.Child(); err != nil { // Body
		return err
	}
	ok, err := d.Child()
	if err != nil || !ok {
		return errors.New("empty Body")
	}
	return dst.SOAPType().DecodeParts(d, dst)
}
