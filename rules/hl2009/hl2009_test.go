package hl2009_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl2009"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl2009.Analyzer) }
