//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cli

import (
	"errors"
	"os"
	"syscall"
)

// staleLockHint completes the error of a run that gave up waiting for the lock.
const staleLockHint = ""

// tryLock takes the lock file p with flock if no other process holds it (held is then false). The
// kernel releases a flock when its holder exits, killed or not; the file itself is removed on release.
func tryLock(p string) (release func(), held bool, err error) {
	for {
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, false, err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EINTR) {
				return nil, true, nil
			}
			return nil, false, err
		}
		// The holder before may have removed the file between our open and our lock, and a third run
		// created another: the lock counts only on the file that is at p now.
		mine, err1 := f.Stat()
		now, err2 := os.Stat(p)
		if err1 == nil && err2 == nil && os.SameFile(mine, now) {
			return func() {
				remove(p) // while still locked: a run waiting on this file then sees it is gone
				f.Close()
			}, false, nil
		}
		f.Close()
	}
}
