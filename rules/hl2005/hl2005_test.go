package hl2005_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl2005"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl2005.Analyzer) }
