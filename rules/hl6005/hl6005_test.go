package hl6005_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl6005"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl6005.Analyzer) }
