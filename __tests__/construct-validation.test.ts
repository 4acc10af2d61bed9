import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import {
  AksCluster,
  AksClusterProps,
  AksNodePool,
  AksStackValidation,
  LoadBalancerService,
  NginxWorkload,
} from '../lib/constructs';
import { check, CONTEXT_METADATA_KEY } from '../lib/rules';

const BASE: AksClusterProps = { name: 'aks', resourceGroupName: 'rg', location: 'eastus2' };
/** A cluster with an explicit Windows profile (the password from the sensitive variable). */
const WITH_PROFILE: AksClusterProps = { ...BASE, windowsProfile: {} };
const VALIDATION_PATH = 'stack/cdktf-aks-overlay-validation';
const EXISTING_SUBNET =
  '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/nodes';

/** A stack with the azurerm provider (cdktf's own validation wants one) and whatever `build` adds. */
function stackWith(build: (scope: Construct) => void, app: App = Testing.app()): TerraformStack {
  const stack = new TerraformStack(app, 'stack');
  new AzurermProvider(stack, 'azurerm', { features: [{}], resourceProviderRegistrations: 'none' });
  build(stack);
  return stack;
}

/**
 * Runs the stack's validations the way `Testing.synth(stack, true)` does and returns the error text ('' when it
 * passes).
 */
function validationError(build: (scope: Construct) => void): string {
  const stack = stackWith(build);
  try {
    Testing.synth(stack, true);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

/** The lines of a validation error that name our validation, without cdktf's `[path] ` prefix. */
function findingLines(message: string): string[] {
  return message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith(`[${VALIDATION_PATH}] `))
    .map((l) => l.slice(VALIDATION_PATH.length + 3));
}

/** Warnings recorded on constructs of the stack, as `path: message`. */
function warnings(stack: TerraformStack): string[] {
  return stack.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => `${c.node.path}: ${String(m.data)}`),
    );
}

function subnet(scope: Construct, id: string, prefix: string): Subnet {
  return new Subnet(scope, id, {
    name: id,
    resourceGroupName: 'rg',
    virtualNetworkName: 'vnet',
    addressPrefixes: [prefix],
  });
}

describe('AksStackValidation: one per stack', () => {
  test('every construct of a stack finds the same validation; another stack has its own', () => {
    const app = Testing.app();
    const a = new TerraformStack(app, 'a');
    const b = new TerraformStack(app, 'b');
    const c1 = new AksCluster(a, 'one', BASE);
    const c2 = new AksCluster(a, 'two', { ...BASE, name: 'two' });
    const c3 = new AksCluster(b, 'three', { ...BASE, name: 'three' });
    expect(AksStackValidation.of(c1)).toBe(AksStackValidation.of(c2));
    expect(AksStackValidation.of(c1.resource)).toBe(AksStackValidation.of(a));
    expect(AksStackValidation.of(c3)).not.toBe(AksStackValidation.of(c1));
    expect(a.node.findAll().filter((x) => AksStackValidation.isAksStackValidation(x))).toHaveLength(1);
  });

  test('the reserved id cannot be taken by another construct', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new Construct(stack, 'cdktf-aks-overlay-validation');
    expect(() => new AksCluster(stack, 'aks', BASE)).toThrow(/reserved for cdktf-aks-overlay's stack validation/);
  });
});

describe('AksStackValidation: valid plans pass', () => {
  test('the default cluster, a dual-stack cluster with pools, and the walkthrough subnets pass Testing.synth(stack, true)', () => {
    expect(
      validationError((s) => {
        new AksCluster(s, 'aks', BASE);
      }),
    ).toBe('');
    expect(
      validationError((s) => {
        new AksCluster(s, 'aks', { ...BASE, ipFamilies: ['IPv4', 'IPv6'] }).addNodePool('user', {
          name: 'user',
          minCount: 1,
          maxCount: 3,
        });
      }),
    ).toBe('');
    expect(
      validationError((s) => {
        const c = new AksCluster(s, 'aks', {
          ...BASE,
          podCidr: '192.168.0.0/16',
          defaultNodePool: { vnetSubnet: subnet(s, 'nodes', '10.240.0.0/16') },
        });
        c.addNodePool('pool2', { name: 'pool2', vnetSubnet: subnet(s, 'pool2', '10.241.0.0/16') });
      }),
    ).toBe('');
  });

  test('app.synth() passes for a valid plan: a Windows pool with windowsProfile', () => {
    const app = Testing.app();
    stackWith((s) => {
      new AksCluster(s, 'aks', WITH_PROFILE).addNodePool('win', { name: 'win', osType: 'Windows', nodeCount: 2 });
    }, app);
    expect(() => app.synth()).not.toThrow();
  });

  test('app.synth() passes for a Windows pool without windowsProfile (AKS generates it)', () => {
    const app = Testing.app();
    stackWith((s) => {
      new AksCluster(s, 'aks', BASE).addNodePool('win', { name: 'win', osType: 'Windows', nodeCount: 2 });
    }, app);
    expect(() => app.synth()).not.toThrow();
  });
});

describe('AksStackValidation: rules fire through the constructs, rule id first', () => {
  test.each<[string, string, (s: Construct) => void]>([
    [
      'an overlapping subnet',
      'network/overlap',
      (s) => {
        new AksCluster(s, 'aks', { ...BASE, defaultNodePool: { vnetSubnet: subnet(s, 'nodes', '10.244.0.0/24') } });
      },
    ],
    [
      'a 7-character Windows pool name',
      'pool/name',
      (s) => {
        new AksCluster(s, 'aks', BASE).addNodePool('win', { name: 'windows', osType: 'Windows' });
      },
    ],
    [
      'an IPv6 service range /100',
      'network/service-cidr-ipv6-size',
      (s) => {
        new AksCluster(s, 'aks', {
          ...BASE,
          ipFamilies: ['IPv4', 'IPv6'],
          serviceCidrs: ['10.0.0.0/16', 'fd12:3456:789a:1::/100'],
        });
      },
    ],
    [
      'AzureLinux on Kubernetes 1.31',
      'pool/azure-linux-2-retired',
      (s) => {
        new AksCluster(s, 'aks', { ...BASE, kubernetesVersion: '1.31', defaultNodePool: { osSku: 'AzureLinux' } });
      },
    ],
    [
      'a DCsv2 VM size with overlay',
      'network/overlay-vm-size',
      (s) => {
        new AksCluster(s, 'aks', BASE).addNodePool('dc', { name: 'dc', vmSize: 'Standard_DC2s_v2' });
      },
    ],
    [
      'a subnet given as { id, addressPrefixes } that overlaps the pod range',
      'network/overlap',
      (s) => {
        new AksCluster(s, 'aks', {
          ...BASE,
          defaultNodePool: { vnetSubnet: { id: EXISTING_SUBNET, addressPrefixes: ['10.244.8.0/22'] } },
        });
      },
    ],
    [
      'a pod CIDR in node-subnet mode',
      'network/pod-cidr-without-overlay',
      (s) => {
        new AksCluster(s, 'aks', { ...BASE, networkPlugin: 'azure', podCidr: '192.168.0.0/16' });
      },
    ],
    [
      'ipFamilies IPv6 alone',
      'network/ip-families',
      (s) => {
        new AksCluster(s, 'aks', { ...BASE, ipFamilies: ['IPv6'] });
      },
    ],
  ])('%s -> %s', (_name, ruleId, build) => {
    const message = validationError(build);
    expect(message).toMatch(/^Validation failed with the following errors:/);
    const lines = findingLines(message);
    expect(lines.some((l) => l.startsWith(`${ruleId}: `))).toBe(true);
    // every line: rule id first, construct path last
    for (const l of lines) expect(l).toMatch(/^[a-z]+\/[a-z0-9-]+: .+ \(stack\/[^)]+\)$/);
  });

  test('the existing subnet without addressPrefixes is not checked for overlap (nothing to compare)', () => {
    const message = validationError((s) => {
      new AksCluster(s, 'aks', { ...BASE, defaultNodePool: { vnetSubnet: { id: EXISTING_SUBNET } } });
    });
    expect(findingLines(message).filter((l) => l.startsWith('network/overlap'))).toEqual([]);
  });

  test('several problems are all listed in one error', () => {
    const message = validationError((s) => {
      const c = new AksCluster(s, 'aks', {
        ...BASE,
        ipFamilies: ['IPv4', 'IPv6'],
        serviceCidrs: ['10.0.0.0/16', 'fd12:3456:789a:1::/100'],
        defaultNodePool: { vnetSubnet: subnet(s, 'nodes', '10.244.0.0/24') },
      });
      c.addNodePool('win', { name: 'windows', osType: 'Windows', vnetSubnet: subnet(s, 'win', '10.245.0.0/24') });
      c.addNodePool('dc', { name: 'dc', vmSize: 'Standard_DC4s_v2', vnetSubnet: subnet(s, 'dc', '10.246.0.0/24') });
    });
    const ids = new Set(findingLines(message).map((l) => l.split(':')[0]));
    for (const id of ['network/overlap', 'pool/name', 'network/service-cidr-ipv6-size', 'network/overlay-vm-size'])
      expect(ids).toContain(id);
    expect(message.match(/^Validation failed/gm)).toHaveLength(1);
  });

  test('errors fail app.synth(); skipValidation: true lets it through', () => {
    const bad = (s: Construct): void => {
      new AksCluster(s, 'aks', BASE).addNodePool('win', { name: 'windows', osType: 'Windows' });
    };
    const app = Testing.app();
    stackWith(bad, app);
    expect(() => app.synth()).toThrow(/\[stack\/cdktf-aks-overlay-validation\] pool\/name: .*'windows'/);
    const skipping = new App({ outdir: app.outdir, skipValidation: true });
    stackWith(bad, skipping);
    expect(() => skipping.synth()).not.toThrow();
  });

  test('Testing.synthScope and Testing.synth(stack) do not run validations', () => {
    expect(() =>
      Testing.synthScope((s) => {
        new AksCluster(s, 'aks', BASE).addNodePool('win', { name: 'windows', osType: 'Windows' });
      }),
    ).not.toThrow();
  });

  test('findings() gives the same findings as objects', () => {
    const stack = stackWith((s) => {
      new AksCluster(s, 'aks', BASE).addNodePool('win', { name: 'windows', osType: 'Windows' });
    });
    const findings = AksStackValidation.of(stack)
      .findings()
      .filter((f) => f.severity === 'error');
    expect(findings.map((f) => [f.ruleId, f.path])).toEqual([['pool/name', 'stack/aks/win/resource']]);
  });
});

describe('AksStackValidation: warnings and context', () => {
  const windowsDualStack =
    (props: Partial<AksClusterProps> = {}) =>
    (s: Construct): void => {
      new AksCluster(s, 'aks', { ...BASE, ipFamilies: ['IPv4', 'IPv6'], ...props }).addNodePool('win', {
        name: 'win',
        osType: 'Windows',
      });
    };

  test('a warning goes to Annotations on the offending construct, once, and does not fail synth', () => {
    const stack = stackWith((s) => {
      new AksCluster(s, 'aks', { ...BASE, serviceCidr: '10.0.0.0/16', dnsServiceIp: '10.0.0.53' });
    });
    Testing.synth(stack, true);
    Testing.synth(stack, true);
    const w = warnings(stack).filter((x) => x.includes('network/dns-service-ip-convention'));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^stack\/aks\/resource: network\/dns-service-ip-convention: /);
  });
  test('a Windows pool in a dual-stack cluster gives no preview-feature warning any more (AKS changelog 2026-07-17)', () => {
    const stack = stackWith(windowsDualStack());
    Testing.synth(stack, true);
    expect(warnings(stack).filter((x) => x.includes('dual-stack-preview'))).toEqual([]);
  });

  test('token values are skipped with a warning instead of an error', () => {
    const stack = stackWith((s) => {
      const pod = new TerraformVariable(s, 'pod_cidr', { type: 'string' });
      new AksCluster(s, 'aks', { ...BASE, podCidr: pod.stringValue });
    });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(warnings(stack).some((w) => w.includes('${var.pod_cidr}'))).toBe(true);
  });

  test('context: subnets by the id string of the JSON, service families by address, features sorted', () => {
    const stack = stackWith((s) => {
      const v = AksStackValidation.of(s);
      const sub = new TerraformVariable(s, 'subnet_id', { type: 'string' });
      const c = new AksCluster(s, 'aks', {
        ...BASE,
        defaultNodePool: { vnetSubnet: { id: sub.stringValue, addressPrefixes: ['10.240.0.0/16'] } },
      });
      c.addNodePool('p', { name: 'p', vnetSubnet: { id: EXISTING_SUBNET, addressPrefixes: ['10.241.0.0/16'] } });
      c.addNodePool('q', { name: 'q', vnetSubnet: { id: `${EXISTING_SUBNET}2`, addressPrefixes: [sub.stringValue] } });
      c.addNodePool('r', { name: 'r', vnetSubnet: subnet(s, 'local', '10.242.0.0/16') });
      const svc = new ServiceV1(s, 'svc', { metadata: { name: 'web' }, spec: { type: 'LoadBalancer' } });
      v.addServiceClusterFamilies(svc, c.ipFamilies);
      v.addServiceClusterFamilies('kubernetes_service_v1.other', ['IPv4', 'IPv6']);
      v.addRegisteredFeature('Microsoft.B/Y');
      v.addRegisteredFeature('Microsoft.A/X');
      v.addVirtualNetwork('/vnet', ['10.240.0.0/12']);
    });
    expect(AksStackValidation.of(stack).context()).toEqual({
      subnets: { '${var.subnet_id}': ['10.240.0.0/16'], [EXISTING_SUBNET]: ['10.241.0.0/16'] },
      virtualNetworks: { '/vnet': ['10.240.0.0/12'] },
      serviceClusterFamilies: {
        'kubernetes_service_v1.svc': ['IPv4'],
        'kubernetes_service_v1.other': ['IPv4', 'IPv6'],
      },
      registeredFeatures: ['Microsoft.A/X', 'Microsoft.B/Y'],
    });
  });

  test('a Subnet resource of another stack reaches the rules through its cross-stack expression', () => {
    const app = Testing.app();
    const net = new TerraformStack(app, 'net');
    new AzurermProvider(net, 'azurerm', { features: [{}] });
    const nodes = subnet(net, 'nodes', '10.244.0.0/24');
    stackWith((s) => {
      new AksCluster(s, 'aks', { ...BASE, defaultNodePool: { vnetSubnet: nodes } });
    }, app);
    expect(() => app.synth()).toThrow(/network\/overlap: .*10\.244\.0\.0\/24/);
  });
});

describe('no password literal in synthesized JSON', () => {
  /** Every `admin_password` value anywhere in a document. */
  function adminPasswords(node: unknown): unknown[] {
    if (Array.isArray(node)) return node.flatMap(adminPasswords);
    if (node === null || typeof node !== 'object') return [];
    return Object.entries(node).flatMap(([k, v]) => (k === 'admin_password' ? [v] : adminPasswords(v)));
  }

  test('Windows pools with and without windowsProfile: passwords are sensitive-variable expressions only', () => {
    const docs = [
      Testing.synthScope((s) => {
        new AksCluster(s, 'aks', { ...BASE, windowsProfile: { adminUsername: 'winadmin' } }).addNodePool('win', {
          name: 'win',
          osType: 'Windows',
        });
      }),
      Testing.synthScope((s) => {
        const pw = new TerraformVariable(s, 'pw', { type: 'string', sensitive: true });
        new AksCluster(s, 'aks', { ...BASE, windowsProfile: { adminPassword: pw.stringValue } }).addNodePool('win', {
          name: 'win',
          osType: 'Windows',
        });
      }),
    ].map((j) => JSON.parse(j));
    for (const doc of docs) {
      const values = adminPasswords(doc);
      expect(values).toHaveLength(1);
      const m = /^\$\{var\.([a-z_]+)\}$/.exec(String(values[0]));
      expect(m).not.toBeNull();
      expect(doc.variable[m![1]].sensitive).toBe(true);
      expect(doc.variable[m![1]]).not.toHaveProperty('default');
    }
    const generated = JSON.parse(
      Testing.synthScope((s) => {
        new AksCluster(s, 'aks', BASE).addNodePool('win', { name: 'win', osType: 'Windows' });
      }),
    );
    expect(adminPasswords(generated)).toEqual([]);
    expect(generated.variable).toBeUndefined();
  });
});

describe('the context is written into the stack metadata', () => {
  test('an existing subnet given as { id, addressPrefixes } lands in //.metadata, and check over the JSON alone sees the overlap synth sees', () => {
    const stack = stackWith((s) => {
      new AksCluster(s, 'aks', {
        ...BASE,
        defaultNodePool: { vnetSubnet: { id: EXISTING_SUBNET, addressPrefixes: ['10.244.8.0/22'] } },
      });
    });
    const doc = stack.toTerraform() as { '//': { metadata: Record<string, unknown> } };
    expect(doc['//'].metadata[CONTEXT_METADATA_KEY]).toEqual({ subnets: { [EXISTING_SUBNET]: ['10.244.8.0/22'] } });
    const fromJsonAlone = check(JSON.parse(JSON.stringify(doc)))
      .filter((f) => f.severity === 'error')
      .map((f) => f.ruleId);
    expect(fromJsonAlone).toContain('network/overlap');
    expect(fromJsonAlone).toEqual(
      AksStackValidation.of(stack)
        .findings()
        .filter((f) => f.severity === 'error')
        .map((f) => f.ruleId),
    );
  });

  test('a stack with nothing beyond its JSON writes no context', () => {
    const stack = stackWith((s) => {
      new AksCluster(s, 'aks', BASE);
    });
    expect(
      (stack.toTerraform() as { '//': { metadata: Record<string, unknown> } })['//'].metadata[CONTEXT_METADATA_KEY],
    ).toBeUndefined();
  });
});

describe('bad input from untyped JS: a clear error naming the prop (and rule id), never a bare TypeError', () => {
  const SVC = { name: 'web', ipFamily: 'IPv4', port: 80, selector: { app: 'web' } } as const;
  /** Builds in a stack with both providers, then synthesizes with validation; returns what was thrown, and when. */
  function outcome(build: (s: Construct) => void): { phase: 'construction' | 'synth' | 'none'; error?: Error } {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AzurermProvider(stack, 'azurerm', { features: [{}], resourceProviderRegistrations: 'none' });
    new KubernetesProvider(stack, 'kubernetes', {});
    try {
      build(stack);
    } catch (e) {
      return { phase: 'construction', error: e as Error };
    }
    try {
      Testing.synth(stack, true);
    } catch (e) {
      return { phase: 'synth', error: e as Error };
    }
    return { phase: 'none' };
  }

  test.each<[string, 'construction' | 'synth', RegExp, (s: Construct) => void]>([
    [
      'AksCluster props undefined',
      'construction',
      /stack\/a: AksCluster props are undefined; pass an object, e\.g\. \{ name:/,
      (s) => {
        new AksCluster(s, 'a', undefined as any);
      },
    ],
    [
      'AksCluster props null',
      'construction',
      /AksCluster props are null/,
      (s) => {
        new AksCluster(s, 'a', null as any);
      },
    ],
    [
      'name missing',
      'construction',
      /stack\/a: name \(--name\) is required/,
      (s) => {
        new AksCluster(s, 'a', { ...BASE, name: undefined as any });
      },
    ],
    [
      'location missing',
      'construction',
      /location \(--location\) is required/,
      (s) => {
        new AksCluster(s, 'a', { ...BASE, location: undefined as any });
      },
    ],
    [
      'name an object',
      'synth',
      /document\/shape: name is an object/,
      (s) => {
        new AksCluster(s, 'a', { ...BASE, name: { x: 1 } as any });
      },
    ],
    [
      'ipFamilies a string',
      'construction',
      /network\/ip-families: ipFamilies is 'IPv4', not a list/,
      (s) => {
        new AksCluster(s, 'a', { ...BASE, ipFamilies: 'IPv4' as any });
      },
    ],
    [
      'ipFamilies with null',
      'construction',
      /network\/ip-families: ipFamilies has an unknown value null/,
      (s) => {
        new AksCluster(s, 'a', { ...BASE, ipFamilies: [null as any] });
      },
    ],
    [
      'podCidrs a string',
      'synth',
      /document\/type: network_profile\.pod_cidrs is "x", a string where a list/,
      (s) => {
        new AksCluster(s, 'a', { ...BASE, ipFamilies: ['IPv4', 'IPv6'], podCidrs: 'x' as any });
      },
    ],
    [
      'serviceCidrs a string',
      'synth',
      /document\/type: network_profile\.service_cidrs is "10\.0\.0\.0\/16", a string where a list/,
      (s) => {
        new AksCluster(s, 'a', { ...BASE, serviceCidrs: '10.0.0.0/16' as any });
      },
    ],
    [
      'podCidr a number',
      'synth',
      /network\/cidr-syntax: network_profile\.pod_cidr '5' is not a range/,
      (s) => {
        new AksCluster(s, 'a', { ...BASE, podCidr: 5 as any });
      },
    ],
    [
      'vnetSubnet a string',
      'construction',
      /stack\/a: defaultNodePool\.vnetSubnet is 'x', not a subnet/,
      (s) => {
        new AksCluster(s, 'a', { ...BASE, defaultNodePool: { vnetSubnet: 'x' as any } });
      },
    ],
    [
      'vnetSubnet null',
      'construction',
      /defaultNodePool\.vnetSubnet is null, not a subnet/,
      (s) => {
        new AksCluster(s, 'a', { ...BASE, defaultNodePool: { vnetSubnet: null as any } });
      },
    ],
    [
      'vnetSubnet without id',
      'construction',
      /stack\/a\/p: vnetSubnet\.id is undefined, not a subnet resource ID/,
      (s) => {
        new AksCluster(s, 'a', BASE).addNodePool('p', {
          name: 'p',
          vnetSubnet: { addressPrefixes: ['10.240.0.0/16'] } as any,
        });
      },
    ],
    [
      'vnetSubnet addressPrefixes a string',
      'construction',
      /vnetSubnet\.addressPrefixes is '10\.240\.0\.0\/24', not a list/,
      (s) => {
        new AksCluster(s, 'a', {
          ...BASE,
          defaultNodePool: { vnetSubnet: { id: EXISTING_SUBNET, addressPrefixes: '10.240.0.0/24' as any } },
        });
      },
    ],
    [
      'useSubnet(undefined)',
      'construction',
      /stack\/a: subnet is undefined, not a subnet/,
      (s) => {
        new AksCluster(s, 'a', BASE).useSubnet(undefined as any);
      },
    ],
    [
      'addNodePool props undefined',
      'construction',
      /stack\/a\/x: addNodePool props are undefined/,
      (s) => {
        new AksCluster(s, 'a', BASE).addNodePool('x', undefined as any);
      },
    ],
    [
      'addNodePool without name',
      'synth',
      /pool\/name: .*has no name/,
      (s) => {
        new AksCluster(s, 'a', BASE).addNodePool('x', {} as any);
      },
    ],
    [
      'AksNodePool without cluster',
      'construction',
      /stack\/p: cluster is undefined; pass the AksCluster/,
      (s) => {
        new AksNodePool(s, 'p', { name: 'p' } as any);
      },
    ],
    [
      'kubernetesProvider(undefined)',
      'construction',
      /kubernetesProvider\(scope, id\?\) needs a construct/,
      (s) => {
        new AksCluster(s, 'a', BASE).kubernetesProvider(undefined as any);
      },
    ],
    [
      'LoadBalancerService props undefined',
      'construction',
      /stack\/x: LoadBalancerService props are undefined/,
      (s) => {
        new LoadBalancerService(s, 'x', undefined as any);
      },
    ],
    [
      'LoadBalancerService name missing',
      'construction',
      /name \(metadata\.name\) is required/,
      (s) => {
        new LoadBalancerService(s, 'x', { ...SVC, name: undefined as any });
      },
    ],
    [
      'LoadBalancerService port not a number',
      'synth',
      /document\/type: spec\.port\[0\]\.port is "http", a string where a whole number belongs/,
      (s) => {
        new LoadBalancerService(s, 'x', { ...SVC, port: 'http' as any });
      },
    ],
    [
      'LoadBalancerService cluster without ipFamilies',
      'construction',
      /cluster\.ipFamilies is required/,
      (s) => {
        new LoadBalancerService(s, 'x', { ...SVC, cluster: {} as any });
      },
    ],
    [
      'LoadBalancerService cluster.ipFamilies a string',
      'construction',
      /service\/family-not-in-cluster: cluster\.ipFamilies is 'IPv4', not a list/,
      (s) => {
        new LoadBalancerService(s, 'x', { ...SVC, cluster: { ipFamilies: 'IPv4' } as any });
      },
    ],
    [
      'NginxWorkload expose a string',
      'construction',
      /service\/family-not-in-cluster: expose is 'IPv6', not a list/,
      (s) => {
        new NginxWorkload(s, 'n', { expose: 'IPv6' as any });
      },
    ],
    [
      'NginxWorkload replicas a string',
      'construction',
      /replicas is '3'; use a whole number/,
      (s) => {
        new NginxWorkload(s, 'n', { replicas: '3' as any });
      },
    ],
  ])('%s -> a clear error at %s', (_name, phase, message, build) => {
    const got = outcome(build);
    expect(got.error).toBeDefined();
    expect(got.error).not.toBeInstanceOf(TypeError);
    expect(got.phase).toBe(phase);
    expect(got.error!.message).toMatch(message);
  });

  test('NginxWorkload props null behave like omitted props', () => {
    const got = outcome((s) => {
      new NginxWorkload(s, 'n', null as any);
    });
    expect(got).toEqual({ phase: 'none' });
  });
});
