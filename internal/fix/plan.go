package fix

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hooklint/hooklint/internal/lint"
)

// plan locates the first suggested fix of every finding that has one in
// the current text of the files. A fix is skipped with the reason when a
// file it edits cannot be edited (check), when its text is not written on
// the line, when verification refused it, when it was applied already, or
// when it overlaps another fix; an identical edit (the same template line
// rendered twice) is shared.
func (s *state) plan(findings []lint.Finding) (*plan, error) {
	p := &plan{text: map[string]string{}}
	lines := map[string][]string{} // path -> lines with their terminators
	var all []edit
	for _, f := range findings {
		if len(f.Fixes) == 0 {
			continue
		}
		if why, ok := s.rejected[findingKey(f)]; ok {
			p.skipped = append(p.skipped, Skip{Finding: f, Reason: why})
			continue
		}
		var edits []edit
		reason := ""
		for _, e := range f.Fixes[0].Edits {
			file := e.Pos.File
			why, err := s.check(file)
			if err != nil {
				return nil, err
			}
			if why != "" {
				reason = why
				break
			}
			ls, ok := lines[file]
			if !ok {
				ls = strings.SplitAfter(s.text[file], "\n")
				lines[file] = ls
			}
			if e.Pos.Line < 1 || e.Pos.Line > len(ls) {
				reason = fmt.Sprintf("%s has no line %d", file, e.Pos.Line)
				break
			}
			start, why := locate(strings.TrimRight(ls[e.Pos.Line-1], "\r\n"), e.Pos.Col, e.Old)
			if why != "" {
				reason = why
				break
			}
			ed := edit{file: file, line: e.Pos.Line - 1, start: start, end: start + len(e.Old), old: e.Old, repl: e.New}
			if s.applied[ed] {
				reason = "the same edit was applied in an earlier round and the finding is still reported"
				break
			}
			edits = append(edits, ed)
		}
		if reason == "" {
			reason = overlaps(all, edits)
		}
		if reason != "" {
			p.skipped = append(p.skipped, Skip{Finding: f, Reason: reason})
			continue
		}
		for _, e := range edits {
			if !slices.Contains(all, e) {
				all = append(all, e)
			}
		}
		p.fixed = append(p.fixed, plannedFix{finding: f, edits: edits})
	}
	byFile := map[string][]edit{}
	for _, e := range all {
		byFile[e.file] = append(byFile[e.file], e)
	}
	for file, es := range byFile {
		ls := slices.Clone(lines[file])
		// Right to left, so earlier offsets on a line stay valid.
		slices.SortFunc(es, func(a, b edit) int { return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(b.start, a.start)) })
		for _, e := range es {
			l := ls[e.line]
			ls[e.line] = l[:e.start] + e.repl + l[e.end:]
		}
		p.text[file] = strings.Join(ls, "")
	}
	return p, nil
}

// overlaps says why edits cannot join the planned ones: one overlaps a
// different planned edit on the same text ("" when none does).
func overlaps(planned, edits []edit) string {
	for _, e := range edits {
		for _, o := range planned {
			if o != e && o.file == e.file && o.line == e.line && e.start < o.end && o.start < e.end {
				return "it overlaps another fix on the same text"
			}
		}
	}
	return ""
}

// check says why the chart file (chart-relative slash path) cannot be
// edited, or "" after reading its text; the answer is kept. A file can
// be edited when Helm reads it from the chart directory (not from inside
// an archive, not a file .helmignore leaves out), it is a regular file
// reached without a symbolic link, and neither it nor its folder is
// read-only. The error is a file that cannot be read.
func (s *state) check(file string) (string, error) {
	if why, ok := s.checked[file]; ok {
		return why, nil
	}
	why, err := s.editable(file)
	if err != nil {
		return "", err
	}
	s.checked[file] = why
	return why, nil
}

func (s *state) editable(file string) (string, error) {
	if _, ok := s.files[file]; !ok {
		if a := archiveOf(file); a != "" {
			return fmt.Sprintf("%s is inside the packaged subchart %s: unpack it into a folder of charts/ (and remove the archive) to fix it", file, a), nil
		}
		return fmt.Sprintf("%s is not a template Helm reads from the chart directory", file), nil
	}
	// Every element of the path, so that no write goes through a link.
	for i := range strings.Count(file, "/") + 1 {
		part := strings.Join(strings.Split(file, "/")[:i+1], "/")
		fi, err := os.Lstat(filepath.Join(s.dir, filepath.FromSlash(part)))
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return s.linkReason(file, part), nil
		}
	}
	full := filepath.Join(s.dir, filepath.FromSlash(file))
	fi, err := os.Lstat(full)
	if err != nil {
		return "", err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Sprintf("%s is not a regular file", file), nil
	}
	if fi.Mode().Perm()&0o222 == 0 || !writable(full) {
		return fmt.Sprintf("%s is read-only", file), nil
	}
	if folder := filepath.Dir(full); !writable(folder) {
		return fmt.Sprintf("the folder of %s is read-only: the fixed file cannot be written beside it and renamed over it", file), nil
	}
	b, err := os.ReadFile(full)
	if err != nil {
		return "", err
	}
	s.orig[file], s.text[file] = string(b), string(b)
	return "", nil
}

// linkReason says why file, reached through the symbolic link part, is
// not edited.
func (s *state) linkReason(file, part string) string {
	what := "is a symbolic link"
	if part != file {
		what = "is reached through the symbolic link " + part
	}
	root, err1 := filepath.EvalSymlinks(s.dir)
	target, err2 := filepath.EvalSymlinks(filepath.Join(s.dir, filepath.FromSlash(file)))
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(root, target); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return fmt.Sprintf("%s %s to %s: fix that file", file, what, filepath.ToSlash(rel))
		}
	}
	return fmt.Sprintf("%s %s to a file outside the chart: it is not edited", file, what)
}

// archiveOf returns the subchart archive a position inside one names
// (charts/sub-0.1.0.tgz/templates/w.yaml -> charts/sub-0.1.0.tgz), or "".
func archiveOf(file string) string {
	for i, part := range strings.Split(file, "/") {
		if path.Ext(part) == ".tgz" {
			return strings.Join(strings.Split(file, "/")[:i+1], "/")
		}
	}
	return ""
}

var errChanged = errors.New("changed on disk while hooklint was fixing it")
