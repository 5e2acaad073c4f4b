//go:build windows

package cli

import (
	"errors"
	"syscall"
)

// staleLockHint completes the error of a run that gave up waiting for the lock.
const staleLockHint = ""

const (
	accessDelete          = 0x00010000 // DELETE
	fileFlagDeleteOnClose = 0x04000000 // FILE_FLAG_DELETE_ON_CLOSE

	errorAccessDenied     syscall.Errno = 5  // also what opening a file pending deletion gives
	errorSharingViolation syscall.Errno = 32 // another handle holds the file without sharing
)

// tryLock takes the lock file p by opening it without sharing, deleted when the handle closes, if no
// other process has it open (held is then false). Windows closes the handles of a process that exits,
// killed or not, so a killed run leaves neither the lock nor the file.
func tryLock(p string) (release func(), held bool, err error) {
	name, err := syscall.UTF16PtrFromString(p)
	if err != nil {
		return nil, false, err
	}
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE|accessDelete, 0, nil,
		syscall.OPEN_ALWAYS, syscall.FILE_ATTRIBUTE_NORMAL|fileFlagDeleteOnClose, 0)
	if err != nil {
		if errors.Is(err, errorSharingViolation) || errors.Is(err, errorAccessDenied) {
			return nil, true, nil
		}
		return nil, false, err
	}
	return func() { syscall.CloseHandle(h) }, false, nil
}
