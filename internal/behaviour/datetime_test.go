package behaviour_test

import (
	"context"
	"encoding/xml"
	"testing"
	"time"

	"github.com/sogen-go/sogen/golden/datetime"
	"github.com/sogen-go/sogen/soap"
)

const nsDatetime = "http://example.com/sogen/datetime"

var datetimeTypes = types(new(datetime.Times))

// TestDateTime checks xs:dateTime, xs:date, xs:time and xs:duration (XML Schema Part 2 sections
// 3.2.6 to 3.2.9): every lexical form a server may send is kept as written and sent back unchanged.
func TestDateTime(t *testing.T) {
	ctx := context.Background()
	dn := func(local string) xml.Name { return xml.Name{Space: nsDatetime, Local: local} }

	t.Run("EchoTimes sends the values and reads the reply", func(t *testing.T) {
		reply := envelope11("", `<EchoTimesResponse xmlns="`+nsDatetime+`"><Response>`+
			`<Updated>2024-06-30T23:59:60Z</Updated>`+ // a leap second, not valid XSD: kept as it came
			`<Deleted xmlns:i="`+nsXSI+`" i:nil="true"/>`+
			`<Created>2001-01-01T00:00:00.0000001-00:00</Created>`+
			`<Birthday>1990-07-15+02:00</Birthday>`+
			`<Alarm>06:30:00</Alarm>`+
			`<Timeout>PT90M</Timeout>`+
			`<History>2024-01-01T00:00:00</History><History>2024-01-01T00:00:00Z</History>`+
			`</Response></EchoTimesResponse>`)
		srv := newServer(t, reply)
		c := datetime.NewClockClient(nil)
		c.Endpoint = srv.URL
		oslo := time.FixedZone("CEST", 2*60*60)
		in := &datetime.Times{
			Updated:  soap.NewDateTime(time.Date(2024, 5, 17, 8, 30, 15, 123456789, oslo)),
			Created:  soap.NewDateTime(time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)),
			Birthday: soap.NewDate(time.Date(1990, 7, 15, 0, 0, 0, 0, time.UTC)),
			Alarm:    soap.NewTimeOfDay(time.Date(1, 1, 1, 6, 30, 0, 500_000_000, time.UTC)),
			Timeout:  soap.NewDuration(90*time.Minute + 1500*time.Millisecond),
			History:  []soap.DateTime{soap.NewLocalDateTime(time.Date(2024, 1, 1, 0, 0, 0, 0, oslo))},
		}
		in.Presence.SetNil("Deleted")
		got, err := c.EchoTimes(ctx, in, mustDateTime(t, "2024-05-17T06:30:15Z"))
		if err != nil {
			t.Fatal(err)
		}
		req := srv.Last(t)
		checkHTTP11(t, req, "http://example.com/sogen/datetime/EchoTimes")
		op := bodyChild(t, checkEnvelope(t, req.Body, nsEnv11))
		diff(t, "request", []string{
			`times={Updated="2024-05-17T08:30:15.1234567+02:00" Deleted=nil Created="2020-01-02T03:04:05Z" ` +
				`Birthday="1990-07-15" Alarm="06:30:00.5" Timeout="PT1H30M1.5S" History="2024-01-01T00:00:00"}`,
			`at="2024-05-17T06:30:15Z"`,
		}, op.childForms())
		checkGolden(t, "datetime", "EchoTimes.request.xml", req.Body)

		want := &datetime.Times{
			Updated:  wireDateTime("2024-06-30T23:59:60Z"),
			Created:  mustDateTime(t, "2001-01-01T00:00:00.0000001-00:00"),
			Birthday: mustDate(t, "1990-07-15+02:00"),
			Alarm:    mustTimeOfDay(t, "06:30:00"),
			Timeout:  mustDuration(t, "PT90M"),
			History:  []soap.DateTime{mustDateTime(t, "2024-01-01T00:00:00"), mustDateTime(t, "2024-01-01T00:00:00Z")},
			Presence: presence(map[string]soap.State{"Deleted": soap.Nil}),
		}
		diff(t, "EchoTimes", want, got)
		if _, err := got.Updated.Time(); err == nil {
			t.Error("Time() of the leap second 23:59:60 did not report the invalid value")
		}
	})

	t.Run("zero dates are sent: .NET's DateTime.MinValue for a dateTime", func(t *testing.T) {
		tree := parseTree(t, mustMarshal(t, &datetime.Times{}, dn("Times")))
		diff(t, "forms", []string{
			`Updated="0001-01-01T00:00:00"`, `Deleted="0001-01-01T00:00:00"`, `Created="0001-01-01T00:00:00"`,
			`Birthday="0001-01-01"`, `Alarm="00:00:00"`, `Timeout="PT0S"`,
		}, tree.childForms())
	})

	// Each text is decoded and encoded again; it must come back exactly as it was.
	for _, tc := range []struct {
		field string
		texts []string
	}{
		{"Updated", []string{
			"2024-02-29T23:59:59Z",
			"2024-02-29T23:59:59.1234567+05:30",
			"2024-02-29T23:59:59",
			"2024-02-29T23:59:59.5-14:00",
			"2024-02-29T23:59:59.000000000001+14:00",
			"2024-12-31T24:00:00Z",
			"0001-01-01T00:00:00",
			"9999-12-31T23:59:59.9999999",
			"-0044-03-15T12:00:00Z",
			"12345-01-01T00:00:00Z",
			"2024-01-01T00:00:00+00:00",
			"2024-01-01T00:00:00-00:00",
		}},
		{"Birthday", []string{"2024-02-29", "2024-02-29Z", "2024-02-29+01:00", "2024-02-29-13:59", "0001-01-01", "-0001-12-31", "20240-01-01"}},
		{"Alarm", []string{"00:00:00", "23:59:59.9999999", "24:00:00", "12:00:00Z", "12:00:00-08:00", "13:20:00.000"}},
		{"Timeout", []string{"P1Y2M3DT4H5M6.7S", "-PT0.5S", "PT0S", "P0D", "P10675199DT2H48M5.4775807S", "-P10675199DT2H48M5.4775808S", "PT36H", "P0.5Y"}},
		{"History", []string{"2024-01-01T00:00:00Z", "2024-01-01T01:00:00+01:00"}},
	} {
		for _, text := range tc.texts {
			t.Run(tc.field+" "+text+" is sent back as it came", func(t *testing.T) {
				// Created is required: give it a value so that only the field under test varies.
				// The elements are in schema order: Updated comes before Created, the others after.
				elem := `<` + tc.field + `>` + text + `</` + tc.field + `>`
				if tc.field == "History" {
					elem += elem
				}
				const created = `<Created>2000-01-01T00:00:00Z</Created>`
				doc := []byte(`<Times xmlns="` + nsDatetime + `">` + created + elem + `</Times>`)
				if tc.field == "Updated" {
					doc = []byte(`<Times xmlns="` + nsDatetime + `">` + elem + created + `</Times>`)
				}
				var v datetime.Times
				if err := decodeXML(doc, &v, datetimeTypes); err != nil {
					t.Fatal(err)
				}
				again := parseTree(t, mustMarshal(t, &v, dn("Times")))
				var got []string
				for _, c := range again.Children {
					if c.Name.Local == tc.field {
						got = append(got, c.Text)
					}
				}
				want := []string{text}
				if tc.field == "History" {
					want = []string{text, text}
				}
				diff(t, "text sent back", want, got)
				diff(t, "document", parseTree(t, doc), again, ignoreTypeText)
			})
		}
	}

	t.Run("values convert to the instant they denote", func(t *testing.T) {
		for _, tc := range []struct {
			text string
			want time.Time
		}{
			{"2024-12-31T24:00:00Z", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)},
			{"2024-02-29T23:59:59.1234567+05:30", time.Date(2024, 2, 29, 18, 29, 59, 123456700, time.UTC)},
			{"2024-02-29T23:59:59", time.Date(2024, 2, 29, 23, 59, 59, 0, time.UTC)},
		} {
			got, err := mustDateTime(t, tc.text).Time()
			if err != nil {
				t.Errorf("%s: %v", tc.text, err)
				continue
			}
			if !got.Equal(tc.want) {
				t.Errorf("%s: Time() = %v, want %v", tc.text, got, tc.want)
			}
		}
	})
}
