// Package golden compares test output with files under testdata and
// rewrites them when tests run with -update:
//
//	go test ./report/ -update
//
// Only test binaries import it.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

//nolint:gochecknoglobals // the test-only -update flag, as in Helm's internal/test
var update = flag.Bool("update", false, "rewrite golden files")

// Assert compares got with the golden file at path (relative to the test's
// package directory), or rewrites it under -update.
func Assert(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got; -update rewrites it):\n%s", path, diff)
	}
}

// Updating reports whether -update is set.
func Updating() bool { return *update }

// AssertSection compares the lines between the marker lines start and end
// (exclusive) of the file at path with got, or rewrites them under -update.
// It keeps generated parts of hand-written files, such as the README, real.
func AssertSection(t testing.TB, path, start, end string, got string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	i := strings.Index(text, start)
	j := strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("%s: markers %q ... %q not found", path, start, end)
	}
	i += len(start)
	if !strings.HasSuffix(got, "\n") {
		got += "\n"
	}
	cur := strings.TrimPrefix(text[i:j], "\n")
	if *update {
		if err := os.WriteFile(path, []byte(text[:i]+"\n"+got+text[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(cur, got); diff != "" {
		t.Errorf("%s: section after %q is out of date (-want +got; -update rewrites it):\n%s", path, start, diff)
	}
}
