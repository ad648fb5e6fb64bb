{{- define "labels" -}}
app: demo
tier: backend
{{- end -}}
