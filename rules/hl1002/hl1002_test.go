package hl1002_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl1002"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl1002.Analyzer) }
