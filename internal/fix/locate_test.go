package fix

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLocate(t *testing.T) {
	type result struct {
		At     int
		Reason string
	}
	tests := []struct {
		name, line, old string
		col             int
		want            result
	}{
		{name: "plain", line: `    helm.sh/hook: pre-instal`, old: "pre-instal", want: result{At: 18}},
		{name: "in a list", line: `    "helm.sh/hook": "pre-instal,post-install"`, old: "pre-instal", want: result{At: 21}},
		{name: "not a prefix of a longer name", line: `    helm.sh/hook: pre-install,pre-instal`, old: "pre-instal", want: result{At: 30}},
		{name: "comment ignored", line: `    w: 5 # weight 5`, old: "5", want: result{At: 7}},
		{name: "hash in quotes is no comment", line: `    k: "a#b" # b`, old: "b", want: result{At: 10}},
		{name: "twice", line: `    k: a, a`, old: "a", want: result{Reason: `"a" is written 2 times on the line`}},
		{name: "column picks the first after it", line: `    "x/5": 5`, old: "5", col: 10, want: result{At: 11}},
		{name: "digit inside a key is no value", line: `    example5.com/x: 5`, old: "5", want: result{At: 20}},
		{name: "inside an action", line: `    w: {{ .Values.w | default 5 }}`, old: "5", want: result{Reason: `"5" is not written on the template line (it comes out of a template action)`}},
		{name: "after an action", line: `    w: {{ "4" }} 5`, old: "5", want: result{At: 17}},
		{name: "unclosed action", line: `    w: {{- if .x 5`, old: "5", want: result{Reason: `"5" is not written on the template line (it comes out of a template action)`}},
		{name: "escaped quote", line: `    k: "a\"#" b`, old: "b", want: result{At: 14}},
		{name: "empty quotes", line: `    "helm.sh/hook-delete-policy": "" # want ""`, old: `""`, want: result{At: 34}},
		{name: "nothing", line: `x`, old: "", want: result{Reason: "nothing to replace"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at, reason := locate(tt.line, tt.col, tt.old)
			if diff := cmp.Diff(tt.want, result{at, reason}); diff != "" {
				t.Errorf("locate(%q, %d, %q) (-want +got):\n%s", tt.line, tt.col, tt.old, diff)
			}
		})
	}
}

func TestDiffWithoutFinalNewline(t *testing.T) {
	files := []File{{Path: "templates/a.yaml", Old: "a: 1\nb: 2", New: "a: 1\nb: \"2\""}}
	want := "--- a/templates/a.yaml\n+++ b/templates/a.yaml\n@@ -1,2 +1,2 @@\n a: 1\n-b: 2\n\\ No newline at end of file\n+b: \"2\"\n\\ No newline at end of file\n"
	if diff := cmp.Diff(want, Diff(files)); diff != "" {
		t.Errorf("Diff (-want +got):\n%s", diff)
	}
}
