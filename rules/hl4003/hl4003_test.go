package hl4003_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl4003"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl4003.Analyzer) }
