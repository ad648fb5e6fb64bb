package fix

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

// verify compares the lint and renders of the chart before a round
// (res, sets) with those after it (res2, sets2) and returns the fixes to
// leave out, by findingKey, with the reason; none when the round does only
// what its fixes say:
//   - the fixed chart renders;
//   - every fixed finding is gone;
//   - every new finding is on an object whose fix changed what Helm does
//     with it (a hook Helm skipped for a misspelled event now runs, a
//     misspelled policy now applies): the findings it reveals are reported,
//     and a fix that keeps Helm's reading (quoting a weight) reveals none;
//   - every rendered document is the same but for the annotations on the
//     edited lines, and a hook whose weight annotation kept its key keeps
//     the weight Helm sorts it by.
//
// A failure is blamed on the fixes that edit the file it is in, else on
// every fix of the round.
func verify(p *plan, res lint.ChartResult, sets []*hook.Set, res2 lint.ChartResult, sets2 []*hook.Set) map[string]string {
	bad := map[string]string{}
	var blame func(file, why string)
	blame = func(file, why string) {
		n := 0
		for _, pf := range p.fixed {
			if file == "" || slices.ContainsFunc(pf.edits, func(e edit) bool { return e.file == file }) {
				bad[findingKey(pf.finding)] = why
				n++
			}
		}
		if n == 0 {
			blame("", why)
		}
	}
	if res2.Err != nil {
		blame("", fmt.Sprintf("the fixed chart would no longer render: %v", res2.Err))
		return bad
	}
	// Findings by key: before, minus the fixed ones, must cover after.
	left := map[string]int{}
	for _, f := range res.Findings {
		left[findingKey(f)]++
	}
	fixedKeys := map[string]lint.Finding{}
	for _, pf := range p.fixed {
		k := findingKey(pf.finding)
		left[k]--
		fixedKeys[k] = pf.finding
	}
	changed := helmChanged(sets, sets2)
	for _, f := range res2.Findings {
		k := findingKey(f)
		if left[k]--; left[k] >= 0 {
			continue
		}
		if fixed, ok := fixedKeys[k]; ok {
			bad[k] = fmt.Sprintf("the finding is still reported after its fix (%s)", fixed.Fixes[0].Message)
			continue
		}
		if f.Object != nil && changed[objectKey(f.Pos.File, *f.Object)] {
			continue // revealed: the fix changed what Helm does with the object, as it meant to
		}
		blame(f.Pos.File, fmt.Sprintf("the fix would cause %s at %s: %s", f.Rule.ID, f.Pos, f.Message))
	}
	if len(bad) > 0 {
		return bad
	}
	edited := map[string]map[int]bool{} // file -> 1-based lines
	for _, pf := range p.fixed {
		for _, e := range pf.edits {
			if edited[e.file] == nil {
				edited[e.file] = map[int]bool{}
			}
			edited[e.file][e.line+1] = true
		}
	}
	// Renders of the same context (a fixed event can add the upgrade render).
	for _, a := range sets {
		for _, b := range sets2 {
			if a.Context != b.Context {
				continue
			}
			if file, why := sameRender(a, b, edited); why != "" {
				blame(file, why)
				return bad
			}
		}
	}
	return bad
}

// helmChanged are the objects (by objectKey) Helm reads differently after
// the round: whether it is a hook, skipped, its events, weight and
// policies (helm.sh/helm/v3@v3.22.0 pkg/releaseutil/manifest_sorter.go
// manifestFile.sort).
func helmChanged(sets, sets2 []*hook.Set) map[string]bool {
	type doc struct {
		path  string
		index int
	}
	reading := func(o *hook.Object) string {
		h := o.Hook
		if h == nil {
			return "not a hook"
		}
		rp := ""
		if h.ResourcePolicy != nil {
			rp = h.ResourcePolicy.Value
		}
		return fmt.Sprint(h.Dropped, h.Events, h.Weight, h.EffectiveDeletePolicies(), h.OutputLogPolicies, rp)
	}
	out := map[string]bool{}
	before := map[doc]string{}
	for _, s := range sets {
		for _, o := range s.Objects {
			before[doc{o.Path, o.Index}] += s.Context.String() + ":" + reading(o) + ";"
		}
	}
	after := map[doc]string{}
	for _, s := range sets2 {
		for _, o := range s.Objects {
			after[doc{o.Path, o.Index}] += s.Context.String() + ":" + reading(o) + ";"
		}
	}
	for _, s := range sets2 {
		for _, o := range s.Objects {
			if d := (doc{o.Path, o.Index}); before[d] != after[d] {
				out[objectKey(o.File, *lint.ObjectRefOf(o))] = true
			}
		}
	}
	return out
}

func objectKey(file string, o lint.ObjectRef) string {
	return strings.Join([]string{file, o.Kind, o.Namespace, o.Name}, "\x00")
}

// sameRender compares two renders of the chart document by document and
// says where (file) and how they differ beyond the annotations written on
// the edited lines.
func sameRender(a, b *hook.Set, edited map[string]map[int]bool) (string, string) {
	type doc struct {
		path  string
		index int
	}
	after := map[doc]*hook.Object{}
	for _, o := range b.Objects {
		after[doc{o.Path, o.Index}] = o
	}
	if len(a.Objects) != len(b.Objects) {
		return "", fmt.Sprintf("the %s render would have %d documents instead of %d", a.Context, len(b.Objects), len(a.Objects))
	}
	for _, o := range a.Objects {
		o2 := after[doc{o.Path, o.Index}]
		if o2 == nil {
			return o.File, fmt.Sprintf("the %s render would lose document %d of %s", a.Context, o.Index+1, o.File)
		}
		if o.Text == o2.Text {
			continue
		}
		why := fmt.Sprintf("the %s render would change %s in %s beyond the fixed annotation", a.Context, o.ID(), o.File)
		touched := map[string]bool{}
		for _, x := range []*hook.Object{o, o2} {
			for _, an := range x.Annotations {
				if edited[x.File][an.KeyAt.Resolved().Line] || edited[x.File][an.ValAt.Resolved().Line] {
					touched[an.Key] = true
				}
			}
		}
		if len(touched) == 0 || !reflect.DeepEqual(withoutAnnotations(o.Content(), touched), withoutAnnotations(o2.Content(), touched)) {
			return o.File, why
		}
		// A weight that keeps its key keeps Helm's order (of a hook Helm
		// sorted before: a skipped one had no order).
		h, h2 := o.Hook, o2.Hook
		if h != nil && h2 != nil && !h.Dropped && !h2.Dropped && h.WeightAnnotation != nil && h2.WeightAnnotation != nil && h.Weight != h2.Weight {
			return o.File, fmt.Sprintf("the fix would change the weight Helm sorts %s by from %d to %d", o.ID(), o.Hook.Weight, o2.Hook.Weight)
		}
	}
	return "", ""
}

// withoutAnnotations is a copy of a decoded document without the given
// annotation keys.
func withoutAnnotations(content map[string]any, keys map[string]bool) map[string]any {
	out := maps.Clone(content)
	md, ok := out["metadata"].(map[string]any)
	if !ok {
		return out
	}
	md = maps.Clone(md)
	out["metadata"] = md
	an, ok := md["annotations"].(map[string]any)
	if !ok {
		return out
	}
	an = maps.Clone(an)
	for k := range keys {
		delete(an, k)
	}
	md["annotations"] = an
	return out
}
