package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hooklint/hooklint/internal/golden"
)

// TestSimulateCLI runs `hooklint simulate` in-process; goldens are in
// testdata/simulate (go test ./cmd/hooklint -update rewrites them).
func TestSimulateCLI(t *testing.T) {
	const (
		backup    = "../../testdata/charts/sim-backup"
		ordering  = "../../sim/testdata/charts/ordering"
		scenarios = "../../sim/testdata/scenarios/"
		kv        = "--kube-version=v1.35.0"
	)
	tests := []struct {
		name     string
		args     []string
		golden   string
		wantCode int
	}{
		{name: "upgrade", args: []string{"simulate", "upgrade", backup, kv, "--set", "image=redis:8"}, golden: "upgrade.txt"},
		{name: "upgrade atomic fail json", args: []string{"simulate", "upgrade", backup, kv, "--atomic", "--fail", "job/*-backup", "-o", "json"}, golden: "upgrade-atomic-fail.json", wantCode: 1},
		{name: "rollback mermaid", args: []string{"simulate", "rollback", backup, "1", kv, "-o", "mermaid", "--release-name", "gb", "-n", "shop"}, golden: "rollback.mmd"},
		{name: "test filter hang", args: []string{"simulate", "test", backup, kv, "--filter", "name=release-name-ping", "--hang", "pod/*", "--timeout", "30s"}, golden: "test-hang.txt", wantCode: 1},
		{name: "uninstall keep history", args: []string{"simulate", "uninstall", backup, kv, "--keep-history"}, golden: "uninstall.txt"},
		{name: "install missing references", args: []string{"simulate", "install", ordering, kv, "--timeout", "1m"}, golden: "install-ordering.txt", wantCode: 1},
		{name: "upgrade from another chart", args: []string{"simulate", "upgrade", backup, kv, "--from-chart", ordering, "--no-hooks"}, golden: "upgrade-from-chart.txt", wantCode: 1},
		{name: "scenario", args: []string{"simulate", "--scenario", scenarios + "guestbook.yaml"}, golden: "scenario-guestbook.txt"},
		{name: "upgrade helm v4", args: []string{"simulate", "upgrade", backup, kv, "--helm", "v4", "--set", "image=redis:8"}, golden: "upgrade-helm4.txt"},
		{name: "upgrade helm v4 rollback-on-failure", args: []string{"simulate", "upgrade", backup, kv, "--helm", "v4", "--rollback-on-failure", "--fail", "job/*-backup"}, golden: "upgrade-helm4-rollback-on-failure.txt", wantCode: 1},
		{name: "upgrade argocd", args: []string{"simulate", "upgrade", backup, kv, "--engine", "argocd"}, golden: "upgrade-argocd.txt"},
		{name: "upgrade flux remediation", args: []string{"simulate", "upgrade", backup, kv, "--engine", "flux", "--flux-upgrade-retries", "1", "--fail", "job/*-backup"}, golden: "upgrade-flux.txt", wantCode: 1},
		{name: "helm from config", args: []string{"simulate", "upgrade", "testdata/helm4/chart", kv}, golden: "upgrade-helm4-config.txt"},
		{name: "diff engines", args: []string{"diff-engines", backup, kv}, golden: "diff-engines.txt"},
		// issue 18: no hooks, no waves, an unhealthy Deployment: Argo CD's
		// single-step sync succeeds (health Degraded), Helm fails with
		// --wait, Flux's waiter times out (docs/engines.md).
		{name: "diff engines unhealthy deployment", args: []string{"diff-engines", "../../sim/testdata/engines/plain-unhealthy", kv, "--action", "install", "--wait", "--fail", "deployment/*"}, golden: "diff-engines-unhealthy.txt", wantCode: 1},
		{name: "install with cluster state", args: []string{"simulate", "install", ordering, kv, "--timeout", "1m", "--no-color", "--cluster-state", "testdata/simulate/cluster-state.yaml"}, golden: "install-cluster-state.txt"},
		{name: "bad cluster state", args: []string{"simulate", "install", backup, "--cluster-state", "testdata/simulate/does-not-exist.yaml"}, golden: "bad-cluster-state.txt", wantCode: 2},
		{name: "bad pattern", args: []string{"simulate", "install", backup, "--fail", "job/["}, golden: "bad-pattern.txt", wantCode: 2},
		{name: "bad output", args: []string{"simulate", "install", backup, "-o", "xml"}, golden: "bad-output.txt", wantCode: 2},
		{name: "no command", args: []string{"simulate", backup}, golden: "no-command.txt", wantCode: 2},
		{name: "missing chart", args: []string{"simulate", "install", "../../testdata/charts/does-not-exist"}, golden: "missing-chart.txt", wantCode: 2},
		{name: "bad revision", args: []string{"simulate", "rollback", backup, "one"}, golden: "bad-revision.txt", wantCode: 2},
		{name: "bad scenario", args: []string{"simulate", "--scenario", "testdata/simulate/bad-scenario.yaml", backup}, golden: "bad-scenario.txt", wantCode: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, strings.NewReader(""), &stdout, &stderr)
			if code != tt.wantCode {
				t.Errorf("hooklint %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(tt.args, " "), code, tt.wantCode, stdout.String(), stderr.String())
			}
			got := stdout.String()
			if stderr.Len() > 0 {
				got += "--- stderr\n" + stderr.String()
			}
			golden.Assert(t, filepath.Join("testdata", "simulate", tt.golden), []byte(got))
		})
	}
}

// TestSimulateHelp checks that every simulate command has help with
// examples.
func TestSimulateHelp(t *testing.T) {
	for _, cmd := range []string{"", "install", "upgrade", "rollback", "uninstall", "test"} {
		args := []string{"simulate"}
		if cmd != "" {
			args = append(args, cmd)
		}
		var stdout, stderr bytes.Buffer
		if code := run(append(args, "--help"), strings.NewReader(""), &stdout, &stderr); code != 0 {
			t.Fatalf("hooklint %s --help: exit %d: %s", strings.Join(args, " "), code, stderr.String())
		}
		if !strings.Contains(stdout.String(), "Examples:") || !strings.Contains(stdout.String(), "Exit status: 0 when every simulated helm command succeeds, 1 when one fails") {
			t.Errorf("hooklint %s --help lacks examples or the exit status:\n%s", strings.Join(args, " "), stdout.String())
		}
	}
}
