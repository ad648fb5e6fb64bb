// Package gencharts writes the generated charts of the performance cases
// (issue 14): charts too large to keep in the repository, built from a
// few lines of code each. The benchmark (internal/lint
// BenchmarkGenerated), the memory-ceiling test (cmd/hooklint
// TestGeneratedMemory) and bench/compare.sh (through bench/gencharts)
// lint the same charts.
//
// Helm's loader refuses a chart file larger than 5 MiB
// (helm.sh/helm/v3@v3.22.0 pkg/chart/loader/directory.go LoadDir,
// MaxDecompressedFileSize), so the 10 MB and 50 MB cases are renders of
// that size from small templates, and "template-file-6mb" checks the
// refusal.
package gencharts

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Case is one generated chart.
type Case struct {
	Name string
	// What the case stands for.
	Doc string
	// Files are the chart's files (relative path -> content), Chart.yaml
	// and the hook Job included.
	Files func() map[string]string
	// Bad: helm template and hooklint refuse the chart (exit code 2 for
	// hooklint).
	Bad bool
}

// hookJob is a small, correct Job hook: every case has one, so every
// lint reads a hook and runs every rule.
const hookJob = `apiVersion: batch/v1
kind: Job
metadata:
  name: {{ .Release.Name }}-setup
  annotations:
    "helm.sh/hook": post-install,post-upgrade
    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded
spec:
  backoffLimit: 1
  activeDeadlineSeconds: 120
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: setup
          image: busybox:1.36
          command: ["true"]
          resources:
            requests: {cpu: 10m, memory: 16Mi}
            limits: {memory: 32Mi}
`

// Cases are the generated charts, smallest first.
func Cases() []Case {
	return []Case{
		{
			Name: "template-1mb",
			Doc:  "a 1 MB template: a hook ConfigMap of 22,000 keys, each value an action",
			Files: func() map[string]string {
				return chart("template-1mb", map[string]string{"templates/big.yaml": bigTemplate(22000)})
			},
		},
		{
			Name: "render-10mb",
			Doc:  "a 10 MB render of one small template: one ConfigMap of 200,000 keys from a range",
			Files: func() map[string]string {
				return chart("render-10mb", map[string]string{"templates/big.yaml": `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-big
data:
{{- range $i := until 200000 }}
  key-{{ $i }}: "value {{ $i }} of the generated ConfigMap"
{{- end }}
`})
			},
		},
		{
			Name: "render-50mb",
			Doc:  "a 50 MB render of one small template: 2,000 ConfigMaps of 25 KB from a range",
			Files: func() map[string]string {
				return chart("render-50mb", map[string]string{"templates/big.yaml": `{{- range $d := until 2000 }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ $.Release.Name }}-cm-{{ $d }}
data:
{{- range $i := until 500 }}
  key-{{ $i }}: "value {{ $i }} of ConfigMap {{ $d }}"
{{- end }}
{{- end }}
`})
			},
		},
		{
			Name:  "docs-10k",
			Doc:   "10,000 small documents from a range",
			Files: func() map[string]string { return chart("docs-10k", manyDocs(10000)) },
		},
		{
			Name:  "docs-200k",
			Doc:   "200,000 small documents from a range",
			Files: func() map[string]string { return chart("docs-200k", manyDocs(200000)) },
		},
		{
			Name: "crd-keep-1.4mb",
			Doc:  "a 1.4 MB CustomResourceDefinition annotated helm.sh/resource-policy: keep, a release resource",
			Files: func() map[string]string {
				return chart("crd-keep-1.4mb", map[string]string{"templates/crd.yaml": bigCRD(1400<<10, false)})
			},
		},
		{
			Name: "crd-hook-1.4mb",
			Doc:  "the same CustomResourceDefinition as a pre-install hook",
			Files: func() map[string]string {
				return chart("crd-hook-1.4mb", map[string]string{"templates/crd.yaml": bigCRD(1400<<10, true)})
			},
		},
		{
			Name: "template-file-6mb",
			Doc:  "a 6 MB template file, which Helm's loader refuses (over 5 MiB)",
			Files: func() map[string]string {
				return chart("template-file-6mb", map[string]string{"templates/big.yaml": bigTemplate(135000)})
			},
			Bad: true,
		},
	}
}

// Write writes c's chart into dir/c.Name and returns that directory.
func Write(dir string, c Case) (string, error) {
	root := filepath.Join(dir, c.Name)
	for p, s := range c.Files() {
		p = filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			return "", err
		}
	}
	return root, nil
}

func chart(name string, files map[string]string) map[string]string {
	files["Chart.yaml"] = "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n"
	files["values.yaml"] = "value: generated\n"
	files["templates/job.yaml"] = hookJob
	return files
}

// bigTemplate is a hook ConfigMap of n keys whose values are actions
// (about 50 bytes a line): the source map cannot align it as literal
// text.
func bigTemplate(n int) string {
	var b strings.Builder
	b.WriteString(`apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-settings
  annotations:
    "helm.sh/hook": pre-install,pre-upgrade
    "helm.sh/hook-weight": "-5"
    "helm.sh/hook-delete-policy": before-hook-creation
data:
`)
	for i := range n {
		fmt.Fprintf(&b, "  setting-%06d: {{ .Values.value | quote }}\n", i)
	}
	return b.String()
}

// manyDocs is a template of n small ConfigMaps from a range.
func manyDocs(n int) map[string]string {
	return map[string]string{"templates/cms.yaml": fmt.Sprintf(`{{- range $i := until %d }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ $.Release.Name }}-cm-{{ $i }}
data:
  k: v
{{- end }}
`, n)}
}

// bigCRD is a literal CustomResourceDefinition of about size bytes whose
// schema repeats the lines large operator CRDs repeat ("type: string",
// descriptions), annotated keep, and a pre-install hook when hook is set.
func bigCRD(size int, hook bool) string {
	var b strings.Builder
	b.WriteString(`apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
  annotations:
    helm.sh/resource-policy: keep
`)
	if hook {
		b.WriteString("    helm.sh/hook: pre-install\n")
	}
	b.WriteString(`spec:
  group: example.com
  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
`)
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `          field%d:
            description: "Field %d of the generated schema. Lorem ipsum dolor sit amet, consectetur adipiscing elit."
            type: object
            properties:
              name:
                description: "The name of the thing."
                type: string
              count:
                description: "How many there are."
                type: integer
              tags:
                type: array
                items:
                  type: string
`, i, i)
	}
	return b.String()
}
