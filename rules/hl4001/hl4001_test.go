package hl4001_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl4001"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl4001.Analyzer) }
