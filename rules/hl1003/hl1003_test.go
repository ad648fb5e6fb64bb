package hl1003_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl1003"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl1003.Analyzer) }
