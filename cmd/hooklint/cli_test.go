package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hooklint/hooklint/internal/golden"
	"github.com/hooklint/hooklint/internal/render"
)

// cmdTestCase is one in-process hooklint run, as Helm's cmd tests.
type cmdTestCase struct {
	name     string
	args     []string
	stdin    string // file under testdata/ fed to stdin
	golden   string // file under testdata/output/ with stdout (+ "--- stderr" section)
	wantCode int
}

const (
	example = "../../examples/guestbook-backup"
	charts  = "../../testdata/charts/"
)

func TestCLI(t *testing.T) {
	tests := []cmdTestCase{
		{name: "lint example", args: []string{"lint", example}, golden: "lint-example.txt", wantCode: 1},
		{name: "lint example json", args: []string{"lint", example, "-o", "json"}, golden: "lint-example.json", wantCode: 1},
		{name: "simulate findings", args: []string{"lint", example, "--simulate", "--only", "HL7001,HL7002,HL7003"}, golden: "lint-simulate.txt", wantCode: 1},
		{name: "simulate markdown timeline", args: []string{"lint", example, "--simulate", "--only", "HL7001", "-o", "markdown"}, golden: "lint-simulate.md", wantCode: 1},
		{name: "fail-on none", args: []string{"lint", example, "--fail-on", "none", "--only", "HL1001"}, golden: "lint-fail-on-none.txt", wantCode: 0},
		{name: "lint stdin", args: []string{"lint", "-"}, stdin: "guestbook-backup.rendered.yaml", golden: "lint-stdin.txt", wantCode: 1},
		{
			name: "bad input among good charts",
			args: []string{
				"lint", "--no-color", charts + "bad-yaml", charts + "bad-template", charts + "missing-dep",
				charts + "empty", charts + "broken.tgz", charts + "does-not-exist", example,
			},
			golden: "lint-bad-input.txt", wantCode: 2,
		},
		{name: "rules", args: []string{"rules"}, golden: "rules.txt"},
		{name: "explain", args: []string{"explain", "HL1001"}, golden: "explain-hl1001.txt"},
		{name: "explain by name", args: []string{"explain", "hook-unknown-event"}, golden: "explain-hl1001.txt"},
		{name: "explain unknown", args: []string{"explain", "HL9999"}, golden: "explain-unknown.txt", wantCode: 2},
		{name: "lint without chart", args: []string{"lint"}, golden: "lint-no-args.txt", wantCode: 2},
		{name: "unknown flag", args: []string{"lint", "--bogus", example}, golden: "lint-bad-flag.txt", wantCode: 2},
		{name: "unknown rule", args: []string{"lint", "--only", "HL0000", example}, golden: "lint-unknown-rule.txt", wantCode: 2},
		{name: "bad fail-on", args: []string{"lint", "--fail-on", "fatal", example}, golden: "lint-bad-fail-on.txt", wantCode: 2},
		{name: "bad output", args: []string{"lint", "-o", "xml", example}, golden: "lint-bad-output.txt", wantCode: 2},
		{name: "lint github", args: []string{"lint", "-o", "github", example}, golden: "lint-example.github.txt", wantCode: 1},
		{name: "lint junit", args: []string{"lint", "-o", "junit", example}, golden: "lint-example.junit.xml", wantCode: 1},
		{name: "lint markdown", args: []string{"lint", "--output", "markdown", example}, golden: "lint-example.md", wantCode: 1},
		{name: "lint argocd", args: []string{"lint", "--engine", "argocd", "--only", "HL8001,HL8002,HL8003,HL8004", example}, golden: "lint-argocd.txt", wantCode: 1},
		{name: "lint argocd rules silent for helm", args: []string{"lint", "--only", "HL8001,HL8002,HL8003,HL8004", example}, golden: "lint-argocd-helm.txt", wantCode: 0},
		{name: "bad engine", args: []string{"lint", "--engine", "flux", example}, golden: "lint-bad-engine.txt", wantCode: 2},
		{name: "engine from config", args: []string{"lint", "--config", "../../internal/config/testdata/engine-argocd.yaml", "--only", "HL8002", example}, golden: "lint-argocd-config.txt", wantCode: 1},
		{name: "engine flag over config", args: []string{"lint", "--config", "../../internal/config/testdata/engine-argocd.yaml", "--engine", "helm", "--only", "HL8002", example}, golden: "lint-argocd-helm.txt", wantCode: 0},
		{name: "two outputs to stdout", args: []string{"lint", "-o", "text", "-o", "json=-", example}, golden: "lint-two-stdout.txt", wantCode: 2},
		{name: "configured", args: []string{"lint", "testdata/configured"}, golden: "lint-configured.txt", wantCode: 0},
		{name: "fail-on flag over config", args: []string{"lint", "--fail-on", "warning", "testdata/configured"}, golden: "lint-configured.txt", wantCode: 1},
		{name: "only flag over config", args: []string{"lint", "--only", "HL2007,HL6006,HL9002", "testdata/configured"}, golden: "lint-configured-only.txt", wantCode: 0},
		{name: "bad config", args: []string{"lint", "--config", "../../internal/config/testdata/helm-v5.yaml", example}, golden: "lint-bad-config.txt", wantCode: 2},
		{name: "config init", args: []string{"config", "init"}, golden: "config-init.yaml"},
		{name: "lint helm v4", args: []string{"lint", "--helm", "v4", "--only", "HL1006,HL2009,HL4005,HL4006", "../../rules/hl4005/testdata/bad", "../../rules/hl2009/testdata/bad"}, golden: "lint-helm-v4.txt", wantCode: 1},
		{name: "lint helm from config", args: []string{"lint", "testdata/helm4/chart"}, golden: "lint-helm4-config.txt", wantCode: 1},
		{name: "lint helm flag over config", args: []string{"lint", "--helm", "v3", "testdata/helm4/chart"}, golden: "lint-helm4-config-v3.txt", wantCode: 1},
		{name: "bad helm", args: []string{"lint", "--helm", "v5", example}, golden: "lint-bad-helm.txt", wantCode: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdin bytes.Reader
			if tt.stdin != "" {
				b, err := os.ReadFile(filepath.Join("testdata", tt.stdin))
				if err != nil {
					t.Fatal(err)
				}
				stdin.Reset(b)
			}
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdin, &stdout, &stderr)
			if code != tt.wantCode {
				t.Errorf("hooklint %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(tt.args, " "), code, tt.wantCode, stdout.String(), stderr.String())
			}
			got := stdout.String()
			if stderr.Len() > 0 {
				got += "--- stderr\n" + stderr.String()
			}
			golden.Assert(t, filepath.Join("testdata", "output", tt.golden), []byte(got))
		})
	}
}

// TestDeterministic: the same input gives byte-identical output.
func TestDeterministic(t *testing.T) {
	args := []string{"lint", "-o", "json", example, charts + "bad-yaml", "../../rules/hl1001/testdata/bad"}
	var first string
	for i := range 5 {
		var out, errb bytes.Buffer
		run(args, &bytes.Reader{}, &out, &errb)
		if i == 0 {
			first = out.String()
			continue
		}
		if out.String() != first {
			t.Fatalf("run %d differs from run 0", i)
		}
	}
}

// TestBinaryDefaultKubeVersion builds hooklint as users do and checks that
// its default Kubernetes version comes from the linked client-go (build
// information), equal to what test binaries use.
func TestBinaryDefaultKubeVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	out, err := exec.Command(hooklintBin(t), "version").Output() // built as users build it
	if err != nil {
		t.Fatal(err)
	}
	want := "kubernetes " + render.DefaultKubeVersion() + " (default --kube-version)"
	if !strings.Contains(string(out), want) {
		t.Errorf("hooklint version printed\n%s\nwant a line %q", out, want)
	}
}

// TestREADMEExample keeps the README's example output real.
func TestREADMEExample(t *testing.T) {
	var out, errb bytes.Buffer
	run([]string{"lint", "--no-color", example}, &bytes.Reader{}, &out, &errb)
	text := strings.ReplaceAll(out.String(), "../../", "")
	section := "```\n$ go run ./cmd/hooklint lint examples/guestbook-backup\n" + text + "```\n"
	golden.AssertSection(t, "../../README.md", "<!-- example-output: regenerated by TestREADMEExample (go test ./cmd/hooklint -update) -->",
		"<!-- end example-output -->", section)
}
