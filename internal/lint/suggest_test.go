package lint_test

import (
	"strings"
	"testing"

	"github.com/hooklint/hooklint/internal/lint"
)

// TestSuggestBounded: the closest candidate within the limit (2 edits, 3 for
// words over 12 bytes), else ""; a word whose length alone puts every
// candidate out of reach is not measured at all (no allocation), so a
// 2 MB token costs nothing.
func TestSuggestBounded(t *testing.T) {
	events := []string{"pre-install", "post-install", "pre-delete", "post-delete", "pre-upgrade", "post-upgrade", "pre-rollback", "post-rollback", "test", "test-success"}
	tests := []struct {
		word, want string
	}{
		{"pre-instal", "pre-install"},
		{"pre-installl", "pre-install"},
		{"pre-installll", "pre-install"},  // 2 edits
		{"pre-installlll", "pre-install"}, // 3 edits, 14 bytes: limit 3
		{"pre-installllll", ""},           // 4 edits
		{"tset", "test"},                  // a transposition is one edit
		{"te", ""},                        // 2 edits, but not fewer than the word
		{"", ""},
		{strings.Repeat("l", 2<<20), ""},
	}
	for _, tt := range tests {
		name := tt.word
		if len(name) > 20 {
			name = name[:20] + "..."
		}
		t.Run(name, func(t *testing.T) {
			if got := lint.Suggest(tt.word, events); got != tt.want {
				t.Errorf("Suggest(%q) = %q, want %q", name, got, tt.want)
			}
		})
	}
	long := "pre-install" + strings.Repeat("l", 2<<20)
	if n := testing.AllocsPerRun(3, func() { lint.Suggest(long, events) }); n != 0 {
		t.Errorf("Suggest of a 2 MB word allocated %v times, want 0 (no distance measured)", n)
	}
	if n := testing.AllocsPerRun(3, func() { lint.SuggestFix(long, events, nil) }); n != 0 {
		t.Errorf("SuggestFix of a 2 MB word allocated %v times, want 0 (no distance measured)", n)
	}
}
