/**
 * Kubernetes services (`kubernetes_service_v1`, `kubernetes_service`), the cluster their provider
 * reaches, and preview feature registrations. No cdktf imports.
 */
import { kindOf } from './attr';
import type { DocumentReader, ResourceEntry } from './document';
import { describeExpression, wholeExpression } from './expression';
import { CLUSTER_TYPE, FEATURE_REGISTRATION_TYPE, PROVIDER_REGISTRATION_TYPE } from './resource-types';
import type { FeatureRegistrationModel, ServiceModel, ServicePortModel, Value } from './types';

const KUBE_CONFIG_REF = /\b(data\.)?azurerm_kubernetes_cluster\.([A-Za-z_][\w-]*)\.kube_(?:admin_)?config\b/;
const KUBE_CONNECTION_ATTRS = [
  'host',
  'cluster_ca_certificate',
  'client_certificate',
  'client_key',
  'token',
  'username',
  'password',
];

/** The cluster a kubernetes provider configuration reaches, or why it is not known. */
function providerCluster(reader: DocumentReader, providerKey: string): { clusterAddress?: string; reason?: string } {
  const p = reader.providers.get(providerKey);
  if (!p) return { reason: `the provider ${providerKey} is not configured in this document` };
  const body = p.body;
  for (const a of KUBE_CONNECTION_ATTRS) {
    const raw = body[a];
    if (typeof raw !== 'string') continue;
    // a bounded prefix: the reference sits at the start of real values; huge values cannot slow the match
    const m = KUBE_CONFIG_REF.exec(raw.slice(0, 4096));
    if (m && !m[1] && reader.resources.has(`${CLUSTER_TYPE}.${m[2]}`))
      return { clusterAddress: `${CLUSTER_TYPE}.${m[2]}` };
  }
  const host = body.host;
  if (typeof host === 'string' && host.includes('${'))
    return { reason: `the ${p.address} host is ${describeExpression(host)}` };
  if (typeof host === 'string')
    return { reason: `the ${p.address} host is a literal address, not a cluster of this document` };
  if (body.config_path !== undefined || body.config_paths !== undefined)
    return { reason: `${p.address} reads a kubeconfig file` };
  return { reason: `${p.address} does not reference a cluster of this document` };
}

/** One Kubernetes service resource. */
export function readService(reader: DocumentReader, e: ResourceEntry): ServiceModel {
  const meta = reader.block(e.body.metadata, e.address, 'metadata');
  const spec = reader.block(e.body.spec, e.address, 'spec');
  const portsRaw = spec.body?.port;
  const ports: ServicePortModel[] = [];
  if (portsRaw !== undefined && portsRaw !== null) {
    const list: unknown[] = Array.isArray(portsRaw) ? portsRaw : [portsRaw];
    list.forEach((p, i) => {
      const pb = reader.block(p, e.address, `spec.port[${i}]`);
      ports.push({
        name: pb.get('name'),
        port: pb.get('port'),
        targetPort: pb.get('target_port'),
        nodePort: pb.get('node_port'),
      });
    });
  }
  const providerRaw = e.body.provider;
  let provider: string | undefined;
  if (typeof providerRaw === 'string') {
    provider = (wholeExpression(providerRaw) ?? providerRaw).trim();
  } else if (providerRaw !== undefined && providerRaw !== null) {
    reader.problem(
      e.address,
      `provider is ${kindOf(providerRaw)}, expected a string such as kubernetes.workload`,
      e.path,
    );
  }
  const link = providerCluster(reader, provider ?? 'kubernetes');
  return {
    address: e.address,
    ...(e.path !== undefined ? { path: e.path } : {}),
    name: meta.get('name'),
    namespace: meta.get('namespace'),
    type: spec.get('type'),
    ipFamilies: spec.get('ip_families'),
    ipFamilyPolicy: spec.get('ip_family_policy'),
    externalTrafficPolicy: spec.get('external_traffic_policy'),
    ports,
    ...(provider !== undefined ? { provider } : {}),
    ...(link.clusterAddress !== undefined
      ? { clusterAddress: link.clusterAddress }
      : { clusterUnknownReason: link.reason }),
  };
}

/** The feature registrations of a document. */
export function readFeatures(reader: DocumentReader): FeatureRegistrationModel[] {
  const out: FeatureRegistrationModel[] = [];
  for (const e of reader.byType.get(PROVIDER_REGISTRATION_TYPE) ?? []) {
    const ns = reader.value(e.body.name, e.address, 'name');
    const registration = (feature: Value<unknown>, registered: Value<unknown>): FeatureRegistrationModel => ({
      address: e.address,
      ...(e.path !== undefined ? { path: e.path } : {}),
      providerNamespace: ns,
      feature,
      registered,
    });
    const raw = e.body.feature;
    const list: unknown[] = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
    list.forEach((f, i) => {
      const fb = reader.block(f, e.address, `feature[${i}]`);
      out.push(registration(fb.get('name'), fb.get('registered')));
    });
    if (list.length === 0) out.push(registration(undefined, undefined));
  }
  for (const e of reader.byType.get(FEATURE_REGISTRATION_TYPE) ?? []) {
    out.push({
      address: e.address,
      ...(e.path !== undefined ? { path: e.path } : {}),
      providerNamespace: reader.value(e.body.provider_name, e.address, 'provider_name'),
      feature: reader.value(e.body.name, e.address, 'name'),
      registered: true,
    });
  }
  return out;
}
