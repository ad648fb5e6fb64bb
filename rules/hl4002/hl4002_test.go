package hl4002_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl4002"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl4002.Analyzer) }
