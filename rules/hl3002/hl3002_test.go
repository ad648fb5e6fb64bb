package hl3002_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl3002"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl3002.Analyzer) }
