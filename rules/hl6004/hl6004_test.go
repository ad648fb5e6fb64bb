package hl6004_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl6004"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl6004.Analyzer) }
