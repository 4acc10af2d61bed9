/**
 * Every rule of docs/RULES.md is tested: a test file under __tests__ names each rule id of RULE_IDS
 * (the `document/*` findings are the engine's own). And the failing-input / just-valid edge pairs of the
 * rule-audit fixes (a second reading of each rule against its documentation and sources).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { check, RULE_IDS } from '../lib/rules';
import type { Finding } from '../lib/rules';
import { aksCluster, k8sService, kubernetesProvider, nodePool, tfDoc, type JsonObject } from './support/tf';
import { clusterWithNetwork, dualOverlay, expectFinding, expectNoFinding, overlay, run } from './support/fidelity';

const TESTS = __dirname;
const THIS_FILE = 'rules-coverage.test.ts';

/** The text of every test file but this one (this file names ids only for the fixes below). */
function testSources(): { file: string; text: string }[] {
  return readdirSync(TESTS)
    .filter((f) => f.endsWith('.test.ts') && f !== THIS_FILE)
    .map((file) => ({ file, text: readFileSync(join(TESTS, file), 'utf8') }));
}

/** The rule ids that no test file names as a quoted literal (`'id'`, `"id"` or `` `id ``). */
function untested(ids: readonly string[], sources: readonly { text: string }[]): string[] {
  const named = (id: string, text: string) => ["'", '"', '`'].some((q) => text.includes(`${q}${id}`));
  return ids.filter((id) => !id.startsWith('document/') && !sources.some((s) => named(id, s.text)));
}

describe('every rule id is tested', () => {
  it('each id of RULE_IDS (except document/*) is named by a test file under __tests__', () => {
    expect(untested(RULE_IDS, testSources())).toEqual([]);
  });

  it('the check fails for an id no test names, and ignores document/* ids', () => {
    const sources = [{ text: "expect(f.ruleId).toBe('network/overlap')" }];
    expect(untested(['network/overlap', 'network/not-a-rule', 'document/shape'], sources)).toEqual([
      'network/not-a-rule',
    ]);
  });
});

const ofId = (fs: readonly Finding[], id: string) => fs.filter((f) => f.ruleId === id);

describe('network/cidr-family-mismatch: an empty list is unset (azurerm `len(podCidrs) != 0`)', () => {
  it('fails for one IPv4 range on a dual-stack cluster', () => {
    const np = dualOverlay({ pod_cidrs: ['10.244.0.0/16'] });
    expectFinding(run(clusterWithNetwork(np)), 'network/cidr-family-mismatch', 'error', 'pod_cidrs', '2 IP families');
  });
  it('just valid: empty pod_cidrs and service_cidrs on a dual-stack cluster (AKS picks the ranges)', () => {
    expectNoFinding(
      run(clusterWithNetwork(dualOverlay({ pod_cidrs: [], service_cidrs: [] }))),
      'network/cidr-family-mismatch',
    );
  });
  it('names the range of the wrong family, not an unparseable one before it', () => {
    const np = dualOverlay({ pod_cidrs: ['not-a-range', '10.245.0.0/16'] });
    const f = expectFinding(run(clusterWithNetwork(np)), 'network/cidr-family-mismatch', 'error');
    expect(f.message).toContain('10.245.0.0/16 is not IPv6');
  });
});

describe('network/dns-service-ip: an empty string or list is unset, as azurerm reads them', () => {
  it('fails for dns_service_ip with an empty service_cidr (no service range)', () => {
    const np = overlay({ service_cidr: '', dns_service_ip: '10.0.0.10' });
    expectFinding(run(clusterWithNetwork(np)), 'network/dns-service-ip', 'error', 'without a service range');
  });
  it('just valid: an empty dns_service_ip without a service range', () => {
    expectNoFinding(run(clusterWithNetwork(overlay({ dns_service_ip: '' }))), 'network/dns-service-ip');
  });
  it('just valid: an empty service_cidrs list without dns_service_ip', () => {
    expectNoFinding(run(clusterWithNetwork(overlay({ service_cidrs: [] }))), 'network/dns-service-ip');
  });
  it('quotes a DNS IP that is no address once, cut, without the parser repeating it', () => {
    const long = `10.0.0.${'9'.repeat(200)}`;
    const np = overlay({ service_cidr: '10.0.0.0/16', dns_service_ip: long });
    const f = expectFinding(run(clusterWithNetwork(np)), 'network/dns-service-ip', 'error', '(207 characters)');
    expect(f.message.split('999999').length).toBeLessThan(20);
  });
});

describe('network/cidr-syntax: the value is quoted once, cut with its length', () => {
  it('fails for a long unparseable range and says why without repeating it', () => {
    const long = `10.0.0.0/${'1'.repeat(150)}`;
    const f = expectFinding(run(clusterWithNetwork(overlay({ pod_cidr: long }))), 'network/cidr-syntax', 'error');
    expect(f.message).toContain('(159 characters)');
    expect(f.message).toContain('prefix length must be');
    expect(f.message.length).toBeLessThan(300);
  });
  it('just valid: a range without a prefix length is no syntax error (cidr-normalized warns)', () => {
    expectNoFinding(run(clusterWithNetwork(overlay({ pod_cidr: '10.244.0.0' }))), 'network/cidr-syntax');
  });
});

describe('pool/os-sku: os_type is Linux or Windows; an os_type of the wrong type is a document/type error', () => {
  it('fails for os_type Solaris', () => {
    const fs = check(tfDoc(aksCluster('aks'), nodePool('user', 'aks', { os_type: 'Solaris' })));
    expectFinding(fs, 'pool/os-sku', 'error', 'Solaris');
  });
  it('reports an os_type list as document/type, not as a skipped pool/os-sku', () => {
    const fs = check(tfDoc(aksCluster('aks'), nodePool('win', 'aks', { os_type: ['Windows'], os_sku: 'Windows2022' })));
    expect(ofId(fs, 'document/type').map((f) => f.message)).toEqual([expect.stringContaining('os_type')]);
    expect(ofId(fs, 'pool/os-sku')).toEqual([]);
  });
  it('just valid: os_type Windows with os_sku Windows2022', () => {
    const fs = check(tfDoc(aksCluster('aks'), nodePool('win', 'aks', { os_type: 'Windows', os_sku: 'Windows2022' })));
    expectNoFinding(fs, 'pool/os-sku');
  });
});

describe('pool/os-sku-k8s-version: the fix names an os_sku that runs on the version', () => {
  const pool = (version: string, extra: JsonObject) =>
    check(
      tfDoc(
        aksCluster('aks', { kubernetes_version: version }),
        nodePool('p', 'aks', { ...extra, orchestrator_version: version }),
      ),
    );
  it('Windows2022 on 1.37: remove os_sku (AKS picks Windows Server 2025), not Windows2022 again', () => {
    const f = expectFinding(
      pool('1.37', { os_type: 'Windows', os_sku: 'Windows2022' }),
      'pool/os-sku-k8s-version',
      'error',
    );
    expect(f.fix).toContain('remove os_sku');
    expect(f.fix).not.toContain("'Windows2022'");
  });
  it('AzureLinux3 on 1.27: Ubuntu, not AzureLinux (Azure Linux 2.0 below 1.32, retired)', () => {
    const f = expectFinding(pool('1.27', { os_sku: 'AzureLinux3' }), 'pool/os-sku-k8s-version', 'error');
    expect(f.fix).toContain("'Ubuntu'");
    expect(f.fix).not.toContain("'AzureLinux'");
  });
  it('just valid: Windows2022 on 1.36 and AzureLinux3 on 1.28', () => {
    expectNoFinding(pool('1.36', { os_type: 'Windows', os_sku: 'Windows2022' }), 'pool/os-sku-k8s-version');
    expectNoFinding(pool('1.28', { os_sku: 'AzureLinux3' }), 'pool/os-sku-k8s-version');
  });
});

describe('pool/windows-profile: azurerm 4.55 requires admin_username and admin_password', () => {
  const withProfile = (profile: JsonObject) => check(tfDoc(aksCluster('aks', { windows_profile: profile })));
  it('fails for a windows_profile without admin_password', () => {
    expectFinding(withProfile({ admin_username: 'azureuser' }), 'pool/windows-profile', 'error', 'no admin_password');
  });
  it('just valid: the password from a variable', () => {
    const fs = withProfile({ admin_username: 'azureuser', admin_password: '${var.windows_admin_password}' });
    expectNoFinding(fs, 'pool/windows-profile');
  });
});

describe('service/port: a node_port or target_port of 0 is unset', () => {
  const service = (port: JsonObject) =>
    check(
      tfDoc(
        aksCluster('aks'),
        kubernetesProvider('aks'),
        k8sService('web', { spec: { port: [{ port: 80, ...port }] } }),
      ),
    );
  it('fails for node_port 1 (outside 30000-32767)', () => {
    expectFinding(service({ node_port: 1 }), 'service/port', 'error', 'node_port 1');
  });
  it('just valid: node_port 0 (allocated: provider IsPortNumberOrZero) and target_port "0" (defaults to port)', () => {
    expectNoFinding(service({ node_port: 0, target_port: '0' }), 'service/port');
  });
});

describe('service/family-not-in-cluster: a family other than IPv4 / IPv6 is named as such', () => {
  const dual = (families: unknown[]) =>
    check(
      tfDoc(
        aksCluster('aks', { network_profile: { ip_versions: ['IPv4', 'IPv6'] } }),
        kubernetesProvider('aks'),
        k8sService('web', { spec: { ip_families: families, external_traffic_policy: 'Local' } }),
      ),
    );
  it('fails for ipv6 (lower case) on a dual-stack cluster, without asking to make it dual-stack', () => {
    const f = expectFinding(dual(['ipv6']), 'service/family-not-in-cluster', 'error', "'ipv6'", 'not IPv4 or IPv6');
    expect(f.fix).not.toContain('dual-stack');
  });
  it('just valid: IPv6 on a dual-stack cluster', () => {
    expectNoFinding(dual(['IPv6']), 'service/family-not-in-cluster');
  });
});

describe('pool/spot-system and pool/system-node-count: the mode decides, and an unknown mode is said', () => {
  const pool = (extra: JsonObject) => check(tfDoc(aksCluster('aks'), nodePool('p', 'aks', extra)));
  it('fails for a Spot System pool and a System pool of 0 nodes', () => {
    expectFinding(pool({ mode: 'System', priority: 'Spot' }), 'pool/spot-system', 'error', 'Spot');
    expectFinding(pool({ mode: 'System', node_count: 0 }), 'pool/system-node-count', 'error', 'node_count 0');
  });
  it('skips with a warning when the mode is an expression and the pool is Spot or has 0 nodes', () => {
    const spot = ofId(pool({ mode: '${var.mode}', priority: 'Spot' }), 'pool/spot-system');
    expect(spot).toMatchObject([{ severity: 'warning', skipped: true, message: expect.stringContaining('mode') }]);
    const empty = ofId(pool({ mode: '${var.mode}', node_count: 0 }), 'pool/system-node-count');
    expect(empty).toMatchObject([{ severity: 'warning', skipped: true, message: expect.stringContaining('mode') }]);
  });
  it('just valid: a User pool with a priority expression gives no skipped warning', () => {
    expectNoFinding(pool({ priority: '${var.priority}' }), 'pool/spot-system');
  });
});
