package hl6002_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl6002"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl6002.Analyzer) }
