package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"

	"github.com/hooklint/hooklint/internal/fix"
	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
)

// fixOptions are lint's --fix and --diff.
type fixOptions struct {
	fix    bool
	diff   bool
	stderr io.Writer
}

func addFixFlags(f *pflag.FlagSet, o *fixOptions) {
	f.BoolVar(&o.fix, "fix", false, "fix what can be fixed mechanically in the chart directories' templates, then report what remains")
	f.BoolVar(&o.diff, "diff", false, "print the fixes --fix would make as a patch and change nothing; exit 1 when there is something to fix, 0 when not (apply it with: patch -d CHART -p1 < fix.patch)")
}

// errFixInput is a chart --fix or --diff cannot edit.
var errFixInput = errors.New("--fix and --diff edit chart directories only")

// run applies (--fix) or prints (--diff) the fixes of every chart.
// linter lints the i-th chart as the run would. It reports what it did on
// stderr and returns done when the run is over (--diff prints nothing
// else).
func (o *fixOptions) run(args []string, stdout io.Writer, linter func(i int, dir string) fix.Linter) (done bool, err error) {
	if !o.fix && !o.diff {
		return false, nil
	}
	if o.fix && o.diff {
		return true, errors.New("--fix and --diff cannot be used together: --diff only shows what --fix changes")
	}
	for _, a := range args {
		if a == "-" {
			return true, fmt.Errorf("%w: manifests read from stdin have no templates to fix; pass the chart directory", errFixInput)
		}
		if st, err := os.Stat(a); err == nil && !st.IsDir() {
			return true, fmt.Errorf("%w: %s is not a directory (a packaged chart is not edited in place: unpack it with 'tar xzf' or 'helm pull --untar')", errFixInput, a)
		}
	}
	if o.diff {
		if len(args) > 1 {
			return true, errors.New("--diff takes one chart: its patch names the files relative to the chart directory (patch -d CHART -p1 < fix.patch)")
		}
		return true, o.preview(stdout, linter(0, args[0]))
	}
	var errs []error
	for i, dir := range args {
		out, err := fix.Run(linter(i, dir))
		if err != nil {
			if out.Result.Err != nil {
				continue // a chart that does not load: the report says why
			}
			errs = append(errs, fmt.Errorf("chart %s: %w", dir, err))
			continue
		}
		notes, err := fix.Write(dir, out.Files)
		if err != nil {
			errs = append(errs, fmt.Errorf("chart %s: writing the fixes: %w", dir, err))
			continue
		}
		o.summary(dir, out, notes)
	}
	return false, errors.Join(errs...)
}

// preview prints the fixes of one chart as a patch: exit status 1 when
// there is something to fix (as gofmt -l and terraform fmt -check do).
func (o *fixOptions) preview(stdout io.Writer, l fix.Linter) error {
	out, err := fix.Run(l)
	if out.Result.Err != nil {
		fmt.Fprintf(o.stderr, "%s: %v\n", l.Dir, out.Result.Err)
		return &exitError{code: exitUsage}
	}
	if err != nil {
		return fmt.Errorf("chart %s: %w", l.Dir, err)
	}
	if _, err := io.WriteString(stdout, fix.Diff(out.Files)); err != nil {
		return err
	}
	o.summary(l.Dir, out, nil)
	if len(out.Files) > 0 {
		return &exitError{code: exitFindings}
	}
	return nil
}

// summary tells on stderr what was (or would be) fixed and what was not.
func (o *fixOptions) summary(dir string, out *fix.Outcome, notes []string) {
	verb := "fixed"
	if o.diff {
		verb = "would fix"
	}
	files := len(out.Files)
	fmt.Fprintf(o.stderr, "%s: %s %d %s in %d %s\n", dir, verb, len(out.Fixed), plural(len(out.Fixed), "finding"), files, plural(files, "file"))
	prefix := strings.TrimSuffix(dir, "/") + "/"
	for _, s := range out.Skipped {
		f := s.Finding
		fmt.Fprintf(o.stderr, "%s%s: %s not fixable automatically: %s\n", prefix, f.Pos, f.Rule.ID, s.Reason)
	}
	for _, n := range notes {
		fmt.Fprintf(o.stderr, "%s%s\n", prefix, n)
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// fixLinter is the fix.Linter of one chart of a lint run.
func fixLinter(dir string, ro render.Options, as []*lint.Analyzer, st lint.Settings) fix.Linter {
	opts := &ro // each chart its own copy
	return fix.Linter{
		Dir: dir,
		Load: func() (*render.Chart, error) {
			c, o, err := lint.LoadChart(dir, opts, st)
			opts = o
			return c, err
		},
		Lint: func(c *render.Chart) (lint.ChartResult, []*hook.Set) { return lint.LintLoaded(c, opts, as, st) },
	}
}
