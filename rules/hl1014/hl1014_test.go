package hl1014_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl1014"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl1014.Analyzer) }
