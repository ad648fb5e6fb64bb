// Package report formats lint results. Each format is one file behind the
// Formatter interface; ByName picks one. Output is deterministic: no
// clocks, no absolute paths, findings in the runner's order.
package report

import (
	"fmt"
	"io"

	"github.com/hooklint/hooklint/internal/lint"
)

// Result is what one hooklint run produced, chart by chart in the order the
// charts were given.
type Result struct {
	Charts []lint.ChartResult
	// Rules are every rule hooklint has (rules.All), for the formats that
	// describe rules (sarif); report does not import the registry.
	Rules []*lint.Analyzer
	// Selected are the rules that ran, for the formats with one entry per
	// rule (junit); nil means Rules.
	Selected []*lint.Analyzer
	// Thresholds are the --fail-on severities of the charts, by index:
	// a finding at or above its chart's threshold fails the run (exit 1),
	// the others do not; 0 means no finding fails. A chart without an entry
	// has hooklint's default, warning.
	Thresholds []lint.Severity
	// Version is hooklint's version (sarif's driver.version); "" is
	// omitted.
	Version string
}

// Fails says whether finding f of chart i is at or above the chart's
// --fail-on threshold, that is, whether it makes hooklint exit 1.
func (r *Result) Fails(i int, f *lint.Finding) bool {
	threshold := lint.Warning
	if i < len(r.Thresholds) {
		threshold = r.Thresholds[i]
	}
	return threshold != 0 && f.Severity >= threshold
}

// Formatter writes a Result in one format.
type Formatter interface {
	Format(w io.Writer, res *Result) error
}

// Options tune formatters.
type Options struct {
	Color bool // ANSI colours (text only)
	// Timeline writes a chart's lifecycle timeline as Mermaid (markdown
	// only; see Markdown.Timeline).
	Timeline func(w io.Writer, ch *lint.ChartResult) error
	// Warn receives the warnings of a format about its output (sarif: a
	// GitHub upload limit reached); nil discards them.
	Warn io.Writer
}

// Formats are the names ByName accepts.
func Formats() []string {
	return []string{"text", "json", "sarif", "github", "junit", "markdown"}
}

// ByName returns the formatter called name.
func ByName(name string, opts Options) (Formatter, error) {
	switch name {
	case "text":
		return &Text{Color: opts.Color}, nil
	case "json":
		return &JSON{}, nil
	case "sarif":
		return &SARIF{Warn: opts.Warn}, nil
	case "github":
		return &GitHub{}, nil
	case "junit":
		return &JUnit{}, nil
	case "markdown":
		return &Markdown{Timeline: opts.Timeline}, nil
	}
	return nil, fmt.Errorf("unknown output format %q (want one of %v)", name, Formats())
}

// Counts tallies findings by severity and charts that failed.
type Counts struct {
	Charts   int `json:"charts"`
	Failed   int `json:"failed"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// Count tallies res.
func Count(res *Result) Counts {
	c := Counts{Charts: len(res.Charts)}
	for _, ch := range res.Charts {
		if ch.Err != nil {
			c.Failed++
		}
		for _, f := range ch.Findings {
			switch f.Severity {
			case lint.Error:
				c.Errors++
			case lint.Warning:
				c.Warnings++
			default:
				c.Infos++
			}
		}
	}
	return c
}
