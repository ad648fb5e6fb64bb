package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/hooklint/hooklint/internal/lint"
)

// GitHub writes GitHub Actions workflow commands, one per finding, which
// the runner shows as annotations on the pull request's files:
//
//	::error file=charts/app/templates/job.yaml,line=7,col=5,title=HL1006 hook-delete-policy-unknown::message
//
// error findings are ::error, warnings ::warning and infos ::notice; an
// input error is an ::error on the file it names (or none). Values are
// escaped as the Actions toolkit escapes them (@actions/core command.ts:
// '%', '\r', '\n' everywhere, and ':' and ',' in properties). Paths are
// relative to the working directory: run hooklint from the repository root.
// A last line summarises the run.
type GitHub struct{}

// Format implements Formatter.
func (GitHub) Format(w io.Writer, res *Result) error {
	var b strings.Builder
	for ci := range res.Charts {
		ch := &res.Charts[ci]
		if ch.Err != nil {
			file, line := inputErrorPos(ch)
			b.WriteString(workflowCommand("error", file, line, 0, "hooklint input error", ch.Err.Error()))
			continue
		}
		for fi := range ch.Findings {
			f := &ch.Findings[fi]
			title := f.Rule.ID + " " + f.Rule.Name
			b.WriteString(workflowCommand(githubLevel(f.Severity), findingPath(ch, f), f.Pos.Line, f.Pos.Col, title, f.Message))
		}
	}
	b.WriteString(Summary(Count(res)) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func githubLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

// workflowCommand formats one ::level props::message line.
func workflowCommand(level, file string, line, col int, title, msg string) string {
	var props []string
	if file != "" {
		props = append(props, "file="+escapeProperty(file))
		if line > 0 {
			props = append(props, "line="+strconv.Itoa(line))
			if col > 0 {
				props = append(props, "col="+strconv.Itoa(col))
			}
		}
	}
	props = append(props, "title="+escapeProperty(title))
	return fmt.Sprintf("::%s %s::%s\n", level, strings.Join(props, ","), escapeData(msg))
}

// escapeData escapes a command's message (@actions/core escapeData).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a command property (@actions/core escapeProperty).
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
