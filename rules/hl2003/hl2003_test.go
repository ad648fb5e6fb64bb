package hl2003_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl2003"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl2003.Analyzer) }
