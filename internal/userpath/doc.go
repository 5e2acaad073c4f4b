// Package userpath holds no code: its tests follow the README as a new user does, in a fresh module
// outside the repository that requires sogen through a tool directive, on SuperOffice's real WSDLs.
package userpath
