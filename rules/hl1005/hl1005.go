package hl1005

import (
	_ "embed"
	"errors"
	"strconv"
	"strings"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook weights Helm reads as 0.
var Analyzer = &lint.Analyzer{
	ID:       "HL1005",
	Name:     "hook-weight-invalid",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		a := h.WeightAnnotation
		if a == nil || a.Kind == hook.KindInt {
			continue // unquoted int: HL1004
		}
		pass := pass.ForHook(h) // dropped: applies once the event is fixed
		// calculateHookWeight: strconv.Atoi of the raw value, 0 on error.
		_, err := strconv.Atoi(a.Value)
		if err == nil {
			continue
		}
		why, fix := reason(a.Value, err)
		msg := "hook weight %q is not a plain integer (%s); Helm reads weight 0"
		if fix != "" {
			msg += ": write " + strconv.Quote(fix)
		}
		pass.Reportf(a.ValAt, h.Object, msg, a.Value, why)
	}
	return nil, nil
}

// reason says why strconv.Atoi rejects s, and the value meant, if clear.
func reason(s string, err error) (why, fix string) {
	t := strings.TrimSpace(s)
	switch {
	case s == "":
		return "it is empty", ""
	case t != s:
		if _, e := strconv.Atoi(t); e == nil {
			return "it has spaces", t
		}
		return "it has spaces", ""
	case errors.Is(err, strconv.ErrRange):
		return "it is out of range", ""
	}
	if n := strings.ToLower(strings.TrimLeft(t, "+-")); strings.HasPrefix(n, "0x") || strings.HasPrefix(n, "0o") || strings.HasPrefix(n, "0b") {
		return "not base 10", ""
	}
	if _, e := strconv.ParseFloat(t, 64); e == nil {
		return "a decimal or exponent number", ""
	}
	return "not a number", ""
}
