package lint

import (
	"github.com/hooklint/hooklint/internal/hook"
)

// Finding is one problem a rule reported.
type Finding struct {
	Chart    string     `json:"chart"`
	Rule     RuleRef    `json:"rule"`
	Severity Severity   `json:"severity"`
	Pos      hook.Pos   `json:"position"`
	Object   *ObjectRef `json:"object,omitempty"`
	Message  string     `json:"message"`
	// Helm is how Helm reads the hook the finding is about, when it is one.
	Helm    *HelmView `json:"helm,omitempty"`
	Related []Related `json:"related,omitempty"`
	// Fixes are edits of the template sources that remove the finding
	// (hooklint lint --fix); only mechanical, unambiguous ones.
	Fixes []SuggestedFix `json:"fixes,omitempty"`
}

// RuleRef names a rule.
type RuleRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// ObjectRef identifies a rendered object.
type ObjectRef struct {
	Kind      string `json:"kind"`
	Namespace string `json:"namespace,omitempty"`
	Name      string `json:"name"`
}

// HelmView is Helm's interpretation of a hook's annotations.
type HelmView struct {
	Events         []string `json:"events"`
	Weight         int      `json:"weight"`
	DeletePolicies []string `json:"deletePolicies"`
	OutputLog      []string `json:"outputLogPolicies,omitempty"`
	Dropped        bool     `json:"dropped,omitempty"`
}

// Related is a second place a finding refers to.
type Related struct {
	Pos     hook.Pos `json:"position"`
	Message string   `json:"message"`
}

// ObjectRefOf returns the reference of o (nil for nil).
func ObjectRefOf(o *hook.Object) *ObjectRef {
	if o == nil {
		return nil
	}
	name := o.Name
	if name == "" && o.GenerateName != "" {
		name = o.GenerateName + "*"
	}
	return &ObjectRef{Kind: o.Kind, Namespace: o.Namespace, Name: name}
}

func helmView(h *hook.Hook) *HelmView {
	if h == nil {
		return nil
	}
	v := &HelmView{Weight: h.Weight, Dropped: h.Dropped, Events: []string{}, DeletePolicies: []string{}}
	for _, e := range h.Events {
		v.Events = append(v.Events, e.String())
	}
	for _, p := range h.EffectiveDeletePolicies() {
		v.DeletePolicies = append(v.DeletePolicies, string(p))
	}
	for _, p := range h.OutputLogPolicies {
		v.OutputLog = append(v.OutputLog, string(p))
	}
	return v
}

// resolve computes the template lines of f's positions (hook.Pos.Resolved),
// which rules may hand over pending.
func (f *Finding) resolve() {
	f.Pos = f.Pos.Resolved()
	for i := range f.Related {
		f.Related[i].Pos = f.Related[i].Pos.Resolved()
	}
	for i := range f.Fixes {
		for j := range f.Fixes[i].Edits {
			f.Fixes[i].Edits[j].Pos = f.Fixes[i].Edits[j].Pos.Resolved()
		}
	}
}
