package integrations_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"
)

// TestREADMECI runs the CI examples of the README's "Output formats and CI"
// section as written (issue 20): the GitHub workflow's run steps, the GitLab
// job's script and the Azure DevOps bash step, on a workspace with the
// example chart, with hooklint already built in place of `go install
// ...@latest` (offline). Each must exit 1 (the example has errors) and
// leave the files its upload steps name: SARIF for GitHub and Azure DevOps,
// JUnit for GitLab and Azure DevOps.
func TestREADMECI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds hooklint")
	}
	t.Parallel()
	b, err := os.ReadFile(repoRoot + "README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(b)
	start, end := strings.Index(section, "## Output formats and CI"), strings.Index(section, "## Configuration")
	if start < 0 || end < start {
		t.Fatal("README has no Output formats and CI section")
	}
	section = section[start:end]
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(section, -1)
	if len(blocks) != 3 {
		t.Fatalf("the CI section has %d yaml blocks, want 3 (GitHub, GitLab, Azure DevOps)", len(blocks))
	}
	tmp := t.TempDir()
	bin := buildHooklint(t, filepath.Join(tmp, "bin"))
	abs, err := filepath.Abs(example)
	if err != nil {
		t.Fatal(err)
	}
	workspace := func(t *testing.T) string {
		t.Helper()
		ws := t.TempDir()
		if err := os.CopyFS(filepath.Join(ws, "charts", "guestbook-backup"), os.DirFS(abs)); err != nil {
			t.Fatal(err)
		}
		return ws
	}
	env := []string{"PATH=" + filepath.Dir(bin) + string(os.PathListSeparator) + os.Getenv("PATH")}
	goInstall := regexp.MustCompile(`(?m)^.*go install github.com/hooklint/hooklint/cmd/hooklint@latest.*$`)
	runScript := func(t *testing.T, ws, shell, script string) int {
		t.Helper()
		// the install, offline: the hooklint built above
		script = goInstall.ReplaceAllString(script, `mkdir -p .hooklint-bin && cp `+bin+` .hooklint-bin/hooklint`)
		p := filepath.Join(t.TempDir(), "step.sh")
		if err := os.WriteFile(p, []byte(script), 0o644); err != nil {
			t.Fatal(err)
		}
		args := []string{"--noprofile", "--norc", "-eo", "pipefail", p}
		if shell == "sh" {
			args = []string{"-e", p}
		}
		out, code := command(t, ws, env, shell, args...)
		t.Logf("%s:\n%s\n%s", shell, script, out)
		return code
	}
	sarifResults := func(t *testing.T, path string) {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Runs []struct {
				AutomationDetails struct{ ID string } `json:"automationDetails"`
				Results           []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		r := doc.Runs[0]
		if r.AutomationDetails.ID != "hooklint/charts/guestbook-backup/" || len(r.Results) == 0 ||
			!strings.HasPrefix(r.Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI, "charts/guestbook-backup/templates/") {
			t.Errorf("%s: id %q, %d results; want hooklint/charts/guestbook-backup/ and results in the repository's files", path, r.AutomationDetails.ID, len(r.Results))
		}
	}
	junitFailures := func(t *testing.T, path string) {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`<testsuites name="hooklint" tests="\d+" failures="[1-9]\d*" errors="0">`).Match(b) {
			t.Errorf("%s: no failures in the JUnit report:\n%.400s", path, b)
		}
	}

	t.Run("GitHub", func(t *testing.T) {
		var wf struct {
			Jobs map[string]struct {
				Steps []struct {
					Run  string            `yaml:"run"`
					Uses string            `yaml:"uses"`
					With map[string]string `yaml:"with"`
				} `yaml:"steps"`
			} `yaml:"jobs"`
		}
		if err := yaml.Unmarshal([]byte(blocks[0][1]), &wf); err != nil {
			t.Fatal(err)
		}
		ws := workspace(t)
		sarif := ""
		for _, s := range wf.Jobs["hooklint"].Steps {
			switch {
			case s.Run != "":
				if code := runScript(t, ws, "bash", s.Run); code != 0 && !strings.HasPrefix(s.Run, "hooklint lint") || code != 1 && strings.HasPrefix(s.Run, "hooklint lint") {
					t.Errorf("step %q: exit %d", s.Run, code)
				}
			case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
				sarif = s.With["sarif_file"]
			}
		}
		if sarif == "" {
			t.Fatal("no upload-sarif step")
		}
		sarifResults(t, filepath.Join(ws, sarif))
	})

	t.Run("GitLab", func(t *testing.T) {
		var ci map[string]struct {
			Script    []string `yaml:"script"`
			Artifacts struct {
				When    string `yaml:"when"`
				Reports struct {
					JUnit string `yaml:"junit"`
				} `yaml:"reports"`
			} `yaml:"artifacts"`
		}
		if err := yaml.Unmarshal([]byte(blocks[1][1]), &ci); err != nil {
			t.Fatal(err)
		}
		job := ci["hooklint"]
		ws := workspace(t)
		// GitLab runs the script lines in one shell, stopping at the first
		// failure.
		if code := runScript(t, ws, "sh", strings.Join(job.Script, "\n")); code != 1 {
			t.Errorf("script: exit %d, want 1", code)
		}
		if job.Artifacts.When != "always" || job.Artifacts.Reports.JUnit == "" {
			t.Errorf("artifacts: when %q, junit %q; want always and a report", job.Artifacts.When, job.Artifacts.Reports.JUnit)
		}
		junitFailures(t, filepath.Join(ws, job.Artifacts.Reports.JUnit))
	})

	t.Run("Azure DevOps", func(t *testing.T) {
		var p struct {
			Steps []struct {
				Task      string            `yaml:"task"`
				Bash      string            `yaml:"bash"`
				Condition string            `yaml:"condition"`
				Inputs    map[string]string `yaml:"inputs"`
			} `yaml:"steps"`
		}
		if err := yaml.Unmarshal([]byte(blocks[2][1]), &p); err != nil {
			t.Fatal(err)
		}
		ws := workspace(t)
		staging := filepath.Join(t.TempDir(), "staging")
		macro := strings.NewReplacer("$(Build.ArtifactStagingDirectory)", staging)
		published := map[string]string{}
		for _, s := range p.Steps {
			switch {
			case s.Bash != "":
				// the Bash task runs the script with bash, as a file
				if code := runScript(t, ws, "bash", macro.Replace(s.Bash)); code != 1 {
					t.Errorf("bash step: exit %d, want 1", code)
				}
			case s.Task == "PublishBuildArtifacts@1":
				published[s.Inputs["ArtifactName"]] = macro.Replace(s.Inputs["PathtoPublish"])
				if s.Condition != "succeededOrFailed()" {
					t.Errorf("%s runs only on success: condition %q", s.Task, s.Condition)
				}
			case s.Task == "PublishTestResults@2":
				published["junit"] = macro.Replace(s.Inputs["testResultsFiles"])
				if s.Condition != "succeededOrFailed()" || s.Inputs["testResultsFormat"] != "JUnit" {
					t.Errorf("%s: condition %q, format %q", s.Task, s.Condition, s.Inputs["testResultsFormat"])
				}
			}
		}
		dir := published["CodeAnalysisLogs"]
		if dir == "" || published["junit"] == "" {
			t.Fatalf("published %v; want the CodeAnalysisLogs artifact and JUnit test results", published)
		}
		sarifs, err := filepath.Glob(filepath.Join(dir, "*.sarif"))
		if err != nil || len(sarifs) != 1 {
			t.Fatalf("CodeAnalysisLogs holds %v, want one .sarif", sarifs)
		}
		sarifResults(t, sarifs[0])
		junitFailures(t, published["junit"])
	})
}
