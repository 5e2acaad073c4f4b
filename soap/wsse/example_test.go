package wsse_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/wsse"
)

// A Security header with a password digest, written with a fixed clock and nonce so that the output
// does not change (leave Now and Rand nil in real use), then checked as a server would check it.
func ExampleSecurity() {
	created := time.Date(2003, 7, 16, 1, 24, 32, 0, time.UTC)
	sec := &wsse.Security{
		UsernameToken: &wsse.UsernameToken{Username: "NNK", Password: "secret", Digest: true},
		Now:           func() time.Time { return created },
		Rand:          strings.NewReader("0123456789abcdef"),
	}
	b, err := sec.Marshal()
	if err != nil {
		panic(err)
	}
	fmt.Println(strings.NewReplacer("><", ">\n<").Replace(string(b)))

	el, _ := soap.ParseElement(b)
	v := &wsse.Verifier{
		Password: func(ctx context.Context, user string) (string, error) { return "secret", nil },
		Now:      func() time.Time { return created.Add(time.Minute) },
	}
	h, err := v.Verify(context.Background(), el)
	fmt.Println(h.UsernameToken.Username, err)
	// Output:
	// <wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">
	// <wsse:UsernameToken>
	// <wsse:Username>NNK</wsse:Username>
	// <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">mTx9007khTx1q7SDc0tqcPdcqMI=</wsse:Password>
	// <wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">MDEyMzQ1Njc4OWFiY2RlZg==</wsse:Nonce>
	// <wsu:Created>2003-07-16T01:24:32Z</wsu:Created>
	// </wsse:UsernameToken>
	// </wsse:Security>
	// NNK <nil>
}
