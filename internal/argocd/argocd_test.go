package argocd_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hooklint/hooklint/internal/argocd"
)

// TestHelmEventPhase: each helm.sh/hook token as Argo CD maps it
// (gitops-engine pkg/sync/hook/helm/type.go; no phase: sync_phase.go
// syncPhases), matched as written (resource/annotations.go
// GetAnnotationCSVs keeps the case), read in argo-cd @ 37ee0097. The full
// annotation mapping is sim's TestMapArgoCD.
func TestHelmEventPhase(t *testing.T) {
	tests := map[string]argocd.Phase{
		"pre-install": argocd.PreSync, "pre-upgrade": argocd.PreSync,
		"post-install": argocd.PostSync, "post-upgrade": argocd.PostSync,
		"pre-delete": argocd.PreDelete, "post-delete": argocd.PostDelete,
		"pre-rollback": argocd.Never, "post-rollback": argocd.Never, "test": argocd.Never, "test-success": argocd.Never,
		"Pre-Install": argocd.Never, "crd-install": argocd.Never,
	}
	for token, want := range tests {
		got, ok := argocd.HelmEventPhase(token)
		if got != want || ok != (want != argocd.Never) {
			t.Errorf("HelmEventPhase(%q) = %q, %v; want %q", token, got, ok, want)
		}
	}
}

// TestDeletePolicies: pkg/sync/hook/delete_policy.go DeletePolicies.
func TestDeletePolicies(t *testing.T) {
	tests := []struct {
		ann  map[string]string
		want []string
	}{
		{map[string]string{}, []string{"BeforeHookCreation"}},
		{map[string]string{"helm.sh/hook-delete-policy": "hook-succeded"}, []string{"BeforeHookCreation"}},
		{map[string]string{"helm.sh/hook-delete-policy": ""}, []string{"BeforeHookCreation"}},
		{map[string]string{"helm.sh/hook-delete-policy": "Hook-Succeeded"}, []string{"BeforeHookCreation"}},
		{map[string]string{"helm.sh/hook-delete-policy": " hook-failed , hook-succeeded "}, []string{"HookFailed", "HookSucceeded"}},
		{map[string]string{"argocd.argoproj.io/hook-delete-policy": "HookSucceeded,bogus", "helm.sh/hook-delete-policy": "hook-succeeded,before-hook-creation"}, []string{"HookSucceeded", "BeforeHookCreation"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, argocd.DeletePolicies(tt.ann)); diff != "" {
			t.Errorf("DeletePolicies(%v) (-want +got):\n%s", tt.ann, diff)
		}
	}
}

// TestLess: wave, then kindOrder (unknown kinds last), then name
// (pkg/sync/sync_tasks.go syncTasks.Less).
func TestLess(t *testing.T) {
	tests := []struct {
		wa         int
		ka, na     string
		wb         int
		kb, nb     string
		want       bool
		whyComment string
	}{
		{-1, "Job", "z", 0, "Namespace", "a", true, "wave first"},
		{0, "ServiceAccount", "z", 0, "Job", "a", true, "then kind"},
		{0, "Job", "a", 0, "Certificate", "a", true, "unknown kinds last"},
		{0, "Job", "a", 0, "Job", "b", true, "then name"},
		{0, "Job", "a", 0, "Job", "a", false, "equal"},
	}
	for _, tt := range tests {
		if got := argocd.Less(tt.wa, tt.ka, tt.na, tt.wb, tt.kb, tt.nb); got != tt.want {
			t.Errorf("%s: Less(%d %s %s, %d %s %s) = %v", tt.whyComment, tt.wa, tt.ka, tt.na, tt.wb, tt.kb, tt.nb, got)
		}
	}
}

// TestKindOrder: gitops-engine's 35 kinds (pkg/sync/sync_tasks.go:28-64;
// Test_syncTasks_kindOrder), IngressClass between CronJob and Ingress.
func TestKindOrder(t *testing.T) {
	ko := argocd.KindOrder()
	if len(ko) != 35 {
		t.Errorf("KindOrder has %d kinds, want 35", len(ko))
	}
	if c, i, g := argocd.KindRank("CronJob"), argocd.KindRank("IngressClass"), argocd.KindRank("Ingress"); c+1 != i || i+1 != g {
		t.Errorf("ranks CronJob %d, IngressClass %d, Ingress %d: want consecutive", c, i, g)
	}
}
