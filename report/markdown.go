package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/hooklint/hooklint/internal/lint"
)

// Markdown writes a summary for a pull-request comment or a job summary
// ($GITHUB_STEP_SUMMARY): the counts, then per chart a table of findings
// (severity, rule linked to its documentation, file:line, message) or the
// input error.
//
// Timeline is the hook for the lifecycle simulation (lint --simulate):
// when set, it is called once per linted chart and what it writes, a
// Mermaid diagram such as sim.WriteMermaid prints, is shown in a
// collapsed "lifecycle timeline" section inside a ```mermaid fence, which
// GitHub and GitLab render. When it writes nothing the section is left
// out. report does not import sim: the command that ran the simulation
// wires it.
type Markdown struct {
	Timeline func(w io.Writer, ch *lint.ChartResult) error
}

// Format implements Formatter.
func (m *Markdown) Format(w io.Writer, res *Result) error {
	var b strings.Builder
	b.WriteString("## hooklint\n\n")
	fmt.Fprintf(&b, "**%s**\n", Summary(Count(res)))
	for ci := range res.Charts {
		ch := &res.Charts[ci]
		fmt.Fprintf(&b, "\n### %s\n\n", mdCode(ch.Chart.Arg))
		if ch.Err != nil {
			fmt.Fprintf(&b, "**input error:** %s\n", mdCell(ch.Err.Error()))
			continue
		}
		for _, n := range ch.Notes {
			fmt.Fprintf(&b, "> note: %s\n\n", mdCell(n))
		}
		if len(ch.Findings) == 0 {
			b.WriteString("No findings.\n")
		} else {
			b.WriteString("| severity | rule | location | message |\n|---|---|---|---|\n")
			for fi := range ch.Findings {
				f := &ch.Findings[fi]
				fmt.Fprintf(&b, "| %s %s | [%s](%s) `%s` | %s | %s |\n",
					mdIcon(f.Severity), f.Severity, f.Rule.ID, ruleURL(f.Rule.ID), f.Rule.Name,
					mdCode(lineRef(findingPath(ch, f), f.Pos.Line)), mdCell(f.Message))
			}
		}
		if m.Timeline != nil {
			var tl strings.Builder
			if err := m.Timeline(&tl, ch); err != nil {
				return fmt.Errorf("markdown: timeline of %s: %w", ch.Chart.Arg, err)
			}
			if tl.Len() > 0 {
				b.WriteString("\n<details><summary>lifecycle timeline</summary>\n\n```mermaid\n")
				b.WriteString(strings.TrimSuffix(tl.String(), "\n"))
				b.WriteString("\n```\n\n</details>\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func ruleURL(id string) string {
	return (&lint.Analyzer{ID: id}).URL()
}

func mdIcon(s lint.Severity) string {
	switch s {
	case lint.Error:
		return ":x:"
	case lint.Warning:
		return ":warning:"
	}
	return ":information_source:"
}

// mdCell escapes text for one table cell: pipes, line breaks and the
// characters Markdown would read as markup or HTML.
func mdCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer(
		`\`, `\\`, "|", `\|`, "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	).Replace(s)
}

// mdCode is s as inline code, fenced with enough backticks.
func mdCode(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}
