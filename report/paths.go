package report

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
)

// repoPath is the slash path of a chart file relative to the working
// directory, which CI tools (code scanning, workflow annotations) read as
// relative to the repository root when hooklint runs there: the chart
// argument joined with the chart-relative file. A packaged chart (a regular
// file) and stdin ("-") have no such path: the chart-relative file is used.
// An absolute chart argument inside the working directory is made relative
// to it.
func repoPath(chart, file string) string {
	if chart == "-" || isRegularFile(chart) || file == "" {
		return filepath.ToSlash(file)
	}
	p := filepath.Join(chart, file)
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
				p = rel
			}
		}
	}
	return filepath.ToSlash(p)
}

func isRegularFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// findingPath is repoPath of a finding of chart ch.
func findingPath(ch *lint.ChartResult, f *lint.Finding) string {
	return repoPath(ch.Chart.Arg, f.Pos.File)
}

// inputErrorPos is the repository path and line of an input error, when
// the error names a file.
func inputErrorPos(ch *lint.ChartResult) (file string, line int) {
	var ie *render.InputError
	if errors.As(ch.Err, &ie) && ie.File != "" {
		return repoPath(ch.Chart.Arg, ie.File), ie.Line
	}
	return "", 0
}

// ruleSection returns the text under the "# heading" of a rule's doc, with
// the lines joined into paragraphs.
func ruleSection(doc, heading string) string {
	_, rest, ok := strings.Cut(doc, "\n# "+heading+"\n")
	if !ok {
		return ""
	}
	if i := strings.Index(rest, "\n# "); i >= 0 {
		rest = rest[:i]
	}
	return strings.TrimSpace(rest)
}

// firstParagraph is the first paragraph of s on one line.
func firstParagraph(s string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(s), "\n\n")
	return strings.Join(strings.Fields(p), " ")
}

// lineRef is file:line, or file when the line is unknown.
func lineRef(file string, line int) string {
	if line > 0 {
		return file + ":" + strconv.Itoa(line)
	}
	return file
}
