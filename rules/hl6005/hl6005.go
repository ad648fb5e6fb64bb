package hl6005

import (
	_ "embed"
	"fmt"
	"strings"

	"helm.sh/helm/v3/pkg/release"

	"github.com/hooklint/hooklint/internal/hook"
	"github.com/hooklint/hooklint/internal/lint"
)

//go:embed doc.go
var doc string

// Analyzer reports hook images without a tag or digest, or with latest.
var Analyzer = &lint.Analyzer{
	ID:       "HL6005",
	Name:     "hook-image-not-pinned",
	Doc:      lint.MustDoc(doc),
	Severity: lint.Warning,
	Run:      run,
}

func run(pass *lint.Pass) (any, error) {
	for _, h := range pass.Hooks {
		o := h.Object
		if h.Dropped {
			continue
		}
		for _, c := range o.PodContainers() {
			img, _ := c.Fields["image"].(string)
			img = strings.TrimSpace(img)
			if img == "" {
				continue // HL5003's
			}
			var what string
			switch tag, hasTag, digest := parse(img); {
			case digest:
				continue
			case !hasTag:
				what = "has no tag: the node pulls \"latest\""
			case tag == "":
				// A certain failure: error, whatever the rule's default.
				pass.Report(lint.Finding{
					Pos: o.PosOf(append(c.Path, "image")...), Object: lint.ObjectRefOf(o), Severity: lint.Error,
					Message: fmt.Sprintf("hook %s container %q image %q has an empty tag: the kubelet cannot pull it (InvalidImageName), the hook never starts and Helm waits until --timeout",
						o.Kind, c.Name, img),
				})
				continue
			case tag == "latest":
				what = "uses the \"latest\" tag"
			default:
				continue
			}
			f := lint.Finding{
				Pos: o.PosOf(append(c.Path, "image")...), Object: lint.ObjectRefOf(o),
				Message: fmt.Sprintf("hook %s container %q image %q %s, so each install or upgrade may run a different program than the one tested",
					o.Kind, c.Name, img, what),
			}
			if testOnly(h) {
				// Test hooks run only on `helm test` (helm.sh/helm/v3
				// pkg/action/release_testing.go): a drifting image changes
				// a check, not the release, so the finding is info.
				f.Severity = lint.Info
				f.Message = fmt.Sprintf("test hook %s container %q image %q %s, so each helm test may run a different program than the one last reviewed",
					o.Kind, c.Name, img, what)
			}
			pass.Report(f)
		}
	}
	return nil, nil
}

// testOnly reports whether every event of h is test (or test-success).
func testOnly(h *hook.Hook) bool {
	for _, e := range h.Events {
		if e != release.HookTest {
			return false
		}
	}
	return len(h.Events) > 0
}

// parse splits an image reference: the tag after the last ':' of the last
// path component (a registry port is not a tag), and whether a digest
// (@sha256:...) pins it.
func parse(img string) (tag string, hasTag, digest bool) {
	if strings.Contains(img, "@") {
		return "", false, true
	}
	last := img
	if i := strings.LastIndexByte(img, '/'); i >= 0 {
		last = img[i+1:]
	}
	if i := strings.LastIndexByte(last, ':'); i >= 0 {
		return last[i+1:], true, false
	}
	return "", false, false
}
