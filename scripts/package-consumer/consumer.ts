/**
 * A consumer of the published package, compiled with `tsc --strict` against the installed
 * types by scripts/test-package.js. Usage: node consumer.js OUTDIR. Synthesizes one stack into
 * OUTDIR and prints one JSON line with what `check` found, for the test to verify.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AksCluster, AksNodePool, NginxWorkload, RULE_IDS, check, formatFinding } from 'cdktf-aks-overlay';
import type { Finding } from 'cdktf-aks-overlay';

const outdir = process.argv[2];
if (!outdir) throw new Error('usage: node consumer.js OUTDIR');

const app = new App({ outdir });
const stack = new TerraformStack(app, 'consumer');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
const password = new TerraformVariable(stack, 'win_admin_password', { type: 'string', sensitive: true });

// az aks create --network-plugin azure --network-plugin-mode overlay --ip-families ipv4,ipv6
const cluster = new AksCluster(stack, 'aks', {
  name: 'aks-consumer',
  resourceGroupName: 'rg-consumer',
  location: 'westeurope',
  ipFamilies: ['IPv4', 'IPv6'],
  windowsProfile: { adminUsername: 'azureuser', adminPassword: password.stringValue },
});
const windows: AksNodePool = cluster.addNodePool('windows', { name: 'win1', osType: 'Windows', nodeCount: 1 });
if (!(windows instanceof AksNodePool)) throw new Error('addNodePool returns an AksNodePool');

cluster.kubernetesProvider(stack);
new NginxWorkload(stack, 'nginx', { cluster, expose: ['IPv4', 'IPv6'] });

app.synth();

const ids = (findings: readonly Finding[]): string[] => findings.map((f) => f.ruleId);
const overlapping: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'overlap.tf.json'), 'utf8'));
const overlapFindings = check(overlapping);
// The same plan with the pod range moved out of the VNet.
const clean = JSON.parse(JSON.stringify(overlapping)) as {
  resource: { azurerm_kubernetes_cluster: { aks: { network_profile: { pod_cidr: string } } } };
};
clean.resource.azurerm_kubernetes_cluster.aks.network_profile.pod_cidr = '10.244.0.0/16';
const synthesized: unknown = JSON.parse(
  fs.readFileSync(path.join(outdir, 'stacks', 'consumer', 'cdk.tf.json'), 'utf8'),
);

console.log(
  JSON.stringify({
    overlapRuleIds: ids(overlapFindings),
    overlapMessages: overlapFindings.map((f) => f.message),
    overlapLines: overlapFindings.map(formatFinding),
    cleanRuleIds: ids(check(clean)),
    synthesizedErrors: check(synthesized)
      .filter((f) => f.severity === 'error')
      .map(formatFinding),
    ruleCount: RULE_IDS.length,
    listsOverlap: RULE_IDS.includes('network/overlap'),
  }),
);
