package behaviour_test

import (
	"context"
	"encoding/xml"
	"net/http"
	"testing"

	"github.com/sogen-go/sogen/golden/ports"
	"github.com/sogen-go/sogen/internal/soaptest"
	"github.com/sogen-go/sogen/soap"
)

const nsPorts = "http://example.com/sogen/ports"

// TestPorts checks one port type reached through a SOAP 1.1 and a SOAP 1.2 port, a one-way operation
// (WSDL 1.1 section 2.4.1: input only) and document/literal bare messages (the message part is the
// body element itself, WSDL 1.1 section 3.5).
func TestPorts(t *testing.T) {
	ctx := context.Background()
	report := `<Report xmlns="` + nsPorts + `"><Healthy>true</Healthy><Queued>3</Queued></Report>`

	type port struct {
		name     string
		newC     func(*soap.Client) *ports.NotifierClient
		endpoint string
		envNS    string
		reply    []byte
		check    func(*testing.T, soaptest.Request, string)
	}
	for _, p := range []port{
		{"Soap11", ports.NewNotifierClientSoap11, "http://example.com/ports/soap11", nsEnv11, envelope11("", report), checkHTTP11},
		{"Soap12", ports.NewNotifierClientSoap12, "http://example.com/ports/soap12", nsEnv12, envelope12("", report), checkHTTP12},
	} {
		newClient := func(t *testing.T, srv *soaptest.Server) *ports.NotifierClient {
			c := p.newC(nil)
			if c.Endpoint != p.endpoint {
				t.Errorf("Endpoint = %q, want the address of port %s, %q", c.Endpoint, p.name, p.endpoint)
			}
			c.Endpoint = srv.URL
			return c
		}

		t.Run(p.name+"/Status sends the bare Query element and returns the Report", func(t *testing.T) {
			srv := newServer(t, p.reply)
			c := newClient(t, srv)
			got, err := c.Status(ctx, &ports.StatusQuery{Verbose: true})
			if err != nil {
				t.Fatal(err)
			}
			diff(t, "Status", &ports.StatusReport{Healthy: true, Queued: 3}, got)
			req := srv.Last(t)
			p.check(t, req, "urn:status")
			env := checkEnvelope(t, req.Body, p.envNS)
			q := bodyChild(t, env)
			diff(t, "body element", xml.Name{Space: nsPorts, Local: "Query"}, q.Name)
			diff(t, "Query content", []string{`Verbose="true"`}, q.childForms())
			checkGolden(t, "ports", p.name+".Status.request.xml", req.Body)
		})

		t.Run(p.name+"/Status sends false, the zero value of a required boolean", func(t *testing.T) {
			srv := newServer(t, p.reply)
			c := newClient(t, srv)
			if _, err := c.Status(ctx, &ports.StatusQuery{}); err != nil {
				t.Fatal(err)
			}
			q := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, p.envNS))
			diff(t, "Query content", []string{`Verbose="false"`}, q.childForms())
		})

		for _, status := range []int{http.StatusAccepted, http.StatusOK} {
			t.Run(p.name+"/Notify succeeds on "+http.StatusText(status)+" with an empty body", func(t *testing.T) {
				srv := soaptest.NewServer(t, status, "", nil)
				c := newClient(t, srv)
				err := c.Notify(ctx, &ports.Event{Topic: "disk.full", Payload: []byte{0x00, 0xff, 0x10}})
				if err != nil {
					t.Fatalf("Notify = %v, want success", err)
				}
				req := srv.Last(t)
				p.check(t, req, "urn:notify")
				n := bodyChild(t, checkEnvelope(t, req.Body, p.envNS))
				diff(t, "body element", xml.Name{Space: nsPorts, Local: "Notification"}, n.Name)
				diff(t, "Notification content", []string{`Topic="disk.full"`, `Payload="AP8Q"`}, n.childForms())
				if status == http.StatusAccepted {
					checkGolden(t, "ports", p.name+".Notify.request.xml", req.Body)
				}
			})
		}

		// Query and Notification are declared without nillable="true": xsi:nil on them is invalid
		// (XML Schema Part 1, Validation Rule "Element Locally Valid (Element)" 3.1), and an element
		// of type StatusQuery or Event without content lacks their required child. A nil bare
		// parameter has no valid form; the call should fail rather than send one.
		t.Run(p.name+"/a nil bare parameter is not sent as xsi:nil on a non-nillable element", func(t *testing.T) {
			srv := newServer(t, p.reply)
			c := newClient(t, srv)
			_, statusErr := c.Status(ctx, nil)
			notifyErr := c.Notify(ctx, nil)
			for _, r := range srv.Requests() {
				b := bodyChild(t, checkEnvelope(t, r.Body, p.envNS))
				t.Errorf("sent %s as %s", b.Name.Local, b.form())
			}
			if statusErr == nil || notifyErr == nil {
				t.Errorf("Status(nil) = %v, Notify(nil) = %v; want errors", statusErr, notifyErr)
			}
		})

		// Reset's messages have no parts: the request Body is empty, and so is the reply's (WSDL 1.1
		// section 3.5: soap:body without parts puts all the message's parts, here none, in the body).
		t.Run(p.name+"/Reset sends an empty Body and accepts an empty reply Body", func(t *testing.T) {
			reply := []byte(`<e:Envelope xmlns:e="` + p.envNS + `"><e:Body/></e:Envelope>`)
			srv := soaptest.NewServer(t, http.StatusOK, "", reply)
			c := newClient(t, srv)
			if err := c.Reset(ctx); err != nil {
				t.Fatalf("Reset = %v, want success", err)
			}
			req := srv.Last(t)
			p.check(t, req, "urn:reset")
			env := checkEnvelope(t, req.Body, p.envNS)
			var forms []string
			for _, ch := range env.Children {
				forms = append(forms, ch.Name.Local+":"+ch.form())
			}
			diff(t, "envelope children", []string{"Body:empty"}, forms)
		})

		t.Run(p.name+"/Notify leaves out an unset optional Payload", func(t *testing.T) {
			srv := soaptest.NewServer(t, http.StatusAccepted, "", nil)
			c := newClient(t, srv)
			if err := c.Notify(ctx, &ports.Event{Topic: "ping"}); err != nil {
				t.Fatal(err)
			}
			n := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, p.envNS))
			diff(t, "Notification content", []string{`Topic="ping"`}, n.childForms())
		})
	}
}
