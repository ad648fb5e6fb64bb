package lint

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/par"
	"github.com/hooklint/hooklint/internal/render"
)

// Selection chooses rules by ID or name, as --enable, --disable and --only.
type Selection struct {
	Enable  []string
	Disable []string
	Only    []string
	// Default is the preset the selection starts from without Only:
	// PresetRecommended ("" is the same: every rule but the Optional ones)
	// or PresetAll (every rule).
	Default string
}

// The presets rules.default accepts, as golangci-lint's linters.default.
const (
	PresetRecommended = "recommended"
	PresetAll         = "all"
)

// Select returns the rules of all that sel keeps, in the order of all.
// Unknown IDs or names are an error.
func Select(all []*Analyzer, sel Selection) ([]*Analyzer, error) {
	find := func(ref string) (*Analyzer, error) {
		for _, a := range all {
			if strings.EqualFold(a.ID, ref) || a.Name == ref {
				return a, nil
			}
		}
		return nil, fmt.Errorf("unknown rule %q (see `hooklint rules`)", ref)
	}
	on := map[*Analyzer]bool{}
	if len(sel.Only) > 0 {
		for _, r := range sel.Only {
			a, err := find(r)
			if err != nil {
				return nil, err
			}
			on[a] = true
		}
	} else {
		for _, a := range all {
			on[a] = !a.Optional || sel.Default == PresetAll
		}
	}
	for _, r := range sel.Enable {
		a, err := find(r)
		if err != nil {
			return nil, err
		}
		on[a] = true
	}
	for _, r := range sel.Disable {
		a, err := find(r)
		if err != nil {
			return nil, err
		}
		delete(on, a)
	}
	var out []*Analyzer
	for _, a := range all {
		if on[a] {
			out = append(out, a)
		}
	}
	return out, nil
}

// ParsePreset checks a rules.default value: "", PresetRecommended or
// PresetAll.
func ParsePreset(s string) error {
	switch s {
	case "", PresetRecommended, PresetAll:
		return nil
	}
	return fmt.Errorf("%q is not a preset: %s or %s", s, PresetRecommended, PresetAll)
}

// InContext reports whether hook h runs in commands of render context c.
// A hook whose events are all upgrade or rollback events only ever renders
// in an upgrade (revision >= 2, .Release.IsUpgrade); any other hook is
// rendered by install. Hooks with upgrade or rollback events also belong to
// the upgrade render.
func InContext(h *hook.Hook, c render.Context) bool {
	evs := h.Events
	if h.Dropped {
		for _, t := range h.Tokens {
			if e, ok := hook.KnownEvent(t.Text); ok {
				evs = append(evs, e)
			}
		}
	}
	anyUp, allUp := false, len(evs) > 0
	for _, e := range evs {
		if hook.IsUpgradeOrRollback(e) {
			anyUp = true
		} else {
			allUp = false
		}
	}
	if c == render.Upgrade {
		return anyUp
	}
	return !allUp
}

// NeedsUpgrade reports whether a set (from the install render) has hooks
// that must be analysed in the upgrade render.
func NeedsUpgrade(s *hook.Set) bool {
	for _, h := range s.Hooks {
		if InContext(h, render.Upgrade) {
			return true
		}
	}
	return false
}

// Run runs the selected analyzers (and what they require) over the renders
// of one chart and returns the findings of the selected ones, sorted and
// without duplicates across renders.
func Run(selected []*Analyzer, info ChartInfo, sets []*hook.Set, st Settings) ([]Finding, error) {
	return run(selected, info, sets, st, nil)
}

func run(selected []*Analyzer, info ChartInfo, sets []*hook.Set, st Settings, simulated []SimFinding) ([]Finding, error) {
	ordered, err := order(selected)
	if err != nil {
		return nil, err
	}
	want := map[*Analyzer]bool{}
	for _, a := range selected {
		want[a] = true
	}
	if st.Timeout == 0 {
		st.Timeout = DefaultTimeout
	}
	// Release resources that only another render has, and those only
	// this one has (Pass.Elsewhere, Pass.OnlyHere).
	ids := make([]map[releaseID]bool, len(sets))
	differ := len(sets) > 1 && !sameObjects(sets)
	if differ {
		for i, set := range sets {
			ids[i] = releaseIDs(set)
		}
	}
	elsewhere := make([][]*hook.Object, len(sets))
	onlyHere := make([]map[*hook.Object]bool, len(sets))
	for si, set := range sets {
		for sj, other := range sets {
			if sj != si && differ {
				elsewhere[si] = append(elsewhere[si], releaseOnlyIn(other, ids[si])...)
				for _, o := range releaseOnlyIn(set, ids[sj]) {
					if onlyHere[si] == nil {
						onlyHere[si] = map[*hook.Object]bool{}
					}
					onlyHere[si][o] = true
				}
			}
		}
	}
	// Each render is analysed on its own, side by side when CPUs are free
	// (par.For); the findings are then merged in render order.
	found := make([][]Finding, len(sets))
	errs := make([]error, len(sets))
	par.For(len(sets), 1, func(i int) {
		found[i], errs[i] = runSet(ordered, want, info, sets[i], len(sets), elsewhere[i], onlyHere[i], st, simulated)
	})
	for _, err := range errs {
		if err != nil {
			return nil, err // the first render's, as when they ran in turn
		}
	}
	type key struct {
		rule, file string
		line, col  int
		msg        string
	}
	seen := map[key]bool{}
	seenAt := map[key]bool{} // without message: the same spot in another render
	var out []Finding
	for i, set := range sets {
		here := map[key]bool{}
		views := map[*hook.Hook]*HelmView{}
		for _, f := range found[i] {
			k := key{f.Rule.ID, f.Pos.File, f.Pos.Line, f.Pos.Col, f.Message}
			at := key{f.Rule.ID, f.Pos.File, f.Pos.Line, f.Pos.Col, ""}
			if seen[k] || (seenAt[at] && !here[at]) {
				continue
			}
			seen[k], here[at] = true, true
			if f.Helm == nil && f.Object != nil {
				// once per hook: the view copies its token lists
				h := hookAt(set, f)
				v, ok := views[h]
				if !ok {
					v = helmView(h)
					views[h] = v
				}
				f.Helm = v
			}
			out = append(out, f)
		}
		for k := range here {
			seenAt[k] = true
		}
	}
	SortFindings(out)
	return out, nil
}

// runSet runs the ordered analyzers over one render and returns the
// findings of the wanted ones, in the order they were reported, with
// their positions resolved.
func runSet(ordered []*Analyzer, want map[*Analyzer]bool, info ChartInfo, set *hook.Set, nsets int,
	elsewhere []*hook.Object, onlyHere map[*hook.Object]bool, st Settings, simulated []SimFinding) ([]Finding, error) {
	var hooks []*hook.Hook
	for _, h := range set.Hooks {
		// With a single render, every hook is analysed in it.
		if nsets == 1 || InContext(h, set.Context) {
			hooks = append(hooks, h)
		}
	}
	rel := Release{
		Name: set.Release.Name, Namespace: set.Release.Namespace, Revision: set.Release.Revision,
		IsUpgrade: set.Release.IsUpgrade, Context: set.Context, Only: nsets == 1,
	}
	results := map[*Analyzer]any{}
	var out []Finding
	for _, a := range ordered {
		pass := &Pass{
			Analyzer: a, Chart: info, Release: rel, Objects: set.Objects, Hooks: hooks, Elsewhere: elsewhere, OnlyHere: onlyHere,
			ResultOf: results, Settings: st, Simulated: simulated,
		}
		pass.report = func(f Finding) {
			if !want[a] {
				return
			}
			f.resolve()
			f.Chart = info.Arg
			f.Rule = RuleRef{ID: a.ID, Name: a.Name}
			if f.Severity == 0 {
				f.Severity = a.Severity
			}
			out = append(out, f)
		}
		res, err := runOne(a, pass)
		if err != nil {
			return nil, fmt.Errorf("chart %s: rule %s: %w", info.Arg, a.ID, err)
		}
		results[a] = res
	}
	return out, nil
}

// releaseID names a release resource: kind, namespace (the release's when
// not set) and name.
type releaseID struct{ kind, ns, name string }

func idOf(s *hook.Set, o *hook.Object) (releaseID, bool) {
	if o.Hook != nil || o.Kind == "" || o.Name == "" {
		return releaseID{}, false
	}
	ns := o.Namespace
	if ns == "" {
		ns = s.Release.Namespace
	}
	return releaseID{o.Kind, ns, o.Name}, true
}

// sameObjects reports whether every set holds the same objects in the
// same release namespace (an upgrade render the install render served):
// no release resource is then only in one of them, and a render of many
// objects builds no index to find that out.
func sameObjects(sets []*hook.Set) bool {
	for _, s := range sets[1:] {
		if s.Release.Namespace != sets[0].Release.Namespace || len(s.Objects) != len(sets[0].Objects) {
			return false
		}
		for i, o := range s.Objects {
			if o != sets[0].Objects[i] {
				return false
			}
		}
	}
	return true
}

// releaseIDs are the release resources (no helm.sh/hook) of s.
func releaseIDs(s *hook.Set) map[releaseID]bool {
	out := map[releaseID]bool{}
	for _, o := range s.Objects {
		if id, ok := idOf(s, o); ok {
			out[id] = true
		}
	}
	return out
}

// releaseOnlyIn returns the release resources of a that are not in
// (another render's releaseIDs).
func releaseOnlyIn(a *hook.Set, in map[releaseID]bool) []*hook.Object {
	var out []*hook.Object
	for _, o := range a.Objects {
		if id, ok := idOf(a, o); ok && !in[id] {
			out = append(out, o)
		}
	}
	return out
}

// hookAt finds the hook a finding's object refers to.
// hookAt finds the hook a finding's object refers to.
func hookAt(set *hook.Set, f Finding) *hook.Hook {
	for _, h := range set.Hooks {
		o := h.Object
		if o.File == f.Pos.File && o.Kind == f.Object.Kind && ObjectRefOf(o).Name == f.Object.Name && o.Namespace == f.Object.Namespace {
			return h
		}
	}
	return nil
}

func runOne(a *Analyzer, pass *Pass) (res any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return a.Run(pass)
}

// SortFindings orders findings by chart, file, line, column, rule, message.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Chart, b.Chart),
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Rule.ID, b.Rule.ID),
			cmp.Compare(a.Message, b.Message),
		)
	})
}
