package behaviour_test

import (
	"context"
	"encoding/xml"
	"errors"
	"net/http"
	"testing"

	"github.com/sogen-go/sogen/golden/soap12"
	"github.com/sogen-go/sogen/internal/soaptest"
	"github.com/sogen-go/sogen/soap"
)

const nsSoap12 = "http://example.com/sogen/soap12"

// TestSoap12 checks the SOAP 1.2 binding: envelope namespace (SOAP 1.2 Part 1 section 5.1), media type
// and action parameter instead of SOAPAction (Part 2 section 7, RFC 3902), faults (Part 1 section 5.4).
func TestSoap12(t *testing.T) {
	ctx := context.Background()

	t.Run("SaveNote sends a SOAP 1.2 envelope with the action in the media type", func(t *testing.T) {
		srv := soaptest.NewServer(t, http.StatusOK, contentType12, envelope12("",
			`<SaveNoteResponse xmlns="`+nsSoap12+`"><Id>7</Id></SaveNoteResponse>`))
		c := soap12.NewNotesClient(nil)
		if c.Endpoint != "http://example.com/soap12" {
			t.Errorf("Endpoint = %q, want the soap12:address of the WSDL", c.Endpoint)
		}
		c.Endpoint = srv.URL
		id, err := c.SaveNote(ctx, &soap12.Note{Title: "Groceries", Body: "milk & eggs"})
		if err != nil {
			t.Fatal(err)
		}
		if id != 7 {
			t.Errorf("SaveNote = %d, want 7", id)
		}
		req := srv.Last(t)
		checkHTTP12(t, req, "http://example.com/sogen/soap12/SaveNote")
		env := checkEnvelope(t, req.Body, nsEnv12)
		if h := headerOf(env); h != nil {
			t.Errorf("request has a Header: %v", h.childNames())
		}
		op := bodyChild(t, env)
		diff(t, "body element", xml.Name{Space: nsSoap12, Local: "SaveNote"}, op.Name)
		diff(t, "body content", []string{`note={Title="Groceries" Body="milk & eggs"}`}, op.childForms())
		checkGolden(t, "soap12", "SaveNote.request.xml", req.Body)
	})

	t.Run("Echo with an empty soapAction sends no action parameter", func(t *testing.T) {
		srv := soaptest.NewServer(t, http.StatusOK, contentType12, envelope12("",
			`<EchoResponse xmlns="`+nsSoap12+`"><Response>hello back</Response></EchoResponse>`))
		c := soap12.NewNotesClient(nil)
		c.Endpoint = srv.URL
		got, err := c.Echo(ctx, "hello")
		if err != nil {
			t.Fatal(err)
		}
		if got != "hello back" {
			t.Errorf("Echo = %q, want %q", got, "hello back")
		}
		req := srv.Last(t)
		checkHTTP12(t, req, "")
		env := checkEnvelope(t, req.Body, nsEnv12)
		diff(t, "body content", []string{`text="hello"`}, bodyChild(t, env).childForms())
		checkGolden(t, "soap12", "Echo.request.xml", req.Body)
	})

	t.Run("a SOAP 1.2 fault is returned as *soap.Fault", func(t *testing.T) {
		fault := `<env:Fault xmlns:env="` + nsEnv12 + `" xmlns:app="urn:example:notes">` +
			`<env:Code><env:Value>env:Sender</env:Value>` +
			`<env:Subcode><env:Value>app:TitleTooLong</env:Value></env:Subcode></env:Code>` +
			`<env:Reason><env:Text xml:lang="nb">Tittelen er for lang</env:Text>` +
			`<env:Text xml:lang="en">The title is too long</env:Text></env:Reason>` +
			`<env:Node>http://example.com/soap12/node</env:Node>` +
			`<env:Role>http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver</env:Role>` +
			`<env:Detail><app:Limit>80</app:Limit></env:Detail>` +
			`</env:Fault>`
		srv := soaptest.NewServer(t, http.StatusBadRequest, contentType12, envelope12("", fault))
		c := soap12.NewNotesClient(nil)
		c.Endpoint = srv.URL
		_, err := c.SaveNote(ctx, &soap12.Note{Title: "x"})
		var f *soap.Fault
		if !errors.As(err, &f) {
			t.Fatalf("SaveNote error = %v (%T), want a *soap.Fault", err, err)
		}
		want := &soap.Fault{
			Version:  soap.V12,
			Code:     xml.Name{Space: nsEnv12, Local: "Sender"},
			Subcodes: []xml.Name{{Space: "urn:example:notes", Local: "TitleTooLong"}},
			Reason:   "The title is too long",
			Reasons: []soap.FaultText{
				{Lang: "nb", Text: "Tittelen er for lang"},
				{Lang: "en", Text: "The title is too long"},
			},
			Actor: "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver",
			Node:  "http://example.com/soap12/node",
			Detail: &soap.Element{
				Name: xml.Name{Space: nsEnv12, Local: "Detail"},
				Content: []soap.Node{{Element: &soap.Element{
					Name:    xml.Name{Space: "urn:example:notes", Local: "Limit"},
					Content: []soap.Node{{Text: "80"}},
				}}},
			},
			HTTPStatus: http.StatusBadRequest,
		}
		diff(t, "fault", want, f)
		const msg = "soap: Notes.SaveNote: soap fault (SOAP 1.2, HTTP 400): Sender/TitleTooLong: The title is too long"
		if err.Error() != msg {
			t.Errorf("error = %q, want %q", err.Error(), msg)
		}
	})
}
