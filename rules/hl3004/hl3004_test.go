package hl3004_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl3004"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl3004.Analyzer) }
