package hl3004

import (
	_ "embed"
	"fmt"
	"strings"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/lifecycle"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook-dependency-runs-later.
var Analyzer = &lint.Analyzer{
	ID:       "HL3004",
	Name:     "hook-dependency-runs-later",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	evs := lifecycle.Events(pass.Release)
	for _, d := range lifecycle.Analyze(pass.Objects, pass.Hooks, pass.Release.Namespace, evs, pass.Elsewhere, pass.OnlyHere) {
		if d.Status != lifecycle.HookLater {
			continue
		}
		f := lint.Finding{
			Pos:     d.Ref.At,
			Object:  lint.ObjectRefOf(d.Consumer.Object),
			Message: later(d, pass),
		}
		if d.Producer != nil {
			f.Related = []lint.Related{{Pos: d.Producer.PosOf("metadata", "name"), Message: lifecycle.Where(d.Producer)}}
		}
		pass.Report(f)
	}
	return nil, nil
}

// later explains Helm's order between the consumer and the producer.
func later(d lifecycle.Dep, pass *lint.Pass) string {
	c, p := d.Consumer, d.Producer.Hook
	why := fmt.Sprintf("weight %d > %d", p.Weight, c.Weight)
	if p.Weight == c.Weight {
		why = fmt.Sprintf("equal weight %d, and Helm orders by name, not kind: %q sorts before %q", c.Weight, c.Object.Name, p.Object.Name)
		if p.Object.Name == c.Object.Name {
			why = fmt.Sprintf("equal weight %d and equal name, and %s comes after %s in Helm's kind order", c.Weight, p.Object.Kind, c.Object.Kind)
		}
	}
	return fmt.Sprintf("%s is a %s hook that Helm creates after this one (%s): %s",
		lifecycle.Describe(d.Ref), d.Event, why, consequence(d, pass))
}

// controllers are the hook kinds whose pods a controller creates after
// Helm created the hook and moved on (Helm waits only for Job and Pod
// hooks: helm.sh/helm/v3@v3.22.0 pkg/kube/client.go watchUntilReady).
var controllers = map[string]bool{"Deployment": true, "StatefulSet": true, "DaemonSet": true, "ReplicaSet": true} //nolint:gochecknoglobals // read-only lookup table

// consequence is what the late object does to the consumer's pods.
func consequence(d lifecycle.Dep, pass *lint.Pass) string {
	c := d.Consumer.Object
	if !controllers[c.Kind] || d.Ref.Through != nil {
		return lifecycle.Consequence(d.Ref, c, pass.Settings.Timeout)
	}
	what := strings.ToLower(d.Ref.Kind)
	s := fmt.Sprintf("the %s's controller creates its pods as soon as Helm creates it, so the first pods fail (%s not found) and are retried with back-off until the %s exists",
		c.Kind, what, d.Ref.Kind)
	if p := d.Producer.Hook; p != nil && p.HasDeletePolicy(release.HookSucceeded) {
		s += fmt.Sprintf("; hook-succeeded then deletes it at the end of the %s phase, and every pod created after that fails for good", d.Event)
	}
	return s
}
