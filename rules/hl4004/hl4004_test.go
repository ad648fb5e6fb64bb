package hl4004_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl4004"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl4004.Analyzer) }
