package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

var binOnce struct {
	sync.Once
	path string
	err  error
}

// hooklintBin builds hooklint once (as users do, with build information)
// and returns the binary's path; subprocess tests run it to measure peak
// memory, compare GOMAXPROCS settings and run it in a network namespace.
func hooklintBin(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hooklint-bin-")
		if err != nil {
			binOnce.err = err
			return
		}
		binOnce.path = filepath.Join(dir, "hooklint")
		if out, err := exec.Command("go", "build", "-o", binOnce.path, ".").CombinedOutput(); err != nil {
			binOnce.err = errors.New("go build: " + err.Error() + "\n" + string(out))
		}
	})
	if binOnce.err != nil {
		t.Fatal(binOnce.err)
	}
	return binOnce.path
}

// procResult is one finished hooklint process.
type procResult struct {
	code           int
	stdout, stderr string
	maxRSS         int64 // peak resident set size, bytes
}

// runBin runs the hooklint binary (or, with a prefix, prefix... hooklint)
// in dir with extra environment and returns its output, exit code and peak
// RSS. It fails the test when the process cannot start or is killed.
func runBin(t *testing.T, dir string, env []string, prefix []string, args ...string) procResult {
	t.Helper()
	argv := append(append(append([]string(nil), prefix...), hooklintBin(t)), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(5 * time.Minute): // a hang, not a speed limit
		_ = cmd.Process.Kill()
		if err := <-done; err == nil {
			t.Log("killed process exited cleanly")
		}
		t.Fatalf("hooklint %v did not finish in 5m", args)
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("hooklint %v: %v", args, err)
	}
	res := procResult{code: cmd.ProcessState.ExitCode(), stdout: stdout.String(), stderr: stderr.String()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		res.maxRSS = ru.Maxrss * 1024 // Linux reports KiB
	}
	if res.code < 0 {
		t.Fatalf("hooklint %v was killed: %v\nstderr:\n%s", args, cmd.ProcessState, res.stderr)
	}
	return res
}
