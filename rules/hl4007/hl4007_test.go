package hl4007_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl4007"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl4007.Analyzer) }
