package hl1012_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl1012"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl1012.Analyzer) }
