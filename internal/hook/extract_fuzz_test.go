package hook

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	yaml "go.yaml.in/yaml/v3"
	"helm.sh/helm/v3/pkg/chartutil"

	"github.com/hooklint/hooklint/internal/render"
)

// extractSeeds are hook annotation values: (helm.sh/hook, hook-weight,
// hook-delete-policy, extra rendered document).
var extractSeeds = []struct{ hook, weight, del, extra string }{
	{"pre-install", "0", "hook-succeeded", ""},
	{"pre-install,pre-upgrade", "-5", "before-hook-creation,hook-succeeded", ""},
	{" Pre-Install , POST-upgrade ", "+3", " hook-failed ", ""},
	{"pre-instal,", "1.5", "hook-succeded", ""},
	{"test-success", "", "", "kind: ConfigMap\nmetadata:\n  name: x\n"},
	{"crd-install", "99999999999999999999", ",,", "---\n"},
	{"", " 7", "before-hook-creation", "a: [\n"},
	{"test,test", "0x10", "hook-succeeded", "kind: List\nitems: []\n"},
}

// FuzzExtract: the hook annotations of a rendered document, parsed by
// parseHook (tokens, events, weight, delete policies), agree with what
// Helm's SortManifests makes of them: a document is a hook Helm keeps
// exactly when we do not mark it Dropped, with the same events and weight;
// positions stay inside the template. Values are written as YAML scalars
// by the YAML encoder, so any string is a valid annotation value. Both
// Helm versions' readings are checked.
func FuzzExtract(f *testing.F) {
	for _, s := range extractSeeds {
		f.Add(s.hook, s.weight, s.del, s.extra)
	}
	f.Fuzz(func(t *testing.T, hookVal, weightVal, delVal, extra string) {
		ann := map[string]string{"helm.sh/hook": hookVal}
		if weightVal != "" {
			ann["helm.sh/hook-weight"] = weightVal
		}
		if delVal != "" {
			ann["helm.sh/hook-delete-policy"] = delVal
		}
		b, err := yaml.Marshal(map[string]any{
			"apiVersion": "batch/v1",
			"kind":       "Job",
			"metadata":   map[string]any{"name": "fuzz", "annotations": ann},
		})
		if err != nil {
			t.Skip() // not representable (invalid UTF-8)
		}
		rendered := string(b)
		if extra != "" {
			rendered += "---\n" + extra
		}
		// The template: the same text with the values as actions.
		tpl := strings.Replace(rendered, "helm.sh/hook: ", "helm.sh/hook: {{ .Values.hook }}", 1)
		const p = "c/templates/job.yaml"
		// Helm 3's reading, then Helm 4's (lint --helm v4: its own
		// SortManifests and splitter).
		for _, helm := range []string{render.HelmV3, render.HelmV4} {
			r := &render.Rendered{
				Context: render.Install,
				Helm:    helm,
				Release: chartutil.ReleaseOptions{Name: "r", Namespace: "default", Revision: 1, IsInstall: true},
				Files:   map[string]string{p: rendered},
			}
			set, err := Extract("c", r, map[string]string{p: tpl})
			if err != nil {
				var ie *render.InputError
				if !errors.As(err, &ie) || ie.Chart != "c" || strings.Contains(err.Error(), "\n") {
					t.Fatalf("Extract error %q is not a one-line InputError naming the chart", err)
				}
				continue
			}
			nTpl := strings.Count(tpl, "\n") + 1
			for _, h := range set.Hooks {
				if (h.Release != nil) == h.Dropped {
					t.Fatalf("hook %q: Helm kept it: %v, we say dropped: %v", h.Annotation.Value, h.Release != nil, h.Dropped)
				}
				own := parseHook(h.Object)
				if h.Release != nil {
					if diff := cmp.Diff(h.Release.Events, own.Events, cmpopts.EquateEmpty()); diff != "" {
						t.Fatalf("hook %q: events differ from Helm's (-helm +ours):\n%s", h.Annotation.Value, diff)
					}
					if h.Release.Weight != own.Weight {
						t.Fatalf("hook weight %q: Helm %d, ours %d", h.WeightAnnotation.Value, h.Release.Weight, own.Weight)
					}
					if diff := cmp.Diff(h.Release.DeletePolicies, own.DeletePolicies, cmpopts.EquateEmpty()); diff != "" {
						t.Fatalf("delete policy %q differs from Helm's (-helm +ours):\n%s", delVal, diff)
					}
				}
				var raw []string
				for _, tok := range h.Tokens {
					raw = append(raw, tok.Raw)
					if tok.Text != strings.ToLower(strings.TrimSpace(tok.Raw)) {
						t.Fatalf("token %q read as %q", tok.Raw, tok.Text)
					}
				}
				if got := strings.Join(raw, ","); got != h.Annotation.Value {
					t.Fatalf("tokens %q do not rejoin to %q", raw, h.Annotation.Value)
				}
				if h.WeightAnnotation != nil {
					if w, err := strconv.Atoi(h.WeightAnnotation.Value); err == nil && h.Release != nil && w != h.Weight {
						t.Fatalf("weight %q read as %d", h.WeightAnnotation.Value, h.Weight)
					}
				}
				for _, a := range h.Object.Annotations {
					if at := a.KeyAt.Resolved(); at.Line < 1 || at.Line > nTpl {
						t.Fatalf("annotation %q at template line %d of %d", a.Key, at.Line, nTpl)
					}
				}
			}
		}
	})
}
