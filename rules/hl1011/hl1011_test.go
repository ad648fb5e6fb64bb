package hl1011_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl1011"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl1011.Analyzer) }
