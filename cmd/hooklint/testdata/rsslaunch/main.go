// Command rsslaunch runs a command and writes its peak RSS (KiB) to a
// file: rsslaunch OUT CMD [ARG...]. It exits with the command's code.
//
// The tests of cmd/hooklint start it instead of hooklint when they
// measure hooklint's peak memory: Linux starts a child's ru_maxrss at the
// resident size of the process it was forked from (exec keeps
// signal->maxrss), so a hooklint started by the large test process
// reports the test process's size; started by this small process, it
// reports its own.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: rsslaunch OUT CMD [ARG...]")
		os.Exit(125)
	}
	cmd := exec.Command(os.Args[2], os.Args[3:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		fmt.Fprintln(os.Stderr, "rsslaunch:", err)
		os.Exit(125)
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if ru == nil {
		fmt.Fprintln(os.Stderr, "rsslaunch: no rusage")
		os.Exit(125)
	}
	if err := os.WriteFile(os.Args[1], fmt.Appendf(nil, "%d\n", ru.Maxrss), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "rsslaunch:", err)
		os.Exit(125)
	}
	os.Exit(cmd.ProcessState.ExitCode())
}
