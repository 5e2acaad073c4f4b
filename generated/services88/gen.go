package services88

// The rest of this package is generated from the Services88 Webhook and SoPrincipal WSDLs in
// testdata/wsdl/services88 (hand-written fixtures reproducing SuperOffice's published interface).
// Run go generate here, or go generate ./... at the repository root, after changing sogen or the
// fixtures; a test fails with a diff when the committed files are stale.

//go:generate go run ../../cmd/sogen -server -o . -pkg services88 -client-suffix Agent ../../testdata/wsdl/services88/Webhook.wsdl ../../testdata/wsdl/services88/SoPrincipal.wsdl
