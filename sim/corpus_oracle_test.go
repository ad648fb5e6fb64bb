package sim

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCorpusRecordings replays every recording in
// ../shared/oracle/corpus-recordings (real Helm v3.22.0 and v4.3.1 running
// install, upgrade, rollback 1, test and uninstall of each corpus chart
// against a real API server) and compares each step's calls, exit code and
// error text, as TestOracleRecordings does for the small oracle charts.
func TestCorpusRecordings(t *testing.T) {
	dir := filepath.Join(oracleDir, "corpus-recordings")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus recordings not found at %s: %v", dir, err)
	}
	for _, v := range []struct {
		helm HelmVersion
		glob string
	}{{HelmV3, "*.helm.lifecycle.txt"}, {HelmV4, "*.helm4.lifecycle.txt"}} {
		files, err := filepath.Glob(filepath.Join(dir, v.glob))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Fatalf("no Helm %s recordings (%s) in %s", v.helm, v.glob, dir)
		}
		for _, file := range files {
			replayRecording(t, v.helm, file)
		}
	}
}
