package lifecycle

// ProvidedObject is an object every namespace of a Kubernetes cluster has
// without anyone creating it: a controller of kube-controller-manager makes
// it as soon as the namespace exists.
type ProvidedObject struct {
	Kind, Name string
	// Controller is the kube-controller-manager code that makes it.
	Controller string
}

// Provided lists the objects the cluster makes in every namespace. The lint
// rules that ask whether a referenced object exists (HL3007) and the
// simulator's fake cluster (sim: it creates them in every namespace) use
// this one list.
var Provided = []ProvidedObject{ //nolint:gochecknoglobals // read-only table shared by lint and sim
	// k8s.io/kubernetes@v1.35 pkg/controller/serviceaccount/serviceaccounts_controller.go
	// (ServiceAccountsController.syncNamespace ensures "default").
	{Kind: KindServiceAccount, Name: "default", Controller: "serviceaccounts-controller"},
	// k8s.io/kubernetes@v1.35 pkg/controller/certificates/rootcacertpublisher/publisher.go
	// (RootCACertConfigMapName "kube-root-ca.crt", published in every namespace).
	{Kind: KindConfigMap, Name: "kube-root-ca.crt", Controller: "root-ca-cert-publisher"},
}

// IsProvided reports whether the cluster makes an object of kind and name in
// every namespace.
func IsProvided(kind, name string) bool {
	for _, p := range Provided {
		if p.Kind == kind && p.Name == name {
			return true
		}
	}
	return false
}
