/**
 * directoryToDocument (lib/model/directory): a folder of Terraform JSON files merged as one
 * module, local modules inlined; and the CLI's reading of folders with `.tf` files
 * (lib/cli/inputs.ts, converted with @cdktn/hcl2json).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { directoryToDocument, localSourceDir } from '../lib/model/directory';
import { readModel } from '../lib/model';
import { check } from '../lib/rules';
import { loadInputs, loadTerraformFolder } from '../lib/cli/inputs';
import { InputError } from '../lib/cli/errors';

type Obj = Record<string, any>;

const CLUSTER = {
  name: 'aks',
  location: 'westeurope',
  resource_group_name: 'rg',
  dns_prefix: 'aks',
  default_node_pool: {
    name: 'system',
    vm_size: 'Standard_D4s_v5',
    node_count: 3,
    vnet_subnet_id: '${module.net.subnet_id}',
  },
  network_profile: { network_plugin: 'azure', network_plugin_mode: 'overlay', pod_cidr: '${var.pod_cidr}' },
};

const NET_MODULE = {
  variable: { cidr: {}, rg: {}, space: { default: ['10.1.0.0/16'] } },
  locals: { subnet_name: 'nodes-${var.cidr}' },
  resource: {
    azurerm_virtual_network: {
      vnet: { name: 'vnet', resource_group_name: '${var.rg}', address_space: '${var.space}' },
    },
    azurerm_subnet: {
      nodes: {
        name: '${local.subnet_name}',
        virtual_network_name: '${azurerm_virtual_network.vnet.name}',
        address_prefixes: ['${var.cidr}'],
      },
    },
  },
  output: { subnet_id: { value: '${azurerm_subnet.nodes.id}' } },
};

function files(map: Record<string, unknown>): { name: string; json: unknown }[] {
  return Object.entries(map).map(([name, json]) => ({ name, json }));
}

describe('merging one folder', () => {
  it('merges resources, variables, locals, providers and terraform blocks of several files', () => {
    const { document, problems } = directoryToDocument(
      files({
        'main.tf.json': {
          resource: { azurerm_kubernetes_cluster: { aks: CLUSTER } },
          provider: { azurerm: { features: {} } },
        },
        'vars.tf.json': { variable: { pod_cidr: { default: '10.244.0.0/16' } }, locals: { a: 1 } },
        'versions.tf.json': {
          terraform: { required_providers: { azurerm: { version: '4.55.0' } } },
          provider: { azurerm: { alias: 'hub', features: {} } },
        },
      }),
    );
    expect(problems).toEqual([]);
    expect(Object.keys((document as Obj).resource)).toEqual(['azurerm_kubernetes_cluster']);
    expect((document as Obj).variable.pod_cidr).toEqual({ default: '10.244.0.0/16' });
    expect((document as Obj).provider.azurerm).toHaveLength(2);
    expect((document as Obj).terraform).toEqual([{ required_providers: { azurerm: { version: '4.55.0' } } }]);
  });

  it('a resource defined in two files is an error naming both files', () => {
    const { problems } = directoryToDocument(
      files({
        'a.tf.json': { resource: { azurerm_subnet: { s: { name: 'a' } } } },
        'b.tf.json': { resource: { azurerm_subnet: { s: { name: 'b' } } } },
      }),
    );
    expect(problems).toEqual([
      {
        severity: 'error',
        address: 'azurerm_subnet.s',
        message: expect.stringContaining('defined twice (a.tf.json and b.tf.json)'),
      },
    ]);
  });

  it('override files merge into the blocks they name', () => {
    const { document, problems } = directoryToDocument(
      files({
        'main.tf.json': { resource: { azurerm_subnet: { s: { name: 'a', address_prefixes: ['10.0.0.0/24'] } } } },
        'main_override.tf.json': { resource: { azurerm_subnet: { s: { address_prefixes: ['10.9.0.0/24'] } } } },
      }),
    );
    expect(problems).toEqual([]);
    expect((document as Obj).resource.azurerm_subnet.s).toEqual({ name: 'a', address_prefixes: ['10.9.0.0/24'] });
  });

  it("keeps hcl2json's block shape (one-element lists) as it is", () => {
    const body = [{ name: 'aks', default_node_pool: [{ name: 'system' }] }];
    const { document } = directoryToDocument(
      files({ 'main.tf': { resource: { azurerm_kubernetes_cluster: { aks: body } } } }),
    );
    expect((document as Obj).resource.azurerm_kubernetes_cluster.aks).toEqual(body);
  });

  it('a file that is not an object is an error', () => {
    expect(directoryToDocument(files({ 'x.tf.json': [1] })).problems[0]).toMatchObject({
      severity: 'error',
      message: 'x.tf.json is not a Terraform JSON document (expected an object)',
    });
  });
});

describe('local modules', () => {
  const root = {
    resource: {
      azurerm_kubernetes_cluster: { aks: CLUSTER },
      azurerm_resource_group: { rg: { name: 'rg', location: 'westeurope' } },
    },
    module: { net: { source: './modules/net', cidr: '10.1.0.0/24', rg: '${azurerm_resource_group.rg.name}' } },
  };

  it('inlines the module with unique names, its real addresses, inputs and outputs substituted', () => {
    const { document, problems } = directoryToDocument(
      files({ 'main.tf.json': root, 'modules/net/main.tf.json': NET_MODULE }),
    );
    expect(problems).toEqual([]);
    const d = document as Obj;
    expect(d.module).toBeUndefined();
    expect(d.resource.azurerm_subnet.module_net__nodes).toEqual({
      name: '${local.module_net__subnet_name}',
      virtual_network_name: '${azurerm_virtual_network.module_net__vnet.name}',
      address_prefixes: ['10.1.0.0/24'],
      '//': { metadata: { address: 'module.net.azurerm_subnet.nodes' } },
    });
    expect(d.resource.azurerm_virtual_network.module_net__vnet).toMatchObject({
      resource_group_name: '${azurerm_resource_group.rg.name}',
      address_space: ['10.1.0.0/16'],
    });
    expect(d.locals).toEqual({ module_net__subnet_name: 'nodes-10.1.0.0/24' });
    expect(d.resource.azurerm_kubernetes_cluster.aks.default_node_pool.vnet_subnet_id).toBe(
      '${azurerm_subnet.module_net__nodes.id}',
    );
    expect(d.resource.azurerm_kubernetes_cluster.aks.network_profile.pod_cidr).toBe('${var.pod_cidr}');
    const model = readModel(document);
    expect(model.nodePools[0].subnet?.addressPrefixes).toEqual(['10.1.0.0/24']);
  });

  it('parts of an object or list passed to a module are followed (var.net.cidr, var.net["cidr"], var.list[1])', () => {
    const mod = {
      variable: { net: {}, prefixes: {} },
      resource: {
        azurerm_subnet: {
          a: { name: 'a-${var.net.name}', virtual_network_name: 'v', address_prefixes: ['${var.net.cidr}'] },
          b: { name: 'b', virtual_network_name: 'v', address_prefixes: ['${var.net["cidr"]}', '${var.prefixes[1]}'] },
          c: { name: 'c', virtual_network_name: 'v', address_prefixes: ['${var.net.missing}'] },
        },
      },
    };
    const caller = {
      module: {
        m: {
          source: './m',
          net: { name: 'nodes', cidr: '10.1.0.0/24' },
          prefixes: ['10.2.0.0/24', '10.3.0.0/24'],
        },
      },
    };
    const { document, problems } = directoryToDocument(files({ 'main.tf.json': caller, 'm/main.tf.json': mod }));
    expect(problems).toEqual([]);
    const subnets = (document as Obj).resource.azurerm_subnet;
    expect(subnets.module_m__a.name).toBe('a-nodes');
    expect(subnets.module_m__a.address_prefixes).toEqual(['10.1.0.0/24']);
    expect(subnets.module_m__b.address_prefixes).toEqual(['10.1.0.0/24', '10.3.0.0/24']);
    // a part the call does not pass stays an expression (the rules skip it), not a value
    expect(subnets.module_m__c.address_prefixes[0]).toMatch(/^\$\{/);
  });

  it("a call reading another call's outputs is inlined after it, whatever their names (module.z before module.b)", () => {
    const producer = {
      variable: { n: {} },
      resource: { azurerm_resource_group: { this: { name: '${var.n}', location: 'westeurope' } } },
      output: { name: { value: '${azurerm_resource_group.this.name}' }, cidr: { value: '10.4.0.0/24' } },
    };
    const consumer = {
      variable: { rg: {}, cidr: {} },
      resource: {
        azurerm_subnet: {
          s: {
            name: 's',
            resource_group_name: '${var.rg}',
            virtual_network_name: 'v',
            address_prefixes: ['${var.cidr}'],
          },
        },
      },
    };
    const caller = {
      module: {
        b: { source: './b', rg: '${module.z.name}', cidr: '${module.z.cidr}' },
        z: { source: './z', n: 'rg1' },
      },
    };
    const { document } = directoryToDocument(
      files({ 'main.tf.json': caller, 'b/main.tf.json': consumer, 'z/main.tf.json': producer }),
    );
    const s = (document as Obj).resource.azurerm_subnet.module_b__s;
    expect(s.address_prefixes).toEqual(['10.4.0.0/24']);
    expect(s.resource_group_name).toBe('${azurerm_resource_group.module_z__this.name}');
  });

  it('a module variable with a null default that the call does not set is null (the attribute is unset)', () => {
    const mod = {
      variable: { version: { default: null } },
      resource: { azurerm_kubernetes_cluster: { aks: { ...CLUSTER, kubernetes_version: '${var.version}' } } },
    };
    const { document } = directoryToDocument(
      files({ 'main.tf.json': { module: { m: { source: './m' } } }, 'm/main.tf.json': mod }),
    );
    expect((document as Obj).resource.azurerm_kubernetes_cluster.module_m__aks.kubernetes_version).toBeNull();
  });

  it("a module variable its call does not set is named as the module's in skip messages", () => {
    const mod = {
      variable: { pod_cidr: {} },
      resource: {
        azurerm_kubernetes_cluster: {
          aks: { ...CLUSTER, network_profile: { network_plugin: 'azure', pod_cidr: '${var.pod_cidr}' } },
        },
      },
    };
    const { document } = directoryToDocument(
      files({ 'main.tf.json': { module: { aks: { source: './m' } } }, 'm/main.tf.json': mod }),
    );
    const f = check(document).find((x) => x.skipped && x.message.includes('pod_cidr'));
    expect(f?.message).toContain('a variable of module.aks that its call does not set (var.pod_cidr)');
    expect(f?.fix).not.toContain('--var');
  });

  it("a root variable passed into a module's sensitive variable is declared sensitive (never resolved)", () => {
    const mod = { variable: { secretish: { sensitive: true } }, locals: { x: '${var.secretish}' } };
    const caller = { variable: { pw: {} }, module: { m: { source: './m', secretish: '${var.pw}' } } };
    const { document } = directoryToDocument(files({ 'main.tf.json': caller, 'm/main.tf.json': mod }));
    expect((document as Obj).variable.pw).toEqual({ sensitive: true });
  });

  it('a large object passed to a module is not copied into expressions that read it', () => {
    const big = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, `value-${i}`]));
    const mod = { variable: { net: {} }, locals: { a: '${upper(var.net.k1)}', b: '${length(var.net)}' } };
    const caller = { module: { m: { source: './m', net: big } } };
    const { document } = directoryToDocument(files({ 'main.tf.json': caller, 'm/main.tf.json': mod }));
    const locals = (document as Obj).locals;
    expect(locals.module_m__a).toBe('${upper("value-1")}');
    expect(JSON.stringify(locals.module_m__b).length).toBeLessThan(200);
  });

  it('a module called twice gets two sets of names; nested modules nest the prefix', () => {
    const twice = {
      module: {
        a: { source: './m', cidr: '10.1.0.0/24', rg: 'rg' },
        b: { source: './m', cidr: '10.2.0.0/24', rg: 'rg' },
      },
    };
    const nested = { module: { inner: { source: '../net', cidr: '${var.cidr}', rg: 'rg' } }, variable: { cidr: {} } };
    const { document, problems } = directoryToDocument(
      files({ 'main.tf.json': twice, 'm/main.tf.json': nested, 'net/main.tf.json': NET_MODULE }),
    );
    expect(problems).toEqual([]);
    const subnets = (document as Obj).resource.azurerm_subnet as Obj;
    expect(Object.keys(subnets)).toEqual(['module_a__module_inner__nodes', 'module_b__module_inner__nodes']);
    expect(subnets.module_b__module_inner__nodes.address_prefixes).toEqual(['10.2.0.0/24']);
    expect(subnets.module_b__module_inner__nodes['//'].metadata.address).toBe(
      'module.b.module.inner.azurerm_subnet.nodes',
    );
  });

  it('registry, git and count / for_each modules are not followed: one warning each, the call dropped', () => {
    const { document, problems } = directoryToDocument(
      files({
        'main.tf.json': {
          module: { aks: { source: 'Azure/aks/azurerm', version: '9.0.0' }, many: { source: './m', count: 2 } },
        },
        'm/main.tf.json': NET_MODULE,
      }),
    );
    expect(problems.map((p) => `${p.severity} ${p.address}`)).toEqual(['warning module.aks', 'warning module.many']);
    expect(problems[0].message).toContain('only local module sources');
    expect(problems[1].message).toContain('count or for_each');
    // the warning is the one word about it: the model reader does not warn a second time
    expect((document as Obj).module).toBeUndefined();
  });

  it('a missing folder and a module calling itself are warnings, not crashes', () => {
    const { problems } = directoryToDocument(
      files({ 'main.tf.json': { module: { gone: { source: './gone' }, self: { source: './' } } } }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('the folder gone does not exist or holds no .tf or .tf.json files'),
      expect.stringContaining('calls itself'),
    ]);
  });

  it('resolves source paths', () => {
    expect(localSourceDir('', './modules/net')).toBe('modules/net');
    expect(localSourceDir('modules/aks', '../net')).toBe('modules/net');
    expect(localSourceDir('', '../shared')).toBe('../shared');
    expect(localSourceDir('', 'git::https://example.com/x.git')).toBeUndefined();
  });
});

describe('reading folders from disk (lib/cli/inputs.ts)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-aks-overlay-dir-'));
    fs.mkdirSync(path.join(dir, 'stack/modules/net'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'stack/main.tf'),
      [
        'variable "pod_cidr" { default = "10.244.0.0/16" }',
        'module "net" {',
        '  source = "./modules/net"',
        '  cidr   = "10.1.0.0/24"',
        '  rg     = "rg"',
        '}',
        'resource "azurerm_kubernetes_cluster" "aks" {',
        '  name = "aks"',
        '  dns_prefix = "aks"',
        '  default_node_pool {',
        '    name = "system"',
        '    vm_size = "Standard_D4s_v5"',
        '    vnet_subnet_id = module.net.subnet_id',
        '  }',
        '}',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'stack/extra.tf.json'),
      JSON.stringify({ resource: { azurerm_resource_group: { rg: { name: 'rg', location: 'westeurope' } } } }),
    );
    fs.writeFileSync(path.join(dir, 'stack/modules/net/main.tf.json'), JSON.stringify(NET_MODULE));
    fs.mkdirSync(path.join(dir, 'bad'));
    fs.writeFileSync(path.join(dir, 'bad/main.tf'), 'resource "x" "y" {\n  a = \n}\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('converts .tf files, merges .tf.json files beside them and follows the local module', async () => {
    const stack = await loadTerraformFolder(path.join(dir, 'stack'), dir);
    expect(stack.name).toBe('stack');
    const d = stack.document as Obj;
    expect(Object.keys(d.resource).sort()).toEqual([
      'azurerm_kubernetes_cluster',
      'azurerm_resource_group',
      'azurerm_subnet',
      'azurerm_virtual_network',
    ]);
    // hcl2json's shape: the resource body is a one-element list, kept as it is
    expect(d.resource.azurerm_kubernetes_cluster.aks[0].default_node_pool[0].vnet_subnet_id).toBe(
      '${azurerm_subnet.module_net__nodes.id}',
    );
    const stacks = await loadInputs(['stack'], dir);
    expect(stacks.map((s) => s.file)).toEqual(['stack']);
  });

  it('an HCL syntax error is one InputError line naming the file', async () => {
    await expect(loadTerraformFolder(path.join(dir, 'bad'), dir)).rejects.toThrow(InputError);
    await expect(loadTerraformFolder(path.join(dir, 'bad'), dir)).rejects.toThrow(
      /^bad\/main\.tf: not valid HCL: [^\n]+$/,
    );
  });
});
