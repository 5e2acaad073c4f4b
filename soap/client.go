package soap

import (
	"encoding/xml"
	"net/http"
)

// DefaultMaxResponseSize is the reply size, in bytes, a Client accepts unless MaxResponseSize says
// otherwise.
const DefaultMaxResponseSize = 32 << 20

// Client sends SOAP requests over HTTP (SOAP 1.1 section 6; SOAP 1.2 Part 2 section 7). The zero value
// is ready to use; a Client is safe for concurrent use.
type Client struct {
	// HTTPClient sends the requests; nil means http.DefaultClient, except that a redirect that would
	// send the request body (a 307 or 308) to another scheme, host or port is refused: the body
	// carries the request's credentials. A client of your own keeps its redirect policy.
	HTTPClient *http.Client
	// MaxResponseSize limits the length of a reply body, in bytes; 0 (or less) means
	// DefaultMaxResponseSize. A longer reply is an error wrapping ErrResponseTooLarge.
	MaxResponseSize int64
	// HeaderBlocks are sent with every request, after the header blocks the binding declares (which
	// a generated client sends) and before those given with WithHeaderBlock: a WS-Security header
	// (package soap/wsse), a tracing block. Set them before the Client is shared.
	HeaderBlocks []HeaderBlock
	// UnderstoodHeaders names the reply header blocks your code handles beyond those the generated
	// response header struct declares (reading them with WithUnknownResponseHeaders): a block
	// marked mustUnderstand that is neither is refused with a *MustUnderstandError, as SOAP requires.
	UnderstoodHeaders []xml.Name
	// Observer, if not nil, sees every call: operation, endpoint, HTTP status, duration, request and
	// reply, error, with the secrets redacted (see Observer).
	Observer *Observer
}
