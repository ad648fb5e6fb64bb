package hl1008_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl1008"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl1008.Analyzer) }
