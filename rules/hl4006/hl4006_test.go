package hl4006_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl4006"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl4006.Analyzer) }
