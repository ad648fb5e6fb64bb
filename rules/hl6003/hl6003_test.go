package hl6003_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl6003"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl6003.Analyzer) }
