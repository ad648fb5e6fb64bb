package hl1007_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl1007"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl1007.Analyzer) }
