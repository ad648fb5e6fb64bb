package hook

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSrcMap(t *testing.T) {
	tests := []struct {
		name     string
		tpl      string
		rendered string
		want     []int // template line of each rendered line
	}{
		{
			name:     "literal and actions",
			tpl:      "a: 1\nb: {{ .b }}\nc: 3\n",
			rendered: "a: 1\nb: two\nc: 3",
			want:     []int{1, 2, 3},
		},
		{
			name:     "if blocks produce nothing",
			tpl:      "{{- if .x }}\nkind: Job\n{{- end }}\nmetadata:\n  name: {{ .n }}\n",
			rendered: "kind: Job\nmetadata:\n  name: x",
			want:     []int{2, 4, 5},
		},
		{
			name:     "include lines take the include",
			tpl:      "metadata:\n  labels:\n    {{- include \"l\" . | nindent 4 }}\n  annotations:\n    a: b\n",
			rendered: "metadata:\n  labels:\n    x: 1\n    y: 2\n  annotations:\n    a: b",
			want:     []int{1, 2, 3, 3, 4, 5},
		},
		{
			name:     "comment action at the end of a key line",
			tpl:      "spec: {{/* want \"X\" */}}\n  template:\n    x: 1\n",
			rendered: "spec: \n  template:\n    x: 1",
			want:     []int{1, 2, 3},
		},
		{
			name:     "conditional literal text on one line",
			tpl:      "e: \"a,{{ if .u }}pre{{ else }}post{{ end }}\"\nw: \"1\"\n",
			rendered: "e: \"a,post\"\nw: \"1\"",
			want:     []int{1, 2},
		},
		{
			name:     "two documents from a range map to the loop body",
			tpl:      "{{- range .xs }}\n---\nkind: ConfigMap\nname: {{ . }}\n{{- end }}\n",
			rendered: "kind: ConfigMap\nname: a\n---\nkind: ConfigMap\nname: b",
			want:     []int{3, 4, 1, 3, 4}, // a separator belongs to no document: line 1
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newSrcMap(tt.tpl, tt.rendered, splitDocs(tt.rendered))
			var got []int
			for i := range tt.want {
				got = append(got, m.line(i+1))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("template lines (-want +got):\n%s", diff)
			}
		})
	}
}
