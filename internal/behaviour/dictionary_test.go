package behaviour_test

import (
	"context"
	"encoding/xml"
	"testing"

	"github.com/sogen-go/sogen/golden/dictionary"
	"github.com/sogen-go/sogen/soap"
)

const nsDictionary = "http://example.com/sogen/dictionary"

var dictionaryTypes = types(new(dictionary.AddressBook), new(dictionary.Contact))

// mustDateTime parses an xs:dateTime literal, failing the test if it is not one.
func mustDateTime(t *testing.T, s string) soap.DateTime {
	t.Helper()
	d, err := soap.ParseDateTime(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDictionary checks WCF's IsDictionary types: a sequence of KeyValuePair elements, each a Key and
// a Value, mapped to Go maps and written in a deterministic key order.
func TestDictionary(t *testing.T) {
	ctx := context.Background()
	dn := func(local string) xml.Name { return xml.Name{Space: nsDictionary, Local: local} }
	emptyReply := envelope11("", `<UpdateAddressBookResponse xmlns="`+nsDictionary+`"/>`)

	// keysOf returns the text of the Key of each pair of dictionary element n, in document order.
	keysOf := func(n *node) []string {
		var out []string
		for _, pair := range n.Children {
			out = append(out, pair.mustFind(t, nsDictionary, "Key").Text)
		}
		return out
	}

	book := &dictionary.AddressBook{
		Labels: map[string]string{"b": "bravo", "a": "alpha", "C": "charlie", "empty": ""},
		Metadata: map[string]any{
			"count": int32(3),
			"name":  "Ada",
			"flag":  true,
			"when":  mustDateTime(t, "2024-05-01T12:00:00Z"),
			"who":   &dictionary.Contact{Name: "Bob", Email: "bob@example.com"},
			"none":  nil,
		},
		Contacts: map[string]*dictionary.Contact{
			"zed":  {Name: "Zed"},
			"anna": {Name: "Anna", Email: "anna@example.com"},
			"gone": nil,
		},
		Schedule: map[soap.DateTime]string{
			mustDateTime(t, "2024-01-02T00:00:00Z"):      "third",
			mustDateTime(t, "2023-12-31T23:00:00-05:00"): "second", // 2024-01-01T04:00:00Z
			mustDateTime(t, "2024-01-01T00:00:00"):       "first",  // no zone: taken as UTC
		},
		Codes: map[int32]string{10: "ten", 9: "nine", -1: "minus one", 100: "hundred"},
	}
	extra := map[string]any{"source": "import"}

	t.Run("UpdateAddressBook writes every dictionary kind in key order and it decodes back", func(t *testing.T) {
		srv := newServer(t, emptyReply)
		c := dictionary.NewAddressBooksClient(nil)
		c.Endpoint = srv.URL
		if _, err := c.UpdateAddressBook(ctx, book, extra); err != nil {
			t.Fatal(err)
		}
		req := srv.Last(t)
		checkHTTP11(t, req, "http://example.com/sogen/dictionary/UpdateAddressBook")
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		b := op.mustFind(t, nsDictionary, "Book")

		labels := b.mustFind(t, nsDictionary, "Labels")
		for _, pair := range labels.Children {
			diff(t, "Labels pair", dn("LabelsKeyValuePair"), pair.Name)
		}
		diff(t, "Labels keys (string order)", []string{"C", "a", "b", "empty"}, keysOf(labels))
		diff(t, "Labels pairs", []string{
			`LabelsKeyValuePair={Key="C" Value="charlie"}`,
			`LabelsKeyValuePair={Key="a" Value="alpha"}`,
			`LabelsKeyValuePair={Key="b" Value="bravo"}`,
			`LabelsKeyValuePair={Key="empty" Value=empty}`,
		}, labels.childForms())
		diff(t, "Metadata pairs", []string{
			`MetadataKeyValuePair={Key="count" Value=(int)"3"}`,
			`MetadataKeyValuePair={Key="flag" Value=(boolean)"true"}`,
			`MetadataKeyValuePair={Key="name" Value=(string)"Ada"}`,
			`MetadataKeyValuePair={Key="none" Value=nil}`,
			`MetadataKeyValuePair={Key="when" Value=(dateTime)"2024-05-01T12:00:00Z"}`,
			`MetadataKeyValuePair={Key="who" Value=(Contact){Name="Bob" Email="bob@example.com"}}`,
		}, b.mustFind(t, nsDictionary, "Metadata").childForms())
		diff(t, "Contacts pairs", []string{
			`ContactDictionaryKeyValuePair={Key="anna" Value={Name="Anna" Email="anna@example.com"}}`,
			`ContactDictionaryKeyValuePair={Key="gone" Value=nil}`,
			`ContactDictionaryKeyValuePair={Key="zed" Value={Name="Zed"}}`,
		}, b.mustFind(t, nsDictionary, "Contacts").childForms())
		diff(t, "Schedule keys (chronological)", []string{
			"2024-01-01T00:00:00", "2023-12-31T23:00:00-05:00", "2024-01-02T00:00:00Z",
		}, keysOf(b.mustFind(t, nsDictionary, "Schedule")))
		diff(t, "Codes keys (numeric)", []string{"-1", "9", "10", "100"}, keysOf(b.mustFind(t, nsDictionary, "Codes")))
		checkGolden(t, "dictionary", "UpdateAddressBook.request.xml", req.Body)

		var got dictionary.UpdateAddressBook
		if err := decodeBody(req.Body, &got, dictionaryTypes); err != nil {
			t.Fatal(err)
		}
		diff(t, "decoded request", &dictionary.UpdateAddressBook{Book: book, Extra: extra}, &got)
		again := mustMarshal(t, &got, dn("UpdateAddressBook"))
		diff(t, "re-encoded request", op, parseTree(t, again), ignoreTypeText)
	})

	t.Run("a nil map is left out, an empty map is an empty element, and both decode back", func(t *testing.T) {
		in := &dictionary.AddressBook{Metadata: map[string]any{}, Codes: map[int32]string{}}
		in.Presence.SetNil("Contacts")
		data := mustMarshal(t, in, dn("Book"))
		tree := parseTree(t, data)
		diff(t, "forms", []string{`Metadata=empty`, `Contacts=nil`, `Codes=empty`}, tree.childForms())
		var got dictionary.AddressBook
		if err := decodeXML(data, &got, dictionaryTypes); err != nil {
			t.Fatal(err)
		}
		diff(t, "decoded", in, &got)
		diff(t, "re-encoded", tree, parseTree(t, mustMarshal(t, &got, dn("Book"))), ignoreTypeText)
	})

	t.Run("TranslateLabels decodes a reply whatever its key order, a repeated key replacing the first", func(t *testing.T) {
		reply := envelope11("", `<TranslateLabelsResponse xmlns="`+nsDictionary+`"><Response>`+
			`<LabelsKeyValuePair><Key>yes</Key><Value>ja</Value></LabelsKeyValuePair>`+
			`<LabelsKeyValuePair><Key>no</Key><Value>nei</Value></LabelsKeyValuePair>`+
			`<LabelsKeyValuePair><Key>yes</Key><Value>jo</Value></LabelsKeyValuePair>`+
			`</Response></TranslateLabelsResponse>`)
		srv := newServer(t, reply)
		c := dictionary.NewAddressBooksClient(nil)
		c.Endpoint = srv.URL
		got, err := c.TranslateLabels(ctx, map[string]string{"yes": "", "no": ""})
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "TranslateLabels", map[string]string{"yes": "jo", "no": "nei"}, got)
		checkGolden(t, "dictionary", "TranslateLabels.request.xml", srv.Last(t).Body)
	})

	t.Run("dateTime keys denoting the same instant are distinct and written in a stable order", func(t *testing.T) {
		sched := map[soap.DateTime]string{
			mustDateTime(t, "2024-01-01T11:00:00+01:00"): "oslo",
			mustDateTime(t, "2024-01-01T10:00:00Z"):      "utc",
			mustDateTime(t, "2024-01-01T05:00:00-05:00"): "new york",
		}
		first := mustMarshal(t, &dictionary.AddressBook{Schedule: sched}, dn("Book"))
		for range 20 {
			if again := mustMarshal(t, &dictionary.AddressBook{Schedule: sched}, dn("Book")); string(again) != string(first) {
				t.Fatalf("encoding is not deterministic:\n%s\n%s", first, again)
			}
		}
		diff(t, "keys", []string{"2024-01-01T05:00:00-05:00", "2024-01-01T10:00:00Z", "2024-01-01T11:00:00+01:00"},
			keysOf(parseTree(t, first).mustFind(t, nsDictionary, "Schedule")))
		var got dictionary.AddressBook
		if err := decodeXML(first, &got, dictionaryTypes); err != nil {
			t.Fatal(err)
		}
		diff(t, "decoded Schedule", sched, got.Schedule)
	})
}
