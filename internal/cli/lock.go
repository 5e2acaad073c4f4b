package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"time"
)

// lockWait is how long a run waits for another run writing the same output directory.
var lockWait = 2 * time.Minute

// lockDir takes the lock of the output directory dir, so that runs writing it take turns: it waits
// while another sogen run holds the lock (saying so on log after a second), up to lockWait, and
// returns the function releasing it. Where the system has file locks the kernel releases with the
// process (flock on Unix, an exclusive handle deleted on close on Windows), a killed run leaves no
// lock held.
func lockDir(dir string, log io.Writer) (release func(), err error) {
	p := filepath.Join(dir, lockName)
	start := time.Now()
	said := false
	for {
		release, held, err := tryLock(p)
		switch {
		case err != nil:
			return nil, fmt.Errorf("locking the output directory %s: %w", dir, err)
		case !held:
			return release, nil
		case time.Since(start) > lockWait:
			return nil, fmt.Errorf("another sogen run is writing %s (it holds %s): gave up waiting after %v%s", dir, p, lockWait, staleLockHint)
		case !said && time.Since(start) > time.Second:
			fmt.Fprintf(log, "sogen: waiting for another sogen run writing %s\n", dir)
			said = true
		}
		time.Sleep(10 * time.Millisecond)
	}
}
