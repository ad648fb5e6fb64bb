package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"

	"github.com/hooklint/hooklint/internal/fix"
	"github.com/hooklint/hooklint/internal/lint"
)

// fixOptions are lint's --fix and --diff.
type fixOptions struct {
	fix    bool
	diff   bool
	stderr io.Writer
}

func addFixFlags(f *pflag.FlagSet, o *fixOptions) {
	f.BoolVar(&o.fix, "fix", false, "fix what can be fixed mechanically in the chart directories' templates, then report what remains")
	f.BoolVar(&o.diff, "diff", false, "print the fixes --fix would make as a unified diff and change nothing")
}

// errFixInput is a chart --fix or --diff cannot edit.
var errFixInput = errors.New("--fix and --diff edit chart directories only")

// run applies (--fix) or prints (--diff) the fixes of every chart. lintDir
// lints the i-th chart as the run would. It reports what it did on stderr
// and returns done when the run is over (--diff prints nothing else).
func (o *fixOptions) run(args []string, stdout io.Writer, lintDir func(i int, dir string) lint.ChartResult) (done bool, err error) {
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
	var errs []error
	for i, dir := range args {
		if o.diff {
			errs = append(errs, o.preview(stdout, dir, lintDir(i, dir)))
			continue
		}
		out, err := fix.Apply(dir, func() lint.ChartResult { return lintDir(i, dir) })
		if err != nil {
			if out.Result.Err != nil && len(out.Fixed) == 0 {
				continue // a chart that does not load: the report says why
			}
			errs = append(errs, fmt.Errorf("chart %s: %w", dir, err))
			continue
		}
		o.summary(dir, len(out.Files), out.Fixed, out.Skipped)
	}
	return o.diff, errors.Join(errs...)
}

// preview prints the first round of fixes of one chart as a diff.
func (o *fixOptions) preview(stdout io.Writer, dir string, res lint.ChartResult) error {
	if res.Err != nil {
		fmt.Fprintf(o.stderr, "%s: %v\n", dir, res.Err)
		return &exitError{code: exitUsage}
	}
	plan, err := fix.Compute(dir, res.Findings)
	if err != nil {
		return fmt.Errorf("chart %s: %w", dir, err)
	}
	if _, err := io.WriteString(stdout, plan.Diff(dir)); err != nil {
		return err
	}
	o.summary(dir, len(plan.Files), plan.Fixed, plan.Skipped)
	return nil
}

// summary tells on stderr what was (or would be) fixed and what was not.
func (o *fixOptions) summary(dir string, files int, fixed []lint.Finding, skipped []fix.Skip) {
	verb := "fixed"
	if o.diff {
		verb = "would fix"
	}
	fmt.Fprintf(o.stderr, "%s: %s %d %s in %d %s\n", dir, verb, len(fixed), plural(len(fixed), "finding"), files, plural(files, "file"))
	for _, s := range skipped {
		f := s.Finding
		fmt.Fprintf(o.stderr, "%s/%s: %s not fixable automatically: %s\n", strings.TrimSuffix(dir, "/"), f.Pos, f.Rule.ID, s.Reason)
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
