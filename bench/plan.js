/**
 * `npm run bench` section D: plans and diffs at scale, through the built CLI (dist/lib/cli/main.js).
 *
 *   D1. A generated `terraform show -json` plan of 1,000 clusters (each with its VNet, subnet and
 *       a user pool; links known only after apply, rebuilt from the configuration section):
 *       `check` and `report` on it.
 *   D2. `diff` of two generated cdktf.out folders of 100 stacks each (one cluster and pool per
 *       stack; the head changes a cycling attribute, egress, a ForceNew range and a pool).
 *
 * Used by bench/run.js; alone: `node bench/plan.js [--runs N]`.
 */
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

function cluster(i) {
  return {
    name: `aks-${i}`,
    location: 'westeurope',
    resource_group_name: 'rg',
    dns_prefix: `aks-${i}`,
    kubernetes_version: '1.30',
    default_node_pool: [
      {
        name: 'system',
        vm_size: 'Standard_D4s_v5',
        node_count: 3,
        max_pods: 250,
        temporary_name_for_rotation: 'systemtmp',
      },
    ],
    network_profile: [
      {
        network_plugin: 'azure',
        network_plugin_mode: 'overlay',
        pod_cidr: '10.244.0.0/16',
        service_cidr: '10.0.0.0/16',
        dns_service_ip: '10.0.0.10',
        load_balancer_sku: 'standard',
        outbound_type: 'loadBalancer',
      },
    ],
  };
}

/** A plan of `n` clusters in the documented format, created from nothing. */
function generatePlan(n) {
  const resources = [];
  const changes = [];
  const config = [];
  const add = (type, name, values, unknown, expressions) => {
    const address = `${type}.${name}`;
    resources.push({
      address,
      mode: 'managed',
      type,
      name,
      provider_name: 'registry.terraform.io/hashicorp/azurerm',
      schema_version: 0,
      values,
      sensitive_values: {},
    });
    changes.push({
      address,
      mode: 'managed',
      type,
      name,
      provider_name: 'registry.terraform.io/hashicorp/azurerm',
      change: {
        actions: ['create'],
        before: null,
        after: values,
        after_unknown: unknown,
        before_sensitive: false,
        after_sensitive: {},
      },
    });
    config.push({
      address,
      mode: 'managed',
      type,
      name,
      provider_config_key: 'azurerm',
      expressions,
      schema_version: 0,
    });
  };
  const ref = (r) => ({ references: [r, r.split('.').slice(0, 2).join('.')] });
  for (let i = 0; i < n; i++) {
    const o2 = Math.floor(i / 250);
    const o3 = i % 250;
    add(
      'azurerm_virtual_network',
      `vnet${i}`,
      {
        name: `vnet-${i}`,
        location: 'westeurope',
        resource_group_name: 'rg',
        address_space: [`10.${100 + o2}.${o3}.0/24`],
      },
      { id: true },
      { name: { constant_value: `vnet-${i}` } },
    );
    add(
      'azurerm_subnet',
      `nodes${i}`,
      {
        name: `nodes-${i}`,
        resource_group_name: 'rg',
        virtual_network_name: `vnet-${i}`,
        address_prefixes: [`10.${100 + o2}.${o3}.0/25`],
      },
      { id: true },
      { virtual_network_name: ref(`azurerm_virtual_network.vnet${i}.name`) },
    );
    const c = cluster(i);
    add(
      'azurerm_kubernetes_cluster',
      `aks${i}`,
      c,
      {
        id: true,
        kube_config_raw: true,
        default_node_pool: [{ vnet_subnet_id: true, os_sku: true }],
        network_profile: [{ ip_versions: true }],
      },
      {
        name: { constant_value: c.name },
        default_node_pool: [{ vnet_subnet_id: ref(`azurerm_subnet.nodes${i}.id`) }],
        network_profile: [{ network_plugin: { constant_value: 'azure' } }],
      },
    );
    add(
      'azurerm_kubernetes_cluster_node_pool',
      `user${i}`,
      { name: 'user', vm_size: 'Standard_D4s_v5', node_count: 2, mode: 'User', os_type: 'Linux' },
      { id: true, kubernetes_cluster_id: true, vnet_subnet_id: true },
      {
        kubernetes_cluster_id: ref(`azurerm_kubernetes_cluster.aks${i}.id`),
        vnet_subnet_id: ref(`azurerm_subnet.nodes${i}.id`),
      },
    );
  }
  return {
    format_version: '1.2',
    terraform_version: '1.9.4',
    planned_values: { root_module: { resources } },
    resource_changes: changes,
    configuration: {
      provider_config: { azurerm: { name: 'azurerm', version_constraint: '4.55.0' } },
      root_module: { resources: config },
    },
    timestamp: new Date(0).toISOString(),
    applyable: true,
    complete: true,
    errored: false,
  };
}

/** A cdk.tf.json of one stack; `head` changes what the diff should find in some stacks. */
function stackDocument(i, head) {
  const c = cluster(i);
  const body = { ...c, default_node_pool: { ...c.default_node_pool[0] }, network_profile: { ...c.network_profile[0] } };
  if (head && i % 4 === 1) body.default_node_pool.vm_size = 'Standard_D8s_v5';
  if (head && i % 4 === 2) body.network_profile.outbound_type = 'userAssignedNATGateway';
  if (head && i % 4 === 3) body.network_profile.service_cidr = '10.1.0.0/16';
  const pool = {
    name: 'user',
    kubernetes_cluster_id: `\${azurerm_kubernetes_cluster.aks.id}`,
    vm_size: head && i % 10 === 0 ? 'Standard_E4s_v5' : 'Standard_D4s_v5',
    node_count: 2,
  };
  return {
    '//': { metadata: { stackName: `stack-${i}`, version: '0.21.0' } },
    terraform: { required_providers: { azurerm: { source: 'azurerm', version: '4.55.0' } } },
    resource: { azurerm_kubernetes_cluster: { aks: body }, azurerm_kubernetes_cluster_node_pool: { user: pool } },
  };
}

function writeOut(dir, n, head) {
  for (let i = 0; i < n; i++) {
    const d = path.join(dir, 'stacks', `stack-${i}`);
    fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, 'cdk.tf.json'), JSON.stringify(stackDocument(i, head), null, 2));
  }
}

const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs the CLI once: wall seconds, peak RSS MB (GNU time), exit code, stdout. */
function runCli(cli, args) {
  const rss = path.join(os.tmpdir(), `bench-plan-rss-${process.pid}`);
  const argv = GNU_TIME
    ? [GNU_TIME, '-q', '-f', '%M', '-o', rss, process.execPath, cli, ...args]
    : [process.execPath, cli, ...args];
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let peakRssMb;
  if (GNU_TIME && fs.existsSync(rss)) {
    peakRssMb = Number(fs.readFileSync(rss, 'utf8').trim().split('\n').pop()) / 1024;
    fs.rmSync(rss, { force: true });
  }
  return { seconds, peakRssMb, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function median(xs) {
  const v = [...xs].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/**
 * Runs section D.
 * @param opts.runs runs per measurement (median reported)
 * @param opts.cli the built CLI entry (default dist/lib/cli/main.js, built when missing)
 */
function benchPlan(opts = {}) {
  const runs = opts.runs || 3;
  let cli = opts.cli || path.join(ROOT, 'dist', 'lib', 'cli', 'main.js');
  if (!fs.existsSync(cli)) {
    const b = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`npm run build failed: ${b.stderr}`);
    cli = path.join(ROOT, 'dist', 'lib', 'cli', 'main.js');
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-plan-'));
  try {
    const planFile = path.join(tmp, 'plan.json');
    fs.writeFileSync(planFile, JSON.stringify(generatePlan(1000)));
    writeOut(path.join(tmp, 'base'), 100, false);
    writeOut(path.join(tmp, 'head'), 100, true);
    const cases = [
      {
        key: 'check',
        label: 'check plan.json (1,000 clusters)',
        args: ['check', '--format', 'json', planFile],
        ok: [0, 1],
      },
      { key: 'report', label: 'report plan.json (1,000 clusters)', args: ['report', planFile], ok: [0] },
      {
        key: 'diff',
        label: 'diff base head (2 x 100 cdktf.out stacks)',
        args: ['diff', '--format', 'json', path.join(tmp, 'base'), path.join(tmp, 'head')],
        ok: [1],
      },
    ];
    const results = { planBytes: fs.statSync(planFile).size, rows: [] };
    for (const c of cases) {
      const samples = [];
      let last;
      for (let i = 0; i < runs; i++) {
        process.stderr.write(`  D ${c.key} run ${i + 1}/${runs} ... `);
        last = runCli(cli, c.args);
        process.stderr.write(`${last.seconds.toFixed(2)} s\n`);
        if (!c.ok.includes(last.status))
          throw new Error(`${c.label}: exit ${last.status}: ${last.stderr.split('\n')[0]}`);
        samples.push(last);
      }
      const row = {
        key: c.key,
        label: c.label,
        seconds: median(samples.map((s) => s.seconds)),
        peakRssMb: median(samples.map((s) => s.peakRssMb || 0)) || undefined,
        exit: last.status,
      };
      if (c.key === 'check' || c.key === 'diff') {
        const out = JSON.parse(last.stdout);
        row.clusters = out.stacks.reduce((n, s) => n + s.clusters, 0);
        row.stacks = out.stacks.length;
        row.errors = out.errors;
        row.warnings = out.warnings;
      }
      results.rows.push(row);
    }
    return results;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function printPlan(d, opts = {}) {
  console.log(`\n### D. Plans and diffs through the built CLI (median of ${opts.runs || 3})\n`);
  console.log(
    `Generated plan: 1,000 clusters with VNet, subnet and a user pool each, ${(d.planBytes / 2 ** 20).toFixed(
      1,
    )} MB of plan JSON.\n`,
  );
  console.log('| command | stacks | clusters | errors | warnings | exit | **wall s** | peak RSS MB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of d.rows) {
    const n = (x) => (x === undefined ? '' : String(x));
    console.log(
      `| ${r.label} | ${n(r.stacks)} | ${n(r.clusters)} | ${n(r.errors)} | ${n(r.warnings)} | ${
        r.exit
      } | **${r.seconds.toFixed(2)}** | ${r.peakRssMb === undefined ? 'n/a' : Math.round(r.peakRssMb)} |`,
    );
  }
}

module.exports = { benchPlan, printPlan, generatePlan, stackDocument };

if (require.main === module) {
  const i = process.argv.indexOf('--runs');
  const runs = i > 0 ? Number(process.argv[i + 1]) : 3;
  printPlan(benchPlan({ runs }), { runs });
}
