package hl5001_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl5001"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl5001.Analyzer) }
