package wsse

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sogen-go/sogen/soap"
)

func parsed(t *testing.T, xmlText string) *soap.Element {
	t.Helper()
	el, err := soap.ParseElement([]byte(xmlText))
	if err != nil {
		t.Fatal(err)
	}
	return el
}

// header returns the Security block s writes at time at, with nonce n, parsed.
func header(t *testing.T, s *Security, at time.Time, n string) *soap.Element {
	t.Helper()
	s.Now = func() time.Time { return at }
	s.Rand = strings.NewReader(n)
	return parsed(t, encode(t, s))
}

func TestVerify(t *testing.T) {
	now := fixedCreated.Add(time.Minute)
	users := func(ctx context.Context, user string) (string, error) {
		if user == "NNK" {
			return fixedPassword, nil
		}
		return "", errors.New("no such user")
	}
	digest := func(at time.Time) *soap.Element {
		return header(t, &Security{UsernameToken: &UsernameToken{Username: "NNK", Password: fixedPassword, Digest: true}, Timestamp: &Timestamp{TTL: 5 * time.Minute}}, at, string(fixedNonce))
	}
	text := header(t, &Security{UsernameToken: &UsernameToken{Username: "NNK", Password: fixedPassword}}, fixedCreated, "")
	const ns = `xmlns:wsse="` + SecExtNamespace + `" xmlns:wsu="` + UtilityNamespace + `"`
	tests := []struct {
		name string
		v    Verifier
		sec  *soap.Element
		code string // "" for success
		msg  string
	}{
		{"digest", Verifier{Password: users}, digest(fixedCreated), "", ""},
		{"text", Verifier{Password: users}, text, "", ""},
		{"text refused", Verifier{Password: users, RequireDigest: true}, text, UnsupportedSecurityToken, "PasswordText"},
		{"timestamp only, no user check", Verifier{}, digest(fixedCreated), "", ""},
		{"no header, nothing required", Verifier{}, nil, "", ""},
		{"no header", Verifier{Password: users}, nil, InvalidSecurity, "no wsse:Security"},
		{"no timestamp", Verifier{Password: users, RequireTimestamp: true}, text, InvalidSecurity, "no Timestamp"},
		{"wrong password", Verifier{Password: func(context.Context, string) (string, error) { return "other", nil }}, digest(fixedCreated), FailedAuthentication, `wrong password for user "NNK"`},
		{"wrong password in clear", Verifier{Password: func(context.Context, string) (string, error) { return "other", nil }}, text, FailedAuthentication, "wrong password"},
		{"unknown user", Verifier{Password: users}, header(t, &Security{UsernameToken: &UsernameToken{Username: "eve", Password: "x", Digest: true}}, fixedCreated, string(fixedNonce)), FailedAuthentication, "no such user"},
		{"too old", Verifier{Password: users}, digest(now.Add(-7 * time.Minute)), MessageExpired, "more than 5m0s ago"},
		{"old, within a longer MaxAge", Verifier{Password: users, MaxAge: 10 * time.Minute}, header(t, &Security{UsernameToken: &UsernameToken{Username: "NNK", Password: fixedPassword, Digest: true}}, now.Add(-7*time.Minute), string(fixedNonce)), "", ""},
		{"in the future", Verifier{Password: users}, digest(now.Add(2 * time.Minute)), MessageExpired, "in the future"},
		{"within the clock skew", Verifier{Password: users}, digest(now.Add(30 * time.Second)), "", ""},
		{"expired timestamp", Verifier{MaxAge: time.Hour}, header(t, &Security{Timestamp: &Timestamp{TTL: 10 * time.Second}}, now.Add(-5*time.Minute), ""), MessageExpired, "expired at"},
		{"expires before created", Verifier{}, parsed(t, `<wsse:Security `+ns+`><wsu:Timestamp><wsu:Created>2003-07-16T01:24:32Z</wsu:Created><wsu:Expires>2003-07-16T01:20:00Z</wsu:Expires></wsu:Timestamp></wsse:Security>`), InvalidSecurity, "before it was created"},
		{"two timestamps", Verifier{}, parsed(t, `<wsse:Security `+ns+`><wsu:Timestamp><wsu:Created>2003-07-16T01:24:32Z</wsu:Created></wsu:Timestamp><wsu:Timestamp><wsu:Created>2003-07-16T01:24:32Z</wsu:Created></wsu:Timestamp></wsse:Security>`), InvalidSecurity, "more than one Timestamp"},
		{"timestamp without Created", Verifier{}, parsed(t, `<wsse:Security `+ns+`><wsu:Timestamp><wsu:Expires>2003-07-16T01:24:32Z</wsu:Expires></wsu:Timestamp></wsse:Security>`), InvalidSecurity, "one Created"},
		{"time without zone", Verifier{}, parsed(t, `<wsse:Security `+ns+`><wsu:Timestamp><wsu:Created>2003-07-16T01:24:32</wsu:Created></wsu:Timestamp></wsse:Security>`), InvalidSecurity, "not an xs:dateTime with a time zone"},
		{"digest without nonce", Verifier{Password: users}, parsed(t, `<wsse:Security `+ns+`><wsse:UsernameToken><wsse:Username>NNK</wsse:Username><wsse:Password Type="`+PasswordDigest+`">x</wsse:Password><wsu:Created>2003-07-16T01:24:32Z</wsu:Created></wsse:UsernameToken></wsse:Security>`), InvalidSecurityToken, "needs a Nonce and a Created"},
		{"nonce not Base64", Verifier{Password: users}, parsed(t, `<wsse:Security `+ns+`><wsse:UsernameToken><wsse:Username>NNK</wsse:Username><wsse:Nonce>*</wsse:Nonce></wsse:UsernameToken></wsse:Security>`), InvalidSecurityToken, "not Base64"},
		{"nonce of another encoding", Verifier{Password: users}, parsed(t, `<wsse:Security `+ns+`><wsse:UsernameToken><wsse:Username>NNK</wsse:Username><wsse:Nonce EncodingType="urn:hex">00</wsse:Nonce></wsse:UsernameToken></wsse:Security>`), UnsupportedSecurityToken, "EncodingType"},
		{"unknown password type", Verifier{Password: users}, parsed(t, `<wsse:Security `+ns+`><wsse:UsernameToken><wsse:Username>NNK</wsse:Username><wsse:Password Type="urn:x">x</wsse:Password></wsse:UsernameToken></wsse:Security>`), UnsupportedSecurityToken, `"urn:x"`},
		{"password Type absent means text", Verifier{Password: users}, parsed(t, `<wsse:Security `+ns+`><wsse:UsernameToken><wsse:Username> NNK </wsse:Username><wsse:Password>`+fixedPassword+`</wsse:Password></wsse:UsernameToken></wsse:Security>`), "", ""},
		{"no password", Verifier{Password: users}, parsed(t, `<wsse:Security `+ns+`><wsse:UsernameToken><wsse:Username>NNK</wsse:Username></wsse:UsernameToken></wsse:Security>`), FailedAuthentication, "no Password"},
		{"no username", Verifier{Password: users}, parsed(t, `<wsse:Security `+ns+`><wsse:UsernameToken><wsse:Password>x</wsse:Password></wsse:UsernameToken></wsse:Security>`), InvalidSecurityToken, "no Username"},
		{"two usernames", Verifier{Password: users}, parsed(t, `<wsse:Security `+ns+`><wsse:UsernameToken><wsse:Username>a</wsse:Username><wsse:Username>b</wsse:Username></wsse:UsernameToken></wsse:Security>`), InvalidSecurityToken, "more than one Username"},
		{"no token", Verifier{Password: users}, header(t, &Security{Timestamp: &Timestamp{}}, fixedCreated, ""), InvalidSecurity, "no UsernameToken"},
		{"not a Security element", Verifier{}, parsed(t, `<Security/>`), InvalidSecurity, "not a wsse:Security"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := tt.v
			v.Now = func() time.Time { return now }
			h, err := v.Verify(context.Background(), tt.sec)
			if tt.code == "" {
				if err != nil || h == nil {
					t.Fatalf("Verify: %v", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Code != tt.code || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("error %v, want code %s and %q", err, tt.code, tt.msg)
			}
			if e.FaultCode().Space != SecExtNamespace || e.FaultCode().Local != tt.code {
				t.Errorf("FaultCode %v", e.FaultCode())
			}
		})
	}
}

func TestVerifyReplay(t *testing.T) {
	clock := fixedCreated
	cache := &MemoryNonceCache{Max: 2, Now: func() time.Time { return clock }}
	v := &Verifier{Password: func(context.Context, string) (string, error) { return fixedPassword, nil }, Nonces: cache, Now: func() time.Time { return clock }}
	token := func(nonce string) *soap.Element {
		return header(t, &Security{UsernameToken: &UsernameToken{Username: "NNK", Password: fixedPassword, Digest: true}}, clock, nonce)
	}
	a, b, c := token("aaaaaaaaaaaaaaaa"), token("bbbbbbbbbbbbbbbb"), token("cccccccccccccccc")
	for _, sec := range []*soap.Element{a, b} {
		if _, err := v.Verify(context.Background(), sec); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := v.Verify(context.Background(), a); !isCode(err, FailedAuthentication) {
		t.Errorf("replay: %v", err)
	}
	// Full of live nonces: refused rather than forgetting one.
	if _, err := v.Verify(context.Background(), c); !errors.Is(err, ErrNonceCacheFull) {
		t.Errorf("full cache: %v", err)
	}
	// Once they have expired (their token could no longer pass), there is room again, and the
	// replayed token is refused as too old anyway.
	clock = clock.Add(7*time.Minute + time.Second)
	if _, err := v.Verify(context.Background(), token("dddddddddddddddd")); err != nil {
		t.Errorf("after expiry: %v", err)
	}
	if _, err := v.Verify(context.Background(), a); !isCode(err, MessageExpired) {
		t.Errorf("old replay: %v", err)
	}
}

func TestFind(t *testing.T) {
	sec := parsed(t, `<wsse:Security xmlns:wsse="`+SecExtNamespace+`"/>`)
	if Find([]*soap.Element{nil, parsed(t, `<x/>`), sec}) != sec || Find(nil) != nil {
		t.Error("Find")
	}
}
