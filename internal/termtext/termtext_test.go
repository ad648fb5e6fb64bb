package termtext

import (
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "templates/job.yaml", "templates/job.yaml"},
		{"unicode kept", "Jöb ✓ 名前", "Jöb ✓ 名前"},
		{"backslash and quotes kept", `a\nb "c"`, `a\nb "c"`},
		{"newline", "job.yaml\ntemplates/x.yaml:1: error HL0000: fake", `job.yaml\ntemplates/x.yaml:1: error HL0000: fake`},
		{"clear screen", "x\x1b[2J\x1b[H", `x\x1b[2J\x1b[H`},
		{"tab, CR, NUL, DEL", "a\tb\rc\x00d\x7f", `a\tb\rc\x00d\x7f`},
		{"C1 control", "a\u0085b\u009bc", `a\u0085b\u009bc`},
		{"bidi override and line separator", "a\u202eb\u2028c", `a\u202eb\u2028c`},
		{"invalid UTF-8", "a\xffb\xc3", `a\xffb\xc3`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzEscape: the result never holds a byte a terminal acts on (below
// 0x20, 0x7f) nor a non-printable rune, and printable input is unchanged.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "a\nb", "\x1b[2J", "\xff", "\u202e", "名前"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Escape(s)
		for _, r := range got {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\uFFFD' && !strings.ContainsRune(s, '\uFFFD') {
				t.Fatalf("Escape(%q) = %q holds %U", s, got, r)
			}
		}
	})
}
