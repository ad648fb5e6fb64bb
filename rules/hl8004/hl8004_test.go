package hl8004_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl8004"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl8004.Analyzer) }
