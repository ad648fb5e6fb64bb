package hl6008_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl6008"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl6008.Analyzer) }
