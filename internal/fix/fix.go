package fix

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/hooklint/hooklint/internal/lint"
)

// Plan is what applying the fixes of one chart's findings would change.
type Plan struct {
	// Dir is the chart directory the files are relative to.
	Dir string
	// Files are the changed template files, sorted by path.
	Files []File
	// Fixed are the findings whose fix applies.
	Fixed []lint.Finding
	// Skipped are the findings with a fix that does not apply, and why.
	Skipped []Skip
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

// span is one located edit on a line.
type span struct {
	line       int // 0-based
	start, end int // byte offsets in the line
	repl       string
}

// Compute plans the first suggested fix of every finding that has one,
// against the files under dir. Findings are applied in order; a fix that
// overlaps an earlier one on the same text is skipped, an identical one
// (the same template line rendered twice) is shared.
func Compute(dir string, findings []lint.Finding) (*Plan, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	p := &Plan{Dir: dir}
	lines := map[string][]string{} // path -> lines with their terminators
	orig := map[string]string{}
	spans := map[string][]span{}
	for _, f := range findings {
		if len(f.Fixes) == 0 {
			continue
		}
		fx := f.Fixes[0]
		var planned []span
		var files []string
		reason := ""
		for _, e := range fx.Edits {
			ls, ok := lines[e.Pos.File]
			if !ok {
				text, rerr := root.ReadFile(e.Pos.File)
				if rerr != nil {
					if errors.Is(rerr, fs.ErrNotExist) {
						reason = fmt.Sprintf("%s is not a file of the chart directory (a packaged subchart?)", e.Pos.File)
						break
					}
					return nil, rerr
				}
				orig[e.Pos.File] = string(text)
				ls = strings.SplitAfter(string(text), "\n")
				lines[e.Pos.File] = ls
			}
			if e.Pos.Line < 1 || e.Pos.Line > len(ls) {
				reason = fmt.Sprintf("%s has no line %d", e.Pos.File, e.Pos.Line)
				break
			}
			start, why := locate(strings.TrimRight(ls[e.Pos.Line-1], "\r\n"), e.Pos.Col, e.Old)
			if why != "" {
				reason = why
				break
			}
			planned = append(planned, span{line: e.Pos.Line - 1, start: start, end: start + len(e.Old), repl: e.New})
			files = append(files, e.Pos.File)
		}
		if reason == "" {
			reason = merge(spans, files, planned)
		}
		if reason != "" {
			p.Skipped = append(p.Skipped, Skip{Finding: f, Reason: reason})
			continue
		}
		p.Fixed = append(p.Fixed, f)
	}
	for path, ss := range spans {
		ls := slices.Clone(lines[path])
		// Right to left, so earlier offsets on a line stay valid.
		slices.SortFunc(ss, func(a, b span) int { return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(b.start, a.start)) })
		for _, s := range ss {
			l := ls[s.line]
			ls[s.line] = l[:s.start] + s.repl + l[s.end:]
		}
		p.Files = append(p.Files, File{Path: path, Old: orig[path], New: strings.Join(ls, "")})
	}
	slices.SortFunc(p.Files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	return p, nil
}

// merge adds a fix's spans unless one overlaps a different planned span;
// spans equal to planned ones are already there.
func merge(spans map[string][]span, files []string, planned []span) string {
	for i, s := range planned {
		for _, o := range spans[files[i]] {
			if o == s {
				continue
			}
			if o.line == s.line && s.start < o.end && o.start < s.end {
				return "it overlaps another fix on the same text"
			}
		}
	}
	for i, s := range planned {
		if !slices.Contains(spans[files[i]], s) {
			spans[files[i]] = append(spans[files[i]], s)
		}
	}
	return ""
}

// Write writes the changed files back to the chart directory, keeping each
// file's permissions.
func (p *Plan) Write() error {
	root, err := os.OpenRoot(p.Dir)
	if err != nil {
		return err
	}
	defer root.Close()
	for _, f := range p.Files {
		st, err := root.Stat(f.Path)
		if err != nil {
			return err
		}
		if err := root.WriteFile(f.Path, []byte(f.New), st.Mode().Perm()); err != nil {
			return err
		}
	}
	return nil
}

// Restore writes the original text of every changed file back.
func (p *Plan) Restore() error {
	root, err := os.OpenRoot(p.Dir)
	if err != nil {
		return err
	}
	defer root.Close()
	var errs []error
	for _, f := range p.Files {
		st, err := root.Stat(f.Path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		errs = append(errs, root.WriteFile(f.Path, []byte(f.Old), st.Mode().Perm()))
	}
	return errors.Join(errs...)
}
