package render

import (
	"slices"
	"testing"

	"helm.sh/helm/v3/pkg/chart"
)

func TestTplLoop(t *testing.T) {
	sub := &chart.Chart{Metadata: &chart.Metadata{Name: "db", Version: "1.0.0"}}
	parent := &chart.Chart{Metadata: &chart.Metadata{Name: "app", Version: "1.0.0",
		Dependencies: []*chart.Dependency{{Name: "db", Alias: "store"}}}}
	parent.SetDependencies(sub)
	tests := []struct {
		name   string
		values map[string]any
		want   []string
	}{
		{"self", map[string]any{"x": "{{ tpl .Values.x . }}"}, []string{"x", "x"}},
		{"self with $", map[string]any{"a": map[string]any{"b": "{{- tpl $.Values.a.b $ }}"}}, []string{"a.b", "a.b"}},
		{"mutual", map[string]any{"x": "{{ tpl .Values.y . }}", "y": "v{{ tpl .Values.x . }}"}, []string{"x", "y", "x"}},
		{"tpl of another value ends", map[string]any{"x": "{{ tpl .Values.y . }}", "y": "{{ .Release.Name }}"}, nil},
		{"conditional recursion may stop", map[string]any{"x": "{{ if .Values.on }}{{ tpl .Values.x . }}{{ end }}"}, nil},
		{"no tpl: a plain reference", map[string]any{"x": "{{ .Values.x }}"}, nil},
		{"subchart scope by alias", map[string]any{"store": map[string]any{"q": "{{ tpl .Values.q . }}"}}, []string{"store.q", "store.q"}},
		{"subchart value names a parent path", map[string]any{"store": map[string]any{"q": "{{ tpl .Values.x . }}"}, "x": "{{ tpl .Values.x . }}"}, []string{"x", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tplLoop(tt.values, parent); !slices.Equal(got, tt.want) {
				t.Errorf("tplLoop = %v, want %v", got, tt.want)
			}
		})
	}
}
