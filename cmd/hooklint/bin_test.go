package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
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
func hooklintBin(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hooklint-bin-")
		if err != nil {
			binOnce.err = err
			return
		}
		binOnce.path = filepath.Join(dir, "hooklint")
		linked := binOnce.path + ".linked"
		if out, err := exec.Command("go", "build", "-o", linked, ".").CombinedOutput(); err != nil {
			binOnce.err = errors.New("go build: " + err.Error() + "\n" + string(out))
			return
		}
		// Run a copy: a process started from a binary the linker has
		// just written shows about 25 MB more peak RSS (bench/compare.sh).
		binOnce.err = copyFile(linked, binOnce.path)
	})
	if binOnce.err != nil {
		t.Fatal(binOnce.err)
	}
	return binOnce.path
}

// copyFile copies a binary in 64 KiB writes, as cp does: a file written
// in one large write sits in the page cache in large folios, and a process
// started from it shows about 30 MB more peak RSS (measured: 85 MB against
// 52 MB for hooklint version).
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.CopyBuffer(struct{ io.Writer }{out}, struct{ io.Reader }{in}, make([]byte, 64<<10)); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

var launchOnce struct {
	sync.Once
	path string
	err  error
}

// runBinRSS is runBin for a measure of hooklint's own peak RSS: hooklint
// is started by testdata/rsslaunch, a small process, because a child of
// the test process counts the test process's size at fork in its
// ru_maxrss.
func runBinRSS(t testing.TB, dir string, env []string, args ...string) procResult {
	t.Helper()
	launchOnce.Do(func() {
		d, err := os.MkdirTemp("", "hooklint-rsslaunch-")
		if err != nil {
			launchOnce.err = err
			return
		}
		launchOnce.path = filepath.Join(d, "rsslaunch")
		if out, err := exec.Command("go", "build", "-o", launchOnce.path, "./testdata/rsslaunch").CombinedOutput(); err != nil {
			launchOnce.err = errors.New("go build: " + err.Error() + "\n" + string(out))
		}
	})
	if launchOnce.err != nil {
		t.Fatal(launchOnce.err)
	}
	out := filepath.Join(t.TempDir(), "maxrss")
	res := runBin(t, dir, env, []string{launchOnce.path, out}, args...)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("rsslaunch wrote no peak RSS (exit %d): %v\n%s", res.code, err, res.stderr)
	}
	kib, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	res.maxRSS = kib * 1024
	return res
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
func runBin(t testing.TB, dir string, env []string, prefix []string, args ...string) procResult {
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
