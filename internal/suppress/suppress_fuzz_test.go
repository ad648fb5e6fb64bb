package suppress

import (
	"strings"
	"testing"
)

// FuzzFromSources: any template text yields directives whose positions lie
// inside the template, each naming at least one rule or being reported by
// the runner as malformed, without panicking.
func FuzzFromSources(f *testing.F) {
	for _, s := range []string{
		"",
		"# hooklint:ignore HL1003 -- the event is set by the operator\nkind: Job\n",
		"{{/* hooklint:ignore HL1003,HL1006 -- reason */}}\n",
		"# hooklint:ignore\n",
		"# hooklint:ignore HL1003\n",
		"# hooklint:ignore -- no rule\n",
		"{{/* hooklint:ignore HL1003 -- unterminated\n",
		"a: b # hooklint:ignore hook-unknown-event -- x\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		ds := FromSources(map[string]string{"c/templates/x.yaml": src})
		n := strings.Count(src, "\n") + 1
		for _, d := range ds {
			if d.Pos.Line < 1 || d.Pos.Line > n {
				t.Fatalf("directive %q at line %d of %d", d.Text, d.Pos.Line, n)
			}
		}
	})
}
