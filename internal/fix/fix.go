package fix

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
)

// MaxRounds bounds Run: a fix can reveal findings Helm hid (a hook it
// dropped for a misspelled event has its other annotations checked only
// once the event is right), so Run lints the fixed chart and fixes again.
const MaxRounds = 3

// Linter loads and lints one chart directory as the run does.
type Linter struct {
	// Dir is the chart directory as given.
	Dir string
	// Load loads the chart from Dir.
	Load func() (*render.Chart, error)
	// Lint lints a loaded chart (perhaps with templates changed in
	// memory) and returns its renders (lint.LintLoaded).
	Lint func(c *render.Chart) (lint.ChartResult, []*hook.Set)
}

// Outcome is what fixing a chart changes, or would change.
type Outcome struct {
	// Files are the changed files, from their original to their final
	// text, sorted by path.
	Files []File
	// Fixed are the findings whose fix is applied, round after round.
	Fixed []lint.Finding
	// Skipped are the findings with a fix that is not applied, and why.
	Skipped []Skip
	// Result is the lint of the fixed chart: what remains.
	Result lint.ChartResult
}

// File is one changed file: chart-relative slash path, old and new text.
type File struct {
	Path     string
	Old, New string
}

// Skip is a finding whose fix was not applied.
type Skip struct {
	Finding lint.Finding
	Reason  string
}

// Run computes the fixes of a chart directory without writing a file:
// it lints the chart, applies the fixes to the templates in memory, and
// lints the changed chart (render.Chart.WithTemplates), round after round.
// A round is kept only when it does what it says: every fixed finding is
// gone, no finding appears that the edits caused, and the renders are the
// same but for the annotations the edits are on (a weight keeps the value
// Helm sorts by). A fix that fails this is left out with the reason, and
// the round is tried again without it. Write writes the outcome; --diff
// prints it, so the diff is what --fix writes.
//
// The error is the chart's input error (it does not load or render) or a
// file that cannot be read.
func Run(l Linter) (*Outcome, error) {
	out := &Outcome{}
	c, err := l.Load()
	if err != nil {
		out.Result = lint.ChartResult{Chart: lint.ChartInfo{Arg: l.Dir}, Err: err}
		return out, err
	}
	res, sets := l.Lint(c)
	out.Result = res
	if res.Err != nil {
		return out, res.Err
	}
	st := &state{
		dir: l.Dir, files: c.TemplateFiles(), text: map[string]string{}, orig: map[string]string{},
		checked: map[string]string{}, rejected: map[string]string{}, applied: map[edit]bool{},
	}
	for range MaxRounds {
		var p *plan
		for {
			if p, err = st.plan(res.Findings); err != nil {
				return out, err
			}
			if len(p.fixed) == 0 {
				break
			}
			c2 := c.WithTemplates(p.helmText(st.files))
			res2, sets2 := l.Lint(c2)
			if bad := verify(p, res, sets, res2, sets2); len(bad) > 0 {
				for k, why := range bad {
					st.rejected[k] = why
				}
				continue // the round again without the rejected fixes
			}
			for path, t := range p.text {
				st.text[path] = t
			}
			for _, pf := range p.fixed {
				for _, e := range pf.edits {
					st.applied[e] = true
				}
				out.Fixed = append(out.Fixed, pf.finding)
			}
			c, res, sets = c2, res2, sets2
			break
		}
		out.Skipped = p.skipped
		out.Result = res
		if len(p.fixed) == 0 {
			break
		}
	}
	for path, old := range st.orig {
		if st.text[path] != old {
			out.Files = append(out.Files, File{Path: path, Old: old, New: st.text[path]})
		}
	}
	sortFiles(out.Files)
	return out, nil
}

func sortFiles(fs []File) {
	slices.SortFunc(fs, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
}

// state is what Run knows of the chart's files across rounds.
type state struct {
	dir string
	// files maps the templates Helm reads from the chart directory to
	// their Helm paths (render.Chart.TemplateFiles).
	files map[string]string
	// text is each read file's current text (with the fixes kept so far),
	// orig its text on disk.
	text, orig map[string]string
	// checked holds, per file, why it cannot be edited ("" when it can).
	checked map[string]string
	// rejected holds the fixes verification refused (by findingKey), and why.
	rejected map[string]string
	// applied are the edits of the rounds kept: none is applied twice.
	applied map[edit]bool
}

// edit is one located edit: file, 0-based line, byte span, replacement.
type edit struct {
	file       string
	line       int
	start, end int
	old, repl  string
}

// plannedFix is one finding's fix, located.
type plannedFix struct {
	finding lint.Finding
	edits   []edit
}

// plan is one round: the fixes that apply and the new text of each file.
type plan struct {
	fixed   []plannedFix
	skipped []Skip
	// text is the new text of every file a fix edits.
	text map[string]string
}

// helmText is the plan's texts by Helm path, as the loader would read
// them (without a byte order mark: helm.sh/helm/v3@v3.22.0
// pkg/chart/loader/directory.go LoadDir trims it).
func (p *plan) helmText(files map[string]string) map[string]string {
	out := map[string]string{}
	for path, t := range p.text {
		out[files[path]] = string(bytes.TrimPrefix([]byte(t), []byte("\xEF\xBB\xBF")))
	}
	return out
}

// findingKey identifies a finding across lints of the same chart: its
// rule, position and object (messages quote values a fix changes).
func findingKey(f lint.Finding) string {
	obj := ""
	if f.Object != nil {
		obj = f.Object.Kind + "/" + f.Object.Namespace + "/" + f.Object.Name
	}
	return strings.Join([]string{f.Rule.ID, f.Pos.File, fmt.Sprint(f.Pos.Line), obj}, "\x00")
}
