package fix

import (
	"fmt"
	"strings"
)

// context is how many unchanged lines a hunk shows around a change.
const context = 3

// Diff returns files as a unified diff, one file after another, with
// paths relative to the chart directory behind a/ and b/ (as git diff
// writes them), so the patch applies the same whatever form of path the
// chart was given in: patch -d CHART -p1 < fix.patch.
func Diff(files []File) string {
	var b strings.Builder
	for _, f := range files {
		fmt.Fprintf(&b, "--- a/%s\n+++ b/%s\n", f.Path, f.Path)
		unified(&b, strings.SplitAfter(f.Old, "\n"), strings.SplitAfter(f.New, "\n"))
	}
	return b.String()
}

// unified writes the hunks between a and b, which have the same number of
// lines: fixes edit within lines and never add or remove one.
func unified(b *strings.Builder, a, c []string) {
	var changed []int
	for i := range a {
		if a[i] != c[i] {
			changed = append(changed, i)
		}
	}
	for k := 0; k < len(changed); {
		// A hunk takes every change within 2*context lines of the last one.
		last := k
		for last+1 < len(changed) && changed[last+1]-changed[last] <= 2*context {
			last++
		}
		start := max(0, changed[k]-context)
		end := min(len(a), changed[last]+context+1)
		if end > start && a[end-1] == "" {
			end-- // the empty piece after a final newline is no line
		}
		fmt.Fprintf(b, "@@ -%d,%d +%d,%d @@\n", start+1, end-start, start+1, end-start)
		for i := start; i < end; {
			if a[i] == c[i] {
				line(b, ' ', a[i])
				i++
				continue
			}
			j := i
			for j < end && a[j] != c[j] {
				line(b, '-', a[j])
				j++
			}
			for ; i < j; i++ {
				line(b, '+', c[i])
			}
		}
		k = last + 1
	}
}

func line(b *strings.Builder, mark byte, s string) {
	b.WriteByte(mark)
	b.WriteString(s)
	if !strings.HasSuffix(s, "\n") {
		b.WriteString("\n\\ No newline at end of file\n")
	}
}
