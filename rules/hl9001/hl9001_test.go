package hl9001_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl9001"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl9001.Analyzer) }
