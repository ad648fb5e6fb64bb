package hl1005_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl1005"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl1005.Analyzer) }
