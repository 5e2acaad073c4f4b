package redact

import (
	"slices"
	"strings"
)

// secretSuffixes end the local names of the elements (and the HTTP header names, without dashes) whose
// values are secrets.
var secretSuffixes = []string{"ticket", "token", "password", "passwd", "secret", "apikey"}

// IsSecretName reports whether an element or attribute with this local name holds a secret: the
// name ends, ignoring case, with Ticket, Token, Password, Passwd, Secret or ApiKey.
func IsSecretName(local string) bool {
	for _, s := range secretSuffixes {
		if len(local) >= len(s) && strings.EqualFold(local[len(local)-len(s):], s) {
			return true
		}
	}
	return false
}

// secretParams are the names, lower-cased and without '_', '-' and '.', of the query parameters that
// hold secrets besides those IsSecretName recognises (access_token, api_key, client_secret): keys,
// signatures and session identifiers.
var secretParams = []string{"key", "sig", "signature", "auth", "authorization", "session", "sessionid", "sid", "jwt", "code", "credentials"}

// IsSecretParam reports whether a URL query parameter of this name holds a secret.
func IsSecretParam(name string) bool {
	n := strings.ToLower(strings.NewReplacer("_", "", "-", "", ".", "").Replace(name))
	return IsSecretName(n) || slices.Contains(secretParams, n)
}
