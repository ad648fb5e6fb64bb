package hl3005_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl3005"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl3005.Analyzer) }
