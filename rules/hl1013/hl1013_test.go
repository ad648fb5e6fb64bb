package hl1013_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl1013"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl1013.Analyzer) }
