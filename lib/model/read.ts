/**
 * `readModel(document, context?)`: reads a Terraform JSON document (the `cdk.tf.json` that cdktf
 * writes) into the {@link PlanModel} that rules read. No cdktf imports. Never throws.
 *
 * What it reads:
 * - `resource.<type>.<name>` objects (an array of such objects is merged), with cdktf's
 *   `"//": {"metadata": {"path": ...}}` construct path;
 * - `provider.<name>` as an object or a list of objects with `alias`;
 * - blocks given as an object or as a list of objects (the first object is read);
 * - references `${<type>.<name>.<attr>...}` to resources of the same document: links (a pool's
 *   `kubernetes_cluster_id`, `vnet_subnet_id`, a subnet's `virtual_network_name`, a kubernetes
 *   provider's `host`) and literal attributes (e.g. `${azurerm_resource_group.rg.name}`).
 *
 * Values as the model holds them (see lib/model/types.ts):
 * - omitted or `null`: `undefined`;
 * - a string containing `${` that is not a resolvable same-document reference: an {@link Unknown}
 *   whose `reason` says what it refers to (a variable, a data source, ...);
 * - scalars as Terraform converts them: numbers stay numbers, numeric strings are kept as strings
 *   (lib/model/effective.ts converts); a list's items are read one by one;
 * - an object where a scalar or list belongs (and other shapes Terraform cannot convert): an
 *   Unknown with a `reason`, plus a `shapeProblems` entry, so rules skip it and `check` reports it.
 */
import type { CheckContext } from '../rules/types';
import type {
  ClusterModel,
  FeatureRegistrationModel,
  LoadBalancerProfileModel,
  NetworkProfileModel,
  NodePoolModel,
  PlanModel,
  ServiceModel,
  ServicePortModel,
  ShapeProblem,
  SubnetModel,
  Unknown,
  Value,
  VirtualNetworkModel,
  WindowsProfileModel,
} from './types';

/** True when `v` is an {@link Unknown} (an unresolved expression or a value of the wrong type). */
export function isUnknown(v: unknown): v is Unknown {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { kind?: unknown }).kind === 'unknown' && typeof (v as { expression?: unknown }).expression === 'string';
}

/** Makes an {@link Unknown}. */
export function unknown(expression: string, reason?: string): Unknown {
  return reason === undefined ? { kind: 'unknown', expression } : { kind: 'unknown', expression, reason };
}

/**
 * The Unknown for a value of the wrong JSON type, e.g. `wrongType({a: 1}, 'a string')` gives
 * expression `{"a":1}` and reason `an object where a string belongs`.
 */
export function wrongType(v: unknown, expected: string): Unknown {
  return unknown(jsonText(v), `${kindOf(v)} where ${expected} belongs`);
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

function jsonText(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** A parsed traversal `type.name.attr[0].attr`: its root parts and the steps after them. */
interface Traversal {
  readonly root: string;
  readonly steps: readonly (string | number)[];
}

const WHOLE_EXPRESSION = /^\$\{\s*([^{}]*?)\s*\}$/;
const TRAVERSAL = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\.\d+|\[\s*\d+\s*\]|\[\s*"[^"]*"\s*\])*$/;

function parseTraversal(expr: string): Traversal | undefined {
  if (!TRAVERSAL.test(expr)) return undefined;
  const steps: (string | number)[] = [];
  const re = /\.([A-Za-z_][\w-]*)|\.(\d+)|\[\s*(\d+)\s*\]|\[\s*"([^"]*)"\s*\]|^([A-Za-z_][\w-]*)/g;
  let m: RegExpExecArray | null;
  let root = '';
  while ((m = re.exec(expr)) !== null) {
    if (m[5] !== undefined) root = m[5];
    else if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else if (m[3] !== undefined) steps.push(Number(m[3]));
    else if (m[4] !== undefined) steps.push(m[4]);
  }
  return { root, steps };
}

/** What an unresolved expression refers to, in words. */
function describeExpression(expr: string): string {
  const inner = WHOLE_EXPRESSION.exec(expr)?.[1];
  if (inner === undefined) return 'an interpolated string that cannot be resolved inside this document';
  const t = parseTraversal(inner);
  if (!t) return 'an expression (a function call or operator) that cannot be resolved inside this document';
  switch (t.root) {
    case 'var': return `a variable (var.${String(t.steps[0] ?? '')})`;
    case 'local': return `a local value (local.${String(t.steps[0] ?? '')})`;
    case 'module': return `a module output (module.${String(t.steps[0] ?? '')})`;
    case 'data':
      if (t.steps[0] === 'terraform_remote_state') return `a remote state (data.terraform_remote_state.${String(t.steps[1] ?? '')})`;
      return `a data source (data.${String(t.steps[0] ?? '')}.${String(t.steps[1] ?? '')})`;
    default:
      return `an attribute known only after apply (${inner})`;
  }
}

/** One resource of the document. */
interface ResourceEntry {
  readonly type: string;
  readonly name: string;
  readonly address: string;
  readonly body: Obj;
  readonly path?: string;
}

/** The reading state: the document's resources and the problems found so far. */
class Reader {
  readonly problems: ShapeProblem[] = [];
  readonly resources = new Map<string, ResourceEntry>();
  readonly byType = new Map<string, ResourceEntry[]>();
  readonly providers = new Map<string, { address: string; body: Obj }>();

  constructor(readonly document: unknown, readonly context: CheckContext) {}

  problem(address: string, message: string, path?: string): void {
    this.problems.push(path !== undefined ? { address, path, message } : { address, message });
  }

  /** Merges an object, or a list of objects, into one object; reports anything else. */
  objectOrList(raw: unknown, address: string, what: string): Obj | undefined {
    if (raw === undefined || raw === null) return undefined;
    if (isObj(raw)) return raw;
    if (Array.isArray(raw) && raw.every(isObj)) return Object.assign({}, ...(raw as Obj[])) as Obj;
    this.problem(address, `${what} is ${kindOf(raw)}, expected an object`);
    return undefined;
  }

  read(): void {
    if (!isObj(this.document)) {
      this.problem('(document)', `the document is ${kindOf(this.document)}, expected a Terraform JSON object with a "resource" key`);
      return;
    }
    const resource = this.objectOrList(this.document.resource, '(document)', '"resource"');
    for (const [type, byName] of Object.entries(resource ?? {})) {
      const names = this.objectOrList(byName, type, `resource.${type}`);
      for (const [name, body] of Object.entries(names ?? {})) {
        const address = `${type}.${name}`;
        if (!isObj(body)) {
          this.problem(address, `resource ${address} is ${kindOf(body)}, expected an object`);
          continue;
        }
        const meta = body['//'];
        const p = isObj(meta) && isObj(meta.metadata) ? meta.metadata.path : undefined;
        const entry: ResourceEntry = { type, name, address, body, ...(typeof p === 'string' ? { path: p } : {}) };
        this.resources.set(address, entry);
        const list = this.byType.get(type) ?? [];
        list.push(entry);
        this.byType.set(type, list);
      }
    }
    const provider = this.objectOrList(this.document.provider, '(document)', '"provider"');
    for (const [pname, raw] of Object.entries(provider ?? {})) {
      const configs = Array.isArray(raw) ? raw : [raw];
      for (const c of configs) {
        if (!isObj(c)) {
          this.problem(`provider.${pname}`, `provider.${pname} is ${kindOf(c)}, expected an object`);
          continue;
        }
        const alias = typeof c.alias === 'string' && c.alias !== '' ? c.alias : undefined;
        const key = alias ? `${pname}.${alias}` : pname;
        this.providers.set(key, { address: `provider.${key}`, body: c });
      }
    }
  }

  /** Follows `type.name.attr...` to a literal value of the document, or undefined. */
  resolveTraversal(t: Traversal, depth: number): unknown {
    if (depth > 8 || t.steps.length < 2 || typeof t.steps[0] !== 'string') return undefined;
    const entry = this.resources.get(`${t.root}.${t.steps[0]}`);
    if (!entry) return undefined;
    let cur: unknown = entry.body;
    for (const step of t.steps.slice(1)) {
      if (typeof step === 'number') {
        if (Array.isArray(cur)) cur = cur[step];
        else if (isObj(cur) && step === 0) continue; // a block written as an object, read as [0]
        else return undefined;
      } else {
        if (Array.isArray(cur) && cur.length === 1 && isObj(cur[0])) cur = cur[0];
        if (!isObj(cur)) return undefined;
        cur = cur[step];
      }
    }
    if (typeof cur === 'string' && cur.includes('${')) return this.resolveString(cur, depth + 1);
    if (typeof cur === 'string' || typeof cur === 'number' || typeof cur === 'boolean') return cur;
    if (Array.isArray(cur) && cur.every((x) => typeof x === 'string' && !x.includes('${'))) return cur;
    return undefined;
  }

  /** A string with `${`: the literal it refers to in this document, else an Unknown. */
  resolveString(s: string, depth = 0): unknown {
    const inner = WHOLE_EXPRESSION.exec(s)?.[1];
    const t = inner !== undefined ? parseTraversal(inner) : undefined;
    if (t) {
      // a reference to the ID of a resource of this document is resolvable: it is kept as written
      if (t.steps.length === 2 && t.steps[1] === 'id' && this.resources.has(`${t.root}.${String(t.steps[0])}`)) return s;
      const v = this.resolveTraversal(t, depth);
      if (v !== undefined) return v;
    }
    return unknown(s, describeExpression(s));
  }

  /** Reads an attribute value (see the header comment). */
  value(raw: unknown, address: string, what: string): Value<unknown> {
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw === 'string') return raw.includes('${') ? this.resolveString(raw) : raw;
    if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
    if (Array.isArray(raw)) return raw.map((x, i) => this.scalar(x, address, `${what}[${i}]`));
    this.problem(address, `${what} is ${kindOf(raw)} ${jsonText(raw)}, expected a string, number, boolean or list`);
    return wrongType(raw, 'a value');
  }

  /** A scalar attribute (or a list item): an object or list here is a shape problem. */
  scalar(raw: unknown, address: string, what: string): Value<unknown> {
    if (Array.isArray(raw) || isObj(raw)) {
      this.problem(address, `${what} is ${kindOf(raw)} ${jsonText(raw)}, expected a string or number`);
      return wrongType(raw, 'a string or number');
    }
    return this.value(raw, address, what);
  }

  /** Reads a block (object, list of objects, or an unresolved expression). */
  block(raw: unknown, address: string, what: string): Block {
    if (raw === undefined || raw === null) return { present: false, get: () => undefined };
    if (typeof raw === 'string' && raw.includes('${')) {
      const u = this.resolveString(raw);
      const un = isUnknown(u) ? u : unknown(raw, `${what} is written as an expression`);
      return { present: true, get: () => un };
    }
    const items = Array.isArray(raw) ? raw : [raw];
    if (items.length === 0) return { present: false, get: () => undefined };
    const first = items[0];
    if (!isObj(first)) {
      this.problem(address, `${what} is ${kindOf(raw)} ${jsonText(raw)}, expected a block (an object or a list of objects)`);
      const u = unknown(jsonText(raw), `${what} is not a block`);
      return { present: true, get: () => u };
    }
    return { present: true, body: first, get: (key: string) => this.value(first[key], address, `${what}.${key}`) };
  }
}

/** A block as read: `get` returns its attributes (all Unknown when the block itself is). */
interface Block {
  readonly present: boolean;
  readonly body?: Obj;
  get(key: string): Value<unknown>;
}

/** `${azurerm_kubernetes_cluster.x.id}` → `azurerm_kubernetes_cluster.x` when that resource exists. */
function referencedAddress(reader: Reader, raw: unknown, type: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const inner = WHOLE_EXPRESSION.exec(raw)?.[1];
  const t = inner !== undefined ? parseTraversal(inner) : undefined;
  if (!t || t.root !== type || typeof t.steps[0] !== 'string') return undefined;
  const address = `${type}.${t.steps[0]}`;
  return reader.resources.has(address) ? address : undefined;
}

function readPool(b: Block, address: string, path: string | undefined, isDefault: boolean, clusterAddress: string | undefined): NodePoolModel {
  const autoscale = b.get('auto_scaling_enabled') ?? b.get('enable_auto_scaling');
  const podSubnetId = b.get('pod_subnet_id');
  return {
    address,
    ...(path !== undefined ? { path } : {}),
    ...(clusterAddress !== undefined ? { clusterAddress } : {}),
    isDefault,
    name: b.get('name'),
    vmSize: b.get('vm_size'),
    nodeCount: b.get('node_count'),
    minCount: b.get('min_count'),
    maxCount: b.get('max_count'),
    autoScalingEnabled: autoscale,
    maxPods: b.get('max_pods'),
    osType: isDefault ? undefined : b.get('os_type'),
    osSku: b.get('os_sku'),
    mode: isDefault ? undefined : b.get('mode'),
    orchestratorVersion: b.get('orchestrator_version'),
    vnetSubnetId: b.get('vnet_subnet_id'),
    ...(podSubnetId !== undefined ? { podSubnetId } : {}),
  };
}

function readNetworkProfile(reader: Reader, b: Block, address: string): NetworkProfileModel {
  const lbRaw = b.body?.load_balancer_profile;
  let loadBalancerProfile: LoadBalancerProfileModel | undefined;
  if (b.body && lbRaw !== undefined && lbRaw !== null && !(Array.isArray(lbRaw) && lbRaw.length === 0)) {
    const lb = reader.block(lbRaw, address, 'network_profile.load_balancer_profile');
    loadBalancerProfile = {
      managedOutboundIpCount: lb.get('managed_outbound_ip_count') as Value<number>,
      managedOutboundIpv6Count: lb.get('managed_outbound_ipv6_count') as Value<number>,
    };
  } else if (!b.body && b.present) {
    // the whole block is unknown: so is its load balancer profile
    const u = b.get('load_balancer_profile');
    if (isUnknown(u)) loadBalancerProfile = { managedOutboundIpCount: u, managedOutboundIpv6Count: u };
  }
  return {
    present: b.present,
    networkPlugin: b.get('network_plugin'),
    networkPluginMode: b.get('network_plugin_mode'),
    networkPolicy: b.get('network_policy'),
    networkDataPlane: b.get('network_data_plane'),
    outboundType: b.get('outbound_type'),
    loadBalancerSku: b.get('load_balancer_sku'),
    podCidr: b.get('pod_cidr'),
    podCidrs: b.get('pod_cidrs'),
    serviceCidr: b.get('service_cidr'),
    serviceCidrs: b.get('service_cidrs'),
    dnsServiceIp: b.get('dns_service_ip'),
    ipVersions: b.get('ip_versions'),
    ...(loadBalancerProfile ? { loadBalancerProfile } : {}),
  };
}

/** `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/n` → its VNet ID and names. */
export function parseSubnetId(id: string): { vnetId: string; vnetName: string; subnetName: string } | undefined {
  const m = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/([^/]+))\/subnets\/([^/]+)\/?$/i.exec(id.trim());
  return m ? { vnetId: m[1], vnetName: m[2], subnetName: m[3] } : undefined;
}

/** Looks a key up in a context record, exactly, then ignoring case (Azure IDs are case-insensitive). */
function lookup<T>(rec: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  if (!rec) return undefined;
  if (Object.prototype.hasOwnProperty.call(rec, key)) return rec[key];
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(rec)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

class ModelBuilder {
  readonly vnets = new Map<string, VirtualNetworkModel>();
  readonly subnets = new Map<string, SubnetModel>();

  constructor(readonly reader: Reader) {}

  readVnets(): void {
    for (const e of this.reader.byType.get('azurerm_virtual_network') ?? []) {
      const id = `\${${e.address}.id}`;
      this.vnets.set(e.address, {
        address: e.address,
        ...(e.path !== undefined ? { path: e.path } : {}),
        id,
        name: this.reader.value(e.body.name, e.address, 'name'),
        addressSpace: this.reader.value(e.body.address_space, e.address, 'address_space'),
        external: false,
      });
    }
  }

  /** The VNet a subnet's `virtual_network_name` names: a reference, or a literal name matching one VNet of the document. */
  vnetOfSubnet(e: ResourceEntry, name: Value<unknown>): { vnet?: VirtualNetworkModel; key?: string } {
    const ref = referencedAddress(this.reader, e.body.virtual_network_name, 'azurerm_virtual_network');
    if (ref) return { vnet: this.vnets.get(ref), key: ref };
    if (typeof name !== 'string') return {};
    const matches = [...this.vnets.values()].filter((v) => v.name === name);
    if (matches.length === 1) return { vnet: matches[0], key: matches[0].address };
    const rg = this.reader.value(e.body.resource_group_name, e.address, 'resource_group_name');
    return { key: typeof rg === 'string' ? `resourceGroups/${rg}/virtualNetworks/${name}` : `virtualNetworks/${name}` };
  }

  readSubnets(): void {
    for (const e of this.reader.byType.get('azurerm_subnet') ?? []) {
      const vnetName = this.reader.value(e.body.virtual_network_name, e.address, 'virtual_network_name');
      const { vnet, key } = this.vnetOfSubnet(e, vnetName);
      const id = `\${${e.address}.id}`;
      this.subnets.set(id, {
        address: e.address,
        ...(e.path !== undefined ? { path: e.path } : {}),
        id,
        name: this.reader.value(e.body.name, e.address, 'name'),
        addressPrefixes: this.reader.value(e.body.address_prefixes, e.address, 'address_prefixes'),
        ...(vnet ? { virtualNetwork: vnet } : {}),
        ...(key !== undefined ? { virtualNetworkKey: key } : {}),
        external: false,
      });
    }
  }

  /** The subnet a pool's `vnet_subnet_id` names, in the document or (by literal ID) the context. */
  subnetFor(raw: unknown): SubnetModel | undefined {
    if (typeof raw !== 'string' || raw.trim() === '') return undefined;
    const ref = referencedAddress(this.reader, raw, 'azurerm_subnet');
    if (ref) return this.subnets.get(`\${${ref}.id}`);
    if (raw.includes('${') && lookup(this.reader.context.subnets, raw) === undefined) return undefined;
    const existing = this.subnets.get(raw);
    if (existing) return existing;
    const prefixes = lookup(this.reader.context.subnets, raw);
    const parsed = parseSubnetId(raw);
    let vnet: VirtualNetworkModel | undefined;
    if (parsed) {
      vnet = this.vnets.get(parsed.vnetId);
      if (!vnet) {
        const space = lookup(this.reader.context.virtualNetworks, parsed.vnetId);
        vnet = {
          address: parsed.vnetId,
          id: parsed.vnetId,
          name: parsed.vnetName,
          addressSpace: space !== undefined ? [...space] : unknown(parsed.vnetId, 'an existing virtual network referenced by ID; pass its address space in the check context (virtualNetworks)'),
          external: true,
        };
        this.vnets.set(parsed.vnetId, vnet);
      }
    }
    const subnet: SubnetModel = {
      address: raw,
      id: raw,
      name: parsed?.subnetName,
      addressPrefixes: prefixes !== undefined ? [...prefixes] : unknown(raw, 'an existing subnet referenced by ID; pass its address prefixes in the check context (subnets)'),
      ...(vnet ? { virtualNetwork: vnet, virtualNetworkKey: vnet.id } : {}),
      external: true,
    };
    this.subnets.set(raw, subnet);
    return subnet;
  }

  withSubnet(pool: NodePoolModel, raw: unknown): NodePoolModel {
    const subnet = this.subnetFor(raw);
    return subnet ? { ...pool, subnet } : pool;
  }
}

const CLUSTER_TYPE = 'azurerm_kubernetes_cluster';
const KUBE_CONFIG_REF = /\b(data\.)?azurerm_kubernetes_cluster\.([A-Za-z_][\w-]*)\.kube_(?:admin_)?config\b/;
const KUBE_CONNECTION_ATTRS = ['host', 'cluster_ca_certificate', 'client_certificate', 'client_key', 'token', 'username', 'password'];

/** The cluster a kubernetes provider configuration reaches, or why it is not known. */
function providerCluster(reader: Reader, providerKey: string): { clusterAddress?: string; reason?: string } {
  const p = reader.providers.get(providerKey);
  if (!p) return { reason: `the provider ${providerKey} is not configured in this document` };
  const body = p.body;
  const attrs = KUBE_CONNECTION_ATTRS.filter((a) => body[a] !== undefined && body[a] !== null);
  for (const a of attrs) {
    const raw = body[a];
    if (typeof raw !== 'string') continue;
    const m = KUBE_CONFIG_REF.exec(raw);
    if (m && !m[1] && reader.resources.has(`${CLUSTER_TYPE}.${m[2]}`)) return { clusterAddress: `${CLUSTER_TYPE}.${m[2]}` };
  }
  const host = body.host;
  if (typeof host === 'string' && host.includes('${')) {
    return { reason: `the ${p.address} host is ${describeExpression(host)}` };
  }
  if (typeof host === 'string') return { reason: `the ${p.address} host is a literal address (${host}), not a cluster of this document` };
  if (body.config_path !== undefined || body.config_paths !== undefined) return { reason: `${p.address} reads a kubeconfig file` };
  return { reason: `${p.address} does not reference a cluster of this document` };
}

function readService(reader: Reader, e: ResourceEntry): ServiceModel {
  const meta = reader.block(e.body.metadata, e.address, 'metadata');
  const spec = reader.block(e.body.spec, e.address, 'spec');
  const portsRaw = spec.body?.port;
  const ports: ServicePortModel[] = [];
  if (portsRaw !== undefined && portsRaw !== null) {
    const list = Array.isArray(portsRaw) ? portsRaw : [portsRaw];
    list.forEach((p, i) => {
      const pb = reader.block(p, e.address, `spec.port[${i}]`);
      ports.push({ name: pb.get('name'), port: pb.get('port'), targetPort: pb.get('target_port'), nodePort: pb.get('node_port') });
    });
  }
  const providerRaw = e.body.provider;
  let provider: string | undefined;
  if (typeof providerRaw === 'string') {
    provider = (WHOLE_EXPRESSION.exec(providerRaw)?.[1] ?? providerRaw).trim();
  } else if (providerRaw !== undefined && providerRaw !== null) {
    reader.problem(e.address, `provider is ${kindOf(providerRaw)}, expected a string such as kubernetes.workload`, e.path);
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
    ...(link.clusterAddress !== undefined ? { clusterAddress: link.clusterAddress } : {}),
    ...(link.reason !== undefined && link.clusterAddress === undefined ? { clusterUnknownReason: link.reason } : {}),
  };
}

function readFeatures(reader: Reader): FeatureRegistrationModel[] {
  const out: FeatureRegistrationModel[] = [];
  for (const e of reader.byType.get('azurerm_resource_provider_registration') ?? []) {
    const loc = { address: e.address, ...(e.path !== undefined ? { path: e.path } : {}) };
    const ns = reader.value(e.body.name, e.address, 'name');
    const raw = e.body.feature;
    const list = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
    list.forEach((f, i) => {
      const fb = reader.block(f, e.address, `feature[${i}]`);
      out.push({ ...loc, providerNamespace: ns, feature: fb.get('name'), registered: fb.get('registered') });
    });
    if (list.length === 0) out.push({ ...loc, providerNamespace: ns, feature: undefined, registered: undefined });
  }
  for (const e of reader.byType.get('azurerm_resource_provider_feature_registration') ?? []) {
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

/**
 * Reads a Terraform JSON document into the model. Never throws on any JSON value: problems with
 * the document's shape go to `shapeProblems`.
 * @param document the parsed cdk.tf.json (any value)
 * @param context what the document cannot hold; `context.subnets` / `context.virtualNetworks`
 *   give the prefixes of subnets and VNets referenced only by a literal resource ID
 */
export function readModel(document: unknown, context: CheckContext = {}): PlanModel {
  const reader = new Reader(document, isObj(context) ? context : {});
  reader.read();
  const b = new ModelBuilder(reader);
  b.readVnets();
  b.readSubnets();

  const clusterDrafts: { cluster: Omit<ClusterModel, 'nodePools' | 'services'>; entry: ResourceEntry }[] = [];
  const nodePools: NodePoolModel[] = [];
  for (const e of reader.byType.get(CLUSTER_TYPE) ?? []) {
    const np = readNetworkProfile(reader, reader.block(e.body.network_profile, e.address, 'network_profile'), e.address);
    const dpBlock = reader.block(e.body.default_node_pool, e.address, 'default_node_pool');
    let defaultNodePool: NodePoolModel | undefined;
    if (dpBlock.present) {
      defaultNodePool = b.withSubnet(readPool(dpBlock, `${e.address}.default_node_pool`, e.path, true, e.address), dpBlock.body?.vnet_subnet_id);
      nodePools.push(defaultNodePool);
    }
    const wp = reader.block(e.body.windows_profile, e.address, 'windows_profile');
    const windowsProfile: WindowsProfileModel | undefined = wp.present ? { adminUsername: wp.get('admin_username'), adminPassword: wp.get('admin_password') } : undefined;
    const aci = e.body.aci_connector_linux;
    clusterDrafts.push({
      entry: e,
      cluster: {
        address: e.address,
        ...(e.path !== undefined ? { path: e.path } : {}),
        name: reader.value(e.body.name, e.address, 'name'),
        dnsPrefix: reader.value(e.body.dns_prefix, e.address, 'dns_prefix'),
        kubernetesVersion: reader.value(e.body.kubernetes_version, e.address, 'kubernetes_version'),
        networkProfile: np,
        ...(defaultNodePool ? { defaultNodePool } : {}),
        ...(windowsProfile ? { windowsProfile } : {}),
        aciConnectorLinux: aci !== undefined && aci !== null && aci !== false && !(Array.isArray(aci) && aci.length === 0),
      },
    });
  }

  for (const e of reader.byType.get('azurerm_kubernetes_cluster_node_pool') ?? []) {
    const clusterAddress = referencedAddress(reader, e.body.kubernetes_cluster_id, CLUSTER_TYPE);
    const block: Block = { present: true, body: e.body, get: (k) => reader.value(e.body[k], e.address, k) };
    nodePools.push(b.withSubnet(readPool(block, e.address, e.path, false, clusterAddress), e.body.vnet_subnet_id));
  }

  const services: ServiceModel[] = [];
  for (const type of ['kubernetes_service_v1', 'kubernetes_service']) {
    for (const e of reader.byType.get(type) ?? []) services.push(readService(reader, e));
  }

  const clusters: ClusterModel[] = clusterDrafts.map(({ cluster }) => ({
    ...cluster,
    nodePools: nodePools.filter((p) => !p.isDefault && p.clusterAddress === cluster.address),
    services: services.filter((s) => s.clusterAddress === cluster.address),
  }));

  return {
    clusters,
    nodePools,
    subnets: [...b.subnets.values()],
    virtualNetworks: [...b.vnets.values()],
    services,
    featureRegistrations: readFeatures(reader),
    shapeProblems: reader.problems,
  };
}
