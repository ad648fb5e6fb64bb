package hl2007_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl2007"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl2007.Analyzer) }
