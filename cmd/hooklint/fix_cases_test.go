package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hooklint/hooklint/internal/golden"
)

// fixCase is one chart of testdata/fix: the test copies <name>/ to a
// temporary directory that becomes the working directory, prepares what
// cannot be committed (links, modes, archives), and runs lint --diff, then
// --fix twice, on "chart".
type fixCase struct {
	name  string
	setup func(t *testing.T)
	// check runs after the runs (files outside the chart, modes).
	check func(t *testing.T)
}

// TestFixCases: the --fix corpus of issue 19. The golden of each case is
// the transcript of --diff, --fix and a second --fix (idempotent), and
// every file --fix changed, with its text after.
func TestFixCases(t *testing.T) {
	tests := []fixCase{
		// 1. An ignored unpacked copy of a packaged subchart is never edited:
		// the finding names the archive, the fix is declined, and nothing
		// changes round after round.
		{name: "ignored-copy", setup: func(t *testing.T) {
			packSubchart(t, "chart/charts/sub", "chart/charts/sub-0.1.0.tgz")
		}},
		// 2. Weights are written as the integer Helm sorts by, 1.5 declined.
		{name: "weights"},
		// 3. Ties and far guesses are no fixes.
		{name: "guesses"},
		// 4. A template symlinked from outside the chart is skipped, the
		// rest fixed and reported.
		{name: "symlink", setup: func(t *testing.T) {
			if err := os.Symlink("../../shared/linked.yaml", "chart/templates/linked.yaml"); err != nil {
				t.Skip("no symbolic links here:", err)
			}
		}, check: func(t *testing.T) {
			assertFile(t, "shared/linked.yaml", "    helm.sh/hook-weight: 2\n")
		}},
		// 5. A subchart folder named unlike its chart: positions name the
		// folder, and the fix edits it.
		{name: "renamed-subchart"},
		// 6. '' is a written empty policy, not a template action.
		{name: "empty-policy"},
		// 8. A read-only template is skipped with the reason; the other is
		// fixed; nothing is "restored".
		{name: "readonly", setup: func(t *testing.T) {
			chmod(t, "chart/templates/locked.yaml", 0o444)
		}, check: func(t *testing.T) {
			assertMode(t, "chart/templates/locked.yaml", 0o444)
			assertFile(t, "chart/templates/locked.yaml", "    helm.sh/hook-weight: 1\n")
		}},
		// Issue 17, 13: a hard-linked template is replaced by a new file
		// (temporary file and rename, mode kept), never written through.
		{name: "hardlink", setup: func(t *testing.T) {
			if err := os.MkdirAll("chart/templates", 0o755); err != nil {
				t.Fatal(err)
			}
			chmod(t, "shared/linked.yaml", 0o640)
			if err := os.Link("shared/linked.yaml", "chart/templates/linked.yaml"); err != nil {
				t.Skip("no hard links here:", err)
			}
		}, check: func(t *testing.T) {
			assertFile(t, "shared/linked.yaml", "    helm.sh/hook-weight: 4\n")
			assertMode(t, "chart/templates/linked.yaml", 0o640)
			assertNoTemporaryFiles(t, "chart/templates")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := filepath.Abs(filepath.Join("testdata", "fix", tt.name))
			if err != nil {
				t.Fatal(err)
			}
			tmp := t.TempDir()
			if err := os.CopyFS(tmp, os.DirFS(src)); err != nil {
				t.Fatal(err)
			}
			t.Chdir(tmp)
			if tt.setup != nil {
				tt.setup(t)
			}
			before := snapshot(t, ".")
			var b strings.Builder
			for _, flag := range []string{"--diff", "--fix", "--fix"} {
				got, code := runOut("lint", "--no-color", "--only", fixableRules, flag, "chart")
				fmt.Fprintf(&b, "$ hooklint lint %s chart\n%sexit %d\n\n", flag, got, code)
			}
			after := snapshot(t, ".")
			var changed []string
			for p, s := range after {
				if before[p] != s {
					changed = append(changed, p)
				}
			}
			sort.Strings(changed)
			for _, p := range changed {
				fmt.Fprintf(&b, "=== %s\n%s", p, after[p])
			}
			golden.Assert(t, filepath.Join(src, "transcript.golden"), []byte(b.String()))
			if tt.check != nil {
				tt.check(t)
			}
		})
	}
}

// TestFixDiffApplies: 7. the --diff patch applies with the command its
// help shows (patch -d CHART -p1) for a chart given as ../chart or as an
// absolute path, and gives what --fix writes.
func TestFixDiffApplies(t *testing.T) {
	if _, err := exec.LookPath("patch"); err != nil {
		t.Skip("no patch command:", err)
	}
	src, err := filepath.Abs(filepath.Join("testdata", "fix", "patch", "chart"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	for _, d := range []string{"fixed", "relative", "absolute", "work"} {
		if err := os.CopyFS(filepath.Join(tmp, d), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(filepath.Join(tmp, "work"))
	if got, code := runOut("lint", "--only", fixableRules, "--fix", "../fixed"); code != 0 {
		t.Fatalf("--fix: exit %d\n%s", code, got)
	}
	want := snapshot(t, "../fixed")
	for _, chart := range []string{"../relative", filepath.Join(tmp, "absolute")} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"lint", "--only", fixableRules, "--diff", chart}, &bytes.Reader{}, &stdout, &stderr); code != exitFindings {
			t.Fatalf("--diff %s: exit %d, want %d\n%s", chart, code, exitFindings, stderr.String())
		}
		cmd := exec.Command("patch", "-d", chart, "-p1")
		cmd.Stdin = &stdout
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("patch -d %s -p1: %v\n%s", chart, err, out)
		}
		if diff := cmp.Diff(want, snapshot(t, chart)); diff != "" {
			t.Errorf("%s patched differs from --fix (-fix +patch):\n%s", chart, diff)
		}
		// Nothing left: --diff exits 0 and prints nothing.
		if got, code := runOut("lint", "--only", fixableRules, "--diff", chart); code != 0 || got != "--- stderr\n"+chart+": would fix 0 findings in 0 files\n" {
			t.Errorf("--diff after the patch: exit %d, output %q; want exit 0 and nothing to fix", code, got)
		}
	}
}

// packSubchart packs the folder dir into the archive tgz as helm package
// lays it out (<name>/...).
func packSubchart(t *testing.T, dir, tgz string) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		hd := &tar.Header{Name: "sub/" + filepath.ToSlash(rel), Mode: 0o644, Size: int64(len(b)), Typeflag: tar.TypeReg}
		if err := tw.WriteHeader(hd); err != nil {
			return err
		}
		_, err = tw.Write(b)
		return err
	})
	if err == nil {
		err = tw.Close()
	}
	if err == nil {
		err = zw.Close()
	}
	if err == nil {
		err = os.WriteFile(tgz, buf.Bytes(), 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}

func chmod(t *testing.T, p string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(p, mode); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(p, 0o644) }) // so that TempDir can be removed
}

func assertMode(t *testing.T, p string, want os.FileMode) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Mode().Perm(); got != want {
		t.Errorf("%s: mode %v, want %v", p, got, want)
	}
}

// assertFile checks that the file at p still has the line want.
func assertFile(t *testing.T, p, want string) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), want) {
		t.Errorf("%s changed: it no longer has the line %q:\n%s", p, want, b)
	}
}

func assertNoTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if strings.Contains(e.Name(), ".hooklint-") {
			t.Errorf("%s: temporary file %s left behind", dir, e.Name())
		}
	}
}

// TestSubchartFolderPositions: 5. a finding in a subchart whose folder is
// named unlike its chart (charts/vendored-1.0 holding chart realname)
// names the folder on disk in every output format.
func TestSubchartFolderPositions(t *testing.T) {
	src, err := filepath.Abs(filepath.Join("testdata", "fix", "renamed-subchart", "chart"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if err := os.CopyFS("chart", os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	const file = "charts/vendored-1.0/templates/t.yaml"
	got, code := runOut("lint", "--only", "HL1001", "-o", "text", "-o", "github=github.txt", "-o", "json=out.json", "-o", "sarif=out.sarif", "-o", "junit=junit.xml", "-o", "markdown=out.md", "chart")
	if code != exitFindings {
		t.Errorf("exit %d, want %d", code, exitFindings)
	}
	msg := `hook event "pre-instal" is unknown (did you mean "pre-install"?); Helm skips the whole resource: it is neither run as a hook nor installed`
	if want := "chart/" + file + ":6: error HL1001: " + msg + "\n1 chart linted: 1 error, 0 warnings, 0 infos\n"; got != want {
		t.Errorf("text:\n%s\nwant\n%s", got, want)
	}
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if got, want := read("github.txt"), "::error file=chart/"+file+",line=6,title=HL1001 hook-unknown-event::"+msg+"\n1 chart linted: 1 error, 0 warnings, 0 infos\n"; got != want {
		t.Errorf("github:\n%s\nwant\n%s", got, want)
	}
	var js struct {
		Charts []struct {
			Findings []struct {
				Position struct {
					File string `json:"file"`
					Line int    `json:"line"`
				} `json:"position"`
			} `json:"findings"`
		} `json:"charts"`
	}
	if err := json.Unmarshal([]byte(read("out.json")), &js); err != nil {
		t.Fatal(err)
	}
	if len(js.Charts) != 1 || len(js.Charts[0].Findings) != 1 || js.Charts[0].Findings[0].Position.File != file {
		t.Errorf("json positions: %+v, want one finding at %s", js, file)
	}
	var sarif struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(read("out.sarif")), &sarif); err != nil {
		t.Fatal(err)
	}
	var uris []string
	for _, r := range sarif.Runs {
		for _, res := range r.Results {
			for _, l := range res.Locations {
				uris = append(uris, l.PhysicalLocation.ArtifactLocation.URI)
			}
		}
	}
	if diff := cmp.Diff([]string{"chart/" + file}, uris); diff != "" {
		t.Errorf("sarif locations (-want +got):\n%s", diff)
	}
	for _, p := range []string{"junit.xml", "out.md"} {
		if s := read(p); !strings.Contains(s, file) || strings.Contains(s, "charts/realname") {
			t.Errorf("%s names the subchart by its chart name or not at all:\n%s", p, s)
		}
	}
}
