package config_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hooklint/hooklint/internal/config"
	"github.com/hooklint/hooklint/rules"
)

// TestPatternLimits: an exclusions path glob or text expression past the
// limits is an error that names the file, the line, the field and the
// limit, and no pattern panics (a glob of 1.2 million "a*" made
// regexp.MustCompile panic after 1.3 GiB).
func TestPatternLimits(t *testing.T) {
	tests := []struct {
		name, path, text string
		wantErr          string
	}{
		{name: "glob at the length limit", path: strings.Repeat("a", 4096)},
		{name: "glob at the wildcard limit", path: strings.Repeat("a*", 32) + strings.Repeat("?", 32)},
		{name: "long glob", path: strings.Repeat("a", 4097), wantErr: ".hooklint.yaml:4: exclusions[0].path: the glob is 4097 bytes long; hooklint accepts at most 4096"},
		{name: "wildcards", path: strings.Repeat("a*", 64) + "?", wantErr: ".hooklint.yaml:4: exclusions[0].path: the glob has 65 wildcards (* and ?); hooklint accepts at most 64"},
		{name: "1.2 million a*", path: strings.Repeat("a*", 1200000), wantErr: ".hooklint.yaml:4: exclusions[0].path: the glob is 2400000 bytes long; hooklint accepts at most 4096"},
		{name: "long text", text: strings.Repeat("a", 4097), wantErr: ".hooklint.yaml:4: exclusions[0].text: the regular expression is 4097 bytes long; hooklint accepts at most 4096"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			field := fmt.Sprintf("path: %q", tt.path)
			if tt.text != "" {
				field = fmt.Sprintf("text: %q", tt.text)
			}
			src := "version: 1\nexclusions:\n  - rules: [HL2007]\n    " + field + "\n"
			_, err := config.Parse(".hooklint.yaml", []byte(src), rules.All)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.wantErr {
				t.Errorf("Parse error:\n got %q\nwant %q", got, tt.wantErr)
			}
		})
	}
}
