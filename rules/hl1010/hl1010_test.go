package hl1010_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl1010"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl1010.Analyzer) }
