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
