package hl1001_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl1001"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl1001.Analyzer) }
