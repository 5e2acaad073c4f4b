package soap

import "strings"

// Redacted replaces a secret of the request wherever it would appear in an error of a call.
const Redacted = "[REDACTED]"

// secretSuffixes end the local names of the elements (and the HTTP header names, without dashes) whose
// values are secrets.
var secretSuffixes = []string{"ticket", "token", "password", "passwd", "secret", "apikey"}

// IsSecretName reports whether an element or attribute with this local name holds a secret, which
// a call keeps out of its errors: the name ends, ignoring case, with Ticket, Token, Password, Passwd,
// Secret or ApiKey (SuperOffice's Credentials/Ticket and ApplicationToken, a UserName/Password pair, a
// webhook's Secret, an AccessToken...).
func IsSecretName(local string) bool {
	for _, s := range secretSuffixes {
		if len(local) >= len(s) && strings.EqualFold(local[len(local)-len(s):], s) {
			return true
		}
	}
	return false
}
