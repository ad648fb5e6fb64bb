/*
hl5002 (object-field-wrong-type): a value of the wrong type makes the API server reject the object

# What it checks

Every rendered object of a built-in kind (see HL5001) is walked against its
Go type in k8s.io/api. Each value that the API server's JSON decoding
rejects is reported at its template line:

  - a value of the wrong type: a string where an integer is expected
    (replicas: "3", a quoted containerPort), a number or a boolean where a
    string is expected (label values, env values: value: true), a single
    string where a list is expected (args: --all), a mapping where a string
    is expected;
  - a value the field's own decoder rejects: a quantity that does not parse
    (512MB instead of 512Mi), Secret or ConfigMap binary data that is not
    base64, an integer out of its field's range, a timestamp that is not
    RFC 3339;
  - int-or-string fields (ports, maxSurge) given a boolean or a fraction.

Helm's Kubernetes client reads manifests with YAML 1.1 rules
(sigs.k8s.io/yaml on go-yaml v2): a plain y, yes, on, n, no or off is a
boolean there, so value: on in a string field is reported, and a quoted
"yes" in a boolean field too, while a plain yes in a boolean field is
accepted. Integral floats (8080.0) are accepted, as the YAML-to-JSON
conversion writes them as integers. The values of the object's own helm.sh/
annotations are left to the HL1 rules.

Severity policy of the HL5 and HL6 rules: error when Helm will fail (the API
server rejects the object, so the Helm command fails); warning when Helm
succeeds but the chart is likely wrong or dangerous; info for advice whose
weight depends on the cluster. This rule reports errors.

# Why it matters

helm.sh/helm/v3 pkg/kube/client.go sends the object as written; the API
server decodes it into its typed struct and answers 400 Bad Request
("cannot unmarshal string into Go struct field ... of type int32",
"quantities must match the regular expression"). `helm install` or `helm
upgrade` fails, in a hook after the earlier hooks of the event have run.
`helm lint` and `helm template` do not decode the object and say nothing.

# How to fix

Write the value with the type the field needs: quote strings (and use
quote in templates), do not quote numbers (drop quote, or use int), make
lists lists, write quantities with Kubernetes suffixes (Mi, Gi, m), encode
Secret data with b64enc or use stringData.

# Example

Bad:

	spec:
	  backoffLimit: {{ .Values.replicas | quote }}
	  template:
	    spec:
	      containers:
	        - args: --all
	          env:
	            - name: DEBUG
	              value: true

Good:

	spec:
	  backoffLimit: {{ .Values.replicas }}
	  template:
	    spec:
	      containers:
	        - args: [--all]
	          env:
	            - name: DEBUG
	              value: "true"
*/
package hl5002
