package lint

import (
	"strings"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/suppress"
)

// Policy is what configuration changes about findings after the rules ran
// (.hooklint.yaml, package config): exclusions and severities.
type Policy struct {
	// Exclude reports whether the configuration excludes a finding
	// (exclusions: path, rules, text).
	Exclude func(Finding) bool
	// Severity overrides the severity of rules, by rule ID.
	Severity map[string]Severity
}

// Suppression reports whether a is one of the rules that report on
// suppression directives (HL9001, HL9002): they have no findings of their
// own in the rules' pass and run in the runner's suppression step, reading
// Pass.Suppressions.
func (a *Analyzer) Suppression() bool { return a.ID >= "HL9001" && a.ID <= "HL9099" }

// suppressStep applies suppression directives, configuration exclusions and
// severities to the findings of one chart, then runs the suppression rules
// over the directives; it returns the findings, sorted.
//
// Directives are the template comments of sources (none for stdin, whose
// "sources" are rendered) and the hooklint.dev/ignore annotations of the
// rendered objects. A directive ref is checked (reported by HL9002 when it
// matched nothing) when its rule ran; without a Policy (rule fixtures,
// library use) every ref is checked.
func suppressStep(fs []Finding, as []*Analyzer, info ChartInfo, sources map[string]string, file func(string) string, sets []*hook.Set, st Settings) ([]Finding, error) {
	ds := suppress.FromSourcesAt(sources, file)
	seen := map[hook.Pos]bool{}
	for _, s := range sets {
		ds = append(ds, suppress.FromObjects(s.Objects, seen)...)
	}
	ran := map[string]*Analyzer{}
	for _, a := range as {
		if !a.Suppression() {
			ran[a.ID] = a
		}
	}
	for _, d := range ds {
		for _, r := range d.Refs {
			r.Checked = st.Policy == nil || ranRule(ran, r.Name)
		}
	}
	var kept []Finding
	ix := suppress.NewIndex(ds)
	for _, f := range fs {
		if suppressed(ix, f) {
			continue
		}
		kept = append(kept, f)
	}
	// The suppression rules read the directives; their findings are not
	// themselves suppressible by directives.
	var extra []Finding
	if len(ds) > 0 && len(sets) > 0 {
		set := sets[0]
		for _, a := range as {
			if !a.Suppression() {
				continue
			}
			pass := &Pass{
				Analyzer: a, Chart: info, Objects: set.Objects, Hooks: set.Hooks, ResultOf: map[*Analyzer]any{},
				Settings: st, Suppressions: ds,
			}
			pass.report = func(f Finding) {
				f.resolve()
				f.Chart = info.Arg
				f.Rule = RuleRef{ID: a.ID, Name: a.Name}
				if f.Severity == 0 {
					f.Severity = a.Severity
				}
				extra = append(extra, f)
			}
			if _, err := runOne(a, pass); err != nil {
				return nil, err
			}
		}
	}
	kept = append(kept, extra...)
	out := kept[:0]
	for _, f := range kept {
		if st.Policy != nil && st.Policy.Exclude != nil && st.Policy.Exclude(f) {
			continue
		}
		if st.Policy != nil {
			if sev, ok := st.Policy.Severity[f.Rule.ID]; ok {
				f.Severity = sev
			}
		}
		out = append(out, f)
	}
	SortFindings(out)
	return out, nil
}

func ranRule(ran map[string]*Analyzer, ref string) bool {
	for _, a := range ran {
		if a.Name == ref || strings.EqualFold(a.ID, ref) {
			return true
		}
	}
	return false
}

// suppressed reports whether a directive covers f, and marks the refs used.
func suppressed(ix *suppress.Index, f Finding) bool {
	kind, ns, name := "", "", ""
	if f.Object != nil {
		kind, ns, name = f.Object.Kind, f.Object.Namespace, f.Object.Name
	}
	hit := false
	for _, d := range ix.Covering(f.Pos, kind, ns, name) {
		if r := d.Match(f.Rule.ID, f.Rule.Name); r != nil {
			r.Used, hit = true, true
		}
	}
	return hit
}
