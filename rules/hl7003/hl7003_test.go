package hl7003_test

import (
	"testing"

	"github.com/hooklint/hooklint/internal/linttest"
	"github.com/hooklint/hooklint/rules/hl7003"
)

func TestAnalyzer(t *testing.T) { linttest.Run(t, hl7003.Analyzer) }
