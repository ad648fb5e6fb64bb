package hl2011_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl2011"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl2011.Analyzer) }
