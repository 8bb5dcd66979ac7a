package ui

import (
	"os"
	"runtime/debug"
)

// softMemoryLimit is the Go memory the desk aims to stay under. It is a
// soft limit: near it the collector works harder; no allocation fails.
// With 100,000 cases the desk settles at about 51 MB resident, but while
// the inbox loads, the collector let the heap grow to twice what was live
// and the resident set peaked at 80-99 MB. With the limit the peak is about
// 57 MB and the load (in the background, after the first frame) takes
// 0.4 s instead of 0.3 (BenchmarkInboxRSS, in a fresh process). A desk
// whose live data outgrows the limit (far more cases, or a first sync of a
// big mailbox beside a full inbox) pays with more collection, which Go
// caps at about half the CPU; GOMEMLIMIT overrides it.
const softMemoryLimit = 32 << 20

// limitMemory sets softMemoryLimit for the desk's process, unless
// GOMEMLIMIT says otherwise.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
}
