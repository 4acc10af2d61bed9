/**
 * `cdktf-aks-overlay report`: the Markdown summary, in-process through `run(argv, io)`, and once
 * through the BUILT bin (last describe). `npm test` builds first; alone:
 * `npm run build && npx jest __tests__/cli-report.test.ts`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cli, lines, plan, PLANS, requireBuiltCli, runCli, tempDir } from './support/cli';

const EXISTING_SUBNET_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/aks-nodes';

/** The section of a report from the heading that contains `title` to the next heading of the same or a higher level. */
function section(report: string, title: string): string {
  const all = report.split('\n');
  const start = all.findIndex((l) => /^#+ /.test(l) && l.includes(title));
  if (start < 0) throw new Error(`no heading with ${title}`);
  const level = all[start].indexOf(' ');
  const end = all.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(' ') <= level);
  return all.slice(start, end < 0 ? undefined : end).join('\n');
}

/** The cells of the table row whose first cell is `first`. */
function row(text: string, first: string): string[] {
  const line = text.split('\n').find((l) => l.startsWith(`| ${first} |`));
  if (!line) throw new Error(`no row ${first} in\n${text}`);
  return line.slice(2, -2).split(' | ');
}

/** Writes a variant of the overlay fixture with `edit` applied, returns its path. */
function overlayVariant(name: string, edit: (aks: Record<string, unknown>) => void): string {
  const doc = JSON.parse(fs.readFileSync(path.join(PLANS, 'good/stacks/overlay/cdk.tf.json'), 'utf8')) as {
    '//': { metadata: { stackName: string } };
    resource: Record<string, Record<string, Record<string, unknown>>>;
  };
  doc['//'].metadata.stackName = name;
  edit(doc.resource.azurerm_kubernetes_cluster.aks);
  const file = path.join(tempDir('report-'), 'cdk.tf.json');
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

let good: string;

beforeAll(async () => {
  const r = await cli(['report', plan('good')]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  good = r.stdout;
});

describe('report on good plans', () => {
  test('a Markdown document with a section per stack and per cluster', () => {
    expect(good.startsWith('# AKS network review\n')).toBe(true);
    expect(good).toMatch(/^3 stacks, 3 AKS clusters: 0 errors, 0 warnings/m);
    for (const [stack, cluster] of [
      ['overlay', 'aks-overlay'],
      ['dual-stack', 'aks-dual'],
      ['windows', 'aks-win'],
    ]) {
      expect(section(good, `## Stack \`${stack}\``)).toContain(`### Cluster \`${cluster}\``);
    }
  });

  test('mode, families, ranges and DNS service IP per cluster; defaults are marked', () => {
    const overlay = section(good, '### Cluster `aks-overlay`');
    expect(row(overlay, 'Mode')[1]).toMatch(/^overlay /);
    expect(row(overlay, 'IP families')[1]).toBe('IPv4 (default)');
    expect(row(overlay, 'Pod ranges')[1]).toBe('`192.168.0.0/16`');
    expect(row(overlay, 'Service ranges')[1]).toBe('`10.0.0.0/16`');
    expect(row(overlay, 'DNS service IP')[1]).toBe('`10.0.0.10`');

    const dual = section(good, '### Cluster `aks-dual`');
    expect(row(dual, 'Mode')[1]).toMatch(/^dual-stack /);
    expect(row(dual, 'IP families')[1]).toBe('IPv4, IPv6');
    expect(row(dual, 'Pod ranges')[1]).toBe('`10.244.0.0/16`, `fd12:3456:789a::/64`');
    expect(row(dual, 'Service ranges')[1]).toBe('`10.0.0.0/16`, `fd12:3456:789a:1::/108`');

    const win = section(good, '### Cluster `aks-win`');
    expect(row(win, 'Pod ranges')[1]).toBe('`10.244.0.0/16` (default)');
    expect(row(win, 'Service ranges')[1]).toBe('`10.0.0.0/16` (default)');
    expect(row(win, 'DNS service IP')[1]).toBe('`10.0.0.10` (default)');
  });

  test('the node pools table: OS, SKU, mode, VM size, counts, max pods, subnet', () => {
    const overlay = section(good, '### Cluster `aks-overlay`');
    expect(row(overlay, '`system`')).toEqual([
      '`system`',
      'Linux',
      'Ubuntu (default)',
      'System',
      'Standard_DS2_v2',
      '3',
      '250 (default)',
      'system (10.1.0.0/24)',
    ]);
    expect(row(overlay, '`user`')).toEqual([
      '`user`',
      'Linux',
      'AzureLinux3',
      'User',
      'Standard_D4s_v5',
      '1–5 (autoscaling)',
      '250 (default)',
      'user (10.1.1.0/24)',
    ]);
    const win = section(good, '### Cluster `aks-win`');
    expect(row(win, '`win`').slice(0, 6)).toEqual(['`win`', 'Windows', 'Windows2022', 'User', 'Standard_D4s_v5', '2']);
    expect(row(win, '`win`')[7]).toBe('AKS-managed VNet');
  });

  test('capacity: /24 blocks of the pod range against the most nodes, and subnet headroom', () => {
    const overlay = section(good, '### Cluster `aks-overlay`');
    // 192.168.0.0/16 holds 256 /24 blocks; the pools reach 3 + 5 nodes.
    expect(overlay).toContain(
      'IPv4 pod range `192.168.0.0/16`: 256 /24 blocks, so at most 256 nodes; the pools can reach 8 nodes (3 + 5): headroom 248 nodes.',
    );
    // a /24 has 256 - 5 reserved = 251 usable; needed: 3 + 1 surge, 5 + 1 surge.
    const subnets = overlay.slice(overlay.indexOf('| Subnet | Prefixes |'));
    expect(row(subnets, '`system`')).toEqual(['`system`', '10.1.0.0/24', 'system', '251', '4', '247']);
    expect(row(subnets, '`user`')).toEqual(['`user`', '10.1.1.0/24', 'user', '251', '6', '245']);
  });

  test('LoadBalancer services with family and traffic policy', () => {
    const dual = section(good, '### Cluster `aks-dual`');
    const services = dual.slice(dual.indexOf('| Service |'));
    expect(row(services, '`web-ipv4`')).toEqual(['`web-ipv4`', 'default', 'IPv4', 'Local', '80']);
    expect(row(services, '`web-ipv6`')).toEqual(['`web-ipv6`', 'default', 'IPv6', 'Local', '80']);
    expect(section(good, '### Cluster `aks-win`')).toMatch(/#### LoadBalancer services\n\nNone\./);
  });

  test('every table is well formed: each row has as many cells as its header', () => {
    const blocks = good
      .split(/\n(?!\|)/)
      .map((b) => b.split('\n').filter((l) => l.startsWith('|')))
      .filter((b) => b.length > 0);
    expect(blocks.length).toBeGreaterThan(5);
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    for (const b of blocks) {
      expect(b[1]).toMatch(/^\|(---\|)+$/);
      for (const l of b) expect(cells(l)).toBe(cells(b[0]));
    }
  });

  test('no colour codes, even with FORCE_COLOR', async () => {
    expect((await cli(['report', plan('good')], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });
});

describe('report on other plans', () => {
  test('node-subnet mode: pods take subnet addresses, so each node needs 1 + max pods', async () => {
    const file = overlayVariant('node-subnet', (aks) => {
      const np = aks.network_profile as Record<string, unknown>;
      delete np.network_plugin_mode;
      delete np.pod_cidr;
    });
    const r = await cli(['report', file]);
    expect(r.code).toBe(0);
    const cluster = section(r.stdout, '### Cluster `aks-overlay`');
    expect(row(cluster, 'Mode')[1]).toMatch(/^node-subnet /);
    expect(row(cluster, '`system`')[6]).toBe('30 (default)');
    const subnets = cluster.slice(cluster.indexOf('| Subnet | Prefixes |'));
    // (3 + 1 surge) x (1 + 30) = 124; (5 + 1 surge) x 31 = 186
    expect(row(subnets, '`system`').slice(3)).toEqual(['251', '124', '127']);
    expect(row(subnets, '`user`').slice(3)).toEqual(['251', '186', '65']);
  });

  test('a subnet the report shows short is one network/subnet-capacity rejects', async () => {
    const file = overlayVariant('node-subnet-small', (aks) => {
      const np = aks.network_profile as Record<string, unknown>;
      delete np.network_plugin_mode;
      delete np.pod_cidr;
    });
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      resource: Record<string, Record<string, Record<string, unknown>>>;
    };
    doc.resource.azurerm_subnet['system-subnet'].address_prefixes = ['10.1.0.0/26'];
    fs.writeFileSync(file, JSON.stringify(doc));
    const report = (await cli(['report', file])).stdout;
    const cluster = section(report, '### Cluster `aks-overlay`');
    // a /26 has 64 - 5 = 59 usable; (3 + 1 surge) x (1 + 30) = 124 needed
    expect(row(cluster.slice(cluster.indexOf('| Subnet | Prefixes |')), '`system`').slice(3)).toEqual([
      '59',
      '124',
      '**-65**',
    ]);
    const checked = await cli(['check', file]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/^ {4}network\/subnet-capacity \[error\] .*10\.1\.0\.0\/26.*59 usable/m);
  });

  test('a pod range too small is shown short, and the rule finding is listed', async () => {
    const r = await cli(['report', plan('bad/pod-capacity')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'IPv4 pod range `192.168.0.0/22`: 4 /24 blocks, so at most 4 nodes; the pools can reach 8 nodes (3 + 5): **short by 4 nodes**.',
    );
    expect(section(r.stdout, '### Findings of `pod-capacity`')).toMatch(
      /`network\/pod-cidr-capacity` \*\*error\*\*: .*\n {4}Fix: \S/,
    );
  });

  test('findings are grouped by resource with rule id, severity and fix', async () => {
    const r = await cli(['report', plan('bad/pod-overlap')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 stack, 1 AKS cluster: [1-9]\d* errors?, .*exits 1/m);
    const findings = section(r.stdout, '### Findings of `pod-overlap`');
    expect(findings).toMatch(/^- `azurerm_[a-z_]+\.[\w-]+`/m);
    expect(findings).toMatch(/^ {2}- `network\/overlap` \*\*error\*\*: .*10\.1\.0\.0\/16.*\n {4}Fix: \S/m);
  });

  test('--subnet fills in an existing subnet referenced by ID', async () => {
    const without = await cli(['report', plan('existing-subnet')]);
    expect(without.code).toBe(0);
    expect(row(section(without.stdout, '### Cluster'), '`aks-nodes`')[3]).toMatch(/^unknown/);

    const r = await cli(['report', '--subnet', `${EXISTING_SUBNET_ID}=10.240.0.0/24`, plan('existing-subnet')]);
    expect(r.code).toBe(0);
    const subnets = section(r.stdout, '### Cluster');
    expect(row(subnets.slice(subnets.indexOf('| Subnet | Prefixes |')), '`aks-nodes`')).toEqual([
      '`aks-nodes`',
      '10.240.0.0/24',
      'system',
      '251',
      '4',
      '247',
    ]);
  });

  test('a document without clusters says so', async () => {
    const r = await cli(['report', plan('garbage/empty-document.json')]);
    expect(r.code).toBe(0);
    expect(section(r.stdout, '## Stack `empty-document`')).toContain('No AKS clusters in this stack.');
  });

  test('unusable input exits 2 with one line', async () => {
    for (const args of [
      ['report', 'no-such-dir'],
      ['report', plan('garbage/array.json')],
      ['report', '--subnet', 'x', plan('good')],
    ]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)).toHaveLength(1);
    }
  });
});

describe('the built bin, end to end', () => {
  test('prints the same report as the in-process run, exit 0', () => {
    requireBuiltCli();
    const r = runCli(['report', plan('good')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(good);
  });
});
