package soap

import "github.com/sogen-go/sogen/soap/internal/redact"

// Redacted replaces a secret of the request wherever it would appear in an error of a call or in
// what an Observer sees.
const Redacted = redact.Marker

// IsSecretName reports whether an element or attribute with this local name holds a secret, which
// a call keeps out of its errors and of what an Observer sees: the name ends, ignoring case, with
// Ticket, Token, Password, Passwd, Secret or ApiKey (SuperOffice's Credentials/Ticket and
// ApplicationToken, a UserName/Password pair, a webhook's Secret, an AccessToken...).
func IsSecretName(local string) bool { return redact.IsSecretName(local) }
