package suppress

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hooklint/hooklint/internal/hook"
)

// TestIndexCovering: Index.Covering returns exactly the directives for
// which Covers is true, comments first, each in the order given.
func TestIndexCovering(t *testing.T) {
	ds := []*Directive{
		{Kind: Comment, Pos: hook.Pos{File: "templates/a.yaml", Line: 3}, Text: "a:3"},
		{Kind: Annotated, ObjectKind: "Job", ObjectName: "x", Text: "Job x"},
		{Kind: Comment, Pos: hook.Pos{File: "templates/a.yaml", Line: 4}, Text: "a:4"},
		{Kind: Comment, Pos: hook.Pos{File: "templates/b.yaml", Line: 3}, Text: "b:3"},
		{Kind: Annotated, ObjectKind: "Job", ObjectNamespace: "ns", ObjectName: "x", Text: "Job ns/x"},
		{Kind: Annotated, ObjectKind: "Job", ObjectName: "x", Text: "Job x again"},
	}
	tests := []struct {
		pos            hook.Pos
		kind, ns, name string
		want           []string
	}{
		{hook.Pos{File: "templates/a.yaml", Line: 2}, "", "", "", nil},
		{hook.Pos{File: "templates/a.yaml", Line: 3}, "", "", "", []string{"a:3"}},
		{hook.Pos{File: "templates/a.yaml", Line: 4}, "", "", "", []string{"a:3", "a:4"}},
		{hook.Pos{File: "templates/a.yaml", Line: 5}, "Job", "", "x", []string{"a:4", "Job x", "Job x again"}},
		{hook.Pos{File: "templates/b.yaml", Line: 4}, "Job", "ns", "x", []string{"b:3", "Job ns/x"}},
		{hook.Pos{File: "templates/b.yaml", Line: 9}, "Pod", "", "x", nil},
	}
	ix := NewIndex(ds)
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s:%d %s %s/%s", tt.pos.File, tt.pos.Line, tt.kind, tt.ns, tt.name), func(t *testing.T) {
			var got, covers []string
			for _, d := range ix.Covering(tt.pos, tt.kind, tt.ns, tt.name) {
				got = append(got, d.Text)
			}
			for _, kind := range []Kind{Comment, Annotated} {
				for _, d := range ds {
					if d.Kind == kind && d.Covers(tt.pos, tt.kind, tt.ns, tt.name) {
						covers = append(covers, d.Text)
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Covering (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(covers, got); diff != "" {
				t.Errorf("Covering differs from Covers (-Covers +Covering):\n%s", diff)
			}
		})
	}
}
