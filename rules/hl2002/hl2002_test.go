package hl2002_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl2002"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl2002.Analyzer) }
