package hl4009_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl4009"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl4009.Analyzer) }
