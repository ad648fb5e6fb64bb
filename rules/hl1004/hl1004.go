package hl1004

import (
	_ "embed"
	"fmt"
	"strconv"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports annotation values that are not strings.
var Analyzer = &lint.Analyzer{
	ID:       "HL1004",
	Name:     "hook-weight-unquoted",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Error,
	Run:      run,
}

// jsonType is how encoding/json names the value in its error.
func jsonType(k hook.ScalarKind) (string, bool) {
	switch k {
	case hook.KindInt, hook.KindFloat:
		return "number", true
	case hook.KindBool:
		return "bool", true
	}
	return "", false
}

func run(pass *lint.Pass) (any, error) {
	for _, o := range pass.Objects {
		// A dropped hook is reported too, as applying once its event is
		// fixed (Pass.ForHook).
		pass := pass.ForHook(o.Hook)
		for _, a := range o.Annotations {
			typ, ok := jsonType(a.Kind)
			if !ok {
				continue
			}
			cause := `"json: cannot unmarshal ` + typ + ` into Go struct field ObjectMeta.metadata.annotations of type string"`
			f := lint.Finding{Pos: a.ValAt, Object: lint.ObjectRefOf(o), Fixes: quoteFix(a, a.Value)}
			switch {
			case o.Hook != nil && a.Key == hook.AnnotationWeight:
				f.Fixes, f.Message = weight(o.Hook, a, cause)
			case o.Hook != nil:
				f.Message = fmt.Sprintf(
					"annotation %q has the unquoted %s value %s; annotation values must be strings: Helm cannot build the hook for the cluster (%s) and the hook fails before it is created; quote it: %q",
					a.Key, typ, a.Value, cause, a.Value)
			default:
				f.Message = fmt.Sprintf(
					"annotation %q has the unquoted %s value %s; annotation values must be strings: Helm cannot build the release manifest (%s) and install or upgrade fails before anything is created; quote it: %q",
					a.Key, typ, a.Value, cause, a.Value)
			}
			pass.Report(f)
		}
	}
	return nil, nil
}

// weight is the finding of an unquoted helm.sh/hook-weight. Its fix
// writes the integer Helm sorts the hook by, so the order stays: Helm reads
// the weight with strconv.Atoi of the text sigs.k8s.io/yaml made of the
// number (helm.sh/helm/v3@v3.22.0 pkg/releaseutil/manifest_sorter.go
// calculateHookWeight), which is not always the text written (0x10, 010,
// 1_000, 5.0 and 1e3 are 16, 8, 1000, 5 and 1000). A number Atoi rejects
// (1.5 reads as "1.5") gives weight 0, which the author did not mean:
// there is no fix, the message says what Helm does.
func weight(h *hook.Hook, a hook.Annotation, cause string) ([]lint.SuggestedFix, string) {
	n, err := strconv.Atoi(h.WeightText)
	if err != nil {
		return nil, fmt.Sprintf(
			"helm.sh/hook-weight is the unquoted number %s; Helm reads it as %q, which is no integer (strconv.Atoi), so it sorts the hook as weight %d, and cannot build the hook for the cluster (%s): the hook fails before it is created; write the integer weight you mean in quotes",
			a.Value, h.WeightText, h.Weight, cause)
	}
	w := strconv.Itoa(n)
	msg := fmt.Sprintf(
		"helm.sh/hook-weight is the unquoted number %s; Helm sorts it as weight %d, but cannot build the hook for the cluster (%s): the hook fails before it is created; quote it: %q",
		a.Value, h.Weight, cause, w)
	return quoteFix(a, w), msg
}

// quoteFix quotes the value as written. When the key is on the value's line
// the edit starts after the key, so a digit in the key or a comment cannot
// be taken for the value.
// The quoted text is quoted (a weight's: the integer Helm computed).
func quoteFix(a hook.Annotation, quoted string) []lint.SuggestedFix {
	at, key := a.ValAt.Resolved(), a.KeyAt.Resolved()
	if key.File == at.File && key.Line == at.Line && key.Col > 0 {
		at.Col = key.Col + len(a.Key)
	}
	if quoted != a.Value {
		return lint.Fix(fmt.Sprintf("write %s as %q, the weight Helm computed", a.Value, quoted), at, a.Value, `"`+quoted+`"`)
	}
	return lint.Fix(fmt.Sprintf("quote %s", a.Value), at, a.Value, `"`+a.Value+`"`)
}
