package hl2008_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl2008"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl2008.Analyzer) }
