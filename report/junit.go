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
// rule with findings at or above the chart's --fail-on threshold
// (Result.Fails) fails: its <failure> lists them, one per line as the text
// format prints them. Findings below the threshold do not fail the job
// (hooklint exits 0 for them), so they do not fail the test case either:
// they are listed in its <system-out>, which GitLab and Jenkins show with a
// passing test. A chart that could not be linted is a testsuite with one
// testcase, "load", in <error>.
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
	// SystemOut follows <failure> and <error>, as the Jenkins JUnit schema
	// orders a testcase's children.
	SystemOut string `xml:"system-out,omitempty"`
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
				var failing, passing strings.Builder
				nFail, worst := 0, lint.Info
				for _, f := range byRule[a.ID] {
					line := fmt.Sprintf("%s: %s %s: %s\n", lineRef(findingPath(ch, f), f.Pos.Line), f.Severity, f.Rule.ID, f.Message)
					if !res.Fails(ci, f) {
						passing.WriteString(line)
						continue
					}
					nFail++
					worst = max(worst, f.Severity)
					failing.WriteString(line)
				}
				if nFail > 0 {
					msg := fmt.Sprintf("%d findings", nFail)
					if nFail == 1 {
						msg = "1 finding"
					}
					tc.Failure = &junitProblem{Message: msg, Type: worst.String(), Text: failing.String()}
					suite.Failures++
				}
				tc.SystemOut = passing.String()
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
