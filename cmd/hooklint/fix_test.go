package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hooklint/hooklint/internal/golden"
)

// copyExample copies the example chart into a temporary working directory
// (committed files are never edited) and makes it the current directory,
// so output names it "guestbook-backup".
func copyExample(t *testing.T) string {
	t.Helper()
	abs, err := filepath.Abs(example)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	if err := os.CopyFS(filepath.Join(tmp, "guestbook-backup"), os.DirFS(abs)); err != nil {
		t.Fatal(err)
	}
	t.Chdir(tmp)
	return abs
}

// snapshot returns every file of dir with its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// fixableRules are the rules with fixes.
const fixableRules = "HL1001,HL1003,HL1004,HL1006,HL1009"

func runOut(args ...string) (string, int) {
	var stdout, stderr bytes.Buffer
	code := run(args, &bytes.Reader{}, &stdout, &stderr)
	got := stdout.String()
	if stderr.Len() > 0 {
		got += "--- stderr\n" + stderr.String()
	}
	return got, code
}

// TestFixCLI: --diff prints the fixes and changes nothing; --fix applies
// them, re-lints and reports what remains; a second --fix has nothing to do.
func TestFixCLI(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(wd, "testdata", "output")
	abs := copyExample(t)
	orig := snapshot(t, abs)

	got, code := runOut("lint", "--no-color", "--only", fixableRules, "--diff", "guestbook-backup")
	if code != exitFindings {
		t.Errorf("--diff: exit %d, want %d (something to fix)", code, exitFindings)
	}
	golden.Assert(t, filepath.Join(out, "lint-diff.txt"), []byte(got))
	if diff := cmp.Diff(orig, snapshot(t, "guestbook-backup")); diff != "" {
		t.Errorf("--diff changed the chart (-before +after):\n%s", diff)
	}

	got, code = runOut("lint", "--no-color", "--only", fixableRules, "--fix", "guestbook-backup")
	if code != 0 {
		t.Errorf("--fix: exit %d, want 0 (nothing left of the fixable rules)", code)
	}
	golden.Assert(t, filepath.Join(out, "lint-fix.txt"), []byte(got))
	if snapshot(t, "guestbook-backup")["templates/tests/test-connection.yaml"] == orig["templates/tests/test-connection.yaml"] {
		t.Error("--fix did not change templates/tests/test-connection.yaml")
	}

	got, _ = runOut("lint", "--no-color", "--fix", "--only", "HL1003", "guestbook-backup")
	if want := "1 chart linted: 0 errors, 0 warnings, 0 infos\n--- stderr\nguestbook-backup: fixed 0 findings in 0 files\n"; got != want {
		t.Errorf("second --fix printed\n%s\nwant\n%s", got, want)
	}
}

func TestFixRefusesNonDirectories(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{
			name: "stdin", args: []string{"lint", "--fix", "-"},
			want: "--- stderr\nError: --fix and --diff edit chart directories only: manifests read from stdin have no templates to fix; pass the chart directory\n",
		},
		{
			name: "packaged chart", args: []string{"lint", "--diff", charts + "broken.tgz"},
			want: "--- stderr\nError: --fix and --diff edit chart directories only: " + charts + "broken.tgz is not a directory (a packaged chart is not edited in place: unpack it with 'tar xzf' or 'helm pull --untar')\n",
		},
		{
			name: "both", args: []string{"lint", "--fix", "--diff", example},
			want: "--- stderr\nError: --fix and --diff cannot be used together: --diff only shows what --fix changes\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, code := runOut(tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

func TestChartsOf(t *testing.T) {
	tmp := t.TempDir()
	for _, f := range []string{
		"app/Chart.yaml", "app/values.yaml", "app/templates/job.yaml",
		"app/charts/sub/Chart.yaml", "app/charts/sub/templates/hook.yaml",
		"other/Chart.yaml", "other/templates/x/y.yaml", "docs/values.yaml",
	} {
		p := filepath.Join(tmp, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(tmp)
	got, orphans := chartsOf([]string{
		"other/templates/x/y.yaml", "app/templates/job.yaml", "app/values.yaml",
		"app/charts/sub/templates/hook.yaml", "docs/values.yaml", "README.md",
	})
	if diff := cmp.Diff([]string{"app", "other"}, got); diff != "" {
		t.Errorf("chartsOf (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"docs/values.yaml", "README.md"}, orphans); diff != "" {
		t.Errorf("chartsOf orphans (-want +got):\n%s", diff)
	}
	if got, orphans := chartsOf([]string{"docs/values.yaml"}); got != nil || len(orphans) != 1 {
		t.Errorf("chartsOf(docs/values.yaml) = %q, %q; want no chart, one orphan", got, orphans)
	}
}

// TestChartsFromFilesCLI: what pre-commit runs; a file outside any chart
// is named as not linted, and without a chart file nothing is linted
// (issue 20 point 6).
func TestChartsFromFilesCLI(t *testing.T) {
	noChart := "--- stderr\nhooklint: no chart found for cli_test.go (no Chart.yaml in its directory or above): not linted\n"
	got, code := runOut("lint", "--charts-from-files", "--only", "HL1003", "--fail-on", "info", example+"/templates/tests/test-connection.yaml", example+"/values.yaml", "cli_test.go")
	want := example + "/templates/tests/test-connection.yaml:6: info HL1003: hook event \"test-success\" is the Helm 2 name of \"test\"; Helm 3 runs it as a test hook (helm test): write \"test\"\n1 chart linted: 0 errors, 0 warnings, 1 info\n" + noChart
	if code != exitFindings || got != want {
		t.Errorf("exit %d, output\n%s\nwant exit 1, output\n%s", code, got, want)
	}
	got, code = runOut("lint", "--charts-from-files", "cli_test.go")
	if code != 0 || got != noChart {
		t.Errorf("no chart file: exit %d, output %q; want exit 0 and %q", code, got, noChart)
	}
}

// TestCompletion: cobra's completion scripts name hooklint's commands.
func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		t.Run(shell, func(t *testing.T) {
			got, code := runOut("completion", shell)
			if code != 0 || !strings.Contains(got, "hooklint") || strings.Contains(got, "--- stderr") {
				t.Fatalf("hooklint completion %s: exit %d, output starts %.200q", shell, code, got)
			}
		})
	}
	// The completion itself: what the shell gets for "hooklint li<TAB>".
	got, code := runOut("__complete", "li")
	if want := "lint\tLint the hooks of one or more charts\n:4\n"; code != 0 || !strings.HasPrefix(got, want) {
		t.Errorf("hooklint __complete li: exit %d, output %q, want it to start %q", code, got, want)
	}
}

// TestGoModInstallable: `go install github.com/hooklint/hooklint/cmd/hooklint@latest`
// refuses a module whose go.mod has replace or exclude directives.
func TestGoModInstallable(t *testing.T) {
	b, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) > 0 && (f[0] == "replace" || f[0] == "exclude") {
			t.Errorf("go.mod:%d: %q: go install ...@version refuses a module with %s directives", i+1, l, f[0])
		}
	}
}
