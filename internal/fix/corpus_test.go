package fix

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"helm.sh/helm/v3/pkg/cli/values"

	"github.com/hooklint/hooklint/internal/corpus"
	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/rules"
)

// TestFixCorpus runs the fixes on a temporary copy of every chart of
// ../shared/corpus (with its hooks values) and checks, in process:
//   - the patch (--diff) is what is written (--fix), and nothing else of
//     the chart changes;
//   - linted from disk, the fixed chart has the findings the fix computed
//     in memory, and renders as before but for the annotations on the
//     edited lines (weights keep Helm's value);
//   - a second run has nothing to fix.
func TestFixCorpus(t *testing.T) {
	charts, err := corpus.Charts()
	if err != nil {
		t.Fatal(err)
	}
	if len(charts) == 0 {
		t.Skip("no ../shared/corpus")
	}
	fixed := 0
	for _, ch := range charts {
		t.Run(ch.ID, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), ch.ID)
			if err := os.CopyFS(dir, os.DirFS(ch.Dir)); err != nil {
				t.Fatal(err)
			}
			var vals []string
			if ch.Values != "" {
				vals = []string{ch.Values}
			}
			l := corpusLinter(dir, vals)
			before := files(t, dir)
			c0, err := l.Load()
			if err != nil {
				t.Fatal(err)
			}
			_, sets0 := l.Lint(c0)

			out, err := Run(l)
			if err != nil {
				t.Fatal(err)
			}
			if len(out.Files) == 0 {
				return
			}
			fixed++
			patch := Diff(out.Files)
			if _, err := Write(dir, out.Files); err != nil {
				t.Fatal(err)
			}
			after := files(t, dir)
			var written []File
			edited := map[string]map[int]bool{}
			for p, s := range after {
				if before[p] == s {
					continue
				}
				written = append(written, File{Path: p, Old: before[p], New: s})
				edited[p] = map[int]bool{}
				a, b := strings.Split(before[p], "\n"), strings.Split(s, "\n")
				if len(a) != len(b) {
					t.Errorf("%s: %d lines became %d", p, len(a), len(b))
					continue
				}
				for i := range a {
					if a[i] != b[i] {
						edited[p][i+1] = true
					}
				}
			}
			sortFiles(written)
			if diff := cmp.Diff(patch, Diff(written)); diff != "" {
				t.Errorf("the patch is not what was written (-patch +written):\n%s", diff)
			}
			if len(after) != len(before) {
				t.Errorf("%d files before the fix, %d after", len(before), len(after))
			}

			c2, err := l.Load()
			if err != nil {
				t.Fatal(err)
			}
			res2, sets2 := l.Lint(c2)
			if diff := cmp.Diff(lines(out.Result.Findings), lines(res2.Findings)); diff != "" {
				t.Errorf("findings linted from disk differ from the ones computed in memory (-memory +disk):\n%s", diff)
			}
			for _, a := range sets0 {
				for _, b := range sets2 {
					if a.Context == b.Context {
						if file, why := sameRender(a, b, edited); why != "" {
							t.Errorf("%s: %s", file, why)
						}
					}
				}
			}
			again, err := Run(l)
			if err != nil {
				t.Fatal(err)
			}
			if len(again.Files) > 0 {
				t.Errorf("a second run still changes %d files:\n%s", len(again.Files), Diff(again.Files))
			}
		})
	}
	t.Logf("%d of %d corpus charts had something to fix", fixed, len(charts))
}

func corpusLinter(dir string, vals []string) Linter {
	opts := &render.Options{ReleaseName: "release-name", Namespace: "default", Values: values.Options{ValueFiles: vals}}
	return Linter{
		Dir: dir,
		Load: func() (*render.Chart, error) {
			c, o, err := lint.LoadChart(dir, opts, lint.Settings{})
			opts = o
			return c, err
		},
		Lint: func(c *render.Chart) (lint.ChartResult, []*hook.Set) {
			return lint.LintLoaded(c, opts, rules.All, lint.Settings{})
		},
	}
}

// files returns every file under dir with its text.
func files(t *testing.T, dir string) map[string]string {
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

func lines(fs []lint.Finding) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		out = append(out, f.Pos.String()+" "+f.Rule.ID+": "+f.Message)
	}
	return out
}
