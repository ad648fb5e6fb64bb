package hl1016_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl1016"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl1016.Analyzer) }
