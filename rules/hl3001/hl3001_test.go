package hl3001_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl3001"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl3001.Analyzer) }
