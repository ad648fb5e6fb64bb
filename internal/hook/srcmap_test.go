package hook

import (
	"fmt"
	"runtime"
	"strings"
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
		{
			// every line of the second document also matches the first
			// section: it must still map to its own section
			name:     "documents whose names come from the same expression",
			tpl:      "kind: Job\nname: {{ .n }}\nimage: {{ .a }}\n---\nkind: Job\nname: {{ .n }}\nimage: {{ .b }}\n---\nkind: Job\nname: {{ .n }}\nimage: {{ .c }}\n",
			rendered: "kind: Job\nname: x\nimage: a\n---\nkind: Job\nname: x\nimage: b\n---\nkind: Job\nname: x\nimage: c",
			want:     []int{1, 2, 3, 1, 5, 6, 7, 1, 9, 10, 11},
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

// repeatedLines are templates whose lines repeat, rendered line for line:
// the alignment must map each rendered line i that is not a comment to
// template line i, and a comment to a template line of the same text
// (equally heavy chains are broken towards earlier template lines, so the
// comments of one document may take an earlier document's), within
// allocBound bytes where the n×m alignment took gigabytes.
func repeatedLines() []struct {
	name     string
	tpl      string
	rendered string
} {
	job := "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          args:\n"
	var ignore, ignoreOut strings.Builder
	for i := range 3000 {
		ignore.WriteString("---\n" + strings.Repeat("# hooklint:ignore HL6006 -- padding\n", 20) + strings.Replace(job, "name: x", "name: {{ .n }}", 1))
		ignoreOut.WriteString("---\n" + strings.Repeat("# hooklint:ignore HL6006 -- padding\n", 20) + strings.Replace(job, "name: x", fmt.Sprintf("name: h%d", i), 1))
	}
	var distinct, distinctOut strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&distinct, "            - {{ \"a\" }}%d\n", i)
		fmt.Fprintf(&distinctOut, "            - a%d\n", i)
	}
	return []struct {
		name     string
		tpl      string
		rendered string
	}{
		{"6000 identical comments", strings.Repeat("# -----\n", 6000) + job, strings.Repeat("# -----\n", 6000) + job},
		{"5000 identical args", job + strings.Repeat("            - {{ \"a\" }}\n", 5000), job + strings.Repeat("            - a\n", 5000)},
		{"3000 distinct args", job + distinct.String(), job + distinctOut.String()},
		{"alternating pair", strings.Repeat("# a\n# b\n", 3000) + job, strings.Repeat("# a\n# b\n", 3000) + job},
		{"60000 comments in 3000 documents", ignore.String(), ignoreOut.String()},
	}
}

// allocBound is what one alignment of a repeatedLines case may allocate.
const allocBound = 128 << 20

func TestSrcMapRepeatedLines(t *testing.T) {
	for _, tt := range repeatedLines() {
		t.Run(tt.name, func(t *testing.T) {
			docs := splitDocs(tt.rendered)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			m := newSrcMap(tt.tpl, tt.rendered, docs)
			runtime.ReadMemStats(&after)
			lines, tlines := strings.Split(tt.rendered, "\n"), strings.Split(tt.tpl, "\n")
			var want, got []string
			for i, l := range lines[:len(lines)-1] {
				at := m.line(i + 1)
				switch {
				case l == "---": // a separator belongs to no document
					want = append(want, fmt.Sprintf("%d -> 1", i+1))
				case strings.HasPrefix(l, "#"):
					want = append(want, fmt.Sprintf("%d -> %q", i+1, l))
					at = -at
				default:
					want = append(want, fmt.Sprintf("%d -> %d", i+1, i+1))
				}
				if at < 0 {
					got = append(got, fmt.Sprintf("%d -> %q", i+1, tlines[-at-1]))
				} else {
					got = append(got, fmt.Sprintf("%d -> %d", i+1, at))
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("template lines (-want +got):\n%s", diff)
			}
			t.Logf("allocated %d MiB", (after.TotalAlloc-before.TotalAlloc)>>20)
			if a := after.TotalAlloc - before.TotalAlloc; a > allocBound {
				t.Errorf("alignment allocated %d MiB, bound %d MiB", a>>20, allocBound>>20)
			}
		})
	}
}
