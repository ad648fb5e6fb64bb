package hl2010_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl2010"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl2010.Analyzer) }
