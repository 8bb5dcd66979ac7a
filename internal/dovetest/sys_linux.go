package dovetest

import (
	"os/exec"
	"syscall"
)

func procAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{
		// Its own process group, so that stop can kill Dovecot and all
		// its children at once.
		Setpgid: true,
		// If the test binary dies without running cleanups (a -timeout
		// panic, a kill), shut Dovecot down rather than leave it running.
		// SIGTERM, not SIGKILL: only the master gets this signal, and
		// only a live master tells its children to exit.
		Pdeathsig: syscall.SIGTERM,
	}
}

func killGroup(cmd *exec.Cmd) {
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
}

// tmpfsMagic is TMPFS_MAGIC from linux/magic.h.
const tmpfsMagic = 0x01021994

// minRAMFree keeps tests off a small /dev/shm, like Docker's default 64 MB,
// where a test delivering big messages would run out of space.
const minRAMFree = 256 << 20

// ramParent returns /dev/shm if it is a tmpfs with room to spare.
func ramParent() (string, bool) {
	const dir = "/dev/shm"
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil || int64(st.Type) != tmpfsMagic {
		return "", false
	}
	if st.Bavail*uint64(st.Bsize) < minRAMFree {
		return "", false
	}
	if err := syscall.Access(dir, 0x7); err != nil { // R_OK|W_OK|X_OK
		return "", false
	}
	return dir, true
}
