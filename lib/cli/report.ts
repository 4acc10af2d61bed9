/**
 * The `report` command's renderer: a Markdown summary of each stack's AKS networking for a
 * reviewer to paste into a pull request. Values come from lib/model (effective values with the
 * `az aks create` defaults), address math from lib/net, findings from the rule engine; no Azure
 * rule is re-implemented here. No cdktf imports.
 */
import { effectiveNetwork, effectivePool, isUnknown, poolsOf } from '../model';
import type {
  ClusterModel,
  EffectiveNetwork,
  NodePoolModel,
  PlanModel,
  ServiceModel,
  SubnetModel,
  Value,
} from '../model';
import { podRangeCapacity, subnetUsage, type Known } from './capacity';
import { analyze } from '../rules';
import type { CheckContext, Finding } from '../rules';
import { groupByResource, messageBody, plural } from './check-command';
import { stackContext, type StackInput } from './discover';
import { code, md, NOT_SET, show, table } from './markdown';

/** The label of a cluster's network mode: starts with `overlay`, `node-subnet`, `dual-stack`, `kubenet` or `none`. */
export function modeLabel(net: EffectiveNetwork): string {
  if (isUnknown(net.mode) || net.mode === undefined) return show(net.mode, { asCode: true });
  const defaulted = net.pluginDefaulted ? ' (default)' : '';
  if (net.dualStack === true && net.mode === 'overlay')
    return `dual-stack (Azure CNI Overlay, IPv4 + IPv6)${defaulted}`;
  switch (net.mode) {
    case 'overlay':
      return `overlay (Azure CNI Overlay)${defaulted}`;
    case 'node-subnet':
      return 'node-subnet (Azure CNI: pods take node subnet addresses)';
    case 'kubenet':
      return 'kubenet (retiring)';
    case 'none':
      return 'none (bring your own CNI)';
  }
}

function nameOf(v: Value<unknown>, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

/** The node count cell: `3`, `1–5 (autoscaling)`, `3 (default)`. */
function nodesCell(pool: NodePoolModel, cluster: ClusterModel): string {
  const p = effectivePool(pool, cluster);
  if (isUnknown(p.autoscaling)) return show(p.autoscaling);
  if (p.autoscaling) return `${show(p.minCount)}–${show(p.maxCount)} (autoscaling)`;
  return show(p.maxNodes, { defaulted: p.nodeCount === undefined });
}

function subnetLabel(subnet: SubnetModel): string {
  const name = md(typeof subnet.name === 'string' ? subnet.name : subnet.address);
  const prefixes = isUnknown(subnet.addressPrefixes) ? 'prefixes unknown' : show(subnet.addressPrefixes);
  return `${name} (${prefixes})`;
}

function subnetCell(pool: NodePoolModel): string {
  if (pool.subnet) return subnetLabel(pool.subnet);
  if (pool.vnetSubnetId === undefined) return 'AKS-managed VNet';
  return show(pool.vnetSubnetId);
}

function poolsTable(cluster: ClusterModel): string {
  const rows = poolsOf(cluster).map((pool) => {
    const p = effectivePool(pool, cluster);
    return [
      show(p.name, { asCode: true }),
      show(p.osType),
      show(p.osSku, { defaulted: p.osSkuDefaulted }),
      show(p.mode),
      show(p.vmSize),
      nodesCell(pool, cluster),
      show(p.maxPods, { defaulted: p.maxPodsDefaulted }),
      subnetCell(pool),
    ];
  });
  if (rows.length === 0) return 'No node pools.';
  return table(['Pool', 'OS', 'SKU', 'Mode', 'VM size', 'Nodes', 'Max pods', 'Subnet'], rows);
}

function headroom(have: number, need: number, unit: string): string {
  return have >= need ? `headroom ${plural(have - need, unit)}` : `**short by ${plural(need - have, unit)}**`;
}

/** The pod range capacity line: /24 blocks of the IPv4 pod range against the most nodes the pools can reach. */
function podCapacityLine(cluster: ClusterModel, net: EffectiveNetwork): string {
  if (net.mode === 'node-subnet') return 'Pods take node subnet addresses (node-subnet mode): see the subnets below.';
  if (net.mode !== 'overlay') return `Pod range capacity: not computed for network mode ${show(net.mode)}.`;
  const cap = podRangeCapacity(cluster);
  if (!cap) return `Pod range capacity: no valid IPv4 pod range (${show(net.podCidrs)}).`;
  const range = `IPv4 pod range ${code(cap.range.normalized)}${cap.defaulted ? ' (default)' : ''}`;
  const allows = `${plural(cap.nodesAllowed, '/24 block')}, so at most ${plural(cap.nodesAllowed, 'node')}`;
  if (!cap.poolNodes.ok) {
    return `${range}: ${allows}; the most nodes the pools can reach is unknown (${md(cap.poolNodes.why)}).`;
  }
  const terms = cap.poolNodes.value.map((p) => p.nodes);
  const total = terms.reduce((a, b) => a + b, 0);
  const sum = terms.length > 1 ? ` (${terms.join(' + ')})` : '';
  return `${range}: ${allows}; the pools can reach ${plural(total, 'node')}${sum}: ${headroom(cap.nodesAllowed, total, 'node')}.`;
}

function knownCell(k: Known<number>): string {
  return k.ok ? String(k.value) : `unknown (${md(k.why)})`;
}

/**
 * The node subnets table: usable addresses, needed (most nodes + surge; x (1 + max pods) in node-subnet mode),
 * headroom.
 */
function subnetTable(cluster: ClusterModel): string | undefined {
  const usage = subnetUsage(cluster);
  if (usage.length === 0) return undefined;
  const rows = usage.map((u) => [
    code(nameOf(u.subnet.name, u.subnet.address)),
    show(u.subnet.addressPrefixes),
    u.pools.map(md).join(', '),
    knownCell(u.usable),
    knownCell(u.needed),
    u.usable.ok && u.needed.ok
      ? u.usable.value >= u.needed.value
        ? String(u.usable.value - u.needed.value)
        : `**${u.usable.value - u.needed.value}**`
      : 'unknown',
  ]);
  return table(['Subnet', 'Prefixes', 'Pools', 'Usable addresses', 'Needed (nodes + surge)', 'Headroom'], rows);
}

function servicesTable(services: readonly ServiceModel[]): string | undefined {
  const lbs = services.filter((s) => s.type === 'LoadBalancer' || isUnknown(s.type));
  if (lbs.length === 0) return undefined;
  const rows = lbs.map((s) => [
    show(s.name, { asCode: true }),
    s.namespace === undefined ? 'default' : show(s.namespace),
    s.ipFamilies === undefined ? "not set (the cluster's first family)" : show(s.ipFamilies),
    s.externalTrafficPolicy === undefined ? 'not set (Kubernetes default: Cluster)' : show(s.externalTrafficPolicy),
    s.ports.length === 0 ? NOT_SET : s.ports.map((p) => show(p.port)).join(', '),
  ]);
  return table(['Service', 'Namespace', 'IP families', 'External traffic policy', 'Ports'], rows);
}

function renderCluster(cluster: ClusterModel): string[] {
  const net = effectiveNetwork(cluster);
  const out: string[] = [];
  out.push(`### Cluster ${code(nameOf(cluster.name, cluster.address))}`, '');
  out.push(`${code(cluster.address)}${cluster.path ? ` (construct ${code(cluster.path)})` : ''}`, '');
  out.push(
    table(
      ['Setting', 'Value'],
      [
        ['Mode', modeLabel(net)],
        ['IP families', show(net.families, { defaulted: net.familiesDefaulted })],
        [
          'Pod ranges',
          net.mode === 'node-subnet'
            ? 'none (pods take node subnet addresses)'
            : show(net.podCidrs, { defaulted: net.podCidrsDefaulted, asCode: true }),
        ],
        ['Service ranges', show(net.serviceCidrs, { defaulted: net.serviceCidrsDefaulted, asCode: true })],
        ['DNS service IP', show(net.dnsServiceIp, { defaulted: net.dnsServiceIpDefaulted, asCode: true })],
        [
          'Kubernetes version',
          cluster.kubernetesVersion === undefined ? 'not set (the AKS default)' : show(cluster.kubernetesVersion),
        ],
      ],
    ),
    '',
  );
  out.push('#### Node pools', '', poolsTable(cluster), '');
  out.push('#### Capacity', '', `- ${podCapacityLine(cluster, net)}`);
  const subnets = subnetTable(cluster);
  out.push('', subnets ?? 'No pool names a node subnet (AKS-managed VNet).', '');
  out.push('#### LoadBalancer services', '', servicesTable(cluster.services) ?? 'None.', '');
  return out;
}

function renderFindings(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ['No findings: every rule passed.'];
  const out: string[] = [];
  for (const g of groupByResource(findings)) {
    out.push(`- ${code(g.address)}${g.path ? ` (${code(g.path)})` : ''}`);
    for (const f of g.findings) {
      const tag = f.suppressed ? `, suppressed: ${md(f.suppressed.reason)} (${md(f.suppressed.source)})` : '';
      out.push(
        `  - ${code(f.ruleId)} **${md(f.severity)}**${f.skipped ? ' (skipped)' : ''}${tag}: ${md(messageBody(f))}  `,
      );
      out.push(`    Fix: ${md(f.fix)}`);
    }
  }
  return out;
}

/** Errors, warnings and suppressed findings, counted apart (suppressed ones never count as errors). */
function counts(findings: readonly Finding[]): string {
  const active = findings.filter((f) => f.suppressed === undefined);
  const errors = active.filter((f) => f.severity === 'error').length;
  const suppressed = findings.length - active.length;
  return `${plural(errors, 'error')}, ${plural(active.length - errors, 'warning')}${suppressed > 0 ? `, ${suppressed} suppressed` : ''}`;
}

/** A cluster's sections; a note instead when the model holds values no renderer expected. */
function renderClusterSafely(cluster: ClusterModel): string[] {
  try {
    return renderCluster(cluster);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const note = `This cluster could not be summarized (${md(why)}); its findings below are complete.`;
    return [`### Cluster ${code(cluster.address)}`, '', note, ''];
  }
}

function renderStack(stack: StackInput, model: PlanModel, findings: readonly Finding[]): string[] {
  const out: string[] = [`## Stack ${code(stack.name)}`, ''];
  out.push(`${code(stack.file)}: ${plural(model.clusters.length, 'AKS cluster')}, ${counts(findings)}.`, '');
  if (model.clusters.length === 0) out.push('No AKS clusters in this stack.', '');
  // push line by line: spreading a 10,000-cluster plan's lines into push() overflows the stack
  for (const cluster of model.clusters) for (const line of renderClusterSafely(cluster)) out.push(line);
  const unlinked = model.services.filter((s) => s.clusterAddress === undefined);
  const unlinkedTable = servicesTable(unlinked);
  if (unlinkedTable) out.push('### LoadBalancer services of an unknown cluster', '', unlinkedTable, '');
  out.push(`### Findings of ${code(stack.name)}`, '');
  for (const line of renderFindings(findings)) out.push(line);
  out.push('');
  return out;
}

/**
 * Renders the Markdown report of `stacks`. Each document is read once (model and findings from
 * the same read); every plan-derived string is escaped (see ./markdown).
 * @param context what the documents cannot hold (existing subnets' prefixes), as for `check`
 */
export function renderReport(stacks: readonly StackInput[], context: CheckContext = {}): string {
  const rendered = stacks.map((s) => {
    const a = analyze(s.document, stackContext(s, context), { plan: s.plan });
    return { stack: s, ...a, findings: [...(s.inputFindings ?? []), ...a.findings] };
  });
  const clusters = rendered.reduce((n, r) => n + r.model.clusters.length, 0);
  const all = rendered.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error' && f.suppressed === undefined).length;
  const out: string[] = ['# AKS network review', ''];
  const summary = `${plural(stacks.length, 'stack')}, ${plural(clusters, 'AKS cluster')}: ${counts(all)}`;
  out.push(`${summary} (\`cdktf-aks-overlay check\` exits ${errors > 0 ? 1 : 0}).`, '');
  for (const r of rendered) for (const line of renderStack(r.stack, r.model, r.findings)) out.push(line);
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}
