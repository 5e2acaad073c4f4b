package services88

import "strings"

// SuperOffice's NetServer reports the failure of a call in the reply's SOAP headers rather than with a
// SOAP fault: Succeeded is false and ExceptionInfo describes the exception. The methods below make
// every agent turn such a reply into an error (the soap runtime calls CheckResponse after decoding a
// reply), so that err == nil means the call succeeded. The error is the *SoExceptionInfo itself, or
// wraps it: use errors.As to read it.

// Error describes the exception: its type and message, and the friendly text when the server gave
// one that differs from the message.
func (e *SoExceptionInfo) Error() string {
	var b strings.Builder
	b.WriteString("superoffice: ")
	if e.ExceptionType != "" {
		b.WriteString(e.ExceptionType)
		b.WriteString(": ")
	}
	msg := e.Message
	if msg == "" {
		msg = e.FriendlyText
	}
	if msg == "" {
		msg = "the call failed without an explanation"
	}
	b.WriteString(msg)
	if e.FriendlyText != "" && e.FriendlyText != msg {
		b.WriteString(" (")
		b.WriteString(e.FriendlyText)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns the inner exception, so that errors.As and errors.Is see the whole chain.
func (e *SoExceptionInfo) Unwrap() error {
	if e.InnerException == nil {
		return nil
	}
	return e.InnerException
}

// checkResponse returns the failure a reply's headers report, or nil.
func checkResponse(info *SoExceptionInfo, succeeded *bool) error {
	switch {
	case info != nil:
		return info
	case succeeded != nil && !*succeeded:
		return &SoExceptionInfo{Message: "the server replied Succeeded=false without ExceptionInfo"}
	}
	return nil
}

// CheckResponse reports a reply whose headers say the call failed (soap.ResponseChecker).
func (h *WebhookResponseHeader) CheckResponse() error {
	return checkResponse(h.ExceptionInfo, h.Succeeded)
}

// CheckResponse reports a reply whose headers say the call failed (soap.ResponseChecker).
func (h *SoPrincipalResponseHeader) CheckResponse() error {
	return checkResponse(h.ExceptionInfo, h.Succeeded)
}

// Ticket returns the credential ticket of a successful authentication, to put in the Credentials
// header of other agents' requests, or "" when the server gave none.
func (r *AuthenticateResponse) Ticket() string {
	if r == nil || r.Credentials == nil {
		return ""
	}
	return r.Credentials.Ticket
}
