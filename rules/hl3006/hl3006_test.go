package hl3006_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl3006"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl3006.Analyzer) }
