package hl1004_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl1004"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl1004.Analyzer) }
