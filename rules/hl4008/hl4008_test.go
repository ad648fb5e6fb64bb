package hl4008_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl4008"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl4008.Analyzer) }
