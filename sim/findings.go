package sim

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/hooklint/hooklint/internal/render"
)

// FindingKind is what went wrong with a hook in a simulation.
type FindingKind int

// Finding kinds. The linter maps each to a rule.
const (
	// FindingTimeout: Helm waited for a hook Job or Pod until --timeout
	// (it hangs, stays Pending on a missing reference, is a Pod with
	// restartPolicy Always, or a suspended Job).
	FindingTimeout FindingKind = iota + 1
	// FindingMissingRef: a hook's pod referred to a ServiceAccount,
	// ConfigMap, Secret or PersistentVolumeClaim that did not exist when it
	// started (Refs says which); it also times out.
	FindingMissingRef
	// FindingFailed: a hook Job or Pod failed (injected, or
	// activeDeadlineSeconds).
	FindingFailed
	// FindingAlreadyExists: the create of a hook failed because an object
	// with its name already existed (a run before it left it behind).
	FindingAlreadyExists
	// FindingRejected: the API server rejected a hook's create for another
	// reason (missing namespace, missing ServiceAccount of a Pod, invalid Job).
	FindingRejected
	// FindingBuildError: Helm could not build the hook's manifest (an
	// unquoted integer annotation, an unknown kind).
	FindingBuildError
	// FindingLeftover: a hook still in the cluster after the scenario.
	FindingLeftover
	// FindingCommandFailed: a helm command failed; Error is Helm's text.
	FindingCommandFailed
)

var findingKindNames = [...]string{"", "timeout", "missing-reference", "failed", "already-exists", "rejected", "build-error", "leftover", "command-failed"} //nolint:gochecknoglobals // read-only lookup table

func (k FindingKind) String() string {
	if int(k) < len(findingKindNames) {
		return findingKindNames[k]
	}
	return "unknown"
}

// MarshalText makes FindingKind a string in JSON.
func (k FindingKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// HookRef identifies a hook: its template (Helm path, chart/templates/x.yaml),
// kind and name, and the event and weight it ran with.
type HookRef struct {
	Path   string `json:"path,omitempty"`
	Kind   string `json:"kind,omitempty"`
	Name   string `json:"name,omitempty"`
	Event  string `json:"event,omitempty"`
	Weight *int   `json:"weight,omitempty"`
}

// Finding is one problem a simulation showed, tied to a hook where there is
// one.
type Finding struct {
	Kind    FindingKind `json:"kind"`
	Step    int         `json:"step"`
	Command string      `json:"command"`
	Hook    HookRef     `json:"hook"`
	Refs    []Ref       `json:"refs,omitempty"` // FindingMissingRef
	Message string      `json:"message"`        // lower case, says what Helm does
	Error   string      `json:"error,omitempty"`
}

// Findings extracts the findings of a simulation: hook failures, timeouts,
// missing references, failed creates and builds, leftover hooks and failed
// commands. Each (kind, hook) is reported once, at its first step.
func Findings(r *Result) []Finding {
	var out []Finding
	seen := map[string]bool{}
	add := func(f Finding) {
		key := fmt.Sprintf("%d|%s|%s|%s", f.Kind, f.Hook.Path, f.Hook.Kind, f.Hook.Name)
		if f.Kind == FindingCommandFailed {
			key += "|" + f.Command
		}
		if seen[key] {
			return
		}
		seen[key] = true
		out = append(out, f)
	}
	command := func(step int) string {
		if step >= 1 && step <= len(r.Steps) {
			return r.Steps[step-1].Command
		}
		return ""
	}
	for _, ev := range r.Events {
		if ev.Origin != OriginHook {
			continue
		}
		ref := HookRef{Path: ev.HookPath, Kind: ev.Object.Kind, Name: ev.Object.Name, Event: ev.Hook, Weight: ev.Weight}
		f := Finding{Step: ev.Step, Command: command(ev.Step), Hook: ref, Error: ev.Error}
		switch {
		case ev.Type == EventFailed && ev.Error == errWatchTimeout.Error():
			f.Kind = FindingTimeout
			f.Message = fmt.Sprintf("%s hook %s never finished: helm %s waited until --timeout and failed (%s)", ev.Hook, ev.Object, commandAction(f.Command), ev.Reason)
			if refs := ev.Refs; len(refs) > 0 {
				f.Kind, f.Refs = FindingMissingRef, refs
				f.Message = fmt.Sprintf("%s hook %s stays Pending: %s did not exist when it started; helm waits until --timeout", ev.Hook, ev.Object, refList(refs))
			}
		case ev.Type == EventFailed && ev.Code == 0 && strings.HasPrefix(ev.Reason, "Helm cannot build"):
			f.Kind = FindingBuildError
			f.Message = fmt.Sprintf("helm cannot build %s hook %s and fails before sending it", ev.Hook, ev.Object)
		case ev.Type == EventFailed:
			f.Kind = FindingFailed
			f.Message = fmt.Sprintf("%s hook %s failed: %s", ev.Hook, ev.Object, ev.Reason)
		case ev.Type == EventCreate && ev.Code == 409:
			f.Kind = FindingAlreadyExists
			f.Message = fmt.Sprintf("%s hook %s already exists when helm %s creates it: an earlier run left it and no before-hook-creation policy deletes it", ev.Hook, ev.Object, commandAction(f.Command))
		case ev.Type == EventCreate && ev.Error != "":
			f.Kind = FindingRejected
			f.Message = fmt.Sprintf("the API server rejects %s hook %s", ev.Hook, ev.Object)
		default:
			continue
		}
		add(f)
	}
	for _, st := range r.Steps {
		if st.Failed() {
			add(Finding{Kind: FindingCommandFailed, Step: st.Index, Command: st.Command, Error: st.Err,
				Message: fmt.Sprintf("helm %s fails", st.Action)})
		}
	}
	for _, l := range r.Leftovers {
		if l.Origin != OriginHook {
			continue
		}
		add(Finding{Kind: FindingLeftover, Step: len(r.Steps), Hook: HookRef{Path: l.HookPath, Kind: l.Object.Kind, Name: l.Object.Name},
			Message: fmt.Sprintf("hook %s is still in the cluster after the last step: %s", l.Object, l.Reason)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Step < out[j].Step })
	return out
}

func commandAction(cmd string) string {
	f := strings.Fields(cmd)
	if len(f) > 1 {
		return f[1]
	}
	return "command"
}

// LintScenario is the sequence `hooklint lint --simulate` runs: every
// command a release goes through, twice where a second run shows what the
// first left behind (a hook without before-hook-creation fails with
// AlreadyExists on the second upgrade or test, a hook left by uninstall
// collides with the next install).
func LintScenario(ch *render.Chart, args []string) []Step {
	st := func(a Action) Step {
		s := Step{Action: a, Timeout: DefaultTimeout}
		if a == ActionInstall || a == ActionUpgrade {
			s.Chart, s.Args = ch, args
		}
		return s
	}
	return []Step{
		st(ActionInstall), st(ActionUpgrade), st(ActionUpgrade), st(ActionRollback),
		st(ActionTest), st(ActionTest), st(ActionUninstall), st(ActionInstall),
	}
}

// LintOptions configure Lint.
type LintOptions struct {
	Release     string        // "" means DefaultReleaseName
	Namespace   string        // "" means "default"
	KubeVersion string        // "" means render.DefaultKubeVersion()
	APIVersions []string      // extra .Capabilities.APIVersions
	Timeout     time.Duration // per-operation --timeout; 0 means DefaultTimeout
	Helm        HelmVersion   // 0 means HelmV3
}

// Lint simulates LintScenario for a loaded chart and returns the findings
// with the full result (for a timeline). An error means the chart could
// not be simulated at all.
func Lint(ch *render.Chart, o LintOptions) ([]Finding, *Result, error) {
	steps := LintScenario(ch, []string{ch.Arg})
	if o.Timeout > 0 {
		for i := range steps {
			steps[i].Timeout = o.Timeout
		}
	}
	res, err := Run(&Scenario{Helm: o.Helm, Release: o.Release, Namespace: o.Namespace, KubeVersion: o.KubeVersion, APIVersions: o.APIVersions, Steps: steps})
	if err != nil {
		return nil, nil, err
	}
	return Findings(res), res, nil
}
