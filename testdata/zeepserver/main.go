// Command zeepserver is the server of TestZeepCallsGeneratedServer (zeep_test.go at the repository's
// root), built in a temporary module beside the package generated with -server from SuperOffice's
// real Services88 Webhook and SoPrincipal WSDLs (package services88). It is not part of sogen.
//
//	zeepserver serve          serves a map of webhooks on 127.0.0.1 and prints "listening <URL>"
//	                          (the endpoint to post to) until its standard input is closed
//	zeepserver client <URL>   calls that server with the generated client, printing "ok" when
//	                          every answer is the one expected
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"

	"example.com/zeepcheck/services88"

	"github.com/sogen-go/sogen/soap"
)

// ticket is the ticket a request's Credentials header block must carry.
const ticket = "7T:zeep-ticket"

// store implements the Webhook port type over a map; the other operations answer "not implemented".
type store struct {
	services88.UnimplementedWebhookServer
	mu    sync.Mutex
	hooks map[int32]*services88.Webhook
}

// authorized returns the failure of a request without the ticket: SuperOffice reports it in the
// reply's headers (Succeeded=false, ExceptionInfo), which the handler does for a *SoExceptionInfo.
func authorized(ctx context.Context) error {
	h := soap.RequestHeader[services88.WebhookRequestHeader](ctx)
	if h == nil || h.Credentials == nil || h.Credentials.Ticket != ticket {
		return &services88.SoExceptionInfo{Message: "the request has no valid ticket", ExceptionType: "SoSecurityException"}
	}
	return nil
}

func (s *store) SaveWebhook(ctx context.Context, w *services88.Webhook) (*services88.Webhook, error) {
	if err := authorized(ctx); err != nil {
		return nil, err
	}
	if w == nil || w.Name == "" {
		return nil, &services88.SoExceptionInfo{Message: "a webhook needs a name", ExceptionType: "ArgumentException",
			Parameters: map[string]string{"field": "Name"}}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if w.WebhookID == 0 {
		w.WebhookID = int32(len(s.hooks) + 1)
	}
	s.hooks[w.WebhookID] = w
	soap.ResponseHeader[services88.WebhookResponseHeader](ctx).ExtraInfo = map[string]string{"saved": w.Name}
	return w, nil
}

func (s *store) GetWebhook(ctx context.Context, id int32) (*services88.Webhook, error) {
	if err := authorized(ctx); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hooks[id], nil
}

func (s *store) GetAllWebhooks(ctx context.Context, name, event string, state services88.WebhookState) ([]*services88.Webhook, error) {
	if err := authorized(ctx); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*services88.Webhook
	for _, w := range s.hooks {
		if strings.Contains(w.Name, name) && (state == "" || w.State == state) {
			out = append(out, w)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].WebhookID < out[j].WebhookID })
	return out, nil
}

const path = "/Cust12345/Remote/Services88/Webhook.svc"

func main() {
	if len(os.Args) == 2 && os.Args[1] == "serve" {
		serve()
		return
	}
	if len(os.Args) == 3 && os.Args[1] == "client" {
		if err := client(os.Args[2]); err != nil {
			log.Fatal(err)
		}
		fmt.Println("ok")
		return
	}
	log.Fatal("usage: zeepserver serve | zeepserver client URL")
}

func serve() {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle(path, services88.NewWebhookHandler(&store{hooks: map[int32]*services88.Webhook{}},
		soap.WithErrorLog(func(ctx context.Context, call *soap.ServerCall, err error) { log.Printf("error: %v", err) })))
	go http.Serve(l, mux)
	fmt.Printf("listening http://%s%s\n", l.Addr(), path)
	// Serve until the test closes standard input.
	bufio.NewReader(os.Stdin).ReadString('\n')
}

// client calls the server at url with the generated client and checks the answers.
func client(url string) error {
	ctx := context.Background()
	agent := services88.NewWebhookAgent(nil)
	agent.Endpoint = url
	agent.Header.Credentials = &services88.SoCredentials{Ticket: ticket}
	var rh services88.WebhookResponseHeader
	saved, err := agent.SaveWebhook(ctx, &services88.Webhook{Name: "go client", Events: []string{"sale.created"},
		TargetURL: "https://example.com/go", State: services88.WebhookStateActive}, soap.WithResponseHeader(&rh))
	if err != nil {
		return fmt.Errorf("SaveWebhook: %w", err)
	}
	if saved.WebhookID == 0 || rh.Succeeded == nil || !*rh.Succeeded || rh.ExtraInfo["saved"] != "go client" {
		return fmt.Errorf("SaveWebhook returned %+v with header %+v", saved, rh)
	}
	got, err := agent.GetWebhook(ctx, saved.WebhookID)
	if err != nil || got == nil || got.Name != "go client" || len(got.Events) != 1 || got.Events[0] != "sale.created" {
		return fmt.Errorf("GetWebhook = %+v, %v", got, err)
	}
	all, err := agent.GetAllWebhooks(ctx, "", "", "")
	if err != nil || len(all) == 0 {
		return fmt.Errorf("GetAllWebhooks = %+v, %v", all, err)
	}
	_, err = agent.SaveWebhook(ctx, &services88.Webhook{})
	var exc *services88.SoExceptionInfo
	if !errors.As(err, &exc) || exc.Message != "a webhook needs a name" || exc.Parameters["field"] != "Name" {
		return fmt.Errorf("SaveWebhook without a name: %v, want the *SoExceptionInfo", err)
	}
	var f *soap.Fault
	if err := agent.DeleteWebhook(ctx, saved.WebhookID); !errors.As(err, &f) || !strings.Contains(f.Reason, "not implemented") {
		return fmt.Errorf("DeleteWebhook: %v, want a fault saying it is not implemented", err)
	}
	return nil
}
