package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/hooklint/hooklint/internal/lint"
)

// JUnit writes JUnit XML for CI systems that show test reports (GitLab's
// artifacts:reports:junit, Jenkins): one testsuite per chart and, in it,
// one testcase per rule that ran (Result.Selected, else Result.Rules). A
// rule with findings fails: its <failure> lists them, one per line as the
// text format prints them. A chart that could not be linted is a testsuite
// with one testcase, "load", in <error>.
type JUnit struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Errors    int         `xml:"errors,attr"`
	TestCases []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// Format implements Formatter.
func (JUnit) Format(w io.Writer, res *Result) error {
	rules := res.Selected
	if rules == nil {
		rules = res.Rules
	}
	doc := junitSuites{Name: "hooklint"}
	for ci := range res.Charts {
		ch := &res.Charts[ci]
		suite := junitSuite{Name: ch.Chart.Arg}
		if ch.Err != nil {
			suite.TestCases = []junitCase{{
				Name: "load", ClassName: ch.Chart.Arg,
				Error: &junitProblem{Message: "the chart could not be linted", Type: "input error", Text: ch.Err.Error()},
			}}
			suite.Tests, suite.Errors = 1, 1
		} else {
			byRule := map[string][]*lint.Finding{}
			for fi := range ch.Findings {
				f := &ch.Findings[fi]
				byRule[f.Rule.ID] = append(byRule[f.Rule.ID], f)
			}
			for _, a := range rules {
				tc := junitCase{Name: a.ID + " " + a.Name, ClassName: ch.Chart.Arg}
				if fs := byRule[a.ID]; len(fs) > 0 {
					var text strings.Builder
					worst := lint.Info
					for _, f := range fs {
						worst = max(worst, f.Severity)
						fmt.Fprintf(&text, "%s: %s %s: %s\n", lineRef(findingPath(ch, f), f.Pos.Line), f.Severity, f.Rule.ID, f.Message)
					}
					msg := fmt.Sprintf("%d findings", len(fs))
					if len(fs) == 1 {
						msg = "1 finding"
					}
					tc.Failure = &junitProblem{Message: msg, Type: worst.String(), Text: text.String()}
					suite.Failures++
				}
				suite.TestCases = append(suite.TestCases, tc)
			}
			suite.Tests = len(suite.TestCases)
		}
		doc.Tests += suite.Tests
		doc.Failures += suite.Failures
		doc.Errors += suite.Errors
		doc.Suites = append(doc.Suites, suite)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
