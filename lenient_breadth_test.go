package sogen_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sogen-go/sogen"
)

// TestLenientBadInputs generates, with Config.Lenient, the bad inputs whose strict errors (in
// golden/errors) suggest -lenient: each fix-up is one warning naming the file and element, and the
// generated client reads the input as the warning says.
func TestLenientBadInputs(t *testing.T) {
	const def = "/wsdl:definitions[@name='Bad']"
	for _, tc := range []struct {
		name     string
		warnings []string
		want     []string // in the generated files
	}{
		{
			name:     "spaced-name",
			warnings: []string{`spaced-name.wsdl: ` + def + `/wsdl:types/xs:schema/xs:element[@name='PingResponse']/xs:complexType/xs:sequence/xs:element[@name='ResultCode ']: name "ResultCode " trimmed to "ResultCode" (-lenient)`},
			want: []string{
				`func (c *BadClient) Ping(ctx context.Context, in string, opts ...soap.CallOption) (int32, error)`,
				`{Space: nsBad, Local: "ResultCode", GoName: "ResultCode", Codec: &soapimpl.XSInt}`,
			},
		},
		{
			name:     "element-model-group",
			warnings: []string{"element-model-group.wsdl: " + def + "/wsdl:types/xs:schema/xs:element[@name='PingResponse']/xs:sequence: xs:sequence directly inside xs:element read as if wrapped in an anonymous xs:complexType (-lenient)"},
			want:     []string{`func (c *BadClient) Ping(ctx context.Context, in string, opts ...soap.CallOption) ([]string, error)`},
		},
		{
			name:     "document-type-part",
			warnings: []string{"document-type-part.wsdl: " + def + "/wsdl:message[@name='PingRequest']: part pingId names the type {http://www.w3.org/2001/XMLSchema}int, not an element, which a document-style body needs; read as an element pingId in no namespace of that type (-lenient)"},
			want: []string{
				`func (c *BadClient) Ping(ctx context.Context, pingID int32, opts ...soap.CallOption) (string, error)`,
				`Request: xml.Name{Local: "pingId"}`,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := sogen.Generate(sogen.Config{FS: os.DirFS("testdata/bad"), Roots: []string{tc.name + ".wsdl"}, Package: "bad", Lenient: true})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.warnings, res.Warnings); d != "" {
				t.Errorf("warnings (-want +got):\n%s", d)
			}
			var all strings.Builder
			for _, f := range res.Files {
				all.Write(f.Content)
			}
			for _, w := range tc.want {
				if !strings.Contains(all.String(), w) {
					t.Errorf("the generated code lacks %s", w)
				}
			}
		})
	}
}
