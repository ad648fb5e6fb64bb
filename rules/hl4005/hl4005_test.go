package hl4005_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl4005"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl4005.Analyzer) }
