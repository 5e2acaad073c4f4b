package behaviour_test

import (
	"context"
	"testing"

	"github.com/sogen-go/sogen/golden/barearrays"
)

const nsBareArrays = "http://example.com/sogen/barearrays"

// TestBareArrays checks document/literal bare body elements whose type is a wrapped array or a
// dictionary (WSDL 1.1 section 3.5: the part's element is the Body's child): the method takes and
// returns the Go slice or map, the element holding one child per item or entry.
func TestBareArrays(t *testing.T) {
	ctx := context.Background()
	t.Run("GetQueryNames returns the items of the GetQueryNamesResult reply", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<r:GetQueryNamesResult xmlns:r="`+nsBareArrays+`"><r:string>SimpleEventQuery</r:string><r:string></r:string><r:string>SimpleMasterDataQuery</r:string></r:GetQueryNamesResult>`))
		c := barearrays.NewQueryClient(nil)
		c.Endpoint = srv.URL
		got, err := c.GetQueryNames(ctx, &barearrays.EmptyParms{})
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "GetQueryNames", []string{"SimpleEventQuery", "", "SimpleMasterDataQuery"}, got)
		req := srv.Last(t)
		checkHTTP11(t, req, "urn:getQueryNames")
		b := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "body", xmlName(nsBareArrays, "GetQueryNames"), b.Name)
	})
	t.Run("an empty GetQueryNamesResult is an empty, non-nil slice", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<GetQueryNamesResult xmlns="`+nsBareArrays+`"/>`))
		c := barearrays.NewQueryClient(nil)
		c.Endpoint = srv.URL
		got, err := c.GetQueryNames(ctx, &barearrays.EmptyParms{})
		if err != nil {
			t.Fatal(err)
		}
		if got == nil || len(got) != 0 {
			t.Errorf("GetQueryNames = %#v, want an empty slice", got)
		}
	})
	t.Run("a reply with another element is an error", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<WordCounts xmlns="`+nsBareArrays+`"/>`))
		c := barearrays.NewQueryClient(nil)
		c.Endpoint = srv.URL
		if _, err := c.GetQueryNames(ctx, &barearrays.EmptyParms{}); err == nil {
			t.Error("GetQueryNames accepted a WordCounts reply")
		}
	})
	t.Run("CountWords sends the slice as CountWords and returns the WordCounts map", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<WordCounts xmlns="`+nsBareArrays+`"><CountsKeyValuePair><Key>b</Key><Value>2</Value></CountsKeyValuePair><CountsKeyValuePair><Key>a</Key><Value>1</Value></CountsKeyValuePair></WordCounts>`))
		c := barearrays.NewQueryClient(nil)
		c.Endpoint = srv.URL
		got, err := c.CountWords(ctx, []string{"a", "b", "b"})
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "CountWords", map[string]int32{"a": 1, "b": 2}, got)
		req := srv.Last(t)
		checkHTTP11(t, req, "urn:countWords")
		b := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "body", xmlName(nsBareArrays, "CountWords"), b.Name)
		diff(t, "items", []string{`string="a"`, `string="b"`, `string="b"`}, b.childForms())
		checkGolden(t, "barearrays", "CountWords.request.xml", req.Body)
	})
	t.Run("a nil slice is sent as an empty element", func(t *testing.T) {
		srv := newServer(t, envelope11("", `<WordCounts xmlns="`+nsBareArrays+`"/>`))
		c := barearrays.NewQueryClient(nil)
		c.Endpoint = srv.URL
		got, err := c.CountWords(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		diff(t, "CountWords", map[string]int32{}, got)
		b := bodyChild(t, checkEnvelope(t, srv.Last(t).Body, nsEnv11))
		diff(t, "body", xmlName(nsBareArrays, "CountWords"), b.Name)
		diff(t, "items", []string(nil), b.childForms())
	})
}
