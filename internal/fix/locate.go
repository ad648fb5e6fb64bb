package fix

import (
	"fmt"
	"strings"
)

// locate finds where old stands on line: outside template actions and the
// YAML comment, as a whole word (not part of a longer name or number).
// With col > 0 it is the first such occurrence at or after that 1-based
// column; otherwise it must be the only one. The reason says why not.
func locate(line string, col int, old string) (int, string) {
	if old == "" {
		return 0, "nothing to replace"
	}
	code, actions := scan(line)
	var at []int
	for i := 0; i+len(old) <= code; {
		j := strings.Index(line[i:code], old)
		if j < 0 {
			break
		}
		j += i
		i = j + 1
		if inAction(actions, j, j+len(old)) || !bounded(line, j, j+len(old)) {
			continue
		}
		at = append(at, j)
	}
	if col > 0 {
		for _, j := range at {
			if j >= col-1 {
				return j, ""
			}
		}
		return 0, notFound(old)
	}
	switch len(at) {
	case 0:
		return 0, notFound(old)
	case 1:
		return at[0], ""
	}
	return 0, fmt.Sprintf("%q is written %d times on the line", old, len(at))
}

func notFound(old string) string {
	return fmt.Sprintf("%q is not written on the template line (it comes out of a template action)", old)
}

// scan returns where the line's YAML comment starts (len(line) if none)
// and the [start, end) spans of its template actions.
func scan(line string) (int, [][2]int) {
	var actions [][2]int
	var quote byte
	for i := 0; i < len(line); i++ {
		if strings.HasPrefix(line[i:], "{{") {
			end := strings.Index(line[i+2:], "}}")
			if end < 0 {
				actions = append(actions, [2]int{i, len(line)})
				return len(line), actions
			}
			actions = append(actions, [2]int{i, i + 2 + end + 2})
			i += 2 + end + 1
			continue
		}
		c := line[i]
		switch {
		case quote == '"' && c == '\\':
			i++
		case quote != 0 && c == quote:
			if quote == '\'' && i+1 < len(line) && line[i+1] == '\'' {
				i++ // '' is a quote inside a single-quoted scalar
				continue
			}
			quote = 0
		case quote != 0:
		case (c == '"' || c == '\'') && (i == 0 || strings.IndexByte(" \t[{,", line[i-1]) >= 0):
			quote = c
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return i, actions
		}
	}
	return len(line), actions
}

func inAction(actions [][2]int, start, end int) bool {
	for _, a := range actions {
		if start < a[1] && a[0] < end {
			return true
		}
	}
	return false
}

// bounded reports whether line[start:end] is not part of a longer word
// (an annotation key, a policy or event name, a number).
func bounded(line string, start, end int) bool {
	if word(line[start]) && start > 0 && word(line[start-1]) {
		return false
	}
	if word(line[end-1]) && end < len(line) && word(line[end]) {
		return false
	}
	return true
}

func word(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-_./", c) >= 0
}
