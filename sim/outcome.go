package sim

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/hooklint/hooklint/internal/lifecycle"
)

// DefaultDuration is how long a hook Job or Pod runs, and how long a workload
// takes to become ready, unless a rule says otherwise.
const DefaultDuration = time.Second

// Verdict is how a pod-running object ends.
type Verdict int

// Verdicts.
const (
	Succeed Verdict = iota // Job Complete / Pod Succeeded after its duration
	Fail                   // Job Failed / Pod Failed after its duration
	Hang                   // never finishes (Helm's --timeout expires)
)

func (v Verdict) String() string {
	switch v {
	case Fail:
		return "fail"
	case Hang:
		return "hang"
	default:
		return "succeed"
	}
}

// MarshalText makes Verdict a string in JSON.
func (v Verdict) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// Pattern selects objects by KIND/NAME, both shell globs (path.Match), the
// kind matched case-insensitively; a pattern without "/" matches the name of
// any kind.
type Pattern struct {
	Kind string // "" or "*" for any kind
	Name string
	Raw  string
}

// ParsePattern parses KIND/NAME or NAME.
func ParsePattern(s string) (Pattern, error) {
	p := Pattern{Raw: s}
	if k, n, ok := strings.Cut(s, "/"); ok {
		p.Kind, p.Name = k, n
	} else {
		p.Name = s
	}
	if p.Name == "" {
		return Pattern{}, fmt.Errorf("pattern %q: want KIND/NAME or NAME", s)
	}
	for _, g := range []string{p.Kind, p.Name} {
		if _, err := path.Match(g, ""); err != nil {
			return Pattern{}, fmt.Errorf("pattern %q: %w", s, err)
		}
	}
	return p, nil
}

// Match reports whether the pattern selects kind/name.
func (p Pattern) Match(kind, name string) bool {
	if p.Kind != "" && p.Kind != "*" {
		if ok, _ := path.Match(strings.ToLower(p.Kind), strings.ToLower(kind)); !ok {
			return false
		}
	}
	ok, _ := path.Match(p.Name, name)
	return ok
}

func (p Pattern) String() string { return p.Raw }

// DurationRule sets the run time of the objects a pattern selects.
type DurationRule struct {
	Pattern  Pattern
	Duration time.Duration
}

// ParseDurationRule parses KIND/NAME=DURATION.
func ParseDurationRule(s string) (DurationRule, error) {
	pat, d, ok := strings.Cut(s, "=")
	if !ok {
		return DurationRule{}, fmt.Errorf("duration %q: want KIND/NAME=DURATION", s)
	}
	p, err := ParsePattern(pat)
	if err != nil {
		return DurationRule{}, err
	}
	dur, err := time.ParseDuration(d)
	if err != nil || dur < 0 {
		return DurationRule{}, fmt.Errorf("duration %q: %q is not a duration like 30s", s, d)
	}
	return DurationRule{Pattern: p, Duration: dur}, nil
}

// Outcomes is the failure injection of a simulation: which Jobs, Pods and
// workloads fail or hang, and how long they run. The zero value makes
// everything succeed after DefaultDuration.
type Outcomes struct {
	Fail      []Pattern      // --fail: fail after their duration
	Hang      []Pattern      // --hang: never finish
	Durations []DurationRule // --duration: the last matching rule wins
	Default   time.Duration  // run time when no rule matches; 0 means DefaultDuration
	// Decide, when set, is asked first for every pod-running object; the
	// fidelity tests use it to map the oracle charts' labels.
	Decide func(ObjectInfo) (Decision, bool) `json:"-"`
}

// ObjectInfo is what Decide sees of an object.
type ObjectInfo struct {
	Key            Key
	PodLabels      map[string]string // labels of the pod (template)
	PodAnnotations map[string]string // annotations of the pod (template)
}

// Decision is an injected outcome.
type Decision struct {
	Verdict  Verdict
	Duration time.Duration // 0: the default
	Rule     string        // shown in the timeline
	// RunsDespiteMissingRefs makes the pod run although a ConfigMap,
	// Secret, PVC or ServiceAccount it needs does not exist, as the
	// oracle's kwok (a fake kubelet) does where a real kubelet keeps it
	// Pending. Only the fidelity tests set it.
	RunsDespiteMissingRefs bool
}

// merge returns o with the rules of step added (step rules win).
func (o Outcomes) merge(step Outcomes) Outcomes {
	out := o
	out.Fail = append(append([]Pattern(nil), o.Fail...), step.Fail...)
	out.Hang = append(append([]Pattern(nil), o.Hang...), step.Hang...)
	out.Durations = append(append([]DurationRule(nil), o.Durations...), step.Durations...)
	if step.Default > 0 {
		out.Default = step.Default
	}
	if step.Decide != nil {
		out.Decide = step.Decide
	}
	return out
}

// decide applies the rules to one object.
func (o Outcomes) decide(info ObjectInfo) Decision {
	d := Decision{Verdict: Succeed, Duration: o.Default, Rule: ""}
	if d.Duration <= 0 {
		d.Duration = DefaultDuration
	}
	if o.Decide != nil {
		if dd, ok := o.Decide(info); ok {
			if dd.Duration <= 0 {
				dd.Duration = d.Duration
			}
			return dd
		}
	}
	for _, r := range o.Durations {
		if r.Pattern.Match(info.Key.Kind, info.Key.Name) {
			d.Duration = r.Duration
			d.Rule = "--duration " + r.Pattern.Raw + "=" + r.Duration.String()
		}
	}
	for _, p := range o.Fail {
		if p.Match(info.Key.Kind, info.Key.Name) {
			d.Verdict, d.Rule = Fail, "--fail "+p.Raw
		}
	}
	for _, p := range o.Hang {
		if p.Match(info.Key.Kind, info.Key.Name) {
			d.Verdict, d.Rule = Hang, "--hang "+p.Raw
		}
	}
	return d
}

// Execution is what happens to a Job, Pod or workload once it is created, decided
// at its create: when it ends and how, or that it never does.
type Execution struct {
	Verdict   Verdict
	StartedAt time.Duration
	Duration  time.Duration // until it ends; meaningless when Forever
	Forever   bool          // never ends by itself
	Pending   []Ref         // references that did not exist when it started
	Reason    string        // Job failure reason (BackoffLimitExceeded, DeadlineExceeded) or why it never ends
	Rule      string        // the rule that decided (--fail ..., default)
}

// EndsAt is when the object finishes; only meaningful when !Forever.
func (r *Execution) EndsAt() time.Duration { return r.StartedAt + r.Duration }

// Phase is the status at time t.
func (r *Execution) Phase(t time.Duration) Phase {
	switch {
	case len(r.Pending) > 0:
		return PhasePending
	case r.Forever || t < r.EndsAt():
		return PhaseRunning
	case r.Verdict == Fail || r.Reason == "DeadlineExceeded":
		return PhaseFailed
	default:
		return PhaseSucceeded
	}
}

// Ref is a reference from a pod spec to another object.
type Ref struct {
	Kind  string `json:"kind"`
	Name  string `json:"name"`
	Field string `json:"field"` // where the pod spec refers to it
	// Unbound is set for a PersistentVolumeClaim that exists but is not
	// bound (no StorageClass provisions it): the scheduler does not place
	// the pod (VolumeBinding), so it stays Pending as for a missing claim.
	Unbound bool `json:"unbound,omitempty"`
}

func (r Ref) String() string { return fmt.Sprintf("%s %q (%s)", r.Kind, r.Name, r.Field) }

// startRun decides the run of a pod-running object created at now: a missing
// reference keeps its pods Pending (the kubelet cannot mount the volume or
// build the environment, the job controller cannot create pods without the
// ServiceAccount), a bare Pod with restartPolicy Always never reaches
// Succeeded, a suspended Job never runs, activeDeadlineSeconds ends a Job with
// DeadlineExceeded, and otherwise the injected outcome applies.
func startRun(o *Object, rules Outcomes, missing []Ref, now time.Duration) *Execution {
	info := ObjectInfo{Key: o.Key}
	if pt := podTemplate(o); pt != nil {
		meta, _ := pt["metadata"].(map[string]any)
		info.PodLabels = stringMap(meta["labels"])
		info.PodAnnotations = stringMap(meta["annotations"])
	}
	d := rules.decide(info)
	r := &Execution{Verdict: d.Verdict, StartedAt: now, Duration: d.Duration, Rule: d.Rule}
	if d.Verdict == Hang {
		r.Forever, r.Reason = true, "hangs ("+d.Rule+")"
	}
	if d.Verdict == Fail && o.Kind == "Job" {
		r.Reason = "BackoffLimitExceeded"
	}
	switch o.Kind {
	case "Pod":
		if rp := nestedString(o.Content, "spec", "restartPolicy"); rp == "" || rp == "Always" {
			if d.Verdict == Succeed {
				r.Forever, r.Reason = true, "restartPolicy Always: the container is restarted and the pod never reaches Succeeded"
			}
		}
	case "Job":
		if b, _ := nestedValue(o.Content, "spec", "suspend").(bool); b {
			r.Forever, r.Reason = true, "the Job is suspended (spec.suspend: true)"
		}
	}
	if len(missing) > 0 && !d.RunsDespiteMissingRefs {
		r.Pending, r.Forever = missing, true
		r.Reason = "Pending: " + pendingList(missing)
	}
	if o.Kind == "Job" && len(missing) == 0 {
		if ads, ok := nestedInt(o.Content, "spec", "activeDeadlineSeconds"); ok && ads >= 0 {
			deadline := time.Duration(ads) * time.Second
			if r.Forever || r.Duration > deadline {
				r.Forever, r.Duration, r.Verdict, r.Reason = false, deadline, Fail, "DeadlineExceeded"
			}
		}
	}
	return r
}

func refList(refs []Ref) string {
	s := make([]string, len(refs))
	for i, r := range refs {
		s[i] = r.String()
	}
	return strings.Join(s, ", ")
}

// pendingList says why each reference holds a pod: "A, B not found",
// then "; C not bound" for claims that exist unbound.
func pendingList(refs []Ref) string {
	var missing, unbound []Ref
	for _, r := range refs {
		if r.Unbound {
			unbound = append(unbound, r)
		} else {
			missing = append(missing, r)
		}
	}
	var parts []string
	if len(missing) > 0 {
		parts = append(parts, refList(missing)+" not found")
	}
	if len(unbound) > 0 {
		parts = append(parts, refList(unbound)+" not bound")
	}
	return strings.Join(parts, "; ")
}

// isPodRunning reports whether the kind runs pods whose references matter.
func isPodRunning(kind string) bool {
	switch kind {
	case "Job", "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController":
		return true
	}
	return false
}

// podTemplate returns the pod (for a Pod) or the pod template of a workload.
func podTemplate(o *Object) map[string]any {
	switch o.Kind {
	case "Pod":
		return o.Content
	case "Job", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController":
		t, _ := nestedValue(o.Content, "spec", "template").(map[string]any)
		return t
	case "CronJob":
		t, _ := nestedValue(o.Content, "spec", "jobTemplate", "spec", "template").(map[string]any)
		return t
	}
	return nil
}

// podRefs lists the ServiceAccount, ConfigMaps, Secrets and
// PersistentVolumeClaims a pod spec needs before its containers can start
// (optional references are left out).
func podRefs(o *Object) []Ref {
	pt := podTemplate(o)
	if pt == nil {
		return nil
	}
	spec, _ := pt["spec"].(map[string]any)
	if spec == nil {
		return nil
	}
	var refs []Ref
	add := func(kind, name, field string, optional any) {
		if name == "" {
			return
		}
		if b, _ := optional.(bool); b {
			return
		}
		refs = append(refs, Ref{Kind: kind, Name: name, Field: field})
	}
	sa, _ := spec["serviceAccountName"].(string)
	if sa == "" {
		sa, _ = spec["serviceAccount"].(string)
	}
	add("ServiceAccount", sa, "serviceAccountName", nil)
	vols, _ := spec["volumes"].([]any)
	for _, v := range vols {
		vm, _ := v.(map[string]any)
		if cm, ok := vm["configMap"].(map[string]any); ok {
			n, _ := cm["name"].(string)
			add("ConfigMap", n, "volumes.configMap", cm["optional"])
		}
		if s, ok := vm["secret"].(map[string]any); ok {
			n, _ := s["secretName"].(string)
			add("Secret", n, "volumes.secret", s["optional"])
		}
		if p, ok := vm["persistentVolumeClaim"].(map[string]any); ok {
			n, _ := p["claimName"].(string)
			add("PersistentVolumeClaim", n, "volumes.persistentVolumeClaim", nil)
		}
		if pr, ok := vm["projected"].(map[string]any); ok {
			srcs, _ := pr["sources"].([]any)
			for _, s := range srcs {
				sm, _ := s.(map[string]any)
				if cm, ok := sm["configMap"].(map[string]any); ok {
					n, _ := cm["name"].(string)
					add("ConfigMap", n, "volumes.projected.configMap", cm["optional"])
				}
				if sec, ok := sm["secret"].(map[string]any); ok {
					n, _ := sec["name"].(string)
					add("Secret", n, "volumes.projected.secret", sec["optional"])
				}
			}
		}
	}
	for _, list := range []string{"initContainers", "containers"} {
		cs, _ := spec[list].([]any)
		for _, c := range cs {
			cm, _ := c.(map[string]any)
			efs, _ := cm["envFrom"].([]any)
			for _, ef := range efs {
				em, _ := ef.(map[string]any)
				if r, ok := em["configMapRef"].(map[string]any); ok {
					n, _ := r["name"].(string)
					add("ConfigMap", n, "envFrom.configMapRef", r["optional"])
				}
				if r, ok := em["secretRef"].(map[string]any); ok {
					n, _ := r["name"].(string)
					add("Secret", n, "envFrom.secretRef", r["optional"])
				}
			}
			envs, _ := cm["env"].([]any)
			for _, e := range envs {
				vf, _ := nestedValue(e, "valueFrom").(map[string]any)
				if r, ok := vf["configMapKeyRef"].(map[string]any); ok {
					n, _ := r["name"].(string)
					add("ConfigMap", n, "env.valueFrom.configMapKeyRef", r["optional"])
				}
				if r, ok := vf["secretKeyRef"].(map[string]any); ok {
					n, _ := r["name"].(string)
					add("Secret", n, "env.valueFrom.secretKeyRef", r["optional"])
				}
			}
		}
	}
	return dedupRefs(refs)
}

func dedupRefs(refs []Ref) []Ref {
	seen := map[Ref]bool{}
	out := refs[:0]
	for _, r := range refs {
		k := Ref{Kind: r.Kind, Name: r.Name}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// missingRefs returns the references of o that do not exist in the cluster.
// Every namespace has the ServiceAccount "default" and the ConfigMap
// "kube-root-ca.crt" (created by the controller manager).
func missingRefs(c *Cluster, o *Object) []Ref {
	var out []Ref
	for _, r := range podRefs(o) {
		if lifecycle.IsProvided(r.Kind, r.Name) {
			continue // the cluster makes it in every namespace, also in one created later
		}
		cur, ok := c.Get(Key{Kind: r.Kind, Namespace: o.Namespace, Name: r.Name})
		switch {
		case !ok:
			out = append(out, r)
		case r.Kind == "PersistentVolumeClaim" && nestedString(cur.Content, "status", "phase") != "Bound":
			r.Unbound = true
			out = append(out, r)
		}
	}
	return out
}

func nestedValue(v any, fields ...string) any {
	for _, f := range fields {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[f]
	}
	return v
}

func nestedString(v any, fields ...string) string {
	s, _ := nestedValue(v, fields...).(string)
	return s
}

func nestedInt(v any, fields ...string) (int64, bool) {
	switch n := nestedValue(v, fields...).(type) {
	case int64:
		return n, true
	case int:
		return int64(n), true
	case float64:
		return int64(n), true
	}
	return 0, false
}

func stringMap(v any) map[string]string {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, val := range m {
		if s, ok := val.(string); ok {
			out[k] = s
		} else {
			out[k] = fmt.Sprint(val)
		}
	}
	return out
}
