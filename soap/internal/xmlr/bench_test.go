package xmlr

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"testing"
	"time"
)

// The benchmarks read the GetAllWebhooks reply of generated/services88's benchmarks: a SOAP 1.1
// envelope with 1,000 fully populated webhooks (3.7 MB), written here as sogen's encoder writes it
// for fullWebhook(i).
//
//	go test -run '^$' -bench . -benchmem ./soap/internal/xmlr

const (
	ns88     = "http://www.superoffice.net/ws/crm/NetServer/Services88"
	nsArrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
	nsXSI    = "http://www.w3.org/2001/XMLSchema-instance"
	nsXSD    = "http://www.w3.org/2001/XMLSchema"

	replyStart = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="` + nsXSI + `" xmlns:xsd="` + nsXSD + `">` +
		`<s:Body><ns1:GetAllWebhooksResponse xmlns:ns1="` + ns88 + `"><ns1:Response>`
	replyEnd = `</ns1:Response></ns1:GetAllWebhooksResponse></s:Body></s:Envelope>`

	eventFmt = `<ns2:string xmlns:ns2="` + nsArrays + `">%s</ns2:string>`
	when     = `2026-11-26T12:30:45.1234567Z`
	pair     = `<ns1:StringKeyValuePair><ns1:Key>%s</ns1:Key><ns1:Value>%s</ns1:Value></ns1:StringKeyValuePair>`
	property = `<ns1:StringObjectKeyValuePair><ns1:Key>%s</ns1:Key><ns1:Value xsi:type="xsd:%s">%s</ns1:Value></ns1:StringObjectKeyValuePair>`
	assoc    = `<ns1:TableRight><ns1:Mask>Select Update</ns1:Mask><ns1:Reason>ok</ns1:Reason></ns1:TableRight>` +
		`<ns1:FieldProperties><ns1:FieldPropertyDictionaryKeyValuePair><ns1:Key>Name</ns1:Key><ns1:Value><ns1:FieldRight><ns1:Mask>Read Write</ns1:Mask></ns1:FieldRight>` +
		`<ns1:FieldType>string</ns1:FieldType><ns1:FieldLength>220</ns1:FieldLength></ns1:Value></ns1:FieldPropertyDictionaryKeyValuePair></ns1:FieldProperties>` +
		`<ns1:AssociateId>7</ns1:AssociateId><ns1:Name>ANNA</ns1:Name><ns1:PersonId>12</ns1:PersonId><ns1:Rank>3</ns1:Rank><ns1:Tooltip>Anna</ns1:Tooltip>` +
		`<ns1:Type>InternalAssociate</ns1:Type><ns1:GroupIdx>2</ns1:GroupIdx><ns1:FullName>Anna Admin</ns1:FullName><ns1:FormalName>Admin, Anna</ns1:FormalName>` +
		`<ns1:Deleted>false</ns1:Deleted><ns1:EjUserId>4</ns1:EjUserId><ns1:UserName>anna</ns1:UserName>` +
		`<ns1:ExtraFields>` + `<ns1:StringKeyValuePair><ns1:Key>x_team</ns1:Key><ns1:Value>ops</ns1:Value></ns1:StringKeyValuePair>` + `</ns1:ExtraFields>` +
		`<ns1:CustomFields>` + `<ns1:StringKeyValuePair><ns1:Key>SuperOffice:1</ns1:Key><ns1:Value>a</ns1:Value></ns1:StringKeyValuePair>` + `</ns1:CustomFields>`
)

// webhooksReply returns the reply with n webhooks.
func webhooksReply(n int) []byte {
	var b bytes.Buffer
	b.WriteString(replyStart)
	for i := range n {
		fmt.Fprintf(&b, `<ns1:Webhook><ns1:WebhookId>%d</ns1:WebhookId><ns1:Name>hook %d</ns1:Name><ns1:Events>`, i, i)
		for _, e := range []string{"contact.created", "contact.changed", "person.created"} {
			fmt.Fprintf(&b, eventFmt, e)
		}
		b.WriteString(`</ns1:Events><ns1:TargetUrl>https://example.com/hooks/superoffice</ns1:TargetUrl><ns1:Secret>s3cret</ns1:Secret>` +
			`<ns1:State>Active</ns1:State><ns1:Type>webhook</ns1:Type><ns1:Headers>`)
		fmt.Fprintf(&b, pair, "Authorization", "Bearer abc")
		fmt.Fprintf(&b, pair, "X-Trace", "1")
		b.WriteString(`</ns1:Headers><ns1:Properties>`)
		fmt.Fprintf(&b, property, "label", "string", "prod")
		fmt.Fprintf(&b, property, "retries", "int", "3")
		fmt.Fprintf(&b, property, "since", "dateTime", when)
		b.WriteString(`</ns1:Properties><ns1:Registered>` + when + `</ns1:Registered><ns1:RegisteredAssociate>` + assoc + `</ns1:RegisteredAssociate>` +
			`<ns1:Updated>` + when + `</ns1:Updated><ns1:UpdatedAssociate>` + assoc + `</ns1:UpdatedAssociate>` +
			`<ns1:ErrorsEmail>ops@example.com</ns1:ErrorsEmail></ns1:Webhook>`)
	}
	b.WriteString(replyEnd)
	return b.Bytes()
}

// BenchmarkTokens reads every token of the reply: with the Reader (text and attribute values
// decoded; the reply copied into the buffer the Reader rewrites, each time), and with encoding/xml's
// Token (names resolved) and RawToken (not resolved, end tags not matched).
func BenchmarkTokens(b *testing.B) {
	reply := webhooksReply(1000)
	b.Run("xmlr", func(b *testing.B) {
		buf := make([]byte, len(reply))
		r := NewReader(nil)
		b.SetBytes(int64(len(reply)))
		b.ReportAllocs()
		for b.Loop() {
			copy(buf, reply)
			r.Reset(buf)
			n := 0
			for {
				k, err := r.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				switch k {
				case StartElement:
					n++
					for i := range r.NumAttr() {
						r.Attr(i)
					}
				case Text:
					r.Text()
				}
			}
			if n != 95004 {
				b.Fatalf("%d elements", n)
			}
		}
	})
	b.Run("xmlr-Skip", func(b *testing.B) {
		buf := make([]byte, len(reply))
		r := NewReader(nil)
		b.SetBytes(int64(len(reply)))
		b.ReportAllocs()
		for b.Loop() {
			copy(buf, reply)
			r.Reset(buf)
			if _, err := r.Next(); err != nil {
				b.Fatal(err)
			}
			if err := r.Skip(); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, raw := range []bool{false, true} {
		name := "encoding-xml-Token"
		if raw {
			name = "encoding-xml-RawToken"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(reply)))
			b.ReportAllocs()
			for b.Loop() {
				d := xml.NewDecoder(bytes.NewReader(reply))
				n := 0
				for {
					var tok xml.Token
					var err error
					if raw {
						tok, err = d.RawToken()
					} else {
						tok, err = d.Token()
					}
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					if _, ok := tok.(xml.StartElement); ok {
						n++
					}
				}
				if n != 95004 {
					b.Fatalf("%d elements", n)
				}
			}
		})
	}
}

// The prototype: the reply decoded into plain Go values, by a hand-written decoder over the Reader
// (what the table-driven codec can reach; not for production) and by encoding/xml.Unmarshal into
// tagged structs converted to the same values.

type webhook struct {
	ID                                    int32
	Name, TargetURL, Secret, State, Type  string
	Events                                []string
	Headers                               map[string]string
	Properties                            map[string]any
	Registered, Updated                   time.Time
	RegisteredAssociate, UpdatedAssociate *associate
	ErrorsEmail                           string
}

type associate struct {
	TableRight                                          *right
	FieldProperties                                     map[string]*fieldProperty
	AssociateID, PersonID, Rank, GroupIdx, EjUserID     int32
	Name, Tooltip, Type, FullName, FormalName, UserName string
	Deleted                                             bool
	ExtraFields, CustomFields                           map[string]string
}

type right struct{ Mask, Reason string }

type fieldProperty struct {
	FieldRight  *right
	FieldType   string
	FieldLength int32
}

var (
	ns88ID = Intern(ns88)
	xsiID  = Intern(nsXSI)
	xsdID  = Intern(nsXSD)
)

// protoDecoder decodes the reply with a Reader.
type protoDecoder struct{ r *Reader }

// each calls fn for each child element of the current element.
func (d protoDecoder) each(fn func(local string) error) error {
	for {
		ok, err := d.r.Child()
		if err != nil || !ok {
			return err
		}
		if d.r.NS() != ns88ID {
			if err := d.r.Skip(); err != nil {
				return err
			}
			continue
		}
		// The local name is compared without allocating (a switch on string(b) does not copy).
		if err := fn(localName(d.r.Local())); err != nil {
			return err
		}
	}
}

// localName returns a known local name as the constant string of the table (a map lookup with a
// string(b) key does not allocate), others as "".
func localName(b []byte) string { return knownNames[string(b)] }

var knownNames = map[string]string{}

func init() {
	for _, s := range []string{"WebhookId", "Name", "Events", "TargetUrl", "Secret", "State", "Type", "Headers", "Properties", "Registered",
		"RegisteredAssociate", "Updated", "UpdatedAssociate", "ErrorsEmail", "TableRight", "FieldProperties", "AssociateId",
		"PersonId", "Rank", "Tooltip", "GroupIdx", "FullName", "FormalName", "Deleted", "EjUserId", "UserName", "ExtraFields",
		"CustomFields", "Mask", "Reason", "FieldRight", "FieldType", "FieldLength", "Key", "Value", "Webhook",
		"StringKeyValuePair", "StringObjectKeyValuePair", "FieldPropertyDictionaryKeyValuePair"} {
		knownNames[s] = s
	}
}

func (d protoDecoder) str(dst *string) error {
	t, err := d.r.ReadText()
	*dst = string(t)
	return err
}

func (d protoDecoder) int32(dst *int32) error {
	t, err := d.r.ReadText()
	if err != nil {
		return err
	}
	v, err := parseInt32(t)
	if err != nil {
		return d.r.Errorf("%v", err)
	}
	*dst = v
	return nil
}

func parseInt32(t []byte) (int32, error) {
	neg := len(t) > 0 && t[0] == '-'
	if neg {
		t = t[1:]
	}
	if len(t) == 0 || len(t) > 10 {
		return 0, fmt.Errorf("invalid int %q", t)
	}
	var v int64
	for _, c := range t {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("invalid int %q", t)
		}
		v = v*10 + int64(c-'0')
	}
	if neg {
		v = -v
	}
	if v != int64(int32(v)) {
		return 0, fmt.Errorf("int %q out of range", t)
	}
	return int32(v), nil
}

func (d protoDecoder) time(dst *time.Time) error {
	t, err := d.r.ReadText()
	if err != nil {
		return err
	}
	v, err := time.Parse(time.RFC3339Nano, string(t))
	if err != nil {
		return d.r.Errorf("%v", err)
	}
	*dst = v
	return nil
}

func (d protoDecoder) pairs(dst *map[string]string) error {
	m := map[string]string{}
	err := d.each(func(string) error {
		var k, v string
		err := d.each(func(local string) error {
			switch local {
			case "Key":
				return d.str(&k)
			case "Value":
				return d.str(&v)
			}
			return d.r.Skip()
		})
		m[k] = v
		return err
	})
	*dst = m
	return err
}

func (d protoDecoder) right(dst **right) error {
	v := new(right)
	*dst = v
	return d.each(func(local string) error {
		switch local {
		case "Mask":
			return d.str(&v.Mask)
		case "Reason":
			return d.str(&v.Reason)
		}
		return d.r.Skip()
	})
}

func (d protoDecoder) associate(dst **associate) error {
	a := new(associate)
	*dst = a
	return d.each(func(local string) error {
		switch local {
		case "TableRight":
			return d.right(&a.TableRight)
		case "FieldProperties":
			a.FieldProperties = map[string]*fieldProperty{}
			return d.each(func(string) error {
				var k string
				fp := new(fieldProperty)
				err := d.each(func(local string) error {
					switch local {
					case "Key":
						return d.str(&k)
					case "Value":
						return d.each(func(local string) error {
							switch local {
							case "FieldRight":
								return d.right(&fp.FieldRight)
							case "FieldType":
								return d.str(&fp.FieldType)
							case "FieldLength":
								return d.int32(&fp.FieldLength)
							}
							return d.r.Skip()
						})
					}
					return d.r.Skip()
				})
				a.FieldProperties[k] = fp
				return err
			})
		case "AssociateId":
			return d.int32(&a.AssociateID)
		case "Name":
			return d.str(&a.Name)
		case "PersonId":
			return d.int32(&a.PersonID)
		case "Rank":
			return d.int32(&a.Rank)
		case "Tooltip":
			return d.str(&a.Tooltip)
		case "Type":
			return d.str(&a.Type)
		case "GroupIdx":
			return d.int32(&a.GroupIdx)
		case "FullName":
			return d.str(&a.FullName)
		case "FormalName":
			return d.str(&a.FormalName)
		case "Deleted":
			t, err := d.r.ReadText()
			a.Deleted = string(t) == "true" || string(t) == "1"
			return err
		case "EjUserId":
			return d.int32(&a.EjUserID)
		case "UserName":
			return d.str(&a.UserName)
		case "ExtraFields":
			return d.pairs(&a.ExtraFields)
		case "CustomFields":
			return d.pairs(&a.CustomFields)
		}
		return d.r.Skip()
	})
}

func (d protoDecoder) webhook(w *webhook) error {
	return d.each(func(local string) error {
		switch local {
		case "WebhookId":
			return d.int32(&w.ID)
		case "Name":
			return d.str(&w.Name)
		case "Events":
			for {
				ok, err := d.r.Child()
				if err != nil || !ok {
					return err
				}
				var s string
				if err := d.str(&s); err != nil {
					return err
				}
				w.Events = append(w.Events, s)
			}
		case "TargetUrl":
			return d.str(&w.TargetURL)
		case "Secret":
			return d.str(&w.Secret)
		case "State":
			return d.str(&w.State)
		case "Type":
			return d.str(&w.Type)
		case "Headers":
			return d.pairs(&w.Headers)
		case "Properties":
			w.Properties = map[string]any{}
			return d.each(func(string) error {
				var k string
				var v any
				err := d.each(func(local string) error {
					switch local {
					case "Key":
						return d.str(&k)
					case "Value":
						typ, ok := d.r.AttrValue(xsiID, "type")
						if !ok {
							return d.r.Skip()
						}
						n, err := d.r.ResolveQName(typ)
						if err != nil {
							return err
						}
						if n.NS != xsdID {
							return d.r.Skip()
						}
						switch string(n.Local) {
						case "string":
							var s string
							err = d.str(&s)
							v = s
						case "int":
							var i int32
							err = d.int32(&i)
							v = i
						case "dateTime":
							var t time.Time
							err = d.time(&t)
							v = t
						default:
							err = d.r.Skip()
						}
						return err
					}
					return d.r.Skip()
				})
				w.Properties[k] = v
				return err
			})
		case "Registered":
			return d.time(&w.Registered)
		case "RegisteredAssociate":
			return d.associate(&w.RegisteredAssociate)
		case "Updated":
			return d.time(&w.Updated)
		case "UpdatedAssociate":
			return d.associate(&w.UpdatedAssociate)
		case "ErrorsEmail":
			return d.str(&w.ErrorsEmail)
		}
		return d.r.Skip()
	})
}

// decodeReply decodes the reply in buf (rewritten in place) with r.
func decodeReply(r *Reader, buf []byte) ([]*webhook, error) {
	r.Reset(buf)
	d := protoDecoder{r}
	var hooks []*webhook
	// Envelope, Body, GetAllWebhooksResponse, Response.
	for range 4 {
		if ok, err := r.Child(); err != nil || !ok {
			return nil, fmt.Errorf("no reply: %v", err)
		}
	}
	err := d.each(func(local string) error {
		if local != "Webhook" {
			return r.Skip()
		}
		w := new(webhook)
		hooks = append(hooks, w)
		return d.webhook(w)
	})
	return hooks, err
}

// The same values through encoding/xml.

type xWebhook struct {
	ID          int32       `xml:"WebhookId"`
	Name        string      `xml:"Name"`
	Events      []string    `xml:"Events>string"`
	TargetURL   string      `xml:"TargetUrl"`
	Secret      string      `xml:"Secret"`
	State       string      `xml:"State"`
	Type        string      `xml:"Type"`
	Headers     []xPair     `xml:"Headers>StringKeyValuePair"`
	Properties  []xProperty `xml:"Properties>StringObjectKeyValuePair"`
	Registered  time.Time   `xml:"Registered"`
	RegAssoc    *xAssociate `xml:"RegisteredAssociate"`
	Updated     time.Time   `xml:"Updated"`
	UpdAssoc    *xAssociate `xml:"UpdatedAssociate"`
	ErrorsEmail string      `xml:"ErrorsEmail"`
}

type xPair struct {
	Key   string `xml:"Key"`
	Value string `xml:"Value"`
}

type xProperty struct {
	Key   string `xml:"Key"`
	Value struct {
		Type string `xml:"http://www.w3.org/2001/XMLSchema-instance type,attr"`
		Text string `xml:",chardata"`
	} `xml:"Value"`
}

type xAssociate struct {
	TableRight      *right `xml:"TableRight"`
	FieldProperties []struct {
		Key   string `xml:"Key"`
		Value struct {
			FieldRight  *right `xml:"FieldRight"`
			FieldType   string `xml:"FieldType"`
			FieldLength int32  `xml:"FieldLength"`
		} `xml:"Value"`
	} `xml:"FieldProperties>FieldPropertyDictionaryKeyValuePair"`
	AssociateID  int32   `xml:"AssociateId"`
	Name         string  `xml:"Name"`
	PersonID     int32   `xml:"PersonId"`
	Rank         int32   `xml:"Rank"`
	Tooltip      string  `xml:"Tooltip"`
	Type         string  `xml:"Type"`
	GroupIdx     int32   `xml:"GroupIdx"`
	FullName     string  `xml:"FullName"`
	FormalName   string  `xml:"FormalName"`
	Deleted      bool    `xml:"Deleted"`
	EjUserID     int32   `xml:"EjUserId"`
	UserName     string  `xml:"UserName"`
	ExtraFields  []xPair `xml:"ExtraFields>StringKeyValuePair"`
	CustomFields []xPair `xml:"CustomFields>StringKeyValuePair"`
}

type xEnvelope struct {
	Hooks []*xWebhook `xml:"Body>GetAllWebhooksResponse>Response>Webhook"`
}

func pairsMap(ps []xPair) map[string]string {
	m := map[string]string{}
	for _, p := range ps {
		m[p.Key] = p.Value
	}
	return m
}

func (x *xAssociate) value() *associate {
	if x == nil {
		return nil
	}
	a := &associate{TableRight: x.TableRight, FieldProperties: map[string]*fieldProperty{}, AssociateID: x.AssociateID, PersonID: x.PersonID,
		Rank: x.Rank, GroupIdx: x.GroupIdx, EjUserID: x.EjUserID, Name: x.Name, Tooltip: x.Tooltip, Type: x.Type, FullName: x.FullName,
		FormalName: x.FormalName, UserName: x.UserName, Deleted: x.Deleted, ExtraFields: pairsMap(x.ExtraFields), CustomFields: pairsMap(x.CustomFields)}
	for _, fp := range x.FieldProperties {
		a.FieldProperties[fp.Key] = &fieldProperty{FieldRight: fp.Value.FieldRight, FieldType: fp.Value.FieldType, FieldLength: fp.Value.FieldLength}
	}
	return a
}

// decodeReplyStd decodes the reply with encoding/xml.Unmarshal. (It resolves no xsi:type prefix: it
// takes the xsd: prefix of the reply as given, which a real decoder could not.)
func decodeReplyStd(reply []byte) ([]*webhook, error) {
	var env xEnvelope
	if err := xml.Unmarshal(reply, &env); err != nil {
		return nil, err
	}
	hooks := make([]*webhook, len(env.Hooks))
	for i, x := range env.Hooks {
		w := &webhook{ID: x.ID, Name: x.Name, TargetURL: x.TargetURL, Secret: x.Secret, State: x.State, Type: x.Type, Events: x.Events,
			Headers: pairsMap(x.Headers), Properties: map[string]any{}, Registered: x.Registered, Updated: x.Updated,
			RegisteredAssociate: x.RegAssoc.value(), UpdatedAssociate: x.UpdAssoc.value(), ErrorsEmail: x.ErrorsEmail}
		for _, p := range x.Properties {
			switch p.Value.Type {
			case "xsd:string":
				w.Properties[p.Key] = p.Value.Text
			case "xsd:int":
				v, err := strconv.ParseInt(p.Value.Text, 10, 32)
				if err != nil {
					return nil, err
				}
				w.Properties[p.Key] = int32(v)
			case "xsd:dateTime":
				v, err := time.Parse(time.RFC3339Nano, p.Value.Text)
				if err != nil {
					return nil, err
				}
				w.Properties[p.Key] = v
			}
		}
		hooks[i] = w
	}
	return hooks, nil
}

// TestPrototypeDecode checks that both decoders of the benchmark give the same values.
func TestPrototypeDecode(t *testing.T) {
	reply := webhooksReply(3)
	got, err := decodeReply(NewReader(nil), append([]byte(nil), reply...))
	if err != nil {
		t.Fatal(err)
	}
	want, err := decodeReplyStd(reply)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got[0], want[0])
	}
	if got[2].Name != "hook 2" || got[1].Properties["retries"] != int32(3) || got[0].UpdatedAssociate.FieldProperties["Name"].FieldRight.Mask != "Read Write" {
		t.Fatalf("got %+v", got[2])
	}
}

// BenchmarkDecodeWebhooks decodes the reply into the same Go values with the prototype decoder
// over the Reader and with encoding/xml.Unmarshal.
func BenchmarkDecodeWebhooks(b *testing.B) {
	reply := webhooksReply(1000)
	b.Run("xmlr-prototype", func(b *testing.B) {
		buf := make([]byte, len(reply))
		r := NewReader(nil)
		b.SetBytes(int64(len(reply)))
		b.ReportAllocs()
		for b.Loop() {
			copy(buf, reply)
			hooks, err := decodeReply(r, buf)
			if err != nil || len(hooks) != 1000 {
				b.Fatal(len(hooks), err)
			}
		}
	})
	b.Run("encoding-xml-Unmarshal", func(b *testing.B) {
		b.SetBytes(int64(len(reply)))
		b.ReportAllocs()
		for b.Loop() {
			hooks, err := decodeReplyStd(reply)
			if err != nil || len(hooks) != 1000 {
				b.Fatal(len(hooks), err)
			}
		}
	})
}
