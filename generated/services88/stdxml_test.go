package services88_test

// Hand-written encoding/xml tagged structs of the Webhook types, the baseline of the benchmarks: what
// a Go developer would write for this API with the standard library (dates and enumerations as
// strings, dictionaries as slices of pairs, anyType values as text with their xsi:type).

import (
	"encoding/xml"
	"sort"

	"github.com/sogen-go/sogen/generated/services88"
)

type xEnvelope struct {
	XMLName xml.Name `xml:"http://schemas.xmlsoap.org/soap/envelope/ Envelope"`
	Body    struct {
		Response xGetAllWebhooksResponse `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 GetAllWebhooksResponse"`
	} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Body"`
}

type xGetAllWebhooksResponse struct {
	Response struct {
		Webhooks []*xWebhook `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Webhook"`
	} `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Response"`
}

type xSaveWebhook struct {
	XMLName xml.Name  `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 SaveWebhook"`
	Webhook *xWebhook `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Webhook"`
}

type xKV struct {
	Key   string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Key"`
	Value string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Value"`
}

type xAnyValue struct {
	Type  string `xml:"http://www.w3.org/2001/XMLSchema-instance type,attr,omitempty"`
	Value string `xml:",chardata"`
}

type xKVAny struct {
	Key   string    `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Key"`
	Value xAnyValue `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Value"`
}

type xWebhook struct {
	WebhookID           int32       `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 WebhookId"`
	Name                string      `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Name"`
	Events              []string    `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Events>string"`
	TargetURL           string      `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 TargetUrl"`
	Secret              string      `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Secret"`
	State               string      `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 State"`
	Type                string      `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Type"`
	Headers             []xKV       `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Headers>StringKeyValuePair"`
	Properties          []xKVAny    `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Properties>StringObjectKeyValuePair"`
	Registered          string      `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Registered"`
	RegisteredAssociate *xAssociate `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 RegisteredAssociate"`
	Updated             string      `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Updated"`
	UpdatedAssociate    *xAssociate `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 UpdatedAssociate"`
	ErrorsEmail         string      `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ErrorsEmail"`
}

type xTableRight struct {
	Mask   string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Mask"`
	Reason string `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Reason"`
}

type xFieldProperty struct {
	FieldRight  *xTableRight `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 FieldRight"`
	FieldType   string       `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 FieldType"`
	FieldLength int32        `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 FieldLength"`
}

type xKVFieldProperty struct {
	Key   string          `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Key"`
	Value *xFieldProperty `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Value"`
}

type xAssociate struct {
	TableRight      *xTableRight       `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 TableRight"`
	FieldProperties []xKVFieldProperty `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 FieldProperties>FieldPropertyDictionaryKeyValuePair"`
	AssociateID     int32              `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 AssociateId"`
	Name            string             `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Name"`
	PersonID        int32              `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 PersonId"`
	Rank            int16              `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Rank"`
	Tooltip         string             `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Tooltip"`
	Type            string             `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Type"`
	GroupIdx        int32              `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 GroupIdx"`
	FullName        string             `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 FullName"`
	FormalName      string             `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 FormalName"`
	Deleted         bool               `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 Deleted"`
	EjUserID        int32              `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 EjUserId"`
	UserName        string             `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 UserName"`
	ExtraFields     []xKV              `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 ExtraFields>StringKeyValuePair"`
	CustomFields    []xKV              `xml:"http://www.superoffice.net/ws/crm/NetServer/Services88 CustomFields>StringKeyValuePair"`
}

func xKVs(m map[string]string) []xKV {
	var out []xKV
	for k, v := range m {
		out = append(out, xKV{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

func xAssociateOf(a *services88.Associate) *xAssociate {
	if a == nil {
		return nil
	}
	x := &xAssociate{
		AssociateID: a.AssociateID, Name: a.Name, PersonID: a.PersonID, Rank: a.Rank, Tooltip: a.Tooltip, Type: string(a.Type),
		GroupIdx: a.GroupIdx, FullName: a.FullName, FormalName: a.FormalName, Deleted: a.Deleted, EjUserID: a.EjUserID,
		UserName: a.UserName, ExtraFields: xKVs(a.ExtraFields), CustomFields: xKVs(a.CustomFields),
	}
	if tr := a.TableRight; tr != nil {
		x.TableRight = &xTableRight{Mask: string(tr.Mask), Reason: tr.Reason}
	}
	for k, fp := range a.FieldProperties {
		v := &xFieldProperty{FieldType: fp.FieldType, FieldLength: fp.FieldLength}
		if fp.FieldRight != nil {
			v.FieldRight = &xTableRight{Mask: string(fp.FieldRight.Mask), Reason: fp.FieldRight.Reason}
		}
		x.FieldProperties = append(x.FieldProperties, xKVFieldProperty{k, v})
	}
	return x
}

// xSaveWebhookOf returns the encoding/xml equivalent of a SaveWebhook of w.
func xSaveWebhookOf(w *services88.Webhook) *xSaveWebhook {
	x := &xWebhook{
		WebhookID: w.WebhookID, Name: w.Name, Events: w.Events, TargetURL: w.TargetURL, Secret: w.Secret,
		State: string(w.State), Type: w.Type, Headers: xKVs(w.Headers), Registered: w.Registered.String(),
		RegisteredAssociate: xAssociateOf(w.RegisteredAssociate), Updated: w.Updated.String(),
		UpdatedAssociate: xAssociateOf(w.UpdatedAssociate), ErrorsEmail: w.ErrorsEmail,
	}
	x.Properties = []xKVAny{
		{"label", xAnyValue{"xsd:string", "prod"}},
		{"retries", xAnyValue{"xsd:int", "3"}},
		{"since", xAnyValue{"xsd:dateTime", w.Registered.String()}},
	}
	return &xSaveWebhook{Webhook: x}
}
