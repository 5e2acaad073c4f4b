//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd || windows)

package cli

import (
	"errors"
	"os"
)

// staleLockHint completes the error of a run that gave up waiting for the lock: without file locks
// the system releases, a killed run leaves its lock file behind.
const staleLockHint = "; if no sogen run is active, one was killed while holding it: remove the file"

// tryLock creates the lock file p if it does not exist (held is then false); release removes it.
func tryLock(p string) (release func(), held bool, err error) {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return nil, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	f.Close()
	return func() { remove(p) }, false, nil
}
