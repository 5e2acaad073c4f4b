package services88

// This file is the generic half of the documented-example round trip. The corpus test in the sogen
// repository (services88_corpus_test.go) copies it, with a table of the operations (cases_test.go)
// written from the model, into a package generated from every Services88 WSDL of the corpus, and
// runs it there with go test. It is an internal test so that it can decode with the package's registry
// of types (xsi:type).

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/sogen-go/sogen/internal/soaptest"
	"github.com/sogen-go/sogen/soap"
	"github.com/sogen-go/sogen/soap/soapimpl"
)

// message is a generated request or response wrapper.
type message = soapimpl.Message

// header is a generated request or response header struct (written and read block by block through
// its table).
type header = soapimpl.Message

// exampleCase describes one operation: how to decode, re-encode and call it.
type exampleCase struct {
	// Name is "<port type>/<operation>", the example files' path without the suffix.
	Name    string
	Version soap.Version
	// ReqElem and RespElem are the body elements; New* make empty values to decode into (nil for
	// an empty body).
	ReqElem, RespElem     xml.Name
	NewReq, NewResp       func() message
	NewReqHdr, NewRespHdr func() header
	ReqHdrLen, RespHdrLen int
	Call                  func(ctx context.Context, c *soap.Client, req message, h, rh header) (any, error)
	Result                func(resp message) any
	// CallMessage calls the operation's message-level method (the agent's Messages view) with the
	// whole request, and returns the whole response (nil for an empty one); nil when the operation
	// has none (Call then passes and returns whole messages already).
	CallMessage func(ctx context.Context, c *soap.Client, req message, h, rh header) (message, error)
	// Failure returns the response header of a reply whose headers report a failure (Succeeded false,
	// an ExceptionInfo with the message "Ticket expired"); nil when the agent has no status contract.
	Failure func() header
}

// The reply-header status contract makes the exception an error, and the response headers check it.
var _ error = (*SoExceptionInfo)(nil)

// cmpOptions compares generated values: Presence (what the wire said about each element) included.
var cmpOptions = cmp.Options{cmp.Exporter(func(reflect.Type) bool { return true })}

func all(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// decodeEnvelope decodes a SOAP envelope strictly: every header block into h (none allowed when h is
// nil), the single body element, which must be named body, into v (an empty body when v is nil). It
// reports whether the envelope had a Header element. Strict means an element the generated types do
// not consume is an error: nothing is lost silently.
func decodeEnvelope(data []byte, version soap.Version, h header, body xml.Name, v message) (sawHeader bool, err error) {
	d := soapimpl.NewDecoder(append([]byte(nil), data...), registry)
	d.DisallowUnknown()
	if err := d.Root(); err != nil {
		return false, err
	}
	env := version.EnvelopeNamespace()
	if !d.Is(env, "Envelope") {
		return false, fmt.Errorf("root element %v", d.Name())
	}
	sawBody := false
	err = decodeEnvelopeChildren(d, env, h, body, v, &sawHeader, &sawBody)
	if err == nil && !sawBody {
		err = errors.New("no Body")
	}
	if err == nil {
		err = d.Finish()
	}
	return sawHeader, err
}

func decodeEnvelopeChildren(d *soapimpl.Decoder, env string, h header, body xml.Name, v message, sawHeader, sawBody *bool) error {
	for {
		ok, err := d.Child()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch {
		case d.Is(env, "Header"):
			*sawHeader = true
			for {
				ok, err := d.Child()
				if err != nil {
					return err
				}
				if !ok {
					break
				}
				known := false
				if h != nil {
					if known, err = h.SOAPType().DecodeHeader(d, h); err != nil {
						return err
					}
				}
				if !known {
					return fmt.Errorf("header block %v not consumed", d.Name())
				}
			}
		case d.Is(env, "Body"):
			*sawBody = true
			ok, err := d.Child()
			if err != nil {
				return err
			}
			if v == nil {
				if ok {
					return fmt.Errorf("body element %v in an empty body", d.Name())
				}
				continue
			}
			if !ok {
				return errors.New("empty Body")
			}
			if n := d.Name(); n != body {
				return fmt.Errorf("body element %v, want %v", n, body)
			}
			if err := d.Decode(v); err != nil {
				return err
			}
			if ok, err := d.Child(); err != nil || ok {
				return fmt.Errorf("more than one body element (%v, %v)", d.Name(), err)
			}
		default:
			return fmt.Errorf("envelope child %v not consumed", d.Name())
		}
	}
	return nil
}

// encodeEnvelope writes an envelope: a Header element with the blocks which of h when withHeader,
// then v as the body element.
func encodeEnvelope(version soap.Version, withHeader bool, h header, which []int, body xml.Name, v message) ([]byte, error) {
	env := version.EnvelopeNamespace()
	e := soapimpl.NewEncoder(map[string]string{env: "s"})
	e.StartElement(xml.Name{Space: env, Local: "Envelope"}, xml.Name{})
	if withHeader {
		e.StartElement(xml.Name{Space: env, Local: "Header"}, xml.Name{})
		if h != nil {
			h.SOAPType().EncodeHeader(e, h, which)
		}
		e.EndElement()
	}
	e.StartElement(xml.Name{Space: env, Local: "Body"}, xml.Name{})
	if v != nil {
		soapimpl.Encode(e, body, v)
	}
	e.EndElement()
	e.EndElement()
	if err := e.Err(); err != nil {
		return nil, err
	}
	return append([]byte(nil), e.Bytes()...), nil
}

// roundTrip decodes the example data strictly, re-encodes it, decodes that again and compares both
// the values (go-cmp, equal) and the XML (soaptest.CompareXML, equivalent). It returns the values
// first decoded.
func roundTrip(t *testing.T, what string, data []byte, version soap.Version, newHdr func() header, hdrLen int, elem xml.Name, newMsg func() message) (header, message) {
	t.Helper()
	var h, h2 header
	var v, v2 message
	if newHdr != nil {
		h, h2 = newHdr(), newHdr()
	}
	if newMsg != nil {
		v, v2 = newMsg(), newMsg()
	}
	sawHeader, err := decodeEnvelope(data, version, h, elem, v)
	if err != nil {
		t.Fatalf("%s: decoding the example strictly: %v", what, err)
	}
	out, err := encodeEnvelope(version, sawHeader, h, all(hdrLen), elem, v)
	if err != nil {
		t.Fatalf("%s: re-encoding: %v", what, err)
	}
	if _, err := decodeEnvelope(out, version, h2, elem, v2); err != nil {
		t.Fatalf("%s: decoding the re-encoded envelope: %v\n%s", what, err, out)
	}
	if diff := cmp.Diff(v, v2, cmpOptions); diff != "" {
		t.Errorf("%s: body after a round trip (-first +second):\n%s", what, diff)
	}
	if diff := cmp.Diff(h, h2, cmpOptions); diff != "" {
		t.Errorf("%s: header after a round trip (-first +second):\n%s", what, diff)
	}
	diffs, err := soaptest.CompareXML(data, out, soaptest.Allow{})
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	for _, d := range diffs {
		t.Errorf("%s: re-encoded XML differs from the example: %s", what, d)
	}
	if len(diffs) > 0 {
		t.Logf("re-encoded:\n%s", soaptest.Indent(t, out))
	}
	return h, v
}

// transport answers every request with reply and records the request body.
type transport struct {
	reply []byte
	sent  []byte
}

func (rt *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, err
	}
	rt.sent = body
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"text/xml; charset=utf-8"}},
		Body: io.NopCloser(bytes.NewReader(rt.reply)), Request: req}, nil
}

// TestDocumentedExamples round-trips every documented request and response example of the corpus
// through the generated types and then through the generated client: the client must send the
// request the example documents and return the values the response example holds.
func TestDocumentedExamples(t *testing.T) {
	dir := os.Getenv("SOGEN_EXAMPLES")
	if dir == "" {
		t.Fatal("SOGEN_EXAMPLES is not set (the corpus test sets it to the Services88 example directory)")
	}
	byName := map[string]*exampleCase{}
	for i := range cases {
		byName[cases[i].Name] = &cases[i]
	}
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.request.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no examples under %s", dir)
	}
	sort.Strings(files)
	messageLevel := 0
	for _, reqFile := range files {
		name := filepath.Base(filepath.Dir(reqFile)) + "/" + strings.TrimSuffix(filepath.Base(reqFile), ".request.xml")
		t.Run(name, func(t *testing.T) {
			c := byName[name]
			if c == nil {
				t.Fatalf("no operation %s in the generated package", name)
			}
			reqData := readExample(t, reqFile)
			respData := readExample(t, strings.TrimSuffix(reqFile, ".request.xml")+".response.xml")

			reqHdr, req := roundTrip(t, "request", reqData, c.Version, c.NewReqHdr, c.ReqHdrLen, c.ReqElem, c.NewReq)
			respHdr, resp := roundTrip(t, "response", respData, c.Version, c.NewRespHdr, c.RespHdrLen, c.RespElem, c.NewResp)

			// The generated client sends what the request example documents ...
			rt := &transport{reply: respData}
			var gotHdr header
			if c.NewRespHdr != nil {
				gotHdr = c.NewRespHdr()
			}
			result, err := c.Call(context.Background(), &soap.Client{HTTPClient: &http.Client{Transport: rt}}, req, reqHdr, gotHdr)
			if err != nil {
				t.Fatalf("call: %v", err)
			}
			// A method takes plain strings, so an explicitly empty nillable string is left out.
			checkSent(t, "", c, reqData, rt.sent, soaptest.Allow{OmittedEmpty: true}, req, reqHdr, cmpopts.IgnoreTypes(soap.Presence{}))
			// ... and returns what the response example holds.
			if c.Result != nil {
				if diff := cmp.Diff(c.Result(resp), result, cmpOptions); diff != "" {
					t.Errorf("result (-example +client):\n%s", diff)
				}
			}
			if respHdr != nil {
				if diff := cmp.Diff(respHdr, gotHdr, cmpOptions); diff != "" {
					t.Errorf("response header (-example +client):\n%s", diff)
				}
			}

			// The same reply with headers saying the call failed: the error is the exception, and the
			// result comes with it.
			if c.Failure == nil {
				t.Fatal("the agent has no reply-header status contract")
			}
			failed := c.Failure()
			if _, ok := failed.(soap.ResponseChecker); !ok {
				t.Fatalf("%T is not a soap.ResponseChecker", failed)
			}
			reply, err := encodeEnvelope(c.Version, true, failed, all(c.RespHdrLen), c.RespElem, resp)
			if err != nil {
				t.Fatal(err)
			}
			gotHdr = c.NewRespHdr()
			result, err = c.Call(context.Background(), &soap.Client{HTTPClient: &http.Client{Transport: &transport{reply: reply}}}, req, reqHdr, gotHdr)
			var exc *SoExceptionInfo
			if !errors.As(err, &exc) || exc.Message != "Ticket expired" {
				t.Fatalf("a reply with Succeeded=false and an ExceptionInfo gave %v, want the *SoExceptionInfo", err)
			}
			if !soap.ResultDecoded(err) {
				t.Errorf("soap.ResultDecoded(%v) = false", err)
			}
			if c.Result != nil {
				if diff := cmp.Diff(c.Result(resp), result, cmpOptions); diff != "" {
					t.Errorf("result returned with the failure (-example +client):\n%s", diff)
				}
			}
			if diff := cmp.Diff(failed, gotHdr, cmpOptions); diff != "" {
				t.Errorf("response header of the failure (-sent +client):\n%s", diff)
			}

			// The message-level method sends exactly the request the example documents — an
			// explicitly empty element included — and returns the whole response, Presence included.
			if c.CallMessage == nil {
				return
			}
			rt = &transport{reply: respData}
			if c.NewRespHdr != nil {
				gotHdr = c.NewRespHdr()
			}
			whole, err := c.CallMessage(context.Background(), &soap.Client{HTTPClient: &http.Client{Transport: rt}}, req, reqHdr, gotHdr)
			if err != nil {
				t.Fatalf("message-level call: %v", err)
			}
			messageLevel++
			checkSent(t, "message level: ", c, reqData, rt.sent, soaptest.Allow{}, req, reqHdr)
			if resp != nil {
				if diff := cmp.Diff(resp, whole, cmpOptions); diff != "" {
					t.Errorf("message level: result, Presence included (-example +client):\n%s", diff)
				}
			}
		})
	}
	undocumented := 0
	for _, c := range cases {
		if _, err := os.Stat(filepath.Join(dir, c.Name+".request.xml")); err == nil {
			continue
		}
		undocumented++
	}
	t.Logf("%d examples, %d operations without one; message-level calls: %d", len(files), undocumented, messageLevel)
}

// checkSent checks the request a call sent against the example it was made from: the XML under
// CompareXML with allow, and the values it decodes to (compared with opts).
func checkSent(t *testing.T, what string, c *exampleCase, example, sent []byte, allow soaptest.Allow, req message, reqHdr header, opts ...cmp.Option) {
	t.Helper()
	diffs, err := soaptest.CompareXML(example, sent, allow)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diffs {
		t.Errorf("%ssent request differs from the example: %s", what, d)
	}
	var sentReq message
	var sentHdr header
	if c.NewReq != nil {
		sentReq = c.NewReq()
	}
	if c.NewReqHdr != nil {
		sentHdr = c.NewReqHdr()
	}
	if _, err := decodeEnvelope(sent, c.Version, sentHdr, c.ReqElem, sentReq); err != nil {
		t.Fatalf("%sdecoding the sent request: %v", what, err)
	}
	opts = append(opts, cmpOptions)
	if diff := cmp.Diff(req, sentReq, opts...); diff != "" {
		t.Errorf("%ssent request values (-example +sent):\n%s", what, diff)
	}
	if diff := cmp.Diff(reqHdr, sentHdr, opts...); diff != "" {
		t.Errorf("%ssent request header (-example +sent):\n%s", what, diff)
	}
}

// readExample reads an example and converts it to the envelope its binding prescribes.
func readExample(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out, err := soaptest.ToSOAP11(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out
}
