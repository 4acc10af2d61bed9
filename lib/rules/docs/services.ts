/**
 * Documentation of the Kubernetes service rules (`kubernetes_service_v1` and `kubernetes_service`).
 * No cdktf imports.
 */
import type { RuleDoc } from './types';
import { learn, src } from './sources';

const K8S_ALLOC = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/registry/core/service/storage/alloc.go';
const K8S_SERVICE_DOCS = 'https://kubernetes.io/docs/concepts/services-networking/service/';
const K8S_PROVIDER_SERVICE =
  'https://github.com/hashicorp/terraform-provider-kubernetes/blob/main/kubernetes/resource_kubernetes_service_v1.go';

/** The Kubernetes service rules. */
export const SERVICE_DOCS: readonly RuleDoc[] = [
  {
    id: 'service/ipv6-traffic-policy',
    severity: 'error',
    summary:
      'an IPv6 or dual-stack LoadBalancer service uses `external_traffic_policy = Local`: Azure Load ' +
      'Balancer probes IPv6 from a link-local address, and with `Cluster` the traffic to the service fails',
    otherwise: 'silent',
    sources: [
      src(
        'Azure CNI Overlay, dual-stack limitations',
        learn('azure-cni-overlay'),
        'Azure Load Balancer sends health probes to IPv6 destinations from a link-local address. In Azure Linux node ' +
          "pools, you can't route this traffic to a pod, so traffic flowing to IPv6 services deployed with " +
          '`externalTrafficPolicy: Cluster` fails. ... You must deploy IPv6 services with `externalTrafficPolicy: ' +
          'Local`',
      ),
    ],
    file: 'lib/rules/service/index.ts',
    example: {
      failing:
        '"kubernetes_service_v1": { "web": { "spec": { "type": "LoadBalancer", "ip_families": ["IPv6"], ' +
        '"external_traffic_policy": "Cluster", ... } } }',
      fix: 'set spec.external_traffic_policy = "Local"',
    },
  },
  {
    id: 'service/family-not-in-cluster',
    severity: 'error',
    summary:
      'a service asks only for IP families its cluster has (`IPv6`, or `RequireDualStack`, needs a dual-stack ' +
      'cluster): the API server rejects the service with 422; a family other than `IPv4` / `IPv6` fails at plan',
    otherwise: 'apply',
    sources: [
      src(
        'Kubernetes service storage alloc.go',
        K8S_ALLOC,
        'field.Invalid(... "spec", "ipFamilies" ..., "not configured on this cluster") ... "this cluster is not ' +
          'configured for dual-stack services"',
      ),
      src(
        'terraform-provider-kubernetes resource_kubernetes_service_v1.go, ip_families',
        K8S_PROVIDER_SERVICE,
        'ValidateFunc: validation.StringInSlice([]string{ string(corev1.IPv4Protocol), ' +
          'string(corev1.IPv6Protocol), }, false)',
      ),
    ],
    file: 'lib/rules/service/index.ts',
    example: {
      failing:
        '"network_profile": { "network_plugin": "azure", "network_plugin_mode": "overlay" }, ' +
        '"kubernetes_service_v1": { "web": { "spec": { "ip_families": ["IPv6"], ... } } }',
      fix: 'make the cluster dual-stack (ip_versions = ["IPv4", "IPv6"]), or use spec.ip_families = ["IPv4"]',
    },
  },
  {
    id: 'service/name',
    severity: 'error',
    summary: 'a service name is a DNS-1035 label: `^[a-z]([-a-z0-9]*[a-z0-9])?$`, at most 63 characters',
    otherwise: 'apply',
    sources: [
      src(
        'Kubernetes object names, RFC 1035 label names',
        'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#rfc-1035-label-names',
        'Some resource types require their names to follow the DNS label standard as defined in RFC 1035. This ' +
          'means the name must: contain at most 63 characters',
      ),
    ],
    file: 'lib/rules/service/index.ts',
    example: {
      failing: '"kubernetes_service_v1": { "web": { "metadata": { "name": "Web_Frontend" }, ... } }',
      fix: 'use a lower-case name such as "web-frontend"',
    },
  },
  {
    id: 'service/port',
    severity: 'error',
    summary:
      '`port` and a numeric `target_port` are 1-65535; a `node_port` lies in the NodePort range 30000-32767 ' +
      '(AKS exposes no setting to change it); a `node_port` or `target_port` of 0 is unset (allocated, or `port`)',
    otherwise: 'plan / apply',
    sources: [
      src(
        'Kubernetes Service, type NodePort',
        `${K8S_SERVICE_DOCS}#type-nodeport`,
        'the Kubernetes control plane allocates a port from a range specified by --service-node-port-range flag ' +
          '(default: 30000-32767)',
      ),
      src(
        'terraform-provider-kubernetes resource_kubernetes_service_v1.go, port',
        K8S_PROVIDER_SERVICE,
        '"node_port": { ... ValidateFunc: validation.IsPortNumberOrZero }, "port": { ... ValidateFunc: ' +
          'validation.IsPortNumber }',
      ),
    ],
    file: 'lib/rules/service/index.ts',
    example: {
      failing: '"kubernetes_service_v1": { "web": { "spec": { "port": [{ "port": 80, "node_port": 8080 }], ... } } }',
      fix: 'use a node_port from 30000 to 32767, or omit it and let Kubernetes pick one',
    },
  },
];
