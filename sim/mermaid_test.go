package sim

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMermaidWrap(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{in: "", want: ""},
		{in: "exit 0", want: "exit 0"},
		{in: "aaaa bbbb cccc", want: "aaaa bbbb<br/>cccc"},
		{in: "aaaa bbbbb cccc", want: "aaaa<br/>bbbbb<br/>cccc"},
		{in: "aaaa bb cccc", want: "aaaa bb<br/>cccc"},
		{in: "abcdefghijkl", want: "abcdefghi<br/>jkl"},
		{in: "ab abcdefghijkl", want: "ab<br/>abcdefghi<br/>jkl"},
		{in: "äöüäöüäöüä x", want: "äöüäöüäöü<br/>ä x"},
	}
	for _, tt := range tests {
		if got := mermaidWrap(tt.in, 9); got != tt.want {
			t.Errorf("mermaidWrap(%q, 9) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMermaidReadable: in every Mermaid golden, no line of a note or
// message is longer than mermaidWidth, and no note is centred on helm, the
// leftmost participant, where Mermaid cuts off its start (issue 20
// point 4).
func TestMermaidReadable(t *testing.T) {
	goldens, err := filepath.Glob(filepath.Join("testdata", "golden", "*.mmd"))
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no goldens: %v", err)
	}
	text := regexp.MustCompile(`^    (?:Note (?:over|right of|left of) [HK,]+|[HK]-[->x]+[HK]): (.*)$`)
	wrapped := false
	for _, g := range goldens {
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		for n, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
			if strings.HasPrefix(l, "    Note over H:") {
				t.Errorf("%s:%d: a note over helm alone: %s", g, n+1, l)
			}
			m := text.FindStringSubmatch(l)
			if m == nil {
				continue
			}
			for _, part := range strings.Split(m[1], "<br/>") {
				if utf8.RuneCountInString(part) > mermaidWidth {
					t.Errorf("%s:%d: a line of %d characters: %q", g, n+1, utf8.RuneCountInString(part), part)
				}
			}
			if strings.HasPrefix(m[1], "exit 1: UPGRADE FAILED: ") && strings.Contains(m[1], "<br/>") {
				wrapped = true
			}
		}
	}
	if !wrapped {
		t.Error("no golden has a wrapped exit 1: UPGRADE FAILED note; the test checks nothing long")
	}
}
