package main

import (
	"path/filepath"
	"testing"

	"github.com/hooklint/hooklint/internal/testfs"
)

// TestDroppedHookOneRound: a misspelt event does not hide the unquoted
// weight of the same hook: both are reported in one run (issue 20 point 6).
func TestDroppedHookOneRound(t *testing.T) {
	chart := filepath.Join(t.TempDir(), "c")
	testfs.Write(t, chart, map[string]string{
		"Chart.yaml": "apiVersion: v2\nname: c\nversion: 0.1.0\n",
		"templates/job.yaml": `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations:
    "helm.sh/hook": pre-instal
    "helm.sh/hook-weight": -5
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: m
          image: busybox:1.36
`,
	})
	got, code := runOut("lint", "--only", "HL1001,HL1004", chart)
	want := chart + `/templates/job.yaml:6: error HL1001: hook event "pre-instal" is unknown (did you mean "pre-install"?); Helm skips the whole resource: it is neither run as a hook nor installed
` + chart + `/templates/job.yaml:7: error HL1004: helm.sh/hook-weight is the unquoted number -5; Helm sorts it as weight -5, but cannot build the hook for the cluster ("json: cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string"): the hook fails before it is created; quote it: "-5" (Helm skips this resource now for its hook event "pre-instal": this applies once the event is fixed)
1 chart linted: 2 errors, 0 warnings, 0 infos
`
	if code != exitFindings || got != want {
		t.Errorf("exit %d, output\n%s\nwant exit 1, output\n%s", code, got, want)
	}
}
