package hl1009_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl1009"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl1009.Analyzer) }
