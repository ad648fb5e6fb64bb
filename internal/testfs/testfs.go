// Package testfs writes the files of a test's chart or tree: one helper
// for the tests of every package (none imports it outside tests).
package testfs

import (
	"os"
	"path/filepath"
	"testing"
)

// Write writes files (slash-separated path relative to dir -> content)
// under dir, creating the folders they need, and fails t on an error.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
