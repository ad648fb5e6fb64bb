package sim

import (
	"reflect"

	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// setDefaults applies the API server's defaulting to a decoded built-in
// object: every nested value of a type below gets that type's defaults, as
// the generated SetObjectDefaults_* functions of k8s.io/kubernetes
// (pkg/apis/*/v1/zz_generated.defaults.go) call them for every occurrence.
//
// Only the defaults that change what Helm's three-way patch sees are ported
// (and the workload defaults whose absence would show in a lookup):
// a default on a field inside a list Helm replaces whole (a list without a
// merge key: NetworkPolicy ingress/egress ports, webhook rules, a
// StatefulSet's volumeClaimTemplates, downward API items, projected sources)
// makes the stored list differ from the manifest's, so Helm PATCHes an
// unchanged chart. Defaults on map fields or on items of merge-keyed lists
// are ignored by the patch (it keeps fields the server added) and are not
// ported.
func setDefaults(obj runtime.Object) {
	walkDefaults(reflect.ValueOf(obj))
}

func walkDefaults(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if d, ok := defaulters[v.Type()]; ok {
			d(v.Interface())
		}
		walkDefaults(v.Elem())
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			if !v.Type().Field(i).IsExported() {
				continue
			}
			if f.Kind() == reflect.Struct && f.CanAddr() {
				walkDefaults(f.Addr())
				continue
			}
			walkDefaults(f)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			e := v.Index(i)
			if e.Kind() == reflect.Struct {
				walkDefaults(e.Addr())
				continue
			}
			walkDefaults(e)
		}
	}
}

// defaulters are the ported defaulting functions by the pointer type they
// default.
var defaulters = map[reflect.Type]func(any){ //nolint:gochecknoglobals // read-only lookup table
	// k8s.io/kubernetes@v1.35 pkg/apis/apps/v1/defaults.go
	reflect.TypeOf(&appsv1.Deployment{}): func(o any) {
		obj := o.(*appsv1.Deployment)
		// SetDefaults_Deployment: one replica, RollingUpdate 25%/25%,
		// 10 revisions, 600s progress deadline. A strategy without a type
		// gets one, so Helm's patch of the retainKeys strategy sees a
		// key the manifest does not have.
		defaultInt32(&obj.Spec.Replicas, 1)
		st := &obj.Spec.Strategy
		if st.Type == "" {
			st.Type = appsv1.RollingUpdateDeploymentStrategyType
		}
		if st.Type == appsv1.RollingUpdateDeploymentStrategyType {
			if st.RollingUpdate == nil {
				st.RollingUpdate = &appsv1.RollingUpdateDeployment{}
			}
			if st.RollingUpdate.MaxUnavailable == nil {
				v := intstr.FromString("25%")
				st.RollingUpdate.MaxUnavailable = &v
			}
			if st.RollingUpdate.MaxSurge == nil {
				v := intstr.FromString("25%")
				st.RollingUpdate.MaxSurge = &v
			}
		}
		defaultInt32(&obj.Spec.RevisionHistoryLimit, 10)
		defaultInt32(&obj.Spec.ProgressDeadlineSeconds, 600)
	},
	reflect.TypeOf(&appsv1.DaemonSet{}): func(o any) {
		obj := o.(*appsv1.DaemonSet)
		// SetDefaults_DaemonSet: RollingUpdate, maxUnavailable 1, maxSurge 0.
		us := &obj.Spec.UpdateStrategy
		if us.Type == "" {
			us.Type = appsv1.RollingUpdateDaemonSetStrategyType
		}
		if us.Type == appsv1.RollingUpdateDaemonSetStrategyType {
			if us.RollingUpdate == nil {
				us.RollingUpdate = &appsv1.RollingUpdateDaemonSet{}
			}
			if us.RollingUpdate.MaxUnavailable == nil {
				v := intstr.FromInt32(1)
				us.RollingUpdate.MaxUnavailable = &v
			}
			if us.RollingUpdate.MaxSurge == nil {
				v := intstr.FromInt32(0)
				us.RollingUpdate.MaxSurge = &v
			}
		}
		defaultInt32(&obj.Spec.RevisionHistoryLimit, 10)
	},
	reflect.TypeOf(&appsv1.StatefulSet{}): func(o any) {
		obj := o.(*appsv1.StatefulSet)
		// SetDefaults_StatefulSet (StatefulSetAutoDeletePVC is GA).
		if obj.Spec.PodManagementPolicy == "" {
			obj.Spec.PodManagementPolicy = appsv1.OrderedReadyPodManagement
		}
		if obj.Spec.UpdateStrategy.Type == "" {
			obj.Spec.UpdateStrategy.Type = appsv1.RollingUpdateStatefulSetStrategyType
			if obj.Spec.UpdateStrategy.RollingUpdate == nil {
				obj.Spec.UpdateStrategy.RollingUpdate = &appsv1.RollingUpdateStatefulSetStrategy{}
			}
		}
		if obj.Spec.UpdateStrategy.Type == appsv1.RollingUpdateStatefulSetStrategyType && obj.Spec.UpdateStrategy.RollingUpdate != nil {
			defaultInt32(&obj.Spec.UpdateStrategy.RollingUpdate.Partition, 0)
		}
		if obj.Spec.PersistentVolumeClaimRetentionPolicy == nil {
			obj.Spec.PersistentVolumeClaimRetentionPolicy = &appsv1.StatefulSetPersistentVolumeClaimRetentionPolicy{}
		}
		if obj.Spec.PersistentVolumeClaimRetentionPolicy.WhenDeleted == "" {
			obj.Spec.PersistentVolumeClaimRetentionPolicy.WhenDeleted = appsv1.RetainPersistentVolumeClaimRetentionPolicyType
		}
		if obj.Spec.PersistentVolumeClaimRetentionPolicy.WhenScaled == "" {
			obj.Spec.PersistentVolumeClaimRetentionPolicy.WhenScaled = appsv1.RetainPersistentVolumeClaimRetentionPolicyType
		}
		defaultInt32(&obj.Spec.Replicas, 1)
		defaultInt32(&obj.Spec.RevisionHistoryLimit, 10)
	},
	reflect.TypeOf(&appsv1.ReplicaSet{}): func(o any) {
		defaultInt32(&o.(*appsv1.ReplicaSet).Spec.Replicas, 1)
	},
	// k8s.io/kubernetes@v1.35 pkg/apis/networking/v1/defaults.go
	reflect.TypeOf(&networkingv1.NetworkPolicy{}): func(o any) {
		obj := o.(*networkingv1.NetworkPolicy)
		// SetDefaults_NetworkPolicy: no policyTypes means Ingress, plus
		// Egress when egress rules are given.
		if len(obj.Spec.PolicyTypes) == 0 {
			obj.Spec.PolicyTypes = []networkingv1.PolicyType{networkingv1.PolicyTypeIngress}
			if len(obj.Spec.Egress) != 0 {
				obj.Spec.PolicyTypes = append(obj.Spec.PolicyTypes, networkingv1.PolicyTypeEgress)
			}
		}
	},
	reflect.TypeOf(&networkingv1.NetworkPolicyPort{}): func(o any) {
		// SetDefaults_NetworkPolicyPort: protocol TCP.
		if obj := o.(*networkingv1.NetworkPolicyPort); obj.Protocol == nil {
			p := corev1.ProtocolTCP
			obj.Protocol = &p
		}
	},
	// k8s.io/kubernetes@v1.35 pkg/apis/admissionregistration/v1/defaults.go
	reflect.TypeOf(&admissionregistrationv1.MutatingWebhook{}): func(o any) {
		obj := o.(*admissionregistrationv1.MutatingWebhook)
		webhookDefaults(&obj.FailurePolicy, &obj.MatchPolicy, &obj.NamespaceSelector, &obj.ObjectSelector,
			&obj.SideEffects, &obj.TimeoutSeconds, &obj.AdmissionReviewVersions)
		if obj.ReinvocationPolicy == nil {
			never := admissionregistrationv1.NeverReinvocationPolicy
			obj.ReinvocationPolicy = &never
		}
	},
	reflect.TypeOf(&admissionregistrationv1.ValidatingWebhook{}): func(o any) {
		obj := o.(*admissionregistrationv1.ValidatingWebhook)
		webhookDefaults(&obj.FailurePolicy, &obj.MatchPolicy, &obj.NamespaceSelector, &obj.ObjectSelector,
			&obj.SideEffects, &obj.TimeoutSeconds, &obj.AdmissionReviewVersions)
	},
	reflect.TypeOf(&admissionregistrationv1.Rule{}): func(o any) {
		// SetDefaults_Rule: scope "*".
		if obj := o.(*admissionregistrationv1.Rule); obj.Scope == nil {
			s := admissionregistrationv1.AllScopes
			obj.Scope = &s
		}
	},
	reflect.TypeOf(&admissionregistrationv1.ServiceReference{}): func(o any) {
		// SetDefaults_ServiceReference: port 443.
		if obj := o.(*admissionregistrationv1.ServiceReference); obj.Port == nil {
			p := int32(443)
			obj.Port = &p
		}
	},
	// k8s.io/kubernetes@v1.35 pkg/apis/core/v1/defaults.go
	reflect.TypeOf(&corev1.ObjectFieldSelector{}): func(o any) {
		// SetDefaults_ObjectFieldSelector: apiVersion v1.
		if obj := o.(*corev1.ObjectFieldSelector); obj.APIVersion == "" {
			obj.APIVersion = "v1"
		}
	},
	reflect.TypeOf(&corev1.ServiceAccountTokenProjection{}): func(o any) {
		// SetDefaults_ServiceAccountTokenProjection: one hour.
		if obj := o.(*corev1.ServiceAccountTokenProjection); obj.ExpirationSeconds == nil {
			s := int64(3600)
			obj.ExpirationSeconds = &s
		}
	},
	reflect.TypeOf(&corev1.PersistentVolumeClaim{}): func(o any) {
		// SetDefaults_PersistentVolumeClaim: status phase Pending.
		if obj := o.(*corev1.PersistentVolumeClaim); obj.Status.Phase == "" {
			obj.Status.Phase = corev1.ClaimPending
		}
	},
	reflect.TypeOf(&corev1.PersistentVolumeClaimSpec{}): func(o any) {
		// SetDefaults_PersistentVolumeClaimSpec: volumeMode Filesystem.
		if obj := o.(*corev1.PersistentVolumeClaimSpec); obj.VolumeMode == nil {
			m := corev1.PersistentVolumeFilesystem
			obj.VolumeMode = &m
		}
	},
}

func defaultInt32(p **int32, v int32) {
	if *p == nil {
		*p = &v
	}
}

// webhookDefaults is the part SetDefaults_MutatingWebhook and
// SetDefaults_ValidatingWebhook share.
func webhookDefaults(failurePolicy **admissionregistrationv1.FailurePolicyType, matchPolicy **admissionregistrationv1.MatchPolicyType,
	nsSelector, objSelector **metav1.LabelSelector, sideEffects **admissionregistrationv1.SideEffectClass,
	timeout **int32, reviewVersions *[]string) {
	if *failurePolicy == nil {
		p := admissionregistrationv1.Fail
		*failurePolicy = &p
	}
	if *matchPolicy == nil {
		p := admissionregistrationv1.Equivalent
		*matchPolicy = &p
	}
	if *nsSelector == nil {
		*nsSelector = &metav1.LabelSelector{}
	}
	if *objSelector == nil {
		*objSelector = &metav1.LabelSelector{}
	}
	if *sideEffects == nil {
		u := admissionregistrationv1.SideEffectClassUnknown
		*sideEffects = &u
	}
	if *timeout == nil {
		t := int32(30)
		*timeout = &t
	}
	if len(*reviewVersions) == 0 {
		*reviewVersions = []string{admissionregistrationv1.SchemeGroupVersion.Version}
	}
}
