package hl2001_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl2001"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl2001.Analyzer) }
