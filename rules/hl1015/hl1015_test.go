package hl1015_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl1015"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl1015.Analyzer) }
