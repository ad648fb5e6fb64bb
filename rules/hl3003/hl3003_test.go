package hl3003_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl3003"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl3003.Analyzer) }
