package hl1006_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl1006"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl1006.Analyzer) }
