//go:build !linux

package dovetest

import (
	"os/exec"
	"syscall"
)

func procAttr() *syscall.SysProcAttr { return nil }

// killGroup can only kill the master here; its children notice that it
// died and exit on their own.
func killGroup(cmd *exec.Cmd) { _ = cmd.Process.Kill() }

// ramParent finds no tmpfs: /dev/shm is a Linux convention.
func ramParent() (string, bool) { return "", false }
