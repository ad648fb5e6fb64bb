package hl3007_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl3007"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl3007.Analyzer) }
