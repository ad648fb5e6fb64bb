package hl2004_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl2004"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl2004.Analyzer) }
