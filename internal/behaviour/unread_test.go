package behaviour_test

import (
	"context"
	"encoding/xml"
	"testing"

	"github.com/sogen-go/sogen/golden/unread"
	"github.com/sogen-go/sogen/soap"
)

const (
	nsUnread       = "http://example.com/sogen/unread"
	nsAddressing   = "http://example.com/sogen/remote/addressing"
	nsNotification = "http://example.com/sogen/remote/notification"
)

// TestUnread checks on the wire what the golden case unread makes of references into the namespaces
// of remote schemas that were not read: what arrives there is kept as it came and written back
// unchanged, so that a client can pass on what it received (an endpoint reference, a notification)
// without sogen knowing its schema.
func TestUnread(t *testing.T) {
	ctx := context.Background()
	un := func(local string) xml.Name { return xml.Name{Space: nsUnread, Local: local} }
	wsa := func(local string) xml.Name { return xml.Name{Space: nsAddressing, Local: local} }

	t.Run("an endpoint reference received as XML is sent back unchanged", func(t *testing.T) {
		ref := `<wsa:Address>http://camera.example/events</wsa:Address>` +
			`<wsa:ReferenceParameters><p:Id xmlns:p="urn:p" n="1">7</p:Id></wsa:ReferenceParameters>`
		notification := `<Recent xmlns:n="` + nsNotification + `" n:kind="alarm"><n:Topic>motion</n:Topic><n:Message><Data>on</Data></n:Message><Received>2024-05-06T07:08:09Z</Received></Recent>`
		srv := newServer(t, envelope11("", `<SubscribeResponse xmlns="`+nsUnread+`" xmlns:wsa="`+nsAddressing+`">`+
			`<SubscriptionReference wsa:IsReferenceParameter="true">`+ref+`</SubscriptionReference>`+notification+`</SubscribeResponse>`))
		c := unread.NewEventsClient(nil)
		c.Endpoint = srv.URL
		got, err := c.Subscribe(ctx, &unread.Subscribe{ConsumerReference: "http://me.example/"})
		if err != nil {
			t.Fatal(err)
		}
		el, ok := got.SubscriptionReference.(*soap.Element)
		if !ok {
			t.Fatalf("SubscriptionReference is %T, want *soap.Element", got.SubscriptionReference)
		}
		want := &soap.Element{
			Name: un("SubscriptionReference"),
			Attr: []xml.Attr{{Name: wsa("IsReferenceParameter"), Value: "true"}},
			Content: []soap.Node{
				{Element: &soap.Element{Name: wsa("Address"), Content: []soap.Node{{Text: "http://camera.example/events"}}}},
				{Element: &soap.Element{Name: wsa("ReferenceParameters"), Content: []soap.Node{{Element: &soap.Element{
					Name: xml.Name{Space: "urn:p", Local: "Id"}, Attr: []xml.Attr{{Name: xml.Name{Local: "n"}, Value: "1"}}, Content: []soap.Node{{Text: "7"}}}}}}},
			},
		}
		diff(t, "SubscriptionReference", want, el)

		// The notification, whose type extends one of the unread schema, is kept as XML in full.
		if len(got.Recent) != 1 {
			t.Fatalf("Recent: %d notifications, want 1", len(got.Recent))
		}
		n := got.Recent[0]
		diff(t, "Recent's attributes", []xml.Attr{{Name: xml.Name{Space: nsNotification, Local: "kind"}, Value: "alarm"}}, n.AnyAttr)
		back := parseTree(t, mustMarshal(t, n, un("Recent")))
		diff(t, "re-encoded Recent", parseTree(t, []byte(notification)).childForms(), back.childForms())
		diff(t, "re-encoded Recent's attribute", "alarm", attrOf(back, nsNotification, "kind"))

		// Sent as the consumer reference of the next subscription, it is written as
		// ConsumerReference with the same attributes and content.
		if _, err := c.Subscribe(ctx, &unread.Subscribe{ConsumerReference: el}); err != nil {
			t.Fatal(err)
		}
		var sent unread.Subscribe
		if err := decodeBody(srv.Last(t).Body, &sent, nil); err != nil {
			t.Fatal(err)
		}
		want.Name = un("ConsumerReference")
		diff(t, "ConsumerReference", any(want), sent.ConsumerReference)
	})

	t.Run("attributes and values of unread types are kept as text, and unknown attributes as XML", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<SubscribeResponse xmlns="`+nsUnread+`"><SubscriptionReference/></SubscribeResponse>`))
		c := unread.NewEventsClient(nil)
		c.Endpoint = srv.URL
		in := &unread.Subscribe{
			ConsumerReference:    &soap.Element{Content: []soap.Node{{Element: &soap.Element{Name: wsa("Address"), Content: []soap.Node{{Text: "urn:me"}}}}}},
			Filter:               &soap.Element{Content: []soap.Node{{Text: "motion"}}},
			ReplyTo:              &unread.Address{Value: " urn:reply ", Note: ptr("n"), AnyAttr: []xml.Attr{{Name: wsa("Scope"), Value: "local"}}},
			Kind:                 ptr("http://example.com/any-uri"),
			IsReferenceParameter: ptr("1"),
			AnyAttr:              []xml.Attr{{Name: xml.Name{Space: nsNotification, Local: "ext"}, Value: "x"}},
		}
		if _, err := c.Subscribe(ctx, in); err != nil {
			t.Fatal(err)
		}
		var sent unread.Subscribe
		if err := decodeBody(srv.Last(t).Body, &sent, nil); err != nil {
			t.Fatal(err)
		}
		in.ConsumerReference.(*soap.Element).Name = un("ConsumerReference")
		in.Filter.(*soap.Element).Name = xml.Name{Space: nsNotification, Local: "Filter"}
		diff(t, "Subscribe", in, &sent)
		checkGolden(t, "unread", "Subscribe.request.xml", srv.Last(t).Body)
	})

	t.Run("a body element of an unread schema is sent and read as XML", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<NotifyResponse xmlns="`+nsUnread+`"><Accepted>true</Accepted></NotifyResponse>`))
		c := unread.NewEventsClient(nil)
		c.Endpoint = srv.URL
		msg := &soap.Element{Content: []soap.Node{{Element: &soap.Element{Name: xml.Name{Space: nsNotification, Local: "NotificationMessage"}, Content: []soap.Node{{Text: "m"}}}}}}
		ok, err := c.Notify(ctx, msg)
		if err != nil || !ok {
			t.Fatalf("Notify: %v, %v", ok, err)
		}
		body := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11))
		diff(t, "Notify", xml.Name{Space: nsNotification, Local: "Notify"}, body.Name)
		diff(t, "Notify's content", []string{`NotificationMessage="m"`}, body.childForms())
	})
}
