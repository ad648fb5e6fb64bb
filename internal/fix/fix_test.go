package fix_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hooklint/hooklint/internal/fix"
	"github.com/hooklint/hooklint/internal/golden"
	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/rules"
)

// fixable are the rules that attach fixes.
var fixable = []string{"HL1001", "HL1003", "HL1004", "HL1006", "HL1009"}

// lintDir lints a chart directory with every rule and default options.
func lintDir(t *testing.T, dir string) lint.ChartResult {
	t.Helper()
	return lint.LintChart(dir, &render.Options{ReleaseName: "release-name", Namespace: "default"}, rules.All, lint.Settings{})
}

// linter is the fix.Linter of dir with every rule and default options.
func linter(dir string) fix.Linter {
	opts := &render.Options{ReleaseName: "release-name", Namespace: "default"}
	return fix.Linter{
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

// apply runs the fixes of dir and writes them, as lint --fix does.
func apply(t *testing.T, dir string) *fix.Outcome {
	t.Helper()
	out, err := fix.Run(linter(dir))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fix.Write(dir, out.Files); err != nil {
		t.Fatal(err)
	}
	return out
}

// copyChart copies a committed chart into a temporary directory: tests
// never edit testdata.
func copyChart(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "chart")
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

func line(f lint.Finding) string {
	return fmt.Sprintf("%s %s: %s", f.Pos, f.Rule.ID, f.Message)
}

// TestFixCases applies the fixes of each testdata/<case>/chart and compares
// the diff, every fixed template (after/<path>.golden), and what was fixed,
// skipped and remains, with goldens. The fixed chart must still render.
func TestFixCases(t *testing.T) {
	cases, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name(), func(t *testing.T) {
			base := filepath.Join("testdata", c.Name())
			dir := copyChart(t, filepath.Join(base, "chart"))
			out := apply(t, dir)
			golden.Assert(t, filepath.Join(base, "fix.diff.golden"), []byte(fix.Diff(out.Files)))
			for _, f := range out.Files {
				got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
				if err != nil {
					t.Fatal(err)
				}
				golden.Assert(t, filepath.Join(base, "after", filepath.FromSlash(f.Path)+".golden"), got)
			}
			after := out.Result
			var b strings.Builder
			for _, f := range out.Fixed {
				fmt.Fprintf(&b, "fixed %s %s: %s\n", f.Pos, f.Rule.ID, f.Fixes[0].Message)
			}
			for _, s := range out.Skipped {
				fmt.Fprintf(&b, "skipped %s %s: %s\n", s.Finding.Pos, s.Finding.Rule.ID, s.Reason)
			}
			for _, f := range after.Findings {
				if slices.Contains(fixable, f.Rule.ID) {
					fmt.Fprintf(&b, "remains %s\n", line(f))
				}
			}
			golden.Assert(t, filepath.Join(base, "result.golden"), []byte(b.String()))
		})
	}
}

// TestFixRuleFixtures runs the fixes on (a copy of) every rule fixture
// with a fixable finding: the fixed chart renders, every fixed finding is
// gone, no finding of a fixable rule appears that was not there before, and
// a second run has nothing left to fix.
func TestFixRuleFixtures(t *testing.T) {
	dirs, err := filepath.Glob("../../rules/hl*/testdata/*/Chart.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fixedSome := 0
	for _, chartYAML := range dirs {
		src := filepath.Dir(chartYAML)
		name := strings.TrimPrefix(filepath.ToSlash(src), "../../rules/")
		t.Run(name, func(t *testing.T) {
			dir := copyChart(t, src)
			before := lintDir(t, dir)
			if before.Err != nil {
				t.Skipf("does not render with default options: %v", before.Err)
			}
			out := apply(t, dir)
			if len(out.Fixed) == 0 {
				return
			}
			fixedSome++
			// Per rule and position (messages quote values that the fix
			// changed): no more findings than before minus the fixed ones.
			type key struct{ rule, pos string }
			left := map[key]int{}
			for _, f := range before.Findings {
				left[key{f.Rule.ID, f.Pos.String()}]++
			}
			for _, f := range out.Fixed {
				left[key{f.Rule.ID, f.Pos.String()}]--
			}
			for _, f := range out.Result.Findings {
				if !slices.Contains(fixable, f.Rule.ID) {
					continue
				}
				k := key{f.Rule.ID, f.Pos.String()}
				if left[k]--; left[k] < 0 {
					t.Errorf("reported after the fix (fixed, or new): %s", line(f))
				}
				if len(f.Fixes) > 0 && !skipped(out.Skipped, f) {
					t.Errorf("still has a fix after --fix: %s", line(f))
				}
			}
		})
	}
	if fixedSome < len(fixable) {
		t.Errorf("only %d rule fixtures had a fix applied, want at least one per fixable rule (%d)", fixedSome, len(fixable))
	}
}

func skipped(ss []fix.Skip, f lint.Finding) bool {
	for _, s := range ss {
		if line(s.Finding) == line(f) {
			return true
		}
	}
	return false
}
