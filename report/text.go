package report

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/termtext"
)

// Text is the default format: one line per finding,
//
//	path/to/chart/templates/job.yaml:12: error HL1004: message
//
// grouped per chart, then a summary line. Paths are the chart argument
// joined with the chart-relative file when the chart is a directory.
type Text struct {
	Color bool
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
)

// Format implements Formatter.
func (t *Text) Format(w io.Writer, res *Result) error {
	var b strings.Builder
	for _, ch := range res.Charts {
		if len(res.Charts) > 1 {
			b.WriteString(t.paint(ansiBold, "==> "+termtext.Escape(ch.Chart.Arg)) + "\n")
		}
		// Chart-derived text is escaped (termtext): a file name or a value
		// holding a newline or ESC prints as \n or \x1b, and an input
		// error is one line.
		if ch.Err != nil {
			fmt.Fprintf(&b, "%s %s\n", t.paint(ansiRed, "input error:"), termtext.Escape(ch.Err.Error()))
			continue
		}
		for _, n := range ch.Notes {
			fmt.Fprintf(&b, "note: %s\n", termtext.Escape(n))
		}
		for _, f := range ch.Findings {
			fmt.Fprintf(&b, "%s: %s %s: %s\n", termtext.Escape(displayPos(ch.Chart.Arg, f)), t.severity(f.Severity), f.Rule.ID, termtext.Escape(f.Message))
		}
	}
	b.WriteString(Summary(Count(res)) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func (t *Text) severity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return t.paint(ansiRed, s.String())
	case lint.Warning:
		return t.paint(ansiYellow, s.String())
	}
	return t.paint(ansiBlue, s.String())
}

func (t *Text) paint(code, s string) string {
	if !t.Color {
		return s
	}
	return code + s + ansiReset
}

// displayPos is the file:line a reader can open.
func displayPos(chart string, f lint.Finding) string {
	file := f.Pos.File
	if chart != "-" && isDir(chart) {
		file = filepath.ToSlash(filepath.Join(chart, file))
	}
	if f.Pos.Line > 0 {
		return fmt.Sprintf("%s:%d", file, f.Pos.Line)
	}
	return file
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// Summary is the closing line of the text format.
func Summary(c Counts) string {
	plural := func(n int, one, many string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	s := fmt.Sprintf("%s linted: %s, %s, %s",
		plural(c.Charts, "chart", "charts"),
		plural(c.Errors, "error", "errors"),
		plural(c.Warnings, "warning", "warnings"),
		plural(c.Infos, "info", "infos"))
	if c.Failed > 0 {
		s += fmt.Sprintf("; %s could not be linted", plural(c.Failed, "chart", "charts"))
	}
	return s
}
