package hl9002_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl9002"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl9002.Analyzer) }
