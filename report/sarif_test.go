package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
	"github.com/hooklint/hooklint/internal/render"
	"github.com/hooklint/hooklint/report"
	"github.com/hooklint/hooklint/rules"
)

// TestSARIFSchema validates the SARIF output against the official SARIF
// 2.1.0 JSON schema (testdata/README.md says where it comes from): the
// shared result with the test rules, and with every real rule's metadata.
func TestSARIFSchema(t *testing.T) {
	schemas := map[string]*jsonschema.Schema{
		"sarif-2.1.0-rtm.5": compileSchema(t, filepath.Join("testdata", "sarif-schema-2.1.0.json")),
	}
	if p := oasisSchema(t); p != "" {
		schemas["sarif-2.1.0 errata01"] = compileSchema(t, p)
	}
	withAll := testResult()
	withAll.Rules, withAll.Selected = rules.All, rules.All
	tests := []struct {
		name string
		res  *report.Result
	}{
		{name: "shared result", res: testResult()},
		{name: "all rules", res: withAll},
		{name: "empty", res: &report.Result{}},
		{name: "packaged chart", res: packagedResult(t)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := (report.SARIF{}).Format(&b, tt.res); err != nil {
				t.Fatal(err)
			}
			for name, schema := range schemas {
				inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b.Bytes()))
				if err != nil {
					t.Fatalf("output is not JSON: %v", err)
				}
				if err := schema.Validate(inst); err != nil {
					t.Errorf("SARIF output does not validate against the %s schema: %v", name, err)
				}
			}
		})
	}
}

// gosecModule holds the final OASIS SARIF 2.1.0 schema (errata 01,
// docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas), unchanged, in
// its report/sarif/testdata; the test reads it from the module cache, where
// installing golangci-lint (.ci/run) puts it, and does not copy it.
const gosecModule = "github.com/securego/gosec/v2@v2.29.0"

// oasisSchema is the path of that schema in the module cache, "" (and the
// test says so) when the cache does not have the module: the test never
// downloads.
func oasisSchema(t *testing.T) string {
	t.Helper()
	cmd := exec.Command("go", "mod", "download", "-json", gosecModule)
	cmd.Dir = t.TempDir() // outside hooklint's module, which does not require gosec
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.Output()
	var mod struct{ Dir, Sum string }
	if err == nil {
		err = json.Unmarshal(out, &mod)
	}
	if err != nil || mod.Dir == "" {
		t.Logf("%s is not in the module cache (go mod download %s): validated against the rtm.5 schema only", gosecModule, gosecModule)
		return ""
	}
	if mod.Sum != "h1:pF2HSLcnY5voqpxQumEe0O5YAAbvF4Syu4qeIewpLyc=" {
		t.Fatalf("%s has the sum %s, not the one this test was written against", gosecModule, mod.Sum)
	}
	return filepath.Join(mod.Dir, "report", "sarif", "testdata", "sarif-schema-2.1.0.json")
}

// packagedResult is a finding in a packaged chart: a .tgz in a temporary
// working directory.
func packagedResult(t *testing.T) *report.Result {
	t.Helper()
	t.Chdir(t.TempDir())
	if err := os.MkdirAll("dist", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("dist", "app-1.0.0.tgz"), []byte("not read"), 0o644); err != nil {
		t.Fatal(err)
	}
	rs := testRules()
	return &report.Result{Rules: rs, Version: "v1.0.0", Charts: []lint.ChartResult{{
		Chart: lint.ChartInfo{Arg: "dist/app-1.0.0.tgz", Name: "app", Version: "1.0.0"},
		Findings: []lint.Finding{{
			Chart: "dist/app-1.0.0.tgz", Rule: lint.RuleRef{ID: "HL1001", Name: "hook-unknown-event"}, Severity: lint.Error,
			Pos:     hook.Pos{File: "templates/job.yaml", Line: 7, Col: 5},
			Message: "m",
			Related: []lint.Related{{Pos: hook.Pos{File: "templates/sa.yaml", Line: 3}, Message: "r"}},
		}},
	}}}
}

// sarifDoc is the part of the SARIF output the tests read.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				FullName, Version, SemanticVersion string
				Rules                              []struct {
					ID   string
					Help struct {
						Text, Markdown string
					}
					Properties map[string]any
				}
			}
		}
		AutomationDetails struct{ ID string }
		Invocations       []struct {
			ToolExecutionNotifications []struct {
				Level   string
				Message struct{ Text string }
			}
		}
		Results []struct {
			RuleID, Level string
			Message       struct{ Text string }
			Locations     []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string }
					Region           *struct{ StartLine int }
				}
			}
			RelatedLocations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string }
				}
				Message struct{ Text string }
			}
		}
	}
}

func formatSARIF(t *testing.T, s report.SARIF, res *report.Result) sarifDoc {
	t.Helper()
	var b bytes.Buffer
	if err := s.Format(&b, res); err != nil {
		t.Fatal(err)
	}
	var doc sarifDoc
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestSARIFPackagedChart: a finding in a .tgz points at the archive,
// without a region, with the path and line inside it in the message
// (issue 20 point 3).
func TestSARIFPackagedChart(t *testing.T) {
	doc := formatSARIF(t, report.SARIF{}, packagedResult(t))
	r := doc.Runs[0].Results[0]
	l := r.Locations[0].PhysicalLocation
	if l.ArtifactLocation.URI != "dist/app-1.0.0.tgz" || l.Region != nil || r.Message.Text != "templates/job.yaml:7: m" {
		t.Errorf("location %q, region %v, message %q; want dist/app-1.0.0.tgz, no region, %q", l.ArtifactLocation.URI, l.Region, r.Message.Text, "templates/job.yaml:7: m")
	}
	rel := r.RelatedLocations[0]
	if rel.PhysicalLocation.ArtifactLocation.URI != "dist/app-1.0.0.tgz" || rel.Message.Text != "templates/sa.yaml:3: r" {
		t.Errorf("related location %q, message %q; want dist/app-1.0.0.tgz, %q", rel.PhysicalLocation.ArtifactLocation.URI, rel.Message.Text, "templates/sa.yaml:3: r")
	}
	if got := doc.Runs[0].AutomationDetails.ID; got != "hooklint/dist/app-1.0.0.tgz/" {
		t.Errorf("automationDetails.id = %q", got)
	}

	// An input error in a packaged chart is located at the archive too.
	res := &report.Result{Charts: []lint.ChartResult{{
		Chart: lint.ChartInfo{Arg: "dist/app-1.0.0.tgz"},
		Err:   &render.InputError{Chart: "dist/app-1.0.0.tgz", File: "templates/pod.yaml", Line: 12, Err: errors.New("parse error")},
	}}}
	var b bytes.Buffer
	if err := (report.SARIF{}).Format(&b, res); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"uri": "dist/app-1.0.0.tgz"`) || strings.Contains(b.String(), `"startLine"`) {
		t.Errorf("the input error is not at the archive without a region:\n%s", b.String())
	}
}

// TestSARIFToolAndRules: the version, the automation id per chart list,
// Markdown help with plain text help, tags and security-severity of the
// security rules (issue 20 point 3).
func TestSARIFToolAndRules(t *testing.T) {
	res := testResult()
	res.Rules = rules.All
	doc := formatSARIF(t, report.SARIF{}, res)
	d := doc.Runs[0].Tool.Driver
	if d.Version != "v0.4.0" || d.SemanticVersion != "0.4.0" || d.FullName != "hooklint v0.4.0 (Helm chart hook linter)" {
		t.Errorf("driver version %q, semanticVersion %q, fullName %q", d.Version, d.SemanticVersion, d.FullName)
	}
	if got := doc.Runs[0].AutomationDetails.ID; got != "hooklint/charts/app,charts/broken,charts/clean/" {
		t.Errorf("automationDetails.id = %q", got)
	}
	for _, r := range d.Rules {
		tags := fmt.Sprint(r.Properties["tags"])
		sev, hasSev := r.Properties["security-severity"]
		security := strings.HasPrefix(r.ID, "HL6")
		if security != strings.Contains(tags, "security") || security != hasSev {
			t.Errorf("%s: tags %s, security-severity %v: want both exactly for HL6xxx", r.ID, tags, sev)
		}
		if !strings.HasPrefix(r.Help.Markdown, "**"+r.ID+"** `") || !strings.Contains(r.Help.Markdown, "\n## What it checks\n") {
			t.Errorf("%s: help.markdown does not start with the title or has no level-2 What it checks:\n%s", r.ID, r.Help.Markdown)
		}
		if strings.Contains(r.Help.Text, "**") || strings.Contains(r.Help.Text, "## ") {
			t.Errorf("%s: help.text has Markdown", r.ID)
		}
	}
	hl6001 := d.Rules[0].Properties
	for _, r := range d.Rules {
		if r.ID == "HL6001" {
			hl6001 = r.Properties
		}
	}
	if diff := cmp.Diff(map[string]any{"tags": []any{"helm", "kubernetes", "security"}, "security-severity": "5.5"}, hl6001); diff != "" {
		t.Errorf("HL6001 (warning) properties (-want +got):\n%s", diff)
	}

	res.Version = "(devel)"
	d = formatSARIF(t, report.SARIF{}, res).Runs[0].Tool.Driver
	if d.Version != "(devel)" || d.SemanticVersion != "" {
		t.Errorf("(devel): version %q, semanticVersion %q; want no semanticVersion", d.Version, d.SemanticVersion)
	}
}

// TestSARIFAutomationIDLong: a long list of charts is hashed into an id of
// bounded length that still differs from another list.
func TestSARIFAutomationIDLong(t *testing.T) {
	ids := map[string]bool{}
	for _, n := range []int{40, 41} {
		res := &report.Result{}
		for i := range n {
			res.Charts = append(res.Charts, lint.ChartResult{Chart: lint.ChartInfo{Arg: fmt.Sprintf("charts/chart-%02d", i)}})
		}
		id := formatSARIF(t, report.SARIF{}, res).Runs[0].AutomationDetails.ID
		if !strings.HasPrefix(id, "hooklint/charts/chart-00+") || len(id) > 120 || !strings.HasSuffix(id, "/") {
			t.Errorf("%d charts: id %q", n, id)
		}
		ids[id] = true
	}
	if len(ids) != 2 {
		t.Errorf("40 and 41 charts have the same automation id")
	}
}

// TestSARIFResultLimit: more results than GitHub accepts in a run keep the
// most severe 25,000, say so in a notification and to Warn (issue 20
// point 3).
func TestSARIFResultLimit(t *testing.T) {
	ch := lint.ChartResult{Chart: lint.ChartInfo{Arg: "charts/app"}}
	for i := range 25002 {
		sev := lint.Warning
		if i == 7 || i == 9 {
			sev = lint.Info // the two left out
		}
		ch.Findings = append(ch.Findings, lint.Finding{Rule: lint.RuleRef{ID: "HL1001"}, Severity: sev,
			Pos: hook.Pos{File: "templates/job.yaml", Line: i + 1}, Message: "m"})
	}
	var warn bytes.Buffer
	doc := formatSARIF(t, report.SARIF{Warn: &warn}, &report.Result{Charts: []lint.ChartResult{ch}})
	run := doc.Runs[0]
	notes := 0
	for _, r := range run.Results {
		if r.Level == "note" {
			notes++
		}
	}
	if len(run.Results) != 25000 || notes != 0 || run.Results[7].Locations[0].PhysicalLocation.Region.StartLine != 9 {
		t.Errorf("%d results, %d notes, results[7] at line %d; want 25,000 warnings in their order (line 9 after 7 left out)",
			len(run.Results), notes, run.Results[7].Locations[0].PhysicalLocation.Region.StartLine)
	}
	want := "hooklint left 2 of its 25002 results out of this SARIF run, the least severe ones: GitHub code scanning rejects a run of more than 25000 results"
	n := run.Invocations[0].ToolExecutionNotifications
	if len(n) != 1 || n[0].Level != "warning" || !strings.HasPrefix(n[0].Message.Text, want) {
		t.Errorf("notifications %+v; want one warning starting %q", n, want)
	}
	if !strings.HasPrefix(warn.String(), "hooklint: sarif: "+want) {
		t.Errorf("Warn got %q", warn.String())
	}
}

func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("file:///schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("file:///schema.json")
	if err != nil {
		t.Fatalf("compile %s: %v", path, err)
	}
	return s
}

// TestSARIFSchemaRejects: the schema check is not vacuous.
func TestSARIFSchemaRejects(t *testing.T) {
	schema := compileSchema(t, filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	bad := `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"hooklint"}},"results":[{"ruleId":"HL1001","level":"info","message":{"text":"m"}}]}]}`
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(bad)))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err == nil {
		t.Error(`a result with level "info" validated; want a schema error`)
	}
}
