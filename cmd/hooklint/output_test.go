package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
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
