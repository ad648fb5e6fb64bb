package hl6001_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl6001"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl6001.Analyzer) }
