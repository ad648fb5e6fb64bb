package hl6006_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl6006"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl6006.Analyzer) }
