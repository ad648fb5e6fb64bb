package hl2006_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl2006"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl2006.Analyzer) }
