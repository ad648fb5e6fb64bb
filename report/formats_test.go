package report_test

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"testing"

	"github.com/hooklint/hooklint/internal/golden"
	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/report"
)

// testRules are three small rules, so the goldens do not change with the
// documentation of the real ones.
func testRules() []*lint.Analyzer {
	doc := func(id, name, title string) string {
		return id + " (" + name + "): " + title + "\n\n# What it checks\n\nThe " + name + " check,\nin two lines.\n\nMore.\n\n# Why it matters\n\nHelm.\n\n# How to fix\n\nFix it.\n\n# Example\n\n  a: b\n"
	}
	return []*lint.Analyzer{
		{ID: "HL1001", Name: "hook-unknown-event", Severity: lint.Error, Doc: doc("hl1001", "hook-unknown-event", "an unknown event drops the resource")},
		{ID: "HL1013", Name: "hook-never-deleted", Severity: lint.Info, Doc: doc("hl1013", "hook-never-deleted", "a hook nothing deletes")},
		{ID: "HL2007", Name: "job-hook-no-deadline", Severity: lint.Info, Doc: doc("hl2007", "job-hook-no-deadline", "a hook Job without a deadline")},
	}
}

// testResult is the one Result every format's golden is built from, as
// golangci-lint's printers share pkg/printers/testdata: a chart with
// findings (one with characters each format must escape, one with a
// related position, one whose severity config raised), a chart without
// findings, and a chart that could not be loaded.
func testResult() *report.Result {
	rs := testRules()
	return &report.Result{
		Rules:    rs,
		Selected: rs,
		// charts/app fails on errors only: its warning passes (junit).
		Thresholds: []lint.Severity{lint.Error},
		Version:    "v0.4.0",
		Charts: []lint.ChartResult{
			{
				Chart: lint.ChartInfo{Arg: "charts/app", Name: "app", Version: "1.2.3"},
				Notes: []string{"the upgrade render (revision 2) failed offline"},
				Findings: []lint.Finding{
					{
						Chart: "charts/app", Rule: lint.RuleRef{ID: "HL1001", Name: "hook-unknown-event"}, Severity: lint.Error,
						Pos:     hook.Pos{File: "templates/job.yaml", Line: 7, Col: 5},
						Object:  &lint.ObjectRef{Kind: "Job", Namespace: "ops", Name: "migrate"},
						Message: `hook event "pre-instal" is unknown (did you mean "pre-install"?); Helm skips the whole resource`,
					},
					{
						Chart: "charts/app", Rule: lint.RuleRef{ID: "HL1013", Name: "hook-never-deleted"}, Severity: lint.Warning,
						Pos:     hook.Pos{File: "templates/job.yaml", Line: 9, Col: 5},
						Object:  &lint.ObjectRef{Kind: "Job", Name: "migrate"},
						Message: "100% of runs, a|b, <x>, `y` *z*: stays\nafter uninstall, really",
						Related: []lint.Related{{Pos: hook.Pos{File: "templates/sa.yaml", Line: 3}, Message: "the ServiceAccount is defined here"}},
					},
				},
			},
			{Chart: lint.ChartInfo{Arg: "charts/clean", Name: "clean", Version: "0.1.0"}},
			{
				Chart: lint.ChartInfo{Arg: "charts/broken"},
				Err:   &render.InputError{Chart: "charts/broken", File: "templates/pod.yaml", Line: 12, Err: errors.New("parse error: bad character U+0022 '\"'")},
			},
		},
	}
}

func TestFormatGoldens(t *testing.T) {
	timeline := func(w io.Writer, ch *lint.ChartResult) error {
		if ch.Chart.Arg != "charts/app" {
			return nil
		}
		_, err := io.WriteString(w, "sequenceDiagram\n  participant Helm\n  Helm->>Cluster: create Job/migrate\n")
		return err
	}
	tests := []struct {
		format string
		golden string
		opts   report.Options
	}{
		{format: "text", golden: "result.txt"},
		{format: "json", golden: "result.json"},
		{format: "sarif", golden: "result.sarif"},
		{format: "github", golden: "result.github.txt"},
		{format: "junit", golden: "result.junit.xml"},
		{format: "markdown", golden: "result.md"},
		{format: "markdown", golden: "result-timeline.md", opts: report.Options{Timeline: timeline}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			f, err := report.ByName(tt.format, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := f.Format(&b, testResult()); err != nil {
				t.Fatalf("Format: %v", err)
			}
			golden.Assert(t, filepath.Join("testdata", tt.golden), b.Bytes())
		})
	}
}

func TestByNameUnknown(t *testing.T) {
	_, err := report.ByName("xml", report.Options{})
	want := `unknown output format "xml" (want one of [text json sarif github junit markdown])`
	if err == nil || err.Error() != want {
		t.Errorf("ByName(xml) error = %v, want %s", err, want)
	}
}

// TestFingerprintIgnoresLine: moving a finding to another line keeps its
// fingerprint; another message or file changes it.
func TestFingerprintIgnoresLine(t *testing.T) {
	base := lint.Finding{Rule: lint.RuleRef{ID: "HL1001"}, Pos: hook.Pos{File: "templates/job.yaml", Line: 7}, Message: "m",
		Object: &lint.ObjectRef{Kind: "Job", Name: "a"}}
	moved := base
	moved.Pos.Line = 70
	other := base
	other.Message = "n"
	tests := []struct {
		name string
		a, b lint.Finding
		pa   string
		pb   string
		same bool
	}{
		{name: "moved line", a: base, b: moved, pa: "c/templates/job.yaml", pb: "c/templates/job.yaml", same: true},
		{name: "other message", a: base, b: other, pa: "c/templates/job.yaml", pb: "c/templates/job.yaml", same: false},
		{name: "other file", a: base, b: base, pa: "c/templates/job.yaml", pb: "d/templates/job.yaml", same: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := report.Fingerprint(tt.pa, &tt.a) == report.Fingerprint(tt.pb, &tt.b)
			if got != tt.same {
				t.Errorf("fingerprints equal = %v, want %v", got, tt.same)
			}
		})
	}
}
