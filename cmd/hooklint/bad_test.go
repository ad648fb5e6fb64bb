package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/hooklint/hooklint/internal/golden"
	"github.com/hooklint/hooklint/internal/testfs"
)

const badDir = "testdata/bad" // relative to the repository root

// memCeiling is the peak RSS a hostile input may cost hooklint; the cases
// that are large on purpose have their own.
const memCeiling = 256 << 20

var memCeilings = map[string]int64{
	"hooks-10000":      768 << 20,  // 10,000 hook documents, linted for real
	"values-50mb-flag": 1536 << 20, // a 50 MB -f file, as Helm reads it
	"alias-bomb-*":     memCeiling,
	"deep-nesting-":    memCeiling,
}

// badCases lists testdata/bad: each chart directory and archive is a case;
// files starting with "_" are shared material, *.golden the expectations.
func badCases(t *testing.T) []string {
	t.Helper()
	ents, err := os.ReadDir(filepath.Join("..", "..", badDir))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		n := e.Name()
		if strings.HasPrefix(n, "_") || strings.HasSuffix(n, ".golden") {
			continue
		}
		out = append(out, n)
	}
	sort.Strings(out)
	if len(out) < 30 {
		t.Fatalf("testdata/bad has %d cases, want at least 30", len(out))
	}
	return out
}

// TestBadInputs runs hooklint on every hostile or broken chart in its own
// process, from the repository root: the exit code and the whole output
// are golden (testdata/bad/<case>.golden), an input error is one line that
// names the chart and the file, nothing prints a panic or a stack trace, and
// the process's peak RSS stays under a ceiling.
func TestBadInputs(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range badCases(t) {
		t.Run(c, func(t *testing.T) {
			t.Parallel()
			res := runBinRSS(t, root, nil, "lint", "--no-color", badDir+"/"+c)
			checkBad(t, c, res, "", "")
		})
	}
	t.Run("values-50mb", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		chart := filepath.Join(dir, "values-50mb")
		writeChart(t, chart, "values-50mb")
		writeBigValues(t, filepath.Join(chart, "values.yaml"), 50<<20)
		res := runBinRSS(t, root, nil, "lint", "--no-color", chart)
		checkBad(t, "values-50mb", res, dir, "$TMP")
	})
	// Links and named pipes git cannot hold are made here.
	t.Run("symlink-proc-environ", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		chart := filepath.Join(dir, "symlink-proc-environ")
		writeChart(t, chart, "symlink-proc-environ")
		if err := os.WriteFile(filepath.Join(chart, "templates", "leak.yaml"), []byte("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    \"helm.sh/hook\": {{ .Files.Get \"files/env\" | quote }}\nspec: {}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(chart, "files"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("/proc/self/environ", filepath.Join(chart, "files", "env")); err != nil {
			t.Fatal(err)
		}
		res := runBinRSS(t, root, []string{"HOOKLINT_CANARY=leaked-secret"}, "lint", "--no-color", chart, "--set", "items={a}")
		if strings.Contains(res.stdout+res.stderr, "leaked-secret") {
			t.Errorf("the environment leaked:\n%s", res.stdout)
		}
		checkBad(t, "symlink-proc-environ", res, dir, "$TMP")
	})
	t.Run("fifo-config", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		chart := filepath.Join(dir, "fifo-config")
		writeChart(t, chart, "fifo-config")
		if err := syscall.Mkfifo(filepath.Join(chart, ".hooklint.yaml"), 0o644); err != nil {
			t.Skip("no mkfifo:", err)
		}
		if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
			t.Fatal(err)
		}
		res := runBinRSS(t, root, nil, "lint", "--no-color", chart, filepath.Join(dir, "pipe"), "examples/guestbook-backup", "--fail-on", "none")
		checkBad(t, "fifo-config", res, dir, "$TMP")
	})
	t.Run("values-50mb-flag", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		chart := filepath.Join(dir, "values-50mb-flag")
		writeChart(t, chart, "values-50mb-flag")
		vals := filepath.Join(dir, "big.yaml")
		writeBigValues(t, vals, 50<<20)
		res := runBinRSS(t, root, nil, "lint", "--no-color", chart, "-f", vals)
		checkBad(t, "values-50mb-flag", res, dir, "$TMP")
	})
}

// checkBad asserts one case's outcome; tmp, when set, is replaced by repl
// in the output before the comparison with the golden file.
func checkBad(t *testing.T, name string, res procResult, tmp, repl string) {
	t.Helper()
	out := res.stdout
	if res.stderr != "" {
		out += "--- stderr\n" + res.stderr
	}
	if tmp != "" {
		out = strings.ReplaceAll(out, tmp, repl)
	}
	for _, bad := range []string{"panic", "goroutine ", "runtime."} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q:\n%s", bad, out)
		}
	}
	if res.code < 0 || res.code > 2 {
		t.Errorf("exit %d, want 0, 1 (findings) or 2 (input error)", res.code)
	}
	for _, l := range strings.Split(res.stdout, "\n") {
		if strings.HasPrefix(l, "input error: ") && !strings.Contains(l, ": chart ") && !strings.HasPrefix(l, "input error: chart ") {
			t.Errorf("input error does not name the chart: %s", l)
		}
	}
	if res.code == 2 && !strings.Contains(res.stdout, "input error: chart ") {
		t.Errorf("exit 2 without an input error line:\n%s", out)
	}
	ceiling := int64(memCeiling)
	for k, v := range memCeilings {
		if k == name || (strings.HasSuffix(k, "*") || strings.HasSuffix(k, "-")) && strings.HasPrefix(name, strings.TrimSuffix(k, "*")) {
			ceiling = v
		}
	}
	t.Logf("peak RSS %d MiB (ceiling %d MiB)", res.maxRSS>>20, ceiling>>20)
	if res.maxRSS > ceiling {
		t.Errorf("peak RSS %d MiB, ceiling %d MiB", res.maxRSS>>20, ceiling>>20)
	}
	got := fmt.Sprintf("exit %d\n%s", res.code, out)
	golden.Assert(t, filepath.Join("..", "..", badDir, name+".golden"), []byte(got))
}

// TestBadInputsTogether: one run over every bad input and a good chart
// still reports each of them, the good one exactly as alone.
func TestBadInputsTogether(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"lint", "--no-color"}
	for _, c := range badCases(t) {
		if c == "hooks-10000" {
			continue // its own test; keeps this run short
		}
		args = append(args, badDir+"/"+c)
	}
	args = append(args, "examples/guestbook-backup")
	res := runBin(t, root, nil, nil, args...)
	if res.code != 2 {
		t.Errorf("exit %d, want 2", res.code)
	}
	alone := runBin(t, root, nil, nil, "lint", "--no-color", "examples/guestbook-backup", badDir+"/template-fail")
	section := func(out, arg string) string {
		_, rest, ok := strings.Cut(out, "==> "+arg+"\n")
		if !ok {
			t.Fatalf("no section for %s in:\n%s", arg, out)
		}
		body, _, _ := strings.Cut(rest, "==> ")
		return body
	}
	for _, a := range args[2:] {
		if n := strings.Count(res.stdout, "==> "+a+"\n"); n != 1 {
			t.Errorf("%s reported %d times", a, n)
		}
	}
	if got, want := section(res.stdout, "examples/guestbook-backup"), section(alone.stdout, "examples/guestbook-backup"); !strings.HasPrefix(got, strings.TrimSuffix(want, "\n")) {
		t.Errorf("the good chart's findings changed among bad inputs:\n got: %s\nwant: %s", got, want)
	}
}

// writeChart writes a minimal chart with one pre-install hook.
func writeChart(t *testing.T, dir, name string) {
	t.Helper()
	files := map[string]string{
		"Chart.yaml": "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n",
		"templates/job.yaml": `apiVersion: batch/v1
kind: Job
metadata:
  name: {{ .Release.Name }}-hook
  annotations:
    "helm.sh/hook": pre-install
    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded
spec:
  activeDeadlineSeconds: 60
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: c
          image: busybox:1.36
          args: [{{ len .Values.items | quote }}]
`,
	}
	testfs.Write(t, dir, files)
}

// writeBigValues writes a values file of about size bytes: a list of
// small maps under items. It streams: the test process must stay small,
// because Linux counts a parent's peak RSS at fork into the child's
// ru_maxrss (exec keeps signal->maxrss), which is what runBin measures.
func writeBigValues(t *testing.T, path string, size int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	n, _ := w.WriteString("items:\n")
	for i := 0; n < size; i++ {
		m, _ := fmt.Fprintf(w, "  - {name: item-%d, value: %q}\n", i, strings.Repeat("x", 56))
		n += m
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
