package classify

// Warm compiles the rules now, if nothing has yet, so that the first message
// classified does not wait for them: a sync calls it on a goroutine of its
// own while it connects and logs in, which takes longer than the 10 ms or
// so of compiling.
func Warm() { theEngine() }
