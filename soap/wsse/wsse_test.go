package wsse

import (
	"bytes"
	"context"
	"crypto/sha1"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/sogen-go/sogen/internal/soaptest"
	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/soapimpl"
)

// The fixed inputs of the tests: the user of the profile's own example, a created time of the
// profile's example, and a nonce of 16 ASCII bytes (zeep takes its nonce as a string).
var (
	fixedCreated = time.Date(2003, 7, 16, 1, 24, 32, 0, time.UTC)
	fixedNonce   = []byte("0123456789abcdef")
)

const fixedPassword = "secret pässword"

func fixed(s *Security) *Security {
	s.Now = func() time.Time { return fixedCreated }
	s.Rand = bytes.NewReader(bytes.Repeat(fixedNonce, 16))
	return s
}

// encode writes s as the header block would be, and returns it.
func encode(t *testing.T, s *Security) string {
	t.Helper()
	b, err := s.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDigest(t *testing.T) {
	// Computed independently: SHA-1 over the concatenated octets, then Base64.
	sum := sha1.Sum([]byte("0123456789abcdef" + "2003-07-16T01:24:32Z" + fixedPassword))
	want := base64.StdEncoding.EncodeToString(sum[:])
	if got := Digest(fixedNonce, "2003-07-16T01:24:32Z", fixedPassword); got != want {
		t.Errorf("Digest = %s, want %s", got, want)
	}
	// The value zeep 4.2.1 computes for these inputs (TestAgainstZeep checks it live).
	if want != "gFy+e/5L9MoUVDf5wQWwLZmIEt0=" {
		t.Errorf("digest %s", want)
	}
}

func TestSecurityOutput(t *testing.T) {
	tests := []struct {
		name string
		sec  *Security
		want string
	}{
		{"PasswordDigest", &Security{UsernameToken: &UsernameToken{Username: "NNK", Password: fixedPassword, Digest: true}},
			`<wsse:Security xmlns:wsse="` + SecExtNamespace + `" xmlns:wsu="` + UtilityNamespace + `"><wsse:UsernameToken><wsse:Username>NNK</wsse:Username>` +
				`<wsse:Password Type="` + PasswordDigest + `">gFy+e/5L9MoUVDf5wQWwLZmIEt0=</wsse:Password>` +
				`<wsse:Nonce EncodingType="` + Base64Binary + `">MDEyMzQ1Njc4OWFiY2RlZg==</wsse:Nonce>` +
				`<wsu:Created>2003-07-16T01:24:32Z</wsu:Created></wsse:UsernameToken></wsse:Security>`},
		{"PasswordText", &Security{UsernameToken: &UsernameToken{Username: "NNK", Password: fixedPassword}},
			`<wsse:Security xmlns:wsse="` + SecExtNamespace + `" xmlns:wsu="` + UtilityNamespace + `"><wsse:UsernameToken><wsse:Username>NNK</wsse:Username>` +
				`<wsse:Password Type="` + PasswordText + `">secret pässword</wsse:Password></wsse:UsernameToken></wsse:Security>`},
		{"PasswordText with nonce, ids and a timestamp", &Security{
			UsernameToken: &UsernameToken{Username: "NNK", Password: "p&<", Nonce: true, ID: "UT-1"},
			Timestamp:     &Timestamp{TTL: 5 * time.Minute, ID: "TS-1"}},
			`<wsse:Security xmlns:wsse="` + SecExtNamespace + `" xmlns:wsu="` + UtilityNamespace + `">` +
				`<wsu:Timestamp wsu:Id="TS-1"><wsu:Created>2003-07-16T01:24:32Z</wsu:Created><wsu:Expires>2003-07-16T01:29:32Z</wsu:Expires></wsu:Timestamp>` +
				`<wsse:UsernameToken wsu:Id="UT-1"><wsse:Username>NNK</wsse:Username>` +
				`<wsse:Password Type="` + PasswordText + `">p&amp;&lt;</wsse:Password>` +
				`<wsse:Nonce EncodingType="` + Base64Binary + `">MDEyMzQ1Njc4OWFiY2RlZg==</wsse:Nonce>` +
				`<wsu:Created>2003-07-16T01:24:32Z</wsu:Created></wsse:UsernameToken></wsse:Security>`},
		{"user name only", &Security{UsernameToken: &UsernameToken{Username: "NNK"}},
			`<wsse:Security xmlns:wsse="` + SecExtNamespace + `" xmlns:wsu="` + UtilityNamespace + `"><wsse:UsernameToken><wsse:Username>NNK</wsse:Username></wsse:UsernameToken></wsse:Security>`},
		{"timestamp only", &Security{Timestamp: &Timestamp{}},
			`<wsse:Security xmlns:wsse="` + SecExtNamespace + `" xmlns:wsu="` + UtilityNamespace + `"><wsu:Timestamp><wsu:Created>2003-07-16T01:24:32Z</wsu:Created></wsu:Timestamp></wsse:Security>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, encode(t, fixed(tt.sec))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	for _, bad := range []struct {
		sec  *Security
		want string
	}{
		{&Security{}, "wsse: the Security has neither UsernameToken nor Timestamp"},
		{&Security{UsernameToken: &UsernameToken{Password: "x"}}, "wsse: UsernameToken.Username is empty"},
		{&Security{UsernameToken: &UsernameToken{Username: "u", Digest: true}, Rand: strings.NewReader("short")}, "wsse: reading a nonce: unexpected EOF"},
	} {
		if _, err := bad.sec.Marshal(); err == nil || err.Error() != bad.want {
			t.Errorf("error %v, want %s", err, bad.want)
		}
	}
}

func TestFormatTime(t *testing.T) {
	for in, want := range map[time.Time]string{
		fixedCreated:                                                   "2003-07-16T01:24:32Z",
		fixedCreated.Add(500 * time.Millisecond):                       "2003-07-16T01:24:32.5Z",
		fixedCreated.Add(123456789 * time.Nanosecond):                  "2003-07-16T01:24:32.123Z",
		fixedCreated.In(time.FixedZone("CEST", 2*3600)):                "2003-07-16T01:24:32Z",
		time.Date(2003, 7, 16, 3, 24, 32, 0, time.FixedZone("", 7200)): "2003-07-16T01:24:32Z",
	} {
		if got := FormatTime(in); got != want {
			t.Errorf("FormatTime(%v) = %s, want %s", in, got, want)
		}
	}
}

// TestSpecExample checks the names, attributes and URIs against the PasswordDigest example of the
// UsernameToken Profile (1.0 section 3.1, 1.1 section 3.1), which gives the element structure:
//
//	<wsse:UsernameToken>
//	  <wsse:Username>NNK</wsse:Username>
//	  <wsse:Password Type="...#PasswordDigest">weYI3nXd8LjMNVksCKFV8t3rgHh3Rw==</wsse:Password>
//	  <wsse:Nonce>WScqanjCEAC4mQoBE07sAQ==</wsse:Nonce>
//	  <wsu:Created>2003-07-16T01:24:32Z</wsu:Created>
//	</wsse:UsernameToken>
//
// (The example's digest is not a SHA-1 value, 22 bytes rather than 20, and its password is not given:
// the digest is checked by TestDigest and TestAgainstZeep instead.)
func TestSpecExample(t *testing.T) {
	s := fixed(&Security{UsernameToken: &UsernameToken{Username: "NNK", Password: "x", Digest: true}})
	s.Rand = bytes.NewReader(mustBase64(t, "WScqanjCEAC4mQoBE07sAQ=="))
	el, err := soap.ParseElement([]byte(encode(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	h, err := Parse(el)
	if err != nil {
		t.Fatal(err)
	}
	want := &ReceivedToken{Username: "NNK", Password: Digest(mustBase64(t, "WScqanjCEAC4mQoBE07sAQ=="), "2003-07-16T01:24:32Z", "x"), HasPassword: true,
		PasswordType: "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest",
		Nonce:        mustBase64(t, "WScqanjCEAC4mQoBE07sAQ=="), Created: "2003-07-16T01:24:32Z"}
	if diff := cmp.Diff(want, h.UsernameToken); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if el.Name.Space != "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" {
		t.Errorf("namespace %s", el.Name.Space)
	}
}

func mustBase64(t *testing.T, s string) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// zeepScript prints the wsse:Security header zeep writes for the arguments: use_digest (0 or 1),
// username, password, nonce, and created as seconds since the epoch.
const zeepScript = `
import sys, datetime
from lxml import etree
from zeep.wsse.username import UsernameToken
use_digest, username, password, nonce, created = sys.argv[1] == "1", sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
env = etree.fromstring(b'<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body/></e:Envelope>')
tok = UsernameToken(username, password, use_digest=use_digest, nonce=nonce,
                    created=datetime.datetime.utcfromtimestamp(created), zulu_timestamp=True)
tok.apply(env, {})
sec = env.find('.//{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd}Security')
sys.stdout.write(etree.tostring(sec).decode())
`

// TestAgainstZeep compares the Security header with the one zeep's UsernameToken writes for the
// same user, password, nonce and time, both parsed: the same elements, attributes and texts
// (prefixes and namespace declarations aside). CI installs python3-zeep and sets
// SOGEN_REQUIRE_ZEEP=1, so that it runs there.
func TestAgainstZeep(t *testing.T) {
	py := soaptest.ZeepPython(t)
	for _, tc := range []struct {
		digest         bool
		user, password string
		nonce          string
		created        time.Time
	}{
		{true, "NNK", fixedPassword, string(fixedNonce), fixedCreated},
		{true, "alice@example.com", "p&ss<wörd> \"'", "nonce-of-16-byte", time.Date(2025, 12, 31, 23, 59, 59, 0, time.UTC)},
		{false, "NNK", fixedPassword, string(fixedNonce), fixedCreated},
	} {
		out, err := exec.Command(py, "-c", zeepScript, map[bool]string{true: "1", false: "0"}[tc.digest],
			tc.user, tc.password, tc.nonce, strconv.FormatInt(tc.created.Unix(), 10)).CombinedOutput()
		if err != nil {
			t.Fatalf("zeep: %v\n%s", err, out)
		}
		theirs, err := soap.ParseElement(out)
		if err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		s := &Security{UsernameToken: &UsernameToken{Username: tc.user, Password: tc.password, Digest: tc.digest},
			Now: func() time.Time { return tc.created }, Rand: strings.NewReader(tc.nonce)}
		ours, err := soap.ParseElement([]byte(encode(t, s)))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(normalize(theirs), normalize(ours)); diff != "" {
			t.Errorf("digest %v: zeep (-) and wsse (+) differ:\n%s\nzeep: %s", tc.digest, diff, out)
		}
	}
}

// normalize returns el without text made only of white space.
func normalize(el *soap.Element) *soap.Element {
	out := &soap.Element{Name: el.Name, Type: el.Type, Attr: el.Attr}
	for _, n := range el.Content {
		switch {
		case n.Element != nil:
			out.Content = append(out.Content, soap.Node{Element: normalize(n.Element)})
		case strings.TrimSpace(n.Text) != "":
			out.Content = append(out.Content, n)
		}
	}
	return out
}

// TestThroughClient sends the header with a soap.Client: mustUnderstand as the binding's version
// writes it, a fresh nonce and time for each request, the password kept out of what an Observer sees.
func TestThroughClient(t *testing.T) {
	var mu sync.Mutex
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		mu.Unlock()
		w.Header().Set("Content-Type", "text/xml")
		io.WriteString(w, `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Pong/></s:Body></s:Envelope>`)
	}))
	defer srv.Close()
	clock := fixedCreated
	var seen []string
	c := &soap.Client{
		HeaderBlocks: []soap.HeaderBlock{{
			Value: &Security{
				UsernameToken: &UsernameToken{Username: "alice", Password: fixedPassword, Digest: true},
				Timestamp:     &Timestamp{TTL: time.Minute},
				Now:           func() time.Time { clock = clock.Add(time.Second); return clock },
			},
			MustUnderstand: true,
		}},
		Observer: &soap.Observer{Done: func(ctx context.Context, x *soap.Exchange) { seen = append(seen, string(x.Request())) }},
	}
	op := &soapimpl.Operation{Name: "Ping", Version: soap.V11, Request: xml.Name{Local: "Ping"}, Response: xml.Name{Local: "Pong"}}
	verifier := &Verifier{
		Password: func(ctx context.Context, user string) (string, error) {
			if user != "alice" {
				return "", errors.New("unknown user")
			}
			return fixedPassword, nil
		},
		RequireDigest: true, RequireTimestamp: true, Nonces: &MemoryNonceCache{Now: func() time.Time { return clock }},
		Now: func() time.Time { return clock },
	}
	var nonces []string
	for range 2 {
		if err := soapimpl.Invoke(context.Background(), c, op, &soapimpl.Call{Endpoint: srv.URL}, nil); err != nil {
			t.Fatal(err)
		}
		body := bodies[len(bodies)-1]
		if !strings.Contains(body, `<wsse:Security xmlns:wsse="`+SecExtNamespace+`" xmlns:wsu="`+UtilityNamespace+`" soap:mustUnderstand="1">`) {
			t.Errorf("request %s", body)
		}
		sec := securityOf(t, body)
		h, err := verifier.Verify(context.Background(), sec)
		if err != nil {
			t.Fatalf("Verify: %v\n%s", err, body)
		}
		nonces = append(nonces, base64.StdEncoding.EncodeToString(h.UsernameToken.Nonce))
		// The same header again is a replay.
		if _, err := verifier.Verify(context.Background(), sec); !isCode(err, FailedAuthentication) || !strings.Contains(err.Error(), "replay") {
			t.Errorf("replayed header: %v", err)
		}
	}
	if nonces[0] == nonces[1] {
		t.Errorf("the same nonce was sent twice: %s", nonces[0])
	}
	for _, req := range seen {
		if !strings.Contains(req, `<wsse:Password Type="`+PasswordDigest+`">`+soap.Redacted+`</wsse:Password>`) {
			t.Errorf("the Observer saw %s", req)
		}
	}
}

// securityOf returns the wsse:Security block of a request envelope.
func securityOf(t *testing.T, envelope string) *soap.Element {
	t.Helper()
	env, err := soap.ParseElement([]byte(envelope))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range env.Content {
		if n.Element != nil && n.Element.Name.Local == "Header" {
			for _, c := range n.Element.Content {
				if c.Element != nil {
					if sec := Find([]*soap.Element{c.Element}); sec != nil {
						return sec
					}
				}
			}
		}
	}
	t.Fatalf("no Security header in %s", envelope)
	return nil
}

func isCode(err error, code string) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == code
}
