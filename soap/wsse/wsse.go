// Package wsse sends and checks the WS-Security header of the OASIS Web Services Security
// specifications: the UsernameToken profile (a user name with its password in clear, PasswordText,
// or as a digest, PasswordDigest, with a nonce and a creation time) and a Timestamp (creation and
// expiry times), in a wsse:Security header block.
//
// Sending: add a Security to a soap.Client (or to one call with soap.WithHeaderBlock). It is
// written afresh for each request, with a new nonce and the current time:
//
//	client := &soap.Client{HeaderBlocks: []soap.HeaderBlock{{
//		Value: &wsse.Security{
//			UsernameToken: &wsse.UsernameToken{Username: "alice", Password: pw, Digest: true},
//			Timestamp:     &wsse.Timestamp{TTL: 5 * time.Minute},
//		},
//		MustUnderstand: true,
//	}}}
//
// Checking (a server, or a client checking a reply's Timestamp): Verifier.Verify takes the
// wsse:Security block as a *soap.Element.
//
// What is written follows the OASIS Web Services Security UsernameToken Profile 1.0 and 1.1 and SOAP
// Message Security 1.0/1.1 (namespaces of the 2004/01 release, which 1.1 keeps): the digest is
// Base64(SHA-1(nonce + created + password)) over the nonce's decoded bytes, the wsu:Created text as
// written and the password in UTF-8; the nonce is 16 random bytes in Base64 with its EncodingType;
// times are UTC, written with "Z" and at most millisecond precision (WS-I Basic Security Profile
// R3217, R3220). The output matches that of zeep's zeep.wsse.username.UsernameToken (with
// zulu_timestamp) for the same inputs.
//
// X.509 certificate tokens and XML signatures and encryption are not supported (yet).
package wsse

import (
	"bytes"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"io"
	"time"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/internal/xmlw"
)

// The namespaces and URIs of the OASIS WS-Security 1.0 specifications (the 2004/01 release, which
// WS-Security 1.1 keeps for these elements).
const (
	// SecExtNamespace is the namespace of wsse:Security and the UsernameToken elements.
	SecExtNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
	// UtilityNamespace is the namespace of wsu:Timestamp, wsu:Created, wsu:Expires and wsu:Id.
	UtilityNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
	// PasswordText is the Type of a password sent in clear (the default when Type is absent).
	PasswordText = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText"
	// PasswordDigest is the Type of a password sent as Base64(SHA-1(nonce + created + password)).
	PasswordDigest = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest"
	// Base64Binary is the EncodingType of a Base64 nonce (the default when EncodingType is absent).
	Base64Binary = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary"
)

// SecurityName is the name of the wsse:Security header block: list it in
// soap.Client.UnderstoodHeaders for a client that checks the Security header of replies.
var SecurityName = xml.Name{Space: SecExtNamespace, Local: "Security"}

// NonceSize is the length in bytes of the nonces Security sends.
const NonceSize = 16

// Security is the wsse:Security header block. Set it as the Value of a soap.HeaderBlock; it names
// its element itself. Each request gets a fresh nonce and the time of the request. A Security is
// not modified by being sent: one may be shared by concurrent calls.
type Security struct {
	// UsernameToken, if not nil, is sent.
	UsernameToken *UsernameToken
	// Timestamp, if not nil, is sent, before the UsernameToken.
	Timestamp *Timestamp
	// Now returns the current time; nil means time.Now. Set it in tests for fixed output.
	Now func() time.Time
	// Rand is where nonces are read from; nil means crypto/rand. Set it in tests for fixed output.
	Rand io.Reader
}

// UsernameToken is the wsse:UsernameToken of the UsernameToken profile.
type UsernameToken struct {
	// Username is the user's name; it must not be empty.
	Username string
	// Password is the password, sent in clear (PasswordText) or as a digest (Digest). When it is
	// empty and Digest is false, no Password element is sent (a token naming the user only).
	Password string
	// Digest sends the password as Base64(SHA-1(nonce + created + password)), with the nonce and the
	// creation time; without it, the password is sent in clear, which only a TLS connection
	// protects.
	Digest bool
	// Nonce sends a nonce and a creation time with a password in clear too (the profile allows it,
	// and some servers require it against replays). A digest always has them.
	Nonce bool
	// ID, if not empty, is written as the token's wsu:Id.
	ID string
}

// Timestamp is the wsu:Timestamp of SOAP Message Security section 10: when the message was created
// and, optionally, when it expires.
type Timestamp struct {
	// TTL is how long after its creation the message expires, written as wsu:Expires; 0 sends no
	// Expires.
	TTL time.Duration
	// ID, if not empty, is written as the timestamp's wsu:Id.
	ID string
}

// WriteSOAPHeader writes the header block: name, or wsse:Security when it is zero, holding the
// Timestamp then the UsernameToken. An empty Username, a Security with neither, or a failure to
// read a nonce is the writer's error. A soap.Client calls it for each request.
func (s *Security) WriteSOAPHeader(w xmlw.Writer, name xml.Name) {
	if s.UsernameToken == nil && s.Timestamp == nil {
		w.SetError(errors.New("wsse: the Security has neither UsernameToken nor Timestamp"))
		return
	}
	if s.UsernameToken != nil && s.UsernameToken.Username == "" {
		w.SetError(errors.New("wsse: UsernameToken.Username is empty"))
		return
	}
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	created := now()
	var nonce []byte
	if u := s.UsernameToken; u != nil && (u.Digest || u.Nonce) {
		nonce = make([]byte, NonceSize)
		var err error
		if s.Rand != nil {
			_, err = io.ReadFull(s.Rand, nonce)
		} else {
			_, err = rand.Read(nonce)
		}
		if err != nil {
			w.SetError(errors.New("wsse: reading a nonce: " + err.Error()))
			return
		}
	}
	if name == (xml.Name{}) {
		name = SecurityName
	}
	w.Bind("wsse", SecExtNamespace)
	w.Bind("wsu", UtilityNamespace)
	w.StartElement(name)
	if t := s.Timestamp; t != nil {
		w.StartElement(xml.Name{Space: UtilityNamespace, Local: "Timestamp"})
		if t.ID != "" {
			w.Attr(idAttr, t.ID)
		}
		textElement(w, xml.Name{Space: UtilityNamespace, Local: "Created"}, FormatTime(created))
		if t.TTL > 0 {
			textElement(w, xml.Name{Space: UtilityNamespace, Local: "Expires"}, FormatTime(created.Add(t.TTL)))
		}
		w.EndElement()
	}
	if u := s.UsernameToken; u != nil {
		u.write(w, nonce, FormatTime(created))
	}
	w.EndElement()
}

// Marshal returns the header block as a request would carry it now (with a fresh nonce and the
// current time), written alone: for a log or a test. The request writes it itself.
func (s *Security) Marshal() ([]byte, error) {
	var b xmlw.Buffer
	s.WriteSOAPHeader(&b, xml.Name{})
	return b.Bytes()
}

// textElement writes <name>text</name>.
func textElement(w xmlw.Writer, name xml.Name, text string) {
	w.StartElement(name)
	w.Text(text)
	w.EndElement()
}

// idAttr is wsu:Id.
var idAttr = xml.Name{Space: UtilityNamespace, Local: "Id"}

// write writes the token, with nonce and created when nonce is not nil.
func (u *UsernameToken) write(e xmlw.Writer, nonce []byte, created string) {
	e.StartElement(xml.Name{Space: SecExtNamespace, Local: "UsernameToken"})
	if u.ID != "" {
		e.Attr(idAttr, u.ID)
	}
	textElement(e, xml.Name{Space: SecExtNamespace, Local: "Username"}, u.Username)
	if u.Digest || u.Password != "" {
		e.StartElement(xml.Name{Space: SecExtNamespace, Local: "Password"})
		if u.Digest {
			e.Attr(xml.Name{Local: "Type"}, PasswordDigest)
			e.Text(Digest(nonce, created, u.Password))
		} else {
			e.Attr(xml.Name{Local: "Type"}, PasswordText)
			e.Text(u.Password)
		}
		e.EndElement()
	}
	if nonce != nil {
		e.StartElement(xml.Name{Space: SecExtNamespace, Local: "Nonce"})
		e.Attr(xml.Name{Local: "EncodingType"}, Base64Binary)
		e.Text(base64.StdEncoding.EncodeToString(nonce))
		e.EndElement()
		textElement(e, xml.Name{Space: UtilityNamespace, Local: "Created"}, created)
	}
	e.EndElement()
}

// Digest returns the PasswordDigest of the UsernameToken profile (section 3.1 of version 1.1):
// Base64(SHA-1(nonce + created + password)), nonce being the nonce's decoded bytes, created the text
// of wsu:Created as written, and password in UTF-8. A nil nonce or empty created is left out of the
// concatenation, as the profile says of an absent Nonce or Created.
func Digest(nonce []byte, created, password string) string {
	h := sha1.New()
	h.Write(nonce)
	h.Write([]byte(created))
	h.Write([]byte(password))
	return base64.StdEncoding.EncodeToString(h.Sum(nil))
}

// FormatTime writes t as WS-Security times are written: an xs:dateTime in UTC ending in "Z", with
// the fraction of a second, to milliseconds, only when there is one ("2003-07-16T01:24:32Z",
// "2003-07-16T01:24:32.5Z").
func FormatTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.999Z")
}

// text returns the text content of el, its child elements left out.
func text(el *soap.Element) string {
	var b bytes.Buffer
	for _, n := range el.Content {
		if n.Element == nil {
			b.WriteString(n.Text)
		}
	}
	return b.String()
}
