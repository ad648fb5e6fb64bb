package sim

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"sigs.k8s.io/yaml"
)

func yamlUnmarshalForTest(s string, v any) error { return yaml.Unmarshal([]byte(s), v) }

func TestPatterns(t *testing.T) {
	tests := []struct {
		pattern    string
		kind, name string
		want       bool
	}{
		{"Job/migrate", "Job", "migrate", true},
		{"job/migrate", "Job", "migrate", true},
		{"job/*-backup", "Job", "rel-backup", true},
		{"job/*-backup", "Pod", "rel-backup", false},
		{"migrate", "Pod", "migrate", true},
		{"*/mig*", "Job", "migrate", true},
	}
	for _, tt := range tests {
		p, err := ParsePattern(tt.pattern)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Match(tt.kind, tt.name); got != tt.want {
			t.Errorf("%q.Match(%s, %s) = %v, want %v", tt.pattern, tt.kind, tt.name, got, tt.want)
		}
	}
	for _, bad := range []string{"", "Job/", "Job/[", "Job/x=30s"} {
		if _, err := ParsePattern(bad); err == nil && bad != "Job/x=30s" {
			t.Errorf("ParsePattern(%q): no error", bad)
		}
	}
	r, err := ParseDurationRule("job/x=30s")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(DurationRule{Pattern: Pattern{Kind: "job", Name: "x", Raw: "job/x"}, Duration: 30 * time.Second}, r); diff != "" {
		t.Errorf("ParseDurationRule (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"job/x", "job/x=soon", "job/x=-1s"} {
		if _, err := ParseDurationRule(bad); err == nil {
			t.Errorf("ParseDurationRule(%q): no error", bad)
		}
	}
}

// TestStartRun checks how a pod-running object ends.
func TestStartRun(t *testing.T) {
	parse := func(s string) *Object {
		var m map[string]any
		if err := yaml.Unmarshal([]byte(s), &m); err != nil {
			t.Fatal(err)
		}
		kind, _ := m["kind"].(string)
		name := nestedString(m, "metadata", "name")
		return &Object{Key: Key{Kind: kind, Namespace: "ns", Name: name}, Content: m}
	}
	mustPattern := func(s string) Pattern {
		p, err := ParsePattern(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	job := "kind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n"
	tests := []struct {
		name    string
		obj     string
		rules   Outcomes
		exists  []Key
		want    Execution
		phaseAt time.Duration
		phase   Phase
	}{
		{
			name: "default: succeeds after 1s", obj: job,
			want: Execution{Verdict: Succeed, Duration: time.Second}, phaseAt: time.Second, phase: PhaseSucceeded,
		},
		{
			name: "--fail", obj: job, rules: Outcomes{Fail: []Pattern{mustPattern("job/j")}},
			want:    Execution{Verdict: Fail, Duration: time.Second, Reason: "BackoffLimitExceeded", Rule: "--fail job/j"},
			phaseAt: time.Second, phase: PhaseFailed,
		},
		{
			name: "--hang", obj: job, rules: Outcomes{Hang: []Pattern{mustPattern("j")}},
			want:    Execution{Verdict: Hang, Duration: time.Second, Forever: true, Reason: "hangs (--hang j)", Rule: "--hang j"},
			phaseAt: time.Hour, phase: PhaseRunning,
		},
		{
			name: "activeDeadlineSeconds ends a hang", obj: job + "  activeDeadlineSeconds: 30\n", rules: Outcomes{Hang: []Pattern{mustPattern("j")}},
			want:    Execution{Verdict: Fail, Duration: 30 * time.Second, Reason: "DeadlineExceeded", Rule: "--hang j"},
			phaseAt: time.Minute, phase: PhaseFailed,
		},
		{
			name:   "missing references keep it Pending",
			obj:    "kind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      serviceAccountName: sa\n      volumes:\n        - {name: a, configMap: {name: cm}}\n        - {name: b, secret: {secretName: s, optional: true}}\n        - {name: c, persistentVolumeClaim: {claimName: pvc}}\n      containers:\n        - env: [{name: X, valueFrom: {secretKeyRef: {name: present, key: k}}}]\n",
			exists: []Key{{Kind: "Secret", Namespace: "ns", Name: "present"}},
			want: Execution{Verdict: Succeed, Duration: time.Second, Forever: true,
				Pending: []Ref{{Kind: "ConfigMap", Name: "cm", Field: "volumes.configMap"}, {Kind: "PersistentVolumeClaim", Name: "pvc", Field: "volumes.persistentVolumeClaim"}, {Kind: "ServiceAccount", Name: "sa", Field: "serviceAccountName"}},
				Reason:  `Pending: ConfigMap "cm" (volumes.configMap), PersistentVolumeClaim "pvc" (volumes.persistentVolumeClaim), ServiceAccount "sa" (serviceAccountName) not found`},
			phaseAt: time.Hour, phase: PhasePending,
		},
		{
			name: "a Pod with restartPolicy Always never succeeds", obj: "kind: Pod\nmetadata: {name: p}\nspec: {}\n",
			want:    Execution{Verdict: Succeed, Duration: time.Second, Forever: true, Reason: "restartPolicy Always: the container is restarted and the pod never reaches Succeeded"},
			phaseAt: time.Hour, phase: PhaseRunning,
		},
		{
			name: "--duration", obj: job, rules: Outcomes{Durations: []DurationRule{{Pattern: mustPattern("*"), Duration: time.Minute}}},
			want:    Execution{Verdict: Succeed, Duration: time.Minute, Rule: "--duration *=1m0s"},
			phaseAt: 59 * time.Second, phase: PhaseRunning,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewCluster(&Clock{}, "ns")
			for _, k := range tt.exists {
				if err := c.Create(&Object{Key: k, Resource: "x", Content: map[string]any{}}); err != nil {
					t.Fatal(err)
				}
			}
			o := parse(tt.obj)
			got := startRun(o, tt.rules, missingRefs(c, o), 0)
			if diff := cmp.Diff(tt.want, *got); diff != "" {
				t.Errorf("run (-want +got):\n%s", diff)
			}
			if p := got.Phase(tt.phaseAt); p != tt.phase {
				t.Errorf("phase at %s = %s, want %s", tt.phaseAt, p, tt.phase)
			}
		})
	}
}
