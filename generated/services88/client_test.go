package services88_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/beevik/etree"
	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen/generated/services88"
	"github.com/sogen-go/sogen/internal/golden"
	"github.com/sogen-go/sogen/internal/soaptest"
	"github.com/sogen-go/sogen/soap"
)

// Namespaces of the Services88 schemas, written out here rather than taken from the generated code.
const (
	ns88     = "http://www.superoffice.net/ws/crm/NetServer/Services88"
	nsArrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
	nsEnv11  = "http://schemas.xmlsoap.org/soap/envelope/"
	nsEnv12  = "http://www.w3.org/2003/05/soap-envelope"
	nsXSI    = "http://www.w3.org/2001/XMLSchema-instance"
	nsXSD    = "http://www.w3.org/2001/XMLSchema"
)

// Paths, relative to this package, of the WSDL fixtures and of the golden request envelopes.
const (
	wsdlDir   = "../../testdata/wsdl/services88"
	goldenDir = "../../golden/wire/services88"
)

// Endpoint paths the tests post to (the WSDL's, below the test server's root).
const (
	webhookPath   = "/Cust12345/Remote/Services88/Webhook.svc"
	principalPath = "/Cust12345/Remote/Services88/SoPrincipal.svc"
)

// envelope11 returns a SOAP 1.1 reply: the header blocks and body content given, written with the
// Services88 namespace as default namespace and xsi bound to i (as WCF does).
func envelope11(header, body string) []byte {
	var b strings.Builder
	b.WriteString(`<s:Envelope xmlns:s="` + nsEnv11 + `">`)
	if header != "" {
		b.WriteString(`<s:Header xmlns="` + ns88 + `" xmlns:i="` + nsXSI + `">` + header + `</s:Header>`)
	}
	b.WriteString(`<s:Body xmlns="` + ns88 + `" xmlns:i="` + nsXSI + `" xmlns:a="` + nsArrays + `">` + body + `</s:Body>`)
	b.WriteString(`</s:Envelope>`)
	return []byte(b.String())
}

// succeeded is the header NetServer sends with a successful reply.
const succeeded = `<Succeeded>true</Succeeded>`

// sent is what the client transport saw of one request.
type sent struct {
	Method string
	Path   string
}

// recordingTransport records the method and URL path of each request, then sends it.
type recordingTransport struct {
	mu   sync.Mutex
	reqs []sent
}

func (rt *recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	rt.mu.Lock()
	rt.reqs = append(rt.reqs, sent{Method: req.Method, Path: req.URL.Path})
	rt.mu.Unlock()
	return http.DefaultTransport.RoundTrip(req)
}

func (rt *recordingTransport) last(t *testing.T) sent {
	t.Helper()
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if len(rt.reqs) == 0 {
		t.Fatal("the client sent no request")
	}
	return rt.reqs[len(rt.reqs)-1]
}

// The request headers the agents carry in these tests.
const (
	appToken = "1234567-1234-9876"
	ticket   = "7T:1234abcxyzExample=="
)

// newAgents returns a Webhook and a SoPrincipal agent posting to srv (through rt when not nil), with
// the headers a SuperOffice application sends.
func newAgents(srv *httptest.Server, rt http.RoundTripper) (*services88.WebhookAgent, *services88.SoPrincipalAgent) {
	client := &soap.Client{}
	if rt != nil {
		client.HTTPClient = &http.Client{Transport: rt}
	}
	w := services88.NewWebhookAgent(client)
	w.Endpoint = srv.URL + webhookPath
	w.Header = services88.WebhookRequestHeader{
		ApplicationToken: appToken,
		Credentials:      &services88.SoCredentials{Ticket: ticket},
		TimeZone:         &services88.SoTimeZone{SoTimeZoneID: 153, SoTimeZoneLocationCode: "NOOSL"},
	}
	p := services88.NewSoPrincipalAgent(client)
	p.Endpoint = srv.URL + principalPath
	p.Header = services88.SoPrincipalRequestHeader{ApplicationToken: appToken}
	return w, p
}

// soapActions reads the soapAction of every binding operation of a WSDL fixture.
func soapActions(t *testing.T, file string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(wsdlDir, file))
	if err != nil {
		t.Fatal(err)
	}
	var defs struct {
		Bindings []struct {
			Operations []struct {
				Name string `xml:"name,attr"`
				SOAP struct {
					Action string `xml:"soapAction,attr"`
				} `xml:"http://schemas.xmlsoap.org/wsdl/soap/ operation"`
			} `xml:"http://schemas.xmlsoap.org/wsdl/ operation"`
		} `xml:"http://schemas.xmlsoap.org/wsdl/ binding"`
	}
	if err := xml.Unmarshal(data, &defs); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	out := map[string]string{}
	for _, b := range defs.Bindings {
		for _, op := range b.Operations {
			out[op.Name] = op.SOAP.Action
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s: no binding operations", file)
	}
	return out
}

// checkGolden compares the request body, re-indented, with golden/wire/services88/<name>, or rewrites
// the golden file with -update.
func checkGolden(t *testing.T, name string, body []byte) {
	t.Helper()
	golden.CheckXML(t, filepath.Join(goldenDir, name), body)
}

// date returns t as the DateTime NewDateTime makes, failing the test if it is not the text expected.
func date(t *testing.T, tm time.Time, text string) soap.DateTime {
	t.Helper()
	d := soap.NewDateTime(tm)
	if d.String() != text {
		t.Fatalf("NewDateTime(%v) = %q, want %q", tm, d.String(), text)
	}
	return d
}

// everyFieldWebhook returns a webhook with every field set, as an application saves it.
func everyFieldWebhook(t *testing.T) *services88.Webhook {
	oslo := time.FixedZone("CEST", 2*60*60)
	return &services88.Webhook{
		WebhookID: 42,
		Name:      "CRM contact sync",
		Events:    []string{"contact.created", "contact.changed", "person.created"},
		TargetURL: "https://hooks.example.com/superoffice?tenant=acme&v=2",
		Secret:    "s3cr3t<&>key",
		State:     services88.WebhookStateActive,
		Type:      "webhook",
		// Inserted out of order: the wire order is sorted by key.
		Headers: map[string]string{
			"X-Tenant":        "acme",
			"Authorization":   "Bearer abc.def",
			"Accept-Language": "nb-NO",
		},
		Properties: map[string]any{
			"retries":     int32(3),
			"contentType": "application/json",
			"verifySsl":   true,
		},
		Registered: date(t, time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC), "2024-03-01T09:30:00Z"),
		RegisteredAssociate: &services88.Associate{
			Carrier: services88.Carrier{
				TableRight: &services88.TableRight{
					Mask:   services88.ETableRight("").With(services88.ETableRightSelect, services88.ETableRightUpdate, services88.ETableRightInsert),
					Reason: "owner",
				},
				FieldProperties: map[string]*services88.FieldProperty{
					"UserName": {
						FieldRight:  &services88.FieldRight{Mask: services88.EFieldRight("").With(services88.EFieldRightRead), Reason: "system field"},
						FieldType:   "string",
						FieldLength: 30,
					},
					"FullName": {
						FieldRight:  &services88.FieldRight{Mask: services88.EFieldRight("").With(services88.EFieldRightRead, services88.EFieldRightWrite), Reason: "editable"},
						FieldType:   "string",
						FieldLength: 255,
					},
				},
			},
			AssociateID:  12,
			Name:         "ANNA",
			PersonID:     34,
			Rank:         2,
			Tooltip:      "Anna Andersen (Sales)",
			Type:         services88.UserTypeInternalAssociate,
			GroupIdx:     3,
			FullName:     "Anna Andersen",
			FormalName:   "Ms. Anna Andersen",
			Deleted:      false,
			EjUserID:     56,
			UserName:     "anna",
			ExtraFields:  map[string]string{"x_region": "Nordics", "x_cost_centre": "4200"},
			CustomFields: map[string]string{"SuperOffice:1": "blue"},
		},
		Updated: date(t, time.Date(2024, 3, 2, 14, 5, 6, 123000000, oslo), "2024-03-02T14:05:06.123+02:00"),
		UpdatedAssociate: &services88.Associate{
			AssociateID: 13,
			Name:        "BOB",
			PersonID:    35,
			Rank:        1,
			Type:        services88.UserTypeSystemAssociate,
			FullName:    "Bob Berg",
			Deleted:     true,
			EjUserID:    57,
			UserName:    "bob",
		},
		ErrorsEmail: "ops@example.com",
	}
}

// savedWebhookReply is the body of the reply to SaveWebhook, and savedWebhook the value it decodes to.
const savedWebhookReply = `<Response><WebhookId>42</WebhookId><Name>CRM contact sync</Name>` +
	`<Events><a:string>contact.created</a:string></Events><State>Active</State>` +
	`<Registered>2024-03-01T09:30:00Z</Registered><Updated>2024-03-02T14:05:06.123+02:00</Updated></Response>`

func savedWebhook() *services88.Webhook {
	return &services88.Webhook{
		WebhookID:  42,
		Name:       "CRM contact sync",
		Events:     []string{"contact.created"},
		State:      services88.WebhookStateActive,
		Registered: wireDateTime("2024-03-01T09:30:00Z"),
		Updated:    wireDateTime("2024-03-02T14:05:06.123+02:00"),
	}
}

// wireCase is one operation called through its agent: the reply the server gives and the result
// the call must return.
type wireCase struct {
	op    string // operation name; the golden file is <op>.request.xml
	agent string // "Webhook" or "SoPrincipal": which WSDL and endpoint
	reply string // body content of the reply
	call  func(ctx context.Context, w *services88.WebhookAgent, p *services88.SoPrincipalAgent) (any, error)
	want  any
}

func wireCases(t *testing.T) []wireCase {
	hook := everyFieldWebhook(t)
	changed := date(t, time.Date(2024, 3, 2, 14, 5, 6, 0, time.UTC), "2024-03-02T14:05:06Z")
	systemInfo := &services88.SoSystemInfoCarrier{
		BuildLabel:               "10.3.5.1234",
		AssemblyVersion:          "10.3.0.0",
		AccumulatedNextCheckDate: wireDateTime("2025-01-01T00:00:00"),
		BuildType:                services88.NetServerBuildTypeRelease,
		DatabaseVersion:          10,
		IsUnicode:                true,
		CompanyName:              "Acme AS",
		CompanyID:                2,
	}
	for _, f := range []string{"DaysUntilNetServerExpiry", "IsOnTravel", "IsSatellite"} {
		systemInfo.Presence.SetAbsent(f)
	}
	systemInfo.Presence.SetNil("WarningEnglish")

	principal := &services88.SoPrincipalCarrier{
		UserType:      services88.UserTypeInternalAssociate,
		Associate:     "ANNA",
		AssociateID:   12,
		IsPerson:      true,
		PersonID:      34,
		CountryID:     578,
		HomeCountryID: 578,
		ContactID:     2,
		GroupID:       3,
		BusinessID:    0,
		CategoryID:    0,
		ContactOwner:  12,
		RoleID:        1,
		RoleName:      "Admin",
		RoleType:      services88.RoleTypeEmployee,
		FullName:      "Anna Andersen",
		EMailAddress:  "anna@example.com",
		FunctionRights: []string{
			"allow-webhooks", "admin-all",
		},
		EjUserID:        0,
		EjAccessLevel:   0,
		EjUserStatus:    services88.EjUserStatusStatusNormal,
		SecondaryGroups: []int32{4, 5},
	}
	for _, f := range []string{"EjUserID", "EjAccessLevel"} {
		principal.Presence.SetAbsent(f)
	}

	return []wireCase{
		{
			op: "CreateDefaultWebhook", agent: "Webhook",
			reply: `<CreateDefaultWebhookResponse><Response><WebhookId>0</WebhookId><Name i:nil="true"/>` +
				`<State>Unknown</State></Response></CreateDefaultWebhookResponse>`,
			call: func(ctx context.Context, w *services88.WebhookAgent, _ *services88.SoPrincipalAgent) (any, error) {
				return w.CreateDefaultWebhook(ctx)
			},
			want: func() *services88.Webhook {
				h := &services88.Webhook{State: services88.WebhookStateUnknown}
				h.Presence.SetNil("Name")
				h.Presence.SetAbsent("Registered")
				h.Presence.SetAbsent("Updated")
				return h
			}(),
		},
		{
			op: "SaveWebhook", agent: "Webhook",
			reply: `<SaveWebhookResponse>` + savedWebhookReply + `</SaveWebhookResponse>`,
			call: func(ctx context.Context, w *services88.WebhookAgent, _ *services88.SoPrincipalAgent) (any, error) {
				return w.SaveWebhook(ctx, hook)
			},
			want: savedWebhook(),
		},
		{
			op: "DeleteWebhook", agent: "Webhook",
			reply: `<DeleteWebhookResponse/>`,
			call: func(ctx context.Context, w *services88.WebhookAgent, _ *services88.SoPrincipalAgent) (any, error) {
				return nil, w.DeleteWebhook(ctx, 42)
			},
			want: nil,
		},
		{
			op: "GetWebhook", agent: "Webhook",
			reply: `<GetWebhookResponse>` + savedWebhookReply + `</GetWebhookResponse>`,
			call: func(ctx context.Context, w *services88.WebhookAgent, _ *services88.SoPrincipalAgent) (any, error) {
				return w.GetWebhook(ctx, 42)
			},
			want: savedWebhook(),
		},
		{
			op: "GetAllWebhooks", agent: "Webhook",
			reply: `<GetAllWebhooksResponse><Response>` +
				`<Webhook>` + strings.TrimSuffix(strings.TrimPrefix(savedWebhookReply, `<Response>`), `</Response>`) + `</Webhook>` +
				`<Webhook i:nil="true"/>` +
				`</Response></GetAllWebhooksResponse>`,
			call: func(ctx context.Context, w *services88.WebhookAgent, _ *services88.SoPrincipalAgent) (any, error) {
				return w.GetAllWebhooks(ctx, "CRM", "contact.created", services88.WebhookStateActive)
			},
			want: []*services88.Webhook{savedWebhook(), nil},
		},
		{
			op: "TestWebhook", agent: "Webhook",
			reply: `<TestWebhookResponse><Response><Success>true</Success><Message>HTTP 200 OK</Message></Response></TestWebhookResponse>`,
			call: func(ctx context.Context, w *services88.WebhookAgent, _ *services88.SoPrincipalAgent) (any, error) {
				return w.TestWebhook(ctx, hook)
			},
			want: &services88.WebhookResult{Success: true, Message: "HTTP 200 OK"},
		},
		{
			op: "SignalEvent", agent: "Webhook",
			reply: `<SignalEventResponse/>`,
			call: func(ctx context.Context, w *services88.WebhookAgent, _ *services88.SoPrincipalAgent) (any, error) {
				return nil, w.SignalEvent(ctx, "contact.changed", 1234, map[string]any{
					"name":     "Acme AS",
					"count":    int32(3),
					"bigId":    int64(1) << 40,
					"active":   true,
					"ratio":    0.25,
					"changed":  changed,
					"logo":     []byte("PNG\x00\x01"),
					"nothing":  nil,
					"currency": "NOK",
				})
			},
			want: nil,
		},
		{
			op: "GetLastError", agent: "Webhook",
			reply: `<GetLastErrorResponse><Response>POST https://hooks.example.com: 503 Service Unavailable</Response></GetLastErrorResponse>`,
			call: func(ctx context.Context, w *services88.WebhookAgent, _ *services88.SoPrincipalAgent) (any, error) {
				return w.GetLastError(ctx, 42)
			},
			want: "POST https://hooks.example.com: 503 Service Unavailable",
		},
		{
			op: "AuthenticateUsernamePassword", agent: "SoPrincipal",
			reply: `<AuthenticateResponse><Response>` +
				`<UserType>InternalAssociate</UserType><Associate>ANNA</Associate><AssociateId>12</AssociateId>` +
				`<IsPerson>true</IsPerson><PersonId>34</PersonId><CountryId>578</CountryId><HomeCountryId>578</HomeCountryId>` +
				`<ContactId>2</ContactId><GroupId>3</GroupId><BusinessId>0</BusinessId><CategoryId>0</CategoryId>` +
				`<ContactOwner>12</ContactOwner><RoleId>1</RoleId><RoleName>Admin</RoleName><RoleType>Employee</RoleType>` +
				`<FullName>Anna Andersen</FullName><EMailAddress>anna@example.com</EMailAddress>` +
				`<FunctionRights><a:string>allow-webhooks</a:string><a:string>admin-all</a:string></FunctionRights>` +
				`<EjUserStatus>StatusNormal</EjUserStatus>` +
				`<SecondaryGroups><a:int>4</a:int><a:int>5</a:int></SecondaryGroups>` +
				`</Response><Credentials><Ticket>7T:newTicket==</Ticket></Credentials>` +
				`<AuthenticationSucceeded>true</AuthenticationSucceeded></AuthenticateResponse>`,
			call: func(ctx context.Context, _ *services88.WebhookAgent, p *services88.SoPrincipalAgent) (any, error) {
				return p.AuthenticateUsernamePassword(ctx, "anna", "p@ss<word>&")
			},
			want: &services88.AuthenticateResponse{
				Response:                principal,
				Credentials:             &services88.SoCredentials{Ticket: "7T:newTicket=="},
				AuthenticationSucceeded: true,
			},
		},
		{
			op: "GetSystemInfo", agent: "SoPrincipal",
			reply: `<GetSystemInfoResponse><SystemInfo>` +
				`<WarningEnglish i:nil="true"/><BuildLabel>10.3.5.1234</BuildLabel><AssemblyVersion>10.3.0.0</AssemblyVersion>` +
				`<AccumulatedNextCheckDate>2025-01-01T00:00:00</AccumulatedNextCheckDate><BuildType>Release</BuildType>` +
				`<DatabaseVersion>10</DatabaseVersion><IsUnicode>true</IsUnicode><CompanyName>Acme AS</CompanyName>` +
				`<CompanyId>2</CompanyId></SystemInfo></GetSystemInfoResponse>`,
			call: func(ctx context.Context, _ *services88.WebhookAgent, p *services88.SoPrincipalAgent) (any, error) {
				return p.GetSystemInfo(ctx)
			},
			want: systemInfo,
		},
	}
}

// TestRequestsOnTheWire calls every operation with realistic arguments and checks the HTTP request and
// the envelope sent, against golden files reviewed against the WSDL.
func TestRequestsOnTheWire(t *testing.T) {
	actions := map[string]map[string]string{
		"Webhook":     soapActions(t, "Webhook.wsdl"),
		"SoPrincipal": soapActions(t, "SoPrincipal.wsdl"),
	}
	paths := map[string]string{"Webhook": webhookPath, "SoPrincipal": principalPath}
	cases := wireCases(t)
	if got := len(cases); got != 10 {
		t.Fatalf("%d cases, want the 8 Webhook operations and 2 SoPrincipal ones", got)
	}
	for _, tc := range cases {
		t.Run(tc.op, func(t *testing.T) {
			srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", envelope11(succeeded, tc.reply))
			rt := &recordingTransport{}
			w, p := newAgents(srv.Server, rt)

			got, err := tc.call(context.Background(), w, p)
			if err != nil {
				t.Fatalf("call: %v", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("result (-want +got):\n%s", diff)
			}

			if n := len(srv.Requests()); n != 1 {
				t.Fatalf("the server received %d requests, want 1", n)
			}
			req := srv.Last(t)
			s := rt.last(t)
			if s.Method != http.MethodPost {
				t.Errorf("method = %q, want POST", s.Method)
			}
			if s.Path != paths[tc.agent] {
				t.Errorf("URL path = %q, want %q", s.Path, paths[tc.agent])
			}
			if got, want := req.Header.Get("Content-Type"), "text/xml; charset=utf-8"; got != want {
				t.Errorf("Content-Type = %q, want %q", got, want)
			}
			action, ok := actions[tc.agent][tc.op]
			if !ok || action == "" {
				t.Fatalf("no soapAction for %s in %s.wsdl", tc.op, tc.agent)
			}
			if got, want := req.Header.Values("SOAPAction"), []string{`"` + action + `"`}; !cmp.Equal(got, want) {
				t.Errorf("SOAPAction = %q, want %q", got, want)
			}
			checkGolden(t, tc.op+".request.xml", req.Body)
		})
	}
}

// TestDictionaryOrderOnTheWire checks that the dictionaries of a request are written in sorted key order
// whatever the order the map was filled in, and that every anyType value carries its xsi:type.
func TestDictionaryOrderOnTheWire(t *testing.T) {
	srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", envelope11(succeeded, `<SaveWebhookResponse>`+savedWebhookReply+`</SaveWebhookResponse>`))
	w, _ := newAgents(srv.Server, nil)
	if _, err := w.SaveWebhook(context.Background(), everyFieldWebhook(t)); err != nil {
		t.Fatal(err)
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(srv.Last(t).Body); err != nil {
		t.Fatal(err)
	}
	keys := func(path string) []string {
		var out []string
		for _, k := range doc.FindElements(path) {
			out = append(out, k.Text())
		}
		return out
	}
	valueTypes := func(path string) []string {
		var out []string
		for _, v := range doc.FindElements(path) {
			out = append(out, v.SelectAttrValue("xsi:type", "(none)"))
		}
		return out
	}
	cases := []struct {
		name string
		got  []string
		want []string
	}{
		{"Headers keys", keys("//Webhook/Headers/StringKeyValuePair/Key"), []string{"Accept-Language", "Authorization", "X-Tenant"}},
		{"Properties keys", keys("//Webhook/Properties/StringObjectKeyValuePair/Key"), []string{"contentType", "retries", "verifySsl"}},
		{"Properties value types", valueTypes("//Webhook/Properties/StringObjectKeyValuePair/Value"), []string{"xsd:string", "xsd:int", "xsd:boolean"}},
		{"FieldProperties keys", keys("//RegisteredAssociate/FieldProperties/FieldPropertyDictionaryKeyValuePair/Key"), []string{"FullName", "UserName"}},
		{"ExtraFields keys", keys("//RegisteredAssociate/ExtraFields/StringKeyValuePair/Key"), []string{"x_cost_centre", "x_region"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// headerXML returns the soap:Header element of a request envelope, indented, or "" if there is none.
func headerXML(t *testing.T, body []byte) string {
	t.Helper()
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(body); err != nil {
		t.Fatal(err)
	}
	h := doc.Root().SelectElement("Header")
	if h == nil {
		return ""
	}
	if h.NamespaceURI() != nsEnv11 {
		t.Fatalf("Header element in namespace %q", h.NamespaceURI())
	}
	out := etree.NewDocument()
	out.SetRoot(h.Copy())
	out.Indent(1)
	s, err := out.WriteToString()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// noPanic runs f and returns its error; a panic is returned as an error, so that it fails the test
// rather than ending the test binary.
func noPanic(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return f()
}

// TestWithRequestHeader checks that soap.WithRequestHeader replaces the agent's header for one call only.
func TestWithRequestHeader(t *testing.T) {
	agentHeader := `<soap:Header>
 <ns1:ApplicationToken>1234567-1234-9876</ns1:ApplicationToken>
 <ns1:Credentials>
  <ns1:Ticket>7T:1234abcxyzExample==</ns1:Ticket>
 </ns1:Credentials>
 <ns1:TimeZone>
  <ns1:SoTimeZoneId>153</ns1:SoTimeZoneId>
  <ns1:SoTimeZoneLocationCode>NOOSL</ns1:SoTimeZoneLocationCode>
 </ns1:TimeZone>
</soap:Header>
`
	overrideHeader := `<soap:Header>
 <ns1:ApplicationToken>other-app</ns1:ApplicationToken>
 <ns1:Credentials>
  <ns1:Ticket>7T:override==</ns1:Ticket>
 </ns1:Credentials>
</soap:Header>
`
	override := services88.WebhookRequestHeader{
		ApplicationToken: "other-app",
		Credentials:      &services88.SoCredentials{Ticket: "7T:override=="},
	}
	steps := []struct {
		name string
		opts []soap.CallOption
		want string
	}{
		{"agent header", nil, agentHeader},
		{"override by pointer", []soap.CallOption{soap.WithRequestHeader(&override)}, overrideHeader},
		{"agent header again", nil, agentHeader},
		{"override by value", []soap.CallOption{soap.WithRequestHeader(override)}, overrideHeader},
		{"no header", []soap.CallOption{soap.WithRequestHeader(nil)}, ""},
		{"agent header after no header", nil, agentHeader},
	}
	srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", envelope11(succeeded, `<DeleteWebhookResponse/>`))
	w, _ := newAgents(srv.Server, nil)
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			before := len(srv.Requests())
			err := noPanic(func() error { return w.DeleteWebhook(context.Background(), 42, st.opts...) })
			if err != nil {
				t.Fatal(err)
			}
			reqs := srv.Requests()
			if len(reqs) != before+1 {
				t.Fatalf("the server received %d requests, want %d", len(reqs)-before, 1)
			}
			if diff := cmp.Diff(st.want, headerXML(t, reqs[before].Body)); diff != "" {
				t.Errorf("soap:Header (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("agent header unchanged", func(t *testing.T) {
		want := services88.WebhookRequestHeader{
			ApplicationToken: appToken,
			Credentials:      &services88.SoCredentials{Ticket: ticket},
			TimeZone:         &services88.SoTimeZone{SoTimeZoneID: 153, SoTimeZoneLocationCode: "NOOSL"},
		}
		if diff := cmp.Diff(want, w.Header); diff != "" {
			t.Errorf("agent Header (-want +got):\n%s", diff)
		}
	})
	t.Run("wrong header type", func(t *testing.T) {
		before := len(srv.Requests())
		err := w.DeleteWebhook(context.Background(), 42, soap.WithRequestHeader(&services88.SoPrincipalRequestHeader{ApplicationToken: "x"}))
		want := "soap: WithRequestHeader: got a *services88.SoPrincipalRequestHeader, want *services88.WebhookRequestHeader or services88.WebhookRequestHeader (to send a header block of another type, use soap.WithHeaderBlock)"
		if err == nil || err.Error() != want {
			t.Errorf("error = %v, want %q", err, want)
		}
		if n := len(srv.Requests()); n != before {
			t.Errorf("a request was sent despite the error")
		}
	})
}

// TestWithResponseHeader checks that soap.WithResponseHeader receives the reply's header blocks, on
// success and on failure.
func TestWithResponseHeader(t *testing.T) {
	timeZone := `<TimeZone><SoTimeZoneId>153</SoTimeZoneId><SoTimeZoneLocationCode>NOOSL</SoTimeZoneLocationCode></TimeZone>`
	extraInfo := `<ExtraInfo><ExtraInfoNameValuePair><Key>ServerTime</Key><Value>2024-03-01T10:00:00</Value></ExtraInfoNameValuePair>` +
		`<ExtraInfoNameValuePair><Key>Build</Key><Value i:nil="true"/></ExtraInfoNameValuePair></ExtraInfo>`
	exception := `<ExceptionInfo><Message>Webhook 99 not found</Message><ExceptionType>SoException</ExceptionType></ExceptionInfo>`
	wantTimeZone := &services88.SoTimeZone{SoTimeZoneID: 153, SoTimeZoneLocationCode: "NOOSL"}
	wantExtra := map[string]string{"ServerTime": "2024-03-01T10:00:00", "Build": ""}
	var nilBuild soap.Presence // Build's value was xsi:nil, which the map holds as ""
	nilBuild.SetNilValue("ExtraInfo", "Build")
	yes, no := true, false
	cases := []struct {
		name    string
		header  string
		want    services88.WebhookResponseHeader
		wantErr bool
	}{
		{
			name:   "success",
			header: extraInfo + `<Succeeded>true</Succeeded>` + timeZone,
			want:   services88.WebhookResponseHeader{ExtraInfo: wantExtra, Succeeded: &yes, TimeZone: wantTimeZone, Presence: nilBuild},
		},
		{
			name:   "failure",
			header: exception + extraInfo + `<Succeeded>false</Succeeded>` + timeZone,
			want: services88.WebhookResponseHeader{
				ExceptionInfo: &services88.SoExceptionInfo{Message: "Webhook 99 not found", ExceptionType: "SoException"},
				ExtraInfo:     wantExtra,
				Succeeded:     &no,
				TimeZone:      wantTimeZone,
				Presence:      nilBuild,
			},
			wantErr: true,
		},
		{
			name:   "no header",
			header: "",
			want:   services88.WebhookResponseHeader{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8",
				envelope11(tc.header, `<GetLastErrorResponse><Response>none</Response></GetLastErrorResponse>`))
			w, _ := newAgents(srv.Server, nil)
			var got services88.WebhookResponseHeader
			res, err := w.GetLastError(context.Background(), 99, soap.WithResponseHeader(&got))
			if (err != nil) != tc.wantErr {
				t.Fatalf("error = %v, want error: %v", err, tc.wantErr)
			}
			// A failure the headers report comes with the result the reply carried.
			if res != "none" {
				t.Errorf("result = %q, want %q", res, "none")
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("response header (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("wrong type", func(t *testing.T) {
		srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", envelope11(succeeded, `<GetLastErrorResponse/>`))
		w, _ := newAgents(srv.Server, nil)
		var h services88.SoPrincipalResponseHeader
		_, err := w.GetLastError(context.Background(), 1, soap.WithResponseHeader(&h))
		want := "soap: WithResponseHeader: got a *services88.SoPrincipalResponseHeader, want a non-nil *services88.WebhookResponseHeader"
		if err == nil || err.Error() != want {
			t.Errorf("error = %v, want %q", err, want)
		}
	})
}

// TestWithEndpoint checks that soap.WithEndpoint sends one call elsewhere.
func TestWithEndpoint(t *testing.T) {
	reply := envelope11(succeeded, `<GetLastErrorResponse><Response>x</Response></GetLastErrorResponse>`)
	primary := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", reply)
	other := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", reply)
	rt := &recordingTransport{}
	w, _ := newAgents(primary.Server, rt)
	steps := []struct {
		name         string
		opts         []soap.CallOption
		wantPrimary  int
		wantOther    int
		wantPath     string
		wantEndpoint string
	}{
		{"agent endpoint", nil, 1, 0, webhookPath, primary.URL + webhookPath},
		{"WithEndpoint", []soap.CallOption{soap.WithEndpoint(other.URL + "/Cust99999/Remote/Services88/Webhook.svc")}, 1, 1, "/Cust99999/Remote/Services88/Webhook.svc", primary.URL + webhookPath},
		{"agent endpoint again", nil, 2, 1, webhookPath, primary.URL + webhookPath},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if _, err := w.GetLastError(context.Background(), 1, st.opts...); err != nil {
				t.Fatal(err)
			}
			if got := len(primary.Requests()); got != st.wantPrimary {
				t.Errorf("primary server received %d requests, want %d", got, st.wantPrimary)
			}
			if got := len(other.Requests()); got != st.wantOther {
				t.Errorf("other server received %d requests, want %d", got, st.wantOther)
			}
			if got := rt.last(t).Path; got != st.wantPath {
				t.Errorf("path = %q, want %q", got, st.wantPath)
			}
			if w.Endpoint != st.wantEndpoint {
				t.Errorf("agent Endpoint = %q, want %q", w.Endpoint, st.wantEndpoint)
			}
		})
	}
}

// TestZeroValueAgent checks that an agent not made by its constructor, or without an endpoint, returns
// an error naming what the user set.
func TestZeroValueAgent(t *testing.T) {
	srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", envelope11(succeeded, `<GetWebhookResponse/>`))
	ctx := context.Background()
	cases := []struct {
		name string
		call func() error
		want string
	}{
		{"WebhookAgent", func() error {
			var w services88.WebhookAgent
			w.Endpoint = srv.URL + webhookPath
			_, err := w.GetWebhook(ctx, 1)
			return err
		}, "services88: WebhookAgent was not created with NewWebhookAgent, so it has no operations"},
		{"WebhookAgent literal", func() error {
			w := &services88.WebhookAgent{Client: &soap.Client{}, Endpoint: srv.URL + webhookPath}
			return w.DeleteWebhook(ctx, 1)
		}, "services88: WebhookAgent was not created with NewWebhookAgent, so it has no operations"},
		{"SoPrincipalAgent", func() error {
			var p services88.SoPrincipalAgent
			p.Endpoint = srv.URL + principalPath
			_, err := p.AuthenticateUsernamePassword(ctx, "anna", "secret")
			return err
		}, "services88: SoPrincipalAgent was not created with NewSoPrincipalAgent, so it has no operations"},
		// The errors name what the user set, not the runtime's internals.
		{"empty Endpoint", func() error {
			w := services88.NewWebhookAgent(nil)
			w.Endpoint = ""
			_, err := w.GetWebhook(ctx, 1)
			return err
		}, "soap: Webhook.GetWebhook: services88.WebhookAgent.Endpoint is empty: set it, or pass soap.WithEndpoint"},
		{"Endpoint that is not a URL", func() error {
			w := services88.NewWebhookAgent(nil)
			w.Endpoint = "://superoffice"
			_, err := w.GetWebhook(ctx, 1)
			return err
		}, `soap: Webhook.GetWebhook: services88.WebhookAgent.Endpoint: parse "://superoffice": missing protocol scheme`},
		{"empty WithEndpoint", func() error {
			w := services88.NewWebhookAgent(nil)
			_, err := w.GetWebhook(ctx, 1, soap.WithEndpoint(""))
			return err
		}, "soap: Webhook.GetWebhook: soap.WithEndpoint was given an empty URL"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := noPanic(tc.call)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error = %v, want %q", err, tc.want)
			}
		})
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("the server received %d requests, want 0", n)
	}
}

// TestContextCancellation checks that a cancelled or expired context ends the call with its error.
func TestContextCancellation(t *testing.T) {
	arrived := make(chan struct{}, 10)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	w, _ := newAgents(srv, nil)

	t.Run("cancelled before the call", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := w.GetWebhook(ctx, 1)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("error = %v, want one wrapping context.Canceled", err)
		}
		if !strings.HasPrefix(err.Error(), "soap: Webhook.GetWebhook: ") {
			t.Errorf("error %q does not name the operation", err)
		}
	})
	t.Run("cancelled while waiting", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go func() {
			<-arrived
			cancel()
		}()
		_, err := w.GetWebhook(ctx, 1)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("error = %v, want one wrapping context.Canceled", err)
		}
	})
	t.Run("deadline", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		start := time.Now()
		err := w.DeleteWebhook(ctx, 1)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("error = %v, want one wrapping context.DeadlineExceeded", err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("the call took %v", d)
		}
	})
}

// TestEncodingErrors checks that a value the client cannot put on the wire fails the call before
// anything is sent.
func TestEncodingErrors(t *testing.T) {
	srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", envelope11(succeeded, `<SignalEventResponse/>`))
	w, _ := newAgents(srv.Server, nil)
	ctx := context.Background()
	cases := []struct {
		name string
		call func() error
		want string
	}{
		{"unsupported anyType value", func() error {
			return w.SignalEvent(ctx, "e", 1, map[string]any{"x": struct{}{}})
		}, "soap: Webhook.SignalEvent: encoding the request: Value: cannot encode a struct {} as xs:anyType"},
		{"anonymous type as anyType value", func() error {
			return w.SignalEvent(ctx, "e", 1, map[string]any{"x": &services88.DeleteWebhook{WebhookID: 1}})
		}, "soap: Webhook.SignalEvent: encoding the request: Value: a value of anonymous type *services88.DeleteWebhook cannot fill an xs:anyType element"},
		{"control character", func() error {
			_, err := w.SaveWebhook(ctx, &services88.Webhook{Name: "bell\a"})
			return err
		}, "soap: Webhook.SaveWebhook: encoding the request: text holds character U+0007, which XML 1.0 cannot carry"},
		{"invalid UTF-8 in a header", func() error {
			_, err := w.GetWebhook(ctx, 1, soap.WithRequestHeader(&services88.WebhookRequestHeader{ApplicationToken: "a\xffb"}))
			return err
		}, "soap: Webhook.GetWebhook: encoding the request: text holds invalid UTF-8 at byte 1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := noPanic(tc.call)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error = %v\nwant    %s", err, tc.want)
			}
		})
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("the server received %d requests, want 0", n)
	}
}

// TestConcurrentCalls shares one agent and one argument between goroutines (run with -race).
func TestConcurrentCalls(t *testing.T) {
	srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8",
		envelope11(succeeded+`<TimeZone><SoTimeZoneId>153</SoTimeZoneId></TimeZone>`, `<SaveWebhookResponse>`+savedWebhookReply+`</SaveWebhookResponse>`))
	w, _ := newAgents(srv.Server, nil)
	hook := everyFieldWebhook(t)
	const workers, calls = 8, 5
	var wg sync.WaitGroup
	errs := make(chan error, workers*calls)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range calls {
				var h services88.WebhookResponseHeader
				got, err := w.SaveWebhook(context.Background(), hook, soap.WithResponseHeader(&h))
				switch {
				case err != nil:
					errs <- err
				case !cmp.Equal(savedWebhook(), got):
					errs <- fmt.Errorf("result %+v", got)
				case h.TimeZone == nil || h.TimeZone.SoTimeZoneID != 153:
					errs <- fmt.Errorf("response header %+v", h)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	reqs := srv.Requests()
	if len(reqs) != workers*calls {
		t.Fatalf("the server received %d requests, want %d", len(reqs), workers*calls)
	}
	for i, r := range reqs[1:] {
		if !bytes.Equal(r.Body, reqs[0].Body) {
			t.Errorf("request %d differs from the first", i+1)
		}
	}
	if diff := cmp.Diff(everyFieldWebhook(t), hook); diff != "" {
		t.Errorf("the argument changed (-want +got):\n%s", diff)
	}
}

// TestWithHTTPHeader checks that soap.WithHTTPHeader adds HTTP headers to one call, and replaces the
// SOAPAction the client would send when given that key.
func TestWithHTTPHeader(t *testing.T) {
	srv := soaptest.NewServer(t, http.StatusOK, "text/xml; charset=utf-8", envelope11(succeeded, `<DeleteWebhookResponse/>`))
	w, _ := newAgents(srv.Server, nil)
	err := w.DeleteWebhook(context.Background(), 1,
		soap.WithHTTPHeader("X-Tenant", "acme"),
		soap.WithHTTPHeader("x-trace", "1"),
		soap.WithHTTPHeader("X-Trace", "2"),
		soap.WithHTTPHeader("SOAPAction", `"urn:custom"`))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.DeleteWebhook(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	cases := []struct {
		name string
		req  int
		key  string
		want []string
	}{
		{"added", 0, "X-Tenant", []string{"acme"}},
		{"repeated", 0, "X-Trace", []string{"1", "2"}},
		{"replaced SOAPAction", 0, "SOAPAction", []string{`"urn:custom"`}},
		{"Content-Type kept", 0, "Content-Type", []string{"text/xml; charset=utf-8"}},
		{"next call: no extra header", 1, "X-Tenant", nil},
		{"next call: SOAPAction", 1, "SOAPAction", []string{`"http://www.superoffice.net/ws/crm/NetServer/Services88/Webhook/DeleteWebhook"`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, reqs[tc.req].Header.Values(tc.key)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tc.key, diff)
			}
		})
	}
}
