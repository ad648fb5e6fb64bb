package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hooklint/hooklint/internal/testfs"
)

// TestHelmNamespaceEnv: HELM_NAMESPACE, which Helm sets for a plugin in
// place of the --namespace it strips, is the namespace of lint, simulate
// and diff-engines; an explicit --namespace/-n wins (issue 20 point 1; the
// plugin through real Helm: integrations TestHelmPlugin).
func TestHelmNamespaceEnv(t *testing.T) {
	// A chart whose hook has an unknown event only in namespace prod.
	chart := filepath.Join(t.TempDir(), "c")
	files := map[string]string{
		"Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\n",
		"templates/job.yaml": `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations:
    "helm.sh/hook": {{ if eq .Release.Namespace "prod" }}pre-instal{{ else }}pre-install{{ end }}
    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded
spec:
  activeDeadlineSeconds: 60
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: m
          image: busybox:1.36
`,
	}
	testfs.Write(t, chart, files)
	hl1001 := "templates/job.yaml:6: error HL1001: "
	tests := []struct {
		name    string
		env     string
		args    []string
		want    string // in the output
		notWant string
	}{
		{name: "lint: HELM_NAMESPACE", env: "prod", args: []string{"lint", "--only", "HL1001", chart}, want: hl1001},
		{name: "lint: --namespace wins", env: "prod", args: []string{"lint", "--only", "HL1001", "--namespace", "shop", chart}, notWant: hl1001},
		{name: "lint: -n wins", env: "shop", args: []string{"lint", "--only", "HL1001", "-n", "prod", chart}, want: hl1001},
		{name: "lint: no HELM_NAMESPACE is default", env: "", args: []string{"lint", "--only", "HL1001", chart}, notWant: hl1001},
		{name: "simulate: HELM_NAMESPACE", env: "prod", args: []string{"simulate", "install", chart}, want: `release "release-name" in namespace "prod"`},
		{name: "simulate: -n wins", env: "prod", args: []string{"simulate", "install", "-n", "shop", chart}, want: `release "release-name" in namespace "shop"`},
		{name: "diff-engines: HELM_NAMESPACE", env: "prod", args: []string{"diff-engines", chart}, want: `release "release-name" in namespace "prod"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("HELM_NAMESPACE", tt.env)
			var out, errb bytes.Buffer
			run(tt.args, &bytes.Reader{}, &out, &errb)
			got := out.String() + errb.String()
			if tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("output does not contain %q:\n%s", tt.want, got)
			}
			if tt.notWant != "" && strings.Contains(got, tt.notWant) {
				t.Errorf("output contains %q:\n%s", tt.notWant, got)
			}
		})
	}
}
