package fix

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/hooklint/hooklint/internal/lint"
)

// MaxRounds bounds Apply: a fix can reveal findings Helm hid (a hook it
// dropped for a misspelled event has its other annotations checked only
// once the event is right), so Apply re-lints and fixes again.
const MaxRounds = 3

// Outcome is what Apply changed in a chart directory.
type Outcome struct {
	// Files are the changed files, from their original to their final text.
	Files []File
	// Fixed are the findings whose fix was applied, round after round.
	Fixed []lint.Finding
	// Skipped are the findings of the last lint whose fix does not apply.
	Skipped []Skip
	// Result is the last lint of the fixed chart.
	Result lint.ChartResult
}

// Apply lints the chart directory dir with lintDir, writes the fixes,
// re-lints, and repeats while something was fixed (at most MaxRounds).
// When the fixed chart no longer loads or renders, every file is restored
// and the error says so.
func Apply(dir string, lintDir func() lint.ChartResult) (*Outcome, error) {
	out := &Outcome{Result: lintDir()}
	if out.Result.Err != nil {
		return out, out.Result.Err
	}
	orig := map[string]string{}
	final := map[string]string{}
	for range MaxRounds {
		plan, err := Compute(dir, out.Result.Findings)
		if err != nil {
			return out, err
		}
		out.Skipped = plan.Skipped
		if len(plan.Files) == 0 {
			break
		}
		for _, f := range plan.Files {
			if _, ok := orig[f.Path]; !ok {
				orig[f.Path] = f.Old
			}
			final[f.Path] = f.New
		}
		if err := plan.Write(); err != nil {
			return out, errors.Join(err, restore(dir, orig))
		}
		out.Fixed = append(out.Fixed, plan.Fixed...)
		out.Result = lintDir()
		if out.Result.Err != nil {
			err := fmt.Errorf("the fixed chart no longer renders, so nothing was changed: %w", out.Result.Err)
			return out, errors.Join(err, restore(dir, orig))
		}
	}
	for p, old := range orig {
		out.Files = append(out.Files, File{Path: p, Old: old, New: final[p]})
	}
	slices.SortFunc(out.Files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	return out, nil
}

func restore(dir string, orig map[string]string) error {
	p := &Plan{Dir: dir}
	for path, old := range orig {
		p.Files = append(p.Files, File{Path: path, Old: old})
	}
	if err := p.Restore(); err != nil {
		return fmt.Errorf("restoring %s: %w", dir, err)
	}
	return nil
}
