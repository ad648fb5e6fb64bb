package hl5002_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl5002"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl5002.Analyzer) }
