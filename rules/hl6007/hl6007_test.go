package hl6007_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl6007"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl6007.Analyzer) }
