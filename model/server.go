package model

import (
	"fmt"
	"strings"
)

// Server is the server side of a client's port type (Options.Server): an interface with one method per
// operation, taking and returning what the client's method does (without the call options); a type to
// embed that answers every operation "not implemented"; and a constructor of an http.Handler per port,
// serving the port's binding exactly as the client speaks it.
type Server struct {
	// Interface is the interface to implement (WebhookServer), Unimplemented the type to embed in an
	// implementation (UnimplementedWebhookServer).
	Interface, Unimplemented string
	// Doc and UnimplementedDoc document them.
	Doc, UnimplementedDoc string
	// Name names the server in the runtime's errors ("services88.WebhookServer").
	Name string
	// MethodsVar is the package variable holding the functions serving each operation, in the order
	// of the client's Operations (soapimpl.Method).
	MethodsVar string
	// Status is the function setting the blocks of a reply-header status contract from the
	// implementation's error ("" when the response header has no contract).
	Status string
	// Faults is the function returning the declared fault an error is, and FaultTypes the faults it
	// knows: those the port type's operations declare, in order of first use ("" and none when no
	// operation declares one).
	Faults     string
	FaultTypes []*FaultType
	// Handlers are the handler constructors, one per port of the client (Client.Ports), named like
	// the client's constructors.
	Handlers []*Handler
	// ServiceFunc, set when there are several handlers, is the function returning the
	// soapimpl.Service they share, given the operations of their binding ("" with one handler, which
	// builds it itself).
	ServiceFunc string
	// File is the output file holding the server side.
	File string
}

// Handler is the constructor of the http.Handler serving one port's binding.
type Handler struct {
	Func string
	Doc  string
	Port *ClientPort
}

// servers builds the server side of every client when Options.Server asks for it. Its names are
// claimed after every other name of the package, and its files after every other file, so that the
// rest of the package is the same with or without it.
func (b *builder) servers() error {
	if !b.opts.Server {
		return nil
	}
	for _, c := range b.pkg.Clients {
		base := Exported(c.PortType.Local)
		s := &Server{Interface: b.scope.Claim(base + "Server")}
		s.Unimplemented = b.scope.Claim("Unimplemented" + s.Interface)
		s.Name = b.opts.Package + "." + s.Interface
		s.MethodsVar = b.scope.Claim(Unexported("serve" + base))
		if h := c.ResponseHeader; h != nil && h.Contract != nil {
			s.Status = b.scope.Claim(Unexported("status" + base))
		}
		for _, op := range c.Operations {
			for _, ft := range op.Faults {
				dup := false
				for _, x := range s.FaultTypes {
					dup = dup || x == ft
				}
				if !dup {
					s.FaultTypes = append(s.FaultTypes, ft)
				}
			}
		}
		if len(s.FaultTypes) > 0 {
			s.Faults = b.scope.Claim(Unexported("faults" + base))
		}
		if len(c.Ports) > 1 {
			s.ServiceFunc = b.scope.Claim(Unexported("service" + base))
		}
		var ctors []string
		for _, p := range c.Ports {
			h := &Handler{Func: b.scope.Claim("New" + base + "Handler" + p.suffix), Port: p}
			version := "SOAP 1.1"
			if p.Binding.Version == 12 {
				version = "SOAP 1.2"
			}
			where := fmt.Sprintf("port %s of service %s", p.port, p.service)
			if p.service == "" {
				where = fmt.Sprintf("binding %s, which no service gives an address", p.port)
			}
			h.Doc = fmt.Sprintf("%s returns an http.Handler serving impl as the %s (binding %s, %s), as %s speaks it: each request is decoded, "+
				"the method of impl named after its operation is called, and its results are sent back (see %s for the errors); opts set limits and hooks (soap.HandlerOption). "+
				"Mount it at the path of the endpoint, e.g. http.Handle(\"/%s\", %s(impl)).",
				h.Func, where, p.Binding.Name.Local, version, c.GoName, s.Interface, endpointPath(p.Endpoint), h.Func)
			s.Handlers = append(s.Handlers, h)
			ctors = append(ctors, h.Func)
		}
		s.Doc = serverDoc(c, s, strings.Join(ctors, " or "))
		s.UnimplementedDoc = fmt.Sprintf("%s answers every operation of %s with a fault saying it is not implemented (a Server fault, Receiver with SOAP 1.2). "+
			"Embed it in an implementation, so that it keeps compiling when the WSDL gains operations, and implement the methods you serve.", s.Unimplemented, s.Interface)
		for _, op := range c.Operations {
			op.ServerDoc = operationServerDoc(c, op)
		}
		s.File = b.files.ClaimFold(FileName(base+"Server")) + ".go"
		b.pkg.Files = append(b.pkg.Files, &File{Name: s.File, Server: c})
		c.Server = s
	}
	return nil
}

// endpointPath returns the path of an endpoint URL for the documentation's example ("Webhook.svc"),
// or "soap".
func endpointPath(endpoint string) string {
	_, rest, ok := strings.Cut(endpoint, "://")
	if !ok {
		return "soap"
	}
	_, path, ok := strings.Cut(rest, "/")
	if !ok || path == "" || strings.ContainsAny(path, "\"\\`") {
		return "soap"
	}
	return path
}

// serverDoc documents the server interface of c.
func serverDoc(c *Client, s *Server, ctors string) string {
	var d strings.Builder
	fmt.Fprintf(&d, "%s is the server side of the port type %s: implement it and serve it with %s. "+
		"Each method serves the operation of its name, with the parameters and results of %s's method (without the call options). ",
		s.Interface, c.PortType.Local, ctors, c.GoName)
	d.WriteString("The error a method returns decides the reply: nil sends the results")
	if len(s.FaultTypes) > 0 {
		names := make([]string, len(s.FaultTypes))
		for i, ft := range s.FaultTypes {
			names[i] = "*" + ft.GoName
		}
		fmt.Fprintf(&d, "; a declared fault (%s) is sent as that fault, with its Detail", strings.Join(names, ", "))
	}
	if h := c.ResponseHeader; h != nil && h.Contract != nil {
		ct := h.Contract
		if ct.Error != nil {
			fmt.Fprintf(&d, "; a *%s (found with errors.As) is sent as a reply whose header block %s carries it", ct.Error.Value.Type.GoName, ct.Error.Elem.Local)
			if ct.Status != nil {
				fmt.Fprintf(&d, " and %s is false, with the results the method returned with it (the reply-header status contract, the inverse of the client's); without error %s is true, unless the method set it", ct.Status.Elem.Local, ct.Status.Elem.Local)
			}
		} else if ct.Status != nil {
			fmt.Fprintf(&d, "; without error the header block %s is true, unless the method set it", ct.Status.Elem.Local)
		}
	}
	d.WriteString("; a *soap.Fault is sent as it is (one received from another service is not relayed); any other error is a Server fault (Receiver with SOAP 1.2) whose text is not sent (soap.WithErrorDetails, soap.WithErrorLog). ")
	if h := c.RequestHeader; h != nil {
		fmt.Fprintf(&d, "soap.RequestHeader[%s](ctx) returns the request's header blocks. ", h.GoName)
	}
	if h := c.ResponseHeader; h != nil {
		fmt.Fprintf(&d, "soap.ResponseHeader[%s](ctx) returns the reply's, for the method to set. ", h.GoName)
	}
	fmt.Fprintf(&d, "Embed %s in an implementation to keep it compiling when operations are added.", s.Unimplemented)
	return d.String()
}

// operationServerDoc documents the server interface's method serving op.
func operationServerDoc(c *Client, op *Operation) string {
	doc := fmt.Sprintf("%s serves the operation %s (%s.%s calls it).", op.GoName, op.Name, c.GoName, op.GoName)
	if op.OneWay {
		doc += " It is a one-way operation: the request is answered with HTTP 202 Accepted and no body when it returns nil."
	}
	return doc
}
