/**
 * Input variable values: the check context's `variables` (engine), and the CLI's `--var`,
 * `--var-file` and the tfvars files Terraform loads from a folder of `.tf` files. Defaults are never
 * used; sensitive variables and secret attributes are never resolved.
 */
import * as fs from 'fs';
import * as path from 'path';
import { check } from '../lib/rules';
import { cli, tempDir } from './support/cli';
import { aksCluster, tfDoc, type JsonObject } from './support/tf';

const overlay = (extra: JsonObject): JsonObject => ({
  network_plugin: 'azure',
  network_plugin_mode: 'overlay',
  ...extra,
});
const withProfile = (np: JsonObject, variable: JsonObject = {}, cluster: JsonObject = {}): JsonObject => ({
  ...tfDoc(aksCluster('aks', { network_profile: overlay(np), ...cluster })),
  variable,
});
const ids = (fs: readonly { ruleId: string; severity: string; skipped?: boolean }[], severity = 'error') =>
  fs.filter((f) => f.severity === severity && !f.skipped).map((f) => f.ruleId);

describe('the check context gives variable values', () => {
  const doc = withProfile({ service_cidr: '${var.net.service_cidr}', dns_service_ip: '${var.dns}' });
  it('resolves var.NAME and var.NAME.attr: a wrong value is an error', () => {
    const fs = check(doc, { variables: { net: { service_cidr: '10.0.0.0/16' }, dns: '10.1.0.10' } });
    expect(ids(fs)).toContain('network/dns-service-ip');
  });
  it('just valid: a right value gives no error and no skip', () => {
    const fs = check(doc, { variables: { net: { service_cidr: '10.0.0.0/16' }, dns: '10.0.0.10' } });
    expect(ids(fs)).toEqual([]);
    expect(fs.filter((f) => f.skipped && f.message.includes('var.'))).toEqual([]);
  });
  it('without a value the rules skip; a default is never used as the value', () => {
    const withDefault = withProfile(
      { service_cidr: '${var.net.service_cidr}', dns_service_ip: '${var.dns}' },
      { dns: { default: '10.1.0.10' }, net: { default: { service_cidr: '10.0.0.0/16' } } },
    );
    const fs = check(withDefault);
    expect(ids(fs)).toEqual([]);
    expect(fs.some((f) => f.skipped && f.ruleId === 'network/dns-service-ip')).toBe(true);
  });
  it('a sensitive variable is not resolved', () => {
    const sensitive = withProfile({ dns_service_ip: '${var.dns}' }, { dns: { sensitive: true } });
    const fs = check(sensitive, { variables: { dns: '10.1.0.10' } });
    expect(ids(fs)).toEqual([]);
  });
  it('a secret attribute never reads a variable value', () => {
    const secret = 'Sh0rt!';
    const win = tfDoc(
      aksCluster('aks', { windows_profile: { admin_username: 'azureuser', admin_password: '${var.pw}' } }),
    );
    const fs = check(win, { variables: { pw: secret } });
    expect(JSON.stringify(fs)).not.toContain(secret);
    expect(fs.filter((f) => f.ruleId === 'pool/windows-password-literal')).toEqual([]);
  });
  it('a variable any secret attribute reads is never resolved anywhere (its value never reaches a message)', () => {
    const secret = 'SECRETVALUE-sp-XyZ123';
    const doc = withProfile(
      { network_plugin: 'kubenet', pod_cidr: '${var.sp}', dns_service_ip: '${var.pw}' },
      {},
      {
        service_principal: { client_id: 'x', client_secret: '${var.sp}' },
        windows_profile: { admin_username: 'azureuser', admin_password: '${var.pw}' },
      },
    );
    const fs = check(doc, { variables: { sp: secret, pw: 'SECRETPW-Win-987!' } });
    const text = JSON.stringify(fs);
    expect(text).not.toContain('SECRET');
    expect(fs.some((f) => f.skipped && f.message.includes('var.sp'))).toBe(true);
  });
  it('a variable a secret attribute reads through a local is never resolved', () => {
    const doc = withProfile(
      { pod_cidr: '${var.pw}' },
      {},
      {
        windows_profile: { admin_username: 'azureuser', admin_password: '${local.p}' },
      },
    );
    const withLocal = { ...doc, locals: { p: '${local.q}', q: '${var.pw}' } };
    expect(JSON.stringify(check(withLocal, { variables: { pw: 'Hunter2Secret!' } }))).not.toContain('Hunter2');
  });
  it.each(['server_app_secret', 'client_certificate_password', 'oidc_token'])(
    'an attribute named like a secret (%s) withholds the variables it reads',
    (attribute) => {
      const doc = withProfile({ pod_cidr: '${var.s}' }, {}, { some_block: { [attribute]: '${var.s}' } });
      expect(JSON.stringify(check(doc, { variables: { s: 'Hunter2Secret!' } }))).not.toContain('Hunter2');
    },
  );
  it('a value with ${ in it is text, not an expression to follow', () => {
    const fs = check(doc, { variables: { net: { service_cidr: '10.0.0.0/16' }, dns: '${var.dns}' } });
    expect(ids(fs)).toEqual([]);
  });
});

describe('count and for_each over given values', () => {
  const doc = (forEach: string, locals: JsonObject = {}): JsonObject => ({
    locals,
    resource: {
      azurerm_virtual_network: {
        v: { name: 'v', location: 'westeurope', resource_group_name: 'rg', address_space: ['10.0.0.0/16'] },
      },
      azurerm_subnet: {
        s: {
          for_each: forEach,
          name: '${each.key}',
          resource_group_name: 'rg',
          virtual_network_name: '${azurerm_virtual_network.v.name}',
          address_prefixes: '${each.value}',
        },
      },
    },
  });
  const overlapping = { a: ['10.0.0.0/24'], b: ['10.0.0.128/25'] };
  it('a for_each over a given variable is expanded: two overlapping subnets are an error', () => {
    const fs = check(doc('${var.subnets}'), { variables: { subnets: overlapping } });
    expect(ids(fs)).toContain('network/overlap');
    expect(fs.filter((f) => f.ruleId === 'document/not-evaluated')).toEqual([]);
  });
  it('a for_each over a literal local is expanded too', () => {
    expect(ids(check(doc('${local.subnets}', { subnets: overlapping })))).toContain('network/overlap');
  });
  it('just valid: without the value it is named in document/not-evaluated, and nothing fails', () => {
    const fs = check(doc('${var.subnets}'));
    expect(ids(fs)).toEqual([]);
    expect(fs.some((f) => f.ruleId === 'document/not-evaluated' && f.message.includes('for_each'))).toBe(true);
  });
});

describe('CLI: --var, --var-file and a folder tfvars files', () => {
  const MAIN_TF = `
resource "azurerm_kubernetes_cluster" "c" {
  name                = "c"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "c"
  default_node_pool {
    name       = "default"
    node_count = 2
    vm_size    = "Standard_DS2_v2"
  }
  identity { type = "SystemAssigned" }
  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    service_cidr        = var.net.service_cidr
    dns_service_ip      = var.dns
  }
}
`;
  function folder(files: Record<string, string>): string {
    const dir = tempDir('vars-');
    fs.writeFileSync(path.join(dir, 'main.tf'), MAIN_TF);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return dir;
  }
  const NET = 'net = { service_cidr = "10.0.0.0/16" }\n';

  it('loads terraform.tfvars as Terraform does: a wrong value is an error (exit 1)', async () => {
    const dir = folder({ 'terraform.tfvars': `${NET}dns = "10.1.0.10"\n` });
    const r = await cli(['check', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('network/dns-service-ip');
  });
  it('*.auto.tfvars.json wins over terraform.tfvars; --var-file over both; --var over all', async () => {
    const dir = folder({
      'terraform.tfvars': `${NET}dns = "10.1.0.10"\n`,
      'b.auto.tfvars.json': JSON.stringify({ dns: '10.0.0.10' }),
    });
    expect((await cli(['check', dir])).code).toBe(0);
    const bad = path.join(dir, 'bad.tfvars.json');
    fs.writeFileSync(bad, JSON.stringify({ dns: '10.2.0.10' }));
    expect((await cli(['check', dir, '--var-file', bad])).code).toBe(1);
    expect((await cli(['check', dir, '--var-file', bad, '--var', 'dns=10.0.0.10'])).code).toBe(0);
  });
  it('--var takes lists and objects as JSON, and report reads the values too', async () => {
    const dir = folder({});
    const args = ['--var', 'net={"service_cidr":"10.0.0.0/16"}', '--var', 'dns=10.1.0.10'];
    expect((await cli(['check', dir, ...args])).code).toBe(1);
    const report = await cli(['report', dir, ...args]);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('network/dns-service-ip');
  });
  it.each([
    [['--var', 'no-equals-sign'], /--var: a value of 14 characters without '='/],
    [['--var', 'bad name=1'], /--var: 'bad name' is not a variable name/],
    [['--var-file', 'missing.tfvars'], /--var-file .*missing\.tfvars: cannot read/],
  ])('unusable %j: exit 2, one line naming the option', async (args, message) => {
    const r = await cli(['check', folder({}), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
  it('a secret is never quoted from a malformed --var or variables file', async () => {
    const dir = folder({});
    const bad = path.join(dir, 's.tfvars.json');
    fs.writeFileSync(bad, '{"pw": Hunter2Secret}');
    for (const args of [
      ['--var', 'pw:Hunter2Secret'],
      ['--var-file', bad],
    ]) {
      const r = await cli(['check', dir, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr + r.stdout).not.toContain('Hunter2');
    }
  });
  it('--var and --var-file apply in the order given, as in Terraform', async () => {
    const dir = folder({ 'terraform.tfvars': NET });
    const file = path.join(dir, 'x.tfvars.json');
    fs.writeFileSync(file, JSON.stringify({ dns: '10.1.0.10' }));
    expect((await cli(['check', dir, '--var', 'dns=10.0.0.10', '--var-file', file])).code).toBe(1);
    expect((await cli(['check', dir, '--var-file', file, '--var', 'dns=10.0.0.10'])).code).toBe(0);
  });
  it('links: a --var-file may be one; a folder tfvars link inside the folder is read, one out of it voids them all', async () => {
    const outside = folder({});
    fs.writeFileSync(path.join(outside, 'good.tfvars'), 'dns = "10.0.0.10"\n');
    const dir = folder({ 'terraform.tfvars': `${NET}dns = "10.1.0.10"\n`, 'real.tfvars': 'dns = "10.0.0.10"\n' });
    const link = path.join(dir, 'link.tfvars');
    fs.symlinkSync(path.join(outside, 'good.tfvars'), link);
    expect((await cli(['check', dir, '--var-file', link])).code).toBe(0);
    fs.symlinkSync('real.tfvars', path.join(dir, 'a.auto.tfvars'));
    expect((await cli(['check', dir])).code).toBe(0);
    fs.symlinkSync(path.join(outside, 'good.tfvars'), path.join(dir, 'b.auto.tfvars'));
    const r = await cli(['check', dir, '--format', 'json']);
    expect(r.code).toBe(0); // no value is read: the rules skip, none fails
    expect(r.stdout).toContain('a symbolic link out of the folder');
  });
  it('a variables file that is not an object of values: exit 2 naming the file', async () => {
    const dir = folder({});
    const list = path.join(dir, 'list.tfvars.json');
    fs.writeFileSync(list, '["a"]');
    const r = await cli(['check', dir, '--var-file', list]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--var-file .*list\.tfvars\.json: expected an object of variable values/);
  });
});
