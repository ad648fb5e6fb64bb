package hook

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	releaseutil4 "helm.sh/helm/v4/pkg/release/v1/util"
)

// split4Seeds add what splits differently in Helm 4 to splitSeeds.
var split4Seeds = []string{
	"a: 1\n---\n---\nb: 2\n",
	"a: 1 \n--- \t\nb: 2\t\n",
	"---apiVersion: v1\nkind: Job\n",
	" a: 1\n ---\nb: 2",
	"a: 1\n----\nb: 2\n---\n",
	"x\n---\n \n---\n\t\n",
}

// FuzzSplit4: splitDocs4 returns exactly Helm 4's SplitManifests'
// documents (helm.sh/helm/v4 pkg/release/v1/util), in order, and each one
// starts on the line it says.
func FuzzSplit4(f *testing.F) {
	for _, s := range append(append([]string{}, splitSeeds...), split4Seeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, content string) {
		docs := splitDocs4(content)
		helm := releaseutil4.SplitManifests(content)
		var got, want []string
		for _, d := range docs {
			got = append(got, d.Text)
		}
		for i := range len(helm) {
			want = append(want, helm[fmt.Sprintf("manifest-%d", i)])
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("splitDocs4(%q) differs from v4 SplitManifests (-helm +ours):\n%s", content, diff)
		}
		lines := strings.Split(content, "\n")
		for _, d := range docs {
			first, _, _ := strings.Cut(d.Text, "\n")
			if d.Line < 1 || d.Line > len(lines) || !strings.Contains(lines[d.Line-1], strings.TrimSpace(first)) {
				t.Fatalf("document %q said to start on line %d of %q", d.Text, d.Line, content)
			}
		}
	})
}

// TestSplit4Differs pins where Helm 4 splits differently from Helm 3.
func TestSplit4Differs(t *testing.T) {
	texts := func(ds []doc) []string {
		var out []string
		for _, d := range ds {
			out = append(out, d.Text)
		}
		return out
	}
	for _, tc := range []struct {
		in     string
		v3, v4 []string
	}{
		// v3's trailing \s* swallows the newline: the second --- is a document.
		{"a: 1\n---\n---\nb: 2\n", []string{"a: 1", "---\nb: 2"}, []string{"a: 1\n", "b: 2\n"}},
		// v4 keeps the document's trailing whitespace.
		{"a: 1  \n---\nb: 2\n\n", []string{"a: 1", "b: 2"}, []string{"a: 1  \n", "b: 2\n\n"}},
		// v3 keeps a second --- as a document of its own; v4 drops the empty parts.
		{"x\n---\n \n---\n\t\n", []string{"x", "---"}, []string{"x\n"}},
	} {
		if diff := cmp.Diff(tc.v3, texts(splitDocs(tc.in))); diff != "" {
			t.Errorf("splitDocs(%q) (-want +got):\n%s", tc.in, diff)
		}
		if diff := cmp.Diff(tc.v4, texts(splitDocs4(tc.in))); diff != "" {
			t.Errorf("splitDocs4(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}
