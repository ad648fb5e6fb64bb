// Package integrations tests, for real, the files that plug hooklint into
// other tools: .pre-commit-hooks.yaml (pre-commit run), plugin.yaml
// and scripts/helm-plugin*.sh (helm plugin install with Helm 3 and Helm 4)
// action.yml (its shell steps, as the GitHub runner runs them), the CI
// examples of the README (GitHub, GitLab, Azure DevOps), and the release
// path: scripts/release.sh's archives, served by a local file server,
// installed by scripts/install.sh with their checksums. It has
// no code of its own; its tests live apart from cmd/hooklint's so their
// builds (hooklint, helm, pre-commit's go install) get their own time
// budget.
package integrations
