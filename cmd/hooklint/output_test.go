package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hooklint/hooklint/internal/config"
	"github.com/hooklint/hooklint/internal/golden"
)

// TestOutputToFile: one run prints text and writes SARIF to a file; the
// SARIF results are the findings the JSON output has, at the same places.
func TestOutputToFile(t *testing.T) {
	sarifPath := filepath.Join(t.TempDir(), "out.sarif")
	var out, errb bytes.Buffer
	if code := run([]string{"lint", "--no-color", "-o", "text", "-o", "sarif=" + sarifPath, example}, &bytes.Reader{}, &out, &errb); code != exitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitFindings, errb.String())
	}
	golden.Assert(t, filepath.Join("testdata", "output", "lint-example.txt"), out.Bytes())

	b, err := os.ReadFile(sarifPath)
	if err != nil {
		t.Fatal(err)
	}
	var sarif struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
						Region           struct{ StartLine int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b, &sarif); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range sarif.Runs[0].Results {
		l := r.Locations[0].PhysicalLocation
		got = append(got, r.RuleID+" "+l.ArtifactLocation.URI+":"+strconv.Itoa(l.Region.StartLine))
	}

	out.Reset()
	run([]string{"lint", "-o", "json", example}, &bytes.Reader{}, &out, &errb)
	var doc struct {
		Charts []struct {
			Chart    string
			Findings []struct {
				Rule     struct{ ID string }
				Position struct {
					File string
					Line int
				}
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range doc.Charts[0].Findings {
		want = append(want, f.Rule.ID+" "+doc.Charts[0].Chart+"/"+f.Position.File+":"+strconv.Itoa(f.Position.Line))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SARIF results differ from the JSON findings (-json +sarif):\n%s", diff)
	}
}

// TestConfigInitWrite: --write creates .hooklint.yaml and never overwrites
// it.
func TestConfigInitWrite(t *testing.T) {
	t.Chdir(t.TempDir())
	tests := []struct {
		name     string
		wantCode int
		want     string
	}{
		{name: "creates", wantCode: exitClean, want: "wrote .hooklint.yaml\n"},
		{name: "refuses to overwrite", wantCode: exitUsage, want: "--- stderr\nError: .hooklint.yaml already exists; not overwriting it\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run([]string{"config", "init", "--write"}, &bytes.Reader{}, &out, &errb)
			got := out.String()
			if errb.Len() > 0 {
				got += "--- stderr\n" + errb.String()
			}
			if code != tt.wantCode || got != tt.want {
				t.Errorf("exit %d, output %q; want %d, %q", code, got, tt.wantCode, tt.want)
			}
			b, err := os.ReadFile(config.FileName)
			if err != nil || string(b) != config.Default {
				t.Errorf(".hooklint.yaml is not the default (err %v)", err)
			}
		})
	}
}

// TestJUnitAgreesWithExitCode: a finding below --fail-on passes its test
// case (listed in <system-out>) as the run exits 0; at or above it, the
// test case fails as the run exits 1 (issue 20 point 2).
func TestJUnitAgreesWithExitCode(t *testing.T) {
	hl1003 := "../../examples/guestbook-backup/templates/tests/test-connection.yaml:6: info HL1003: "
	tests := []struct {
		name     string
		failOn   string
		wantCode int
		// the HL1003 test case's children and the suite's failures
		wantFailures string
		wantIn       string
	}{
		{name: "info below the default threshold", failOn: "warning", wantCode: exitClean,
			wantFailures: `<testsuites name="hooklint" tests="1" failures="0" errors="0">`, wantIn: "<system-out>" + hl1003},
		{name: "info at --fail-on info", failOn: "info", wantCode: exitFindings,
			wantFailures: `<testsuites name="hooklint" tests="1" failures="1" errors="0">`, wantIn: `<failure message="1 finding" type="info">` + hl1003},
		{name: "--fail-on none", failOn: "none", wantCode: exitClean,
			wantFailures: `<testsuites name="hooklint" tests="1" failures="0" errors="0">`, wantIn: "<system-out>" + hl1003},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "junit.xml")
			var out, errb bytes.Buffer
			code := run([]string{"lint", "--only", "HL1003", "--fail-on", tt.failOn, "-o", "junit=" + path, example}, &bytes.Reader{}, &out, &errb)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := string(b)
			if code != tt.wantCode || !strings.Contains(got, tt.wantFailures) || !strings.Contains(got, tt.wantIn) {
				t.Errorf("exit %d, want %d; junit:\n%s\nwant it to contain\n%s\n%s", code, tt.wantCode, got, tt.wantFailures, tt.wantIn)
			}
		})
	}
}
