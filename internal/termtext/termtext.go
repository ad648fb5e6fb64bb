// Package termtext makes text that comes from a chart safe to print on a
// terminal: file names, hook and object names, values quoted in messages,
// error messages. A chart is written by whoever opened the pull request; a
// newline in a template's file name would print a fake "file:line: error"
// row, and ESC[2J would clear the screen.
//
// It escapes and does nothing else: the text formats (report.Text, the
// simulate timeline in sim) call Escape on each chart-derived string they
// print. JSON, SARIF and JUnit escape by their encodings and do not use it.
package termtext

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Escape returns s with every character a terminal would act on written as
// strconv.Quote writes it, without the quotes: control characters as \n,
// \t, \x1b, \u0085, a byte that is not UTF-8 as \xff, and the other runes
// strconv.IsPrint rejects (line and paragraph separators, bidirectional
// overrides such as \u202e) as \uXXXX. Printable text, spaces and
// backslashes are kept as they are, so text without such characters comes
// back unchanged and one line stays one line.
func Escape(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || !strconv.IsPrint(r) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i])>>4, 16))
			b.WriteString(strconv.FormatUint(uint64(s[i])&0xf, 16))
		case r == ' ' || strconv.IsPrint(r):
			b.WriteString(s[i : i+n])
		default:
			q := strconv.QuoteRune(r) // '\n', '\x1b', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		}
		i += n
	}
	return b.String()
}
