//go:build !unix

package mail

import "time"

// cpuTime is not measured here; cpu-ns/msg then reads 0.
func cpuTime() time.Duration { return 0 }
