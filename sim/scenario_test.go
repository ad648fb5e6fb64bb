package sim

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseScenarioFile(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string
	}{
		{name: "ok", in: "steps:\n  - action: install\n  - action: rollback\n    revision: 1\n    fail: [job/x]\n"},
		{name: "unknown key", in: "steps:\n  - action: install\n    atomc: true\n", wantErr: "yaml: unmarshal errors:\n  line 3: field atomc not found in type sim.ScenarioStep"},
		{name: "unknown action", in: "steps:\n  - action: deploy\n", wantErr: `step 1: action "deploy": want install, upgrade, rollback, uninstall or test`},
		{name: "no steps", in: "release: x\n", wantErr: "no steps"},
		{name: "bad duration", in: "timeout: soon\nsteps:\n  - action: test\n", wantErr: `line 1: "soon" is not a duration like 5m0s`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseScenarioFile([]byte(tt.in))
			got := ""
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tt.wantErr, got); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadScenario(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "s.yaml")
	chart, err := filepath.Abs(filepath.Join("..", "testdata", "charts", "sim-backup"))
	if err != nil {
		t.Fatal(err)
	}
	data := "release: gb\nnamespace: shop\ntimeout: 1m\nfail: [job/a]\nsteps:\n  - action: install\n  - action: upgrade\n    install: true\n    set: [image=x]\n    hang: [pod/b]\n    timeout: 10s\n  - action: test\n    filter: [name=gb-ping]\n"
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	sc, err := LoadScenario(file, chart, Scenario{}, DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	type step struct {
		Action  Action
		Install bool
		Timeout string
		Args    []string
		Filter  []string
		Hang    []string
	}
	var got []step
	for _, st := range sc.Steps {
		s := step{Action: st.Action, Install: st.Install, Timeout: st.Timeout.String(), Args: st.Args, Filter: st.Filter}
		for _, p := range st.Outcomes.Hang {
			s.Hang = append(s.Hang, p.Raw)
		}
		got = append(got, s)
	}
	want := []step{
		{Action: ActionInstall, Timeout: "1m0s", Args: []string{chart}},
		{Action: ActionUpgrade, Install: true, Timeout: "10s", Args: []string{chart, "--set", "image=x"}, Hang: []string{"pod/b"}},
		{Action: ActionTest, Timeout: "1m0s", Filter: []string{"name=gb-ping"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("steps (-want +got):\n%s", diff)
	}
	if sc.Release != "gb" || sc.Namespace != "shop" || len(sc.Outcomes.Fail) != 1 {
		t.Errorf("scenario settings: release %q namespace %q fail %v", sc.Release, sc.Namespace, sc.Outcomes.Fail)
	}
}

// TestFindings checks the findings the linter gets from the fixture
// scenarios.
func TestFindings(t *testing.T) {
	type f struct {
		Kind FindingKind
		Step int
		Hook string
		Refs []Ref
	}
	tests := []struct {
		scenario string
		want     []f
	}{
		{"ordering", []f{
			{Kind: FindingMissingRef, Step: 1, Hook: "ordering/templates/hooks.yaml Job/a-migrate", Refs: []Ref{{Kind: "ConfigMap", Name: "c-settings", Field: "envFrom.configMapRef"}, {Kind: "ServiceAccount", Name: "b-migrate-sa", Field: "serviceAccountName"}}},
			{Kind: FindingCommandFailed, Step: 1, Hook: " /"},
			{Kind: FindingLeftover, Step: 2, Hook: "ordering/templates/hooks.yaml Job/a-migrate"},
		}},
		{"leftover", []f{
			{Kind: FindingAlreadyExists, Step: 3, Hook: "leftover/templates/hooks.yaml Job/l-migrate"},
			{Kind: FindingCommandFailed, Step: 3, Hook: " /"},
			{Kind: FindingLeftover, Step: 4, Hook: "leftover/templates/hooks.yaml Job/l-cleanup"},
			{Kind: FindingLeftover, Step: 4, Hook: "leftover/templates/hooks.yaml Job/l-migrate"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.scenario, func(t *testing.T) {
			sc, err := LoadScenario(filepath.Join("testdata", "scenarios", tt.scenario+".yaml"), "", Scenario{}, DefaultTimeout)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Run(sc)
			if err != nil {
				t.Fatal(err)
			}
			var got []f
			for _, x := range Findings(res) {
				got = append(got, f{Kind: x.Kind, Step: x.Step, Hook: x.Hook.Path + " " + x.Hook.Kind + "/" + x.Hook.Name, Refs: x.Refs})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLint(t *testing.T) {
	sc, err := LoadScenario(filepath.Join("testdata", "scenarios", "leftover.yaml"), "", Scenario{}, DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	findings, res, err := Lint(sc.Steps[0].Chart, LintOptions{KubeVersion: "v1.35.0"})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, f := range findings {
		kinds = append(kinds, f.Kind.String()+" "+f.Hook.Name)
	}
	want := []string{"already-exists l-migrate", "command-failed ", "leftover l-cleanup", "leftover l-migrate"}
	if diff := cmp.Diff(want, kinds); diff != "" {
		t.Errorf("lint findings (-want +got):\n%s", diff)
	}
	if got := len(res.Steps); got != len(LintScenario(nil, nil)) {
		t.Errorf("lint ran %d steps", got)
	}
}
