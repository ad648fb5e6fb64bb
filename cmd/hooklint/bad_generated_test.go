package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hooklint/hooklint/internal/testfs"
)

// generatedJob is a Job hook whose annotations and trailing lines the
// cases fill in: %s annotations (indented 4), %s extra lines after args:.
const generatedJob = `apiVersion: batch/v1
kind: Job
metadata:
  name: %s
  annotations:
%s
spec:
  activeDeadlineSeconds: 60
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: c
          image: busybox:1.36
          args:
%s`

// TestBadInputsGenerated runs hooklint on hostile charts too large to keep
// in testdata/bad: each is written to a temporary directory and linted
// from there (paths in the output are relative to it), and its output is
// golden in testdata/bad/<case>.golden with the exit code, under the RSS
// ceiling of TestBadInputs. Their time is measured by
// BenchmarkBadInputsGenerated, not here: a wall-clock ceiling in a test
// fails on a loaded runner (one did in CI), and the hang guard of runBin
// still ends a run that never finishes.
func TestBadInputsGenerated(t *testing.T) {
	for _, tt := range badGeneratedCases() {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			tt.write(t, dir)
			res := runBinRSS(t, dir, nil, tt.argv()...)
			checkBad(t, tt.name, res, "", "")
		})
	}
}

// badGeneratedCase is a generated hostile chart: templates/job.yaml, more
// files, and the flags after lint --no-color <chart>.
type badGeneratedCase struct {
	name  string
	job   string            // templates/job.yaml
	files map[string]string // more files of the chart
	args  []string          // after lint --no-color <chart>
}

// write writes the case's chart to dir/<name>.
func (tt badGeneratedCase) write(t testing.TB, dir string) {
	files := map[string]string{
		"Chart.yaml":         "apiVersion: v2\nname: " + tt.name + "\nversion: 0.1.0\n",
		"templates/job.yaml": tt.job,
	}
	for p, s := range tt.files {
		files[p] = s
	}
	testfs.Write(t, filepath.Join(dir, tt.name), files)
}

// argv is the case's hooklint command line, run in the parent of its chart.
func (tt badGeneratedCase) argv() []string {
	return append([]string{"lint", "--no-color", tt.name}, tt.args...)
}

// badGeneratedCases are the cases of TestBadInputsGenerated and
// BenchmarkBadInputsGenerated.
func badGeneratedCases() []badGeneratedCase {
	hook := `    "helm.sh/hook": pre-install
    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded`
	return []badGeneratedCase{
		{
			// 6,000 identical comment lines above the Job: every rendered
			// comment line matches every template comment line.
			name: "srcmap-repeated-comments",
			job:  strings.Repeat("# -----\n", 6000) + fmt.Sprintf(generatedJob, "repeated", hook, "            - x\n"),
			// rules.default: all: HL6007 reports this hook although the
			// chart has no workload setting resources (the position is
			// what the case checks)
			files: map[string]string{".hooklint.yaml": "version: 1\nrules:\n  default: all\n"},
			args:  []string{"--only", "HL6007"},
		},
		{
			// 5,000 identical args lines: each rendered "- a" matches each
			// template line `- {{ "a" }}`.
			name: "srcmap-repeated-args",
			job:  fmt.Sprintf(generatedJob, "repeated", hook, strings.Repeat(`            - {{ "a" }}`+"\n", 5000)),
			// rules.default: all: HL6007 reports this hook although the
			// chart has no workload setting resources (the position is
			// what the case checks)
			files: map[string]string{".hooklint.yaml": "version: 1\nrules:\n  default: all\n"},
			args:  []string{"--only", "HL6007"},
		},
		{
			// 3,000 hooks under 20 hooklint:ignore comments each: 60,000
			// identical comment lines, and 3,000 suppressed findings that
			// each could be matched against every directive.
			name: "srcmap-suppressions-60000",
			job:  suppressedHooks(3000, 19),
			// rules.default: all: HL6007 reports this hook although the
			// chart has no workload setting resources (the position is
			// what the case checks)
			files: map[string]string{".hooklint.yaml": "version: 1\nrules:\n  default: all\n"},
			args:  []string{"--only", "HL6007"},
		},
		{
			// A 2 MB helm.sh/hook: 180,000 times pre-install; and 2 MB of
			// delete policies, two of them listed 60,000 times each.
			name: "hook-tokens-2mb",
			job: fmt.Sprintf(generatedJob, "tokens", `    "helm.sh/hook": "`+strings.Repeat("pre-install,", 180000)+`pre-install"
    "helm.sh/hook-delete-policy": "`+strings.Repeat("before-hook-creation,hook-succeeded,", 60000)+`hook-succeeded"`, "            - x\n"),
		},
		{
			// 8,000 distinct unknown delete policies: each would be its own
			// finding, each carrying the hook's policy list (-o json).
			name: "hook-tokens-distinct",
			job:  fmt.Sprintf(generatedJob, "tokens", "    \"helm.sh/hook\": pre-install\n    \"helm.sh/hook-delete-policy\": \""+distinctTokens("hook-succeded-", 8000)+"\"", "            - x\n"),
		},
		{
			// An exclusions glob of 1.2 million "a*" (2.4 MB): an input
			// error naming the chart, the file, the line and the limit.
			name:  "config-glob-2mb",
			job:   fmt.Sprintf(generatedJob, "glob", hook, "            - x\n"),
			files: map[string]string{".hooklint.yaml": "version: 1\nexclusions:\n  - path: \"" + strings.Repeat("a*", 1200000) + "\"\n"},
		},
		{
			// A template file name with a newline and ESC[2J, and a
			// config whose error spans lines: the output shows \n and
			// \x1b, never a fake finding row or a cleared screen, and the
			// input error is one line (issue 17 point 11).
			name: "terminal-escapes",
			job:  fmt.Sprintf(generatedJob, "escapes", hook, "            - x\n"),
			files: map[string]string{
				"templates/evil\n.yaml:1: error HL0000: fake\x1b[2J.yaml": fmt.Sprintf(generatedJob, "evil", "    \"helm.sh/hook\": pre-install\n    \"helm.sh/hook-delete-policy\": hook-succeded", "            - x\n"),
			},
			args: []string{"--only", "HL1006"},
		},
		{
			name:  "terminal-escapes-config",
			job:   fmt.Sprintf(generatedJob, "escapes", hook, "            - x\n"),
			files: map[string]string{".hooklint.yaml": "version: 1\nrules:\n  enabel: [HL1006]\n  disabel: [HL1007]\n"},
		},
	}
}

// suppressedHooks is a template of n Job hooks, each under pad comment
// directives naming a rule that does not run and one that suppresses the
// hook's HL6007 finding; the last hook's finding is not suppressed.
func suppressedHooks(n, pad int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("---\n")
		b.WriteString(strings.Repeat("# hooklint:ignore HL6006 -- padding\n", pad))
		job := fmt.Sprintf(generatedJob, fmt.Sprintf("hook-%c%c", 'a'+i/26%26, 'a'+i%26)+strings.Repeat("x", i/676),
			"    \"helm.sh/hook\": pre-install\n    \"helm.sh/hook-delete-policy\": before-hook-creation,hook-succeeded",
			"            - x\n")
		if i < n-1 {
			job = strings.Replace(job, "        - name: c\n", "        # hooklint:ignore HL6007 -- sized elsewhere\n        - name: c\n", 1)
		}
		b.WriteString(job)
	}
	return b.String()
}

// distinctTokens is n comma-separated tokens prefix0, prefix1, ...
func distinctTokens(prefix string, n int) string {
	toks := make([]string, n)
	for i := range toks {
		toks[i] = fmt.Sprint(prefix, i)
	}
	return strings.Join(toks, ",")
}

// TestSimulateScaleGenerated: simulations whose cost grew faster than
// their input (issue 17 point 10) stay within the hostile-input memory
// ceilings for their class: install and 9,999 upgrades of a one-hook chart
// (it took 40 s and 600 MB when discovery was asked every step and the
// writers scanned every event per step), and diff-engines of 5,000 hooks
// (a quadratic alignment table: 2.1 GB). Their time is measured by
// BenchmarkSimulateScaleGenerated.
func TestSimulateScaleGenerated(t *testing.T) {
	for _, tt := range simulateScaleCases() {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.write(t, dir)
			res := runBinRSS(t, dir, nil, tt.args...)
			t.Logf("peak RSS %d MiB (ceiling %d MiB)", res.maxRSS>>20, tt.rss>>20)
			if res.code != 0 || !strings.Contains(res.stdout, tt.want) {
				t.Fatalf("exit %d, stdout without %q; stderr:\n%s", res.code, tt.want, res.stderr)
			}
			if res.maxRSS > tt.rss {
				t.Errorf("peak RSS %d MiB, ceiling %d MiB", res.maxRSS>>20, tt.rss>>20)
			}
		})
	}
}

// simulateScaleCase is a generated chart (files under c/) and a hooklint
// command line run in its parent.
type simulateScaleCase struct {
	name  string
	files map[string]string
	args  []string
	rss   int64  // peak-RSS ceiling
	want  string // in stdout
}

// write writes the case's files and c/Chart.yaml under dir.
func (tt simulateScaleCase) write(t testing.TB, dir string) {
	files := map[string]string{"c/Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\n"}
	for p, s := range tt.files {
		files[p] = s
	}
	testfs.Write(t, dir, files)
}

// simulateScaleCases are the cases of TestSimulateScaleGenerated and
// BenchmarkSimulateScaleGenerated.
func simulateScaleCases() []simulateScaleCase {
	var steps strings.Builder
	steps.WriteString("steps:\n  - action: install\n")
	for range 9999 {
		steps.WriteString("  - action: upgrade\n")
	}
	hooks := `{{- range $i := until 5000 }}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: hook-{{ $i }}
  annotations:
    helm.sh/hook: pre-upgrade
    helm.sh/hook-weight: "{{ mod $i 7 }}"
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: m, image: busybox}]
{{- end }}
`
	return []simulateScaleCase{
		{name: "scenario-10000-steps", files: map[string]string{"c/templates/job.yaml": fmt.Sprintf(generatedJob, "mig", "    \"helm.sh/hook\": pre-install,pre-upgrade", "            - x\n"), "s.yaml": steps.String()},
			args: []string{"simulate", "--scenario", "s.yaml", "c", "-o", "json"}, rss: 512 << 20, want: `"index": 10000,`},
		{name: "diff-engines-5000-hooks", files: map[string]string{"c/templates/hooks.yaml": hooks},
			args: []string{"diff-engines", "c"}, rss: 1 << 30, want: "create jobs hook-4999 201"},
	}
}
