//go:build !unix

package classify_test

func processCPU() (int64, bool) { return 0, false }
