//go:build !unix

package store

import "os"

// tryLock stands in for the advisory lock of unix systems: without one, no
// load is known to be alive, and any Open builds deferred indexes again,
// which is correct, only slower for a load still running.
func tryLock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
}
