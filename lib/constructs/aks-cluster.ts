/**
 * AksCluster: an `azurerm_kubernetes_cluster` on Azure CNI Overlay (or node-subnet mode, or
 * dual-stack), with the `az aks create` defaults of RULES.md.
 */
import { KubernetesCluster, KubernetesClusterNetworkProfile } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { ResourceProviderRegistration } from '@cdktf/provider-azurerm/lib/resource-provider-registration';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { TerraformResource, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import {
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_DUAL_STACK_POD_CIDRS,
  DEFAULT_DUAL_STACK_SERVICE_CIDRS,
  DEFAULT_IP_FAMILIES,
  DEFAULT_NETWORK_PLUGIN,
  DEFAULT_NETWORK_PLUGIN_MODE,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
} from '../model/defaults';
import { addressAt, familyOf, IpFamily, tryParseCidr } from '../net';
import { AksNodePool, AksNodePoolProps, resolvePoolConfig } from './aks-node-pool';
import { kubernetesProviderConnection } from './kube-config';
import { assertListProp, assertPropsObject, assertRequired, assertSubnet, showValue } from './props';
import { AksStackValidation } from './stack-validation';
import {
  AksDefaultNodePoolProps,
  AksNetworkMode,
  AksSubnet,
  DEFAULT_ADMIN_USERNAME,
  DEFAULT_NODE_POOL_NAME,
  DUAL_STACK_PREVIEW_FEATURE,
  NetworkPlugin,
  NetworkPluginMode,
  subnetPrefixes,
  WINDOWS_ADMIN_PASSWORD_VARIABLE,
} from './types';

/** `windows_profile` of the cluster (`--windows-admin-username` / `--windows-admin-password`). */
export interface AksWindowsProfile {
  /**
   * `--windows-admin-username`.
   * @default 'azureuser'
   */
  readonly adminUsername?: string;
  /**
   * `--windows-admin-password`: a token (e.g. a sensitive `TerraformVariable`'s `stringValue`
   * or a Key Vault secret's `value`), never a literal: a literal string throws.
   * @default `var.windows_admin_password`, a sensitive variable the construct declares (WINDOWS_ADMIN_PASSWORD_VARIABLE)
   */
  readonly adminPassword?: string;
}

/** Props of {@link AksCluster}; names follow the `az aks create` flags. */
export interface AksClusterProps {
  /** `--name`: the cluster name. */
  readonly name: string;
  /** `--resource-group`. */
  readonly resourceGroupName: string;
  /** `--location`, e.g. `eastus2`. */
  readonly location: string;
  /**
   * `--dns-name-prefix`.
   * @default the name with every character other than letters, digits and `-` replaced by `-`, cut to 54 characters
   */
  readonly dnsPrefix?: string;
  /**
   * `--kubernetes-version`, e.g. `1.33`.
   * @default AKS's default version at create time
   */
  readonly kubernetesVersion?: string;
  /**
   * `--tags`.
   * @default no tags
   */
  readonly tags?: { [key: string]: string };
  /**
   * `--tier`: `Free`, `Standard` or `Premium`.
   * @default AKS's default (`Free`)
   */
  readonly skuTier?: string;
  /**
   * `--network-plugin`. Omitted means Azure CNI Overlay (`azure` + `overlay`); `azure` without
   * `networkPluginMode` means node-subnet mode (classic Azure CNI, kept by AKS for backward
   * compatibility).
   * @default 'azure' with networkPluginMode 'overlay'
   */
  readonly networkPlugin?: NetworkPlugin;
  /**
   * `--network-plugin-mode`.
   * @default 'overlay' when networkPlugin is omitted; none (node-subnet mode) when networkPlugin is 'azure'
   */
  readonly networkPluginMode?: NetworkPluginMode;
  /**
   * `--pod-cidr` (single-stack): the overlay pod range; every node takes a /24 of it.
   * Use `podCidrs` for dual-stack.
   * @default '10.244.0.0/16' on overlay; none in node-subnet mode
   */
  readonly podCidr?: string;
  /**
   * `--ip-families`: `['IPv4']` or `['IPv4', 'IPv6']` (dual-stack).
   * @default ['IPv4']
   */
  readonly ipFamilies?: IpFamily[];
  /**
   * `--pod-cidrs`: one pod range per family, in family order.
   * @default ['10.244.0.0/16', 'fd12:3456:789a::/64'] for dual-stack (one default per family)
   */
  readonly podCidrs?: string[];
  /**
   * `--service-cidrs`: one service range per family, in family order.
   * @default ['10.0.0.0/16', 'fd12:3456:789a:1::/108'] for dual-stack (one default per family)
   */
  readonly serviceCidrs?: string[];
  /**
   * `--service-cidr` (single-stack).
   * @default '10.0.0.0/16'
   */
  readonly serviceCidr?: string;
  /**
   * `--dns-service-ip`: inside the IPv4 service range.
   * @default '10.0.0.10' with the default service range; otherwise the `.10` address of the IPv4 service range
   */
  readonly dnsServiceIp?: string;
  /**
   * `--network-policy`: `azure`, `calico` or `cilium`.
   * @default none
   */
  readonly networkPolicy?: string;
  /**
   * `--network-dataplane`: `azure` or `cilium` (`network_data_plane`).
   * @default AKS's default (`azure`)
   */
  readonly networkDataplane?: string;
  /**
   * `--outbound-type`.
   * @default AKS's default (`loadBalancer`)
   */
  readonly outboundType?: string;
  /**
   * The default (system) node pool: Linux, `System`.
   * @default nodepool1: 3 x Standard_DS2_v2, Ubuntu, on an AKS-managed VNet
   */
  readonly defaultNodePool?: AksDefaultNodePoolProps;
  /**
   * `--ssh-key-value`: the admin's SSH public key (`linux_profile`). The walkthrough's
   * `--generate-ssh-keys` makes a key pair locally; pass its public half here. The library never
   * generates a private key (it would land in Terraform state).
   * @default no linux_profile (no SSH access to nodes)
   */
  readonly sshPublicKey?: string;
  /**
   * `--admin-username` of `linux_profile` (used with `sshPublicKey`).
   * @default 'azureuser'
   */
  readonly linuxAdminUsername?: string;
  /**
   * `windows_profile`. Rendered when given, or as soon as a Windows pool is added.
   * @default added with the first Windows pool: user 'azureuser', password from the sensitive variable `windows_admin_password`
   */
  readonly windowsProfile?: AksWindowsProfile;
  /**
   * Grant the cluster's identity the `Network Contributor` role on each custom node subnet, as
   * `az aks create --vnet-subnet-id` and `az aks nodepool add --vnet-subnet-id` do, so that
   * AKS can manage load balancers and IPs there. Set to false when you grant it yourself.
   * @default true (one assignment per custom subnet, or one on `networkContributorScope`)
   */
  readonly assignNetworkContributor?: boolean;
  /**
   * A scope for a single `Network Contributor` assignment instead of one per subnet, e.g. the
   * VNet's ID (`vnet.id`).
   * @default each custom subnet
   */
  readonly networkContributorScope?: string;
  /**
   * Register the `AzureOverlayDualStackPreview` feature of `Microsoft.ContainerService` (the
   * walkthrough's `az feature register` step, for subscriptions that still need it), with an
   * `azurerm_resource_provider_registration` (one per stack). Two catches:
   * 1. The azurerm provider registers resource providers itself unless told not to; turn that
   *    off, or the registration conflicts: `resource_provider_registrations = "none"` on the
   *    azurerm provider (azurerm 4.x; `resourceProviderRegistrations: 'none'` on `AzurermProvider`).
   * 2. `Microsoft.ContainerService` is usually registered already in a subscription that runs
   *    AKS: import it first (`terraform import azurerm_resource_provider_registration.<name>
   *    /subscriptions/<id>/providers/Microsoft.ContainerService`), or apply fails with "already exists".
   * @default false
   */
  readonly registerDualStackPreviewFeature?: boolean;
}

/** The network settings resolved from the props, with the defaults applied. */
interface ResolvedNetwork {
  readonly mode: AksNetworkMode;
  readonly plugin: string;
  readonly pluginMode?: string;
  readonly families: IpFamily[];
  readonly podCidrs: string[];
  readonly serviceCidrs: string[];
  readonly dnsServiceIp?: string;
  readonly profile: KubernetesClusterNetworkProfile;
}

const FAMILY_DEFAULTS: Record<IpFamily, { pod: string; service: string }> = {
  IPv4: { pod: DEFAULT_POD_CIDR, service: DEFAULT_SERVICE_CIDR },
  IPv6: { pod: DEFAULT_DUAL_STACK_POD_CIDRS[1], service: DEFAULT_DUAL_STACK_SERVICE_CIDRS[1] },
};

/**
 * An AKS cluster (`azurerm_kubernetes_cluster`) with the `az aks create` defaults: Azure CNI
 * Overlay with pod range 10.244.0.0/16, service range 10.0.0.0/16, a system-assigned identity
 * and a default Linux system pool of 3 nodes. The stack fails at synth when the plan breaks a
 * rule of RULES.md (see {@link AksStackValidation}).
 *
 * @example
 * // az aks create -n aks -g rg -l eastus2 --network-plugin azure --network-plugin-mode overlay --pod-cidr 192.168.0.0/16
 * const cluster = new AksCluster(this, 'aks', { name: 'aks', resourceGroupName: 'rg', location: 'eastus2', podCidr: '192.168.0.0/16' });
 */
export class AksCluster extends Construct {
  /** The underlying `azurerm_kubernetes_cluster` (escape hatch). */
  public readonly resource: KubernetesCluster;
  /** The cluster name. */
  public readonly name: string;
  /** The resolved network mode. */
  public readonly networkMode: AksNetworkMode;
  /** The rendered `network_plugin`. */
  public readonly networkPlugin: string;
  /** The rendered `network_plugin_mode`, if any. */
  public readonly networkPluginMode?: string;
  /** The IP families (`ip_versions`), e.g. `['IPv4', 'IPv6']`. */
  public readonly ipFamilies: readonly IpFamily[];
  /** The pod ranges (empty in node-subnet mode, where pods take subnet IPs). */
  public readonly podCidrs: readonly string[];
  /** The service ranges. */
  public readonly serviceCidrs: readonly string[];
  /** The DNS service IP, when known. */
  public readonly dnsServiceIp?: string;
  /** The Kubernetes version, when set. */
  public readonly kubernetesVersion?: string;
  /** The default pool's name. */
  public readonly defaultNodePoolName: string;
  /** True when the cluster is dual-stack (IPv4 and IPv6). */
  public readonly dualStack: boolean;

  private readonly props: AksClusterProps;
  private readonly pools: AksNodePool[] = [];
  private readonly roleAssignments = new Map<unknown, RoleAssignment>();
  private windowsProfileRendered = false;
  private readonly providers = new Map<string, KubernetesProvider>();

  constructor(scope: Construct, id: string, props: AksClusterProps) {
    super(scope, id);
    const path = this.node.path;
    assertPropsObject(path, 'AksCluster', props, "{ name: 'aks', resourceGroupName: 'rg-aks', location: 'eastus2' }");
    assertRequired(path, 'name (--name)', props.name, "name: 'aks'");
    assertRequired(path, 'resourceGroupName (--resource-group)', props.resourceGroupName, "resourceGroupName: 'rg-aks'");
    assertRequired(path, 'location (--location)', props.location, "location: 'eastus2'");
    this.props = props;
    AksStackValidation.of(this);
    const net = resolveNetwork(this.node.path, props);
    this.name = props.name;
    this.networkMode = net.mode;
    this.networkPlugin = net.plugin;
    this.networkPluginMode = net.pluginMode;
    this.ipFamilies = net.families;
    this.podCidrs = net.podCidrs;
    this.serviceCidrs = net.serviceCidrs;
    this.dnsServiceIp = net.dnsServiceIp;
    this.kubernetesVersion = props.kubernetesVersion;
    this.dualStack = net.families.includes('IPv6') && net.families.length > 1;
    const pool = props.defaultNodePool ?? {};
    this.defaultNodePoolName = pool.name ?? DEFAULT_NODE_POOL_NAME;

    if (props.sshPublicKey !== undefined && !Token.isUnresolved(props.sshPublicKey) && /PRIVATE KEY/.test(props.sshPublicKey)) {
      throw new Error(`${this.node.path}: sshPublicKey holds a private key; pass the public key (the .pub file), never the private one`);
    }
    if (props.windowsProfile?.adminPassword !== undefined && !Token.isUnresolved(props.windowsProfile.adminPassword)) {
      throw new Error(`${this.node.path}: pool/windows-profile: windowsProfile.adminPassword is a literal string, which would be written to the synthesized JSON and to Terraform state; pass a token instead, e.g. a sensitive TerraformVariable's stringValue, or omit it to get the sensitive variable '${WINDOWS_ADMIN_PASSWORD_VARIABLE}'`);
    }

    this.resource = new KubernetesCluster(this, 'resource', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      dnsPrefix: props.dnsPrefix ?? defaultDnsPrefix(props.name),
      kubernetesVersion: props.kubernetesVersion,
      skuTier: props.skuTier,
      tags: props.tags,
      identity: { type: 'SystemAssigned' },
      // The pool's own subnet registration needs this.resource; render the pool right after.
      defaultNodePool: { name: this.defaultNodePoolName },
      networkProfile: net.profile,
      linuxProfile: props.sshPublicKey === undefined ? undefined : {
        adminUsername: props.linuxAdminUsername ?? DEFAULT_ADMIN_USERNAME,
        sshKey: { keyData: props.sshPublicKey },
      },
    });
    this.resource.putDefaultNodePool(resolvePoolConfig(this, this.defaultNodePoolName, 'Linux', pool, path, 'defaultNodePool.vnetSubnet'));
    if (props.windowsProfile !== undefined) this._useWindows();
    if (props.registerDualStackPreviewFeature) registerDualStackPreview(this);
  }

  /** The extra node pools, in the order they were added. */
  public get nodePools(): readonly AksNodePool[] {
    return [...this.pools];
  }

  /**
   * Adds a node pool (`az aks nodepool add`).
   * @example
   * cluster.addNodePool('win', { name: 'win', osType: 'Windows', nodeCount: 2 });
   */
  public addNodePool(id: string, props: AksNodePoolProps): AksNodePool {
    assertPropsObject(`${this.node.path}/${id}`, 'addNodePool', props, "cluster.addNodePool('user', { name: 'user' })");
    const pool = new AksNodePool(this, id, { ...props, cluster: this });
    this.pools.push(pool);
    return pool;
  }

  /**
   * Registers a custom node subnet: grants the cluster identity `Network Contributor` on it
   * (unless `assignNetworkContributor` is false) and gives its prefixes to the stack
   * validation. Called for every pool's `vnetSubnet`; call it yourself for other subnets the
   * cluster uses (e.g. a subnet for internal load balancers).
   * @returns the subnet ID to reference (one token, so that the JSON and the validation context
   * resolve it to the same expression, also across stacks)
   */
  public useSubnet(subnet: AksSubnet): string {
    assertSubnet(this.node.path, 'subnet', subnet);
    const id = subnet.id;
    const resource = TerraformResource.isTerraformResource(subnet);
    if (!resource || TerraformStack.of(subnet) !== TerraformStack.of(this)) {
      AksStackValidation.of(this).addSubnet(id, subnetPrefixes(subnet));
    }
    if (this.props.assignNetworkContributor === false) return id;
    const scope = this.props.networkContributorScope;
    const key = scope !== undefined ? 'scope' : resource ? subnet : id;
    if (this.roleAssignments.has(key)) return id;
    const n = this.roleAssignments.size;
    this.roleAssignments.set(key, new RoleAssignment(this, n === 0 ? 'network-contributor' : `network-contributor-${n + 1}`, {
      scope: scope ?? id,
      roleDefinitionName: 'Network Contributor',
      principalId: this.resource.identity.principalId,
      skipServicePrincipalAadCheck: true,
    }));
    return id;
  }

  /**
   * A kubernetes provider configured from this cluster's `kube_config` (host, client
   * certificate and key, cluster CA, base64-decoded), for workloads in the same stack or in
   * another stack (cdktf then passes the values through a sensitive cross-stack output).
   * Calling it again for the same stack returns the same provider. When the stack already has
   * another kubernetes provider, the new one gets an alias (its id).
   * @param scope where to create the provider (any construct of the target stack)
   * @param id the provider's construct id
   * @default id `<cluster id>-kubernetes`
   */
  public kubernetesProvider(scope: Construct, id?: string): KubernetesProvider {
    if (!Construct.isConstruct(scope)) {
      throw new Error(`${this.node.path}: kubernetesProvider(scope, id?) needs a construct of the stack to create the provider in, e.g. cluster.kubernetesProvider(this); got ${showValue(scope)}`);
    }
    const stack = TerraformStack.of(scope);
    const providerId = id ?? `${this.node.id}-kubernetes`;
    const key = `${stack.node.path}\u0000${providerId}`;
    const existing = this.providers.get(key);
    if (existing !== undefined) return existing;
    const hasOther = stackHasKubernetesProvider(stack);
    STACKS_WITH_KUBERNETES_PROVIDER.add(stack);
    const provider = new KubernetesProvider(scope, providerId, {
      alias: hasOther ? providerId.replace(/[^A-Za-z0-9_-]/g, '_') : undefined,
      ...kubernetesProviderConnection(this.resource.kubeConfig.get(0)),
    });
    this.providers.set(key, provider);
    return provider;
  }

  /**
   * Renders `windows_profile` once (called when a Windows pool is added).
   * @internal
   */
  public _useWindows(): void {
    if (this.windowsProfileRendered) return;
    this.windowsProfileRendered = true;
    const given = this.props.windowsProfile;
    this.resource.putWindowsProfile({
      adminUsername: given?.adminUsername ?? DEFAULT_ADMIN_USERNAME,
      adminPassword: given?.adminPassword ?? windowsPasswordVariable(this).stringValue,
    });
  }
}

/** Stacks known to hold a kubernetes provider (so a fleet of clusters does not walk the construct tree once per cluster). */
const STACKS_WITH_KUBERNETES_PROVIDER = new WeakSet<TerraformStack>();

/** True when the stack holds a kubernetes provider; walks the tree only until the first one is known. */
function stackHasKubernetesProvider(stack: TerraformStack): boolean {
  if (STACKS_WITH_KUBERNETES_PROVIDER.has(stack)) return true;
  return stack.node.findAll().some((c: IConstruct) => c instanceof KubernetesProvider);
}

/** The stack's sensitive `windows_admin_password` variable, created on first use. */
function windowsPasswordVariable(scope: IConstruct): TerraformVariable {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(WINDOWS_ADMIN_PASSWORD_VARIABLE);
  if (existing instanceof TerraformVariable) return existing;
  return new TerraformVariable(stack, WINDOWS_ADMIN_PASSWORD_VARIABLE, {
    type: 'string',
    sensitive: true,
    description: 'Admin password of the AKS Windows nodes (windows_profile): 14 to 123 characters. Set TF_VAR_windows_admin_password.',
    validation: [{
      condition: `\${length(var.${WINDOWS_ADMIN_PASSWORD_VARIABLE}) >= 14 && length(var.${WINDOWS_ADMIN_PASSWORD_VARIABLE}) <= 123}`,
      errorMessage: 'pool/windows-profile: the Windows admin password must have 14 to 123 characters.',
    }],
  });
}

/** The stack's `Microsoft.ContainerService` registration with the dual-stack preview feature. */
function registerDualStackPreview(scope: IConstruct): ResourceProviderRegistration {
  const stack = TerraformStack.of(scope);
  const id = 'microsoft-containerservice';
  const [namespace, feature] = DUAL_STACK_PREVIEW_FEATURE.split('/');
  const existing = stack.node.tryFindChild(id);
  if (existing instanceof ResourceProviderRegistration) return existing;
  return new ResourceProviderRegistration(stack, id, {
    name: namespace,
    feature: [{ name: feature, registered: true }],
  });
}

/** `--dns-name-prefix` default: the name with invalid characters replaced, at most 54 characters. */
function defaultDnsPrefix(name: string): string {
  if (typeof name !== 'string' || Token.isUnresolved(name)) return name; // a non-string reaches the JSON, where cluster/dns-prefix reports it
  const prefix = name.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 54).replace(/^-+|-+$/g, '');
  return prefix === '' ? 'aks' : prefix;
}

/** Applies the network defaults of RULES.md; throws on misuse of the props themselves. */
function resolveNetwork(path: string, p: AksClusterProps): ResolvedNetwork {
  const fail = (msg: string): never => {
    throw new Error(`${path}: ${msg}`);
  };
  if (p.podCidr !== undefined && p.podCidrs !== undefined) {
    fail(`both podCidr (${p.podCidr}) and podCidrs are set; use podCidr for single-stack (--pod-cidr) or podCidrs for one range per family (--pod-cidrs), not both`);
  }
  if (p.serviceCidr !== undefined && p.serviceCidrs !== undefined) {
    fail(`both serviceCidr (${p.serviceCidr}) and serviceCidrs are set; use one of them`);
  }
  assertListProp(path, 'ipFamilies', p.ipFamilies, "['IPv4', 'IPv6']", 'network/ip-families');
  const familiesToken = p.ipFamilies !== undefined && Token.isUnresolved(p.ipFamilies);
  const families: IpFamily[] = [...(p.ipFamilies ?? DEFAULT_IP_FAMILIES)];
  if (!familiesToken) {
    // an empty list reaches the JSON as ip_versions = [], where the rule network/ip-families reports it
    for (const f of families) {
      if (f !== 'IPv4' && f !== 'IPv6' && !Token.isUnresolved(f)) {
        fail(`network/ip-families: ipFamilies has an unknown value ${showValue(f)}; the values are 'IPv4' and 'IPv6' (exactly that case), e.g. ['IPv4', 'IPv6']`);
      }
    }
  }
  const listForm = familiesToken || families.length !== 1 || families[0] !== 'IPv4';
  if (listForm && p.podCidr !== undefined) {
    fail(`podCidr (${p.podCidr}) is the single-stack flag; with ipFamilies [${families.join(', ')}] give podCidrs, one range per family`);
  }
  if (listForm && p.serviceCidr !== undefined) {
    fail(`serviceCidr (${p.serviceCidr}) is the single-stack flag; with ipFamilies [${families.join(', ')}] give serviceCidrs, one range per family`);
  }

  const pluginGiven = p.networkPlugin;
  const plugin = pluginGiven ?? DEFAULT_NETWORK_PLUGIN;
  const pluginMode = p.networkPluginMode ?? (pluginGiven === undefined ? DEFAULT_NETWORK_PLUGIN_MODE : undefined);
  const mode: AksNetworkMode = Token.isUnresolved(plugin) || (pluginMode !== undefined && Token.isUnresolved(pluginMode)) ? 'unknown'
    : plugin === 'azure' ? (pluginMode === 'overlay' ? 'overlay' : 'node-subnet')
      : plugin === 'none' ? 'none'
        : plugin === 'kubenet' ? 'kubenet' : 'unknown';

  const defaultsFor = (kind: 'pod' | 'service'): string[] => (familiesToken ? [] : families.map((f) => FAMILY_DEFAULTS[f]?.[kind]).filter((x): x is string => x !== undefined));
  const podDefaulted = mode === 'overlay' || mode === 'kubenet';
  const podCidrs = p.podCidrs ?? (p.podCidr !== undefined ? [p.podCidr] : podDefaulted ? defaultsFor('pod') : []);
  const serviceCidrs = p.serviceCidrs ?? (p.serviceCidr !== undefined ? [p.serviceCidr] : defaultsFor('service'));
  const dnsServiceIp = p.dnsServiceIp ?? defaultDnsServiceIp(serviceCidrs);

  const podList = p.podCidrs !== undefined || (listForm && podCidrs.length > 0);
  const serviceList = p.serviceCidrs !== undefined || (listForm && serviceCidrs.length > 0);
  const profile: KubernetesClusterNetworkProfile = {
    networkPlugin: plugin,
    networkPluginMode: pluginMode,
    networkPolicy: p.networkPolicy,
    networkDataPlane: p.networkDataplane,
    outboundType: p.outboundType,
    ipVersions: families,
    podCidr: !podList && podCidrs.length > 0 ? podCidrs[0] : undefined,
    podCidrs: podList ? podCidrs : undefined,
    serviceCidr: !serviceList && serviceCidrs.length > 0 ? serviceCidrs[0] : undefined,
    serviceCidrs: serviceList ? serviceCidrs : undefined,
    dnsServiceIp,
  };
  return { mode, plugin, pluginMode, families, podCidrs, serviceCidrs, dnsServiceIp, profile };
}

/** `10.0.0.10` for the default range, else the `.10` address of the IPv4 service range when it parses. */
function defaultDnsServiceIp(serviceCidrs: readonly string[]): string | undefined {
  // not a list (plain JS): the value reaches the JSON, where network/cidr-family-mismatch reports it
  if (!Array.isArray(serviceCidrs) || Token.isUnresolved(serviceCidrs)) return undefined;
  const v4 = serviceCidrs.find((c) => !Token.isUnresolved(c) && familyOf(c) === 'IPv4');
  if (v4 === undefined) return undefined;
  if (v4 === DEFAULT_SERVICE_CIDR) return DEFAULT_DNS_SERVICE_IP;
  const parsed = tryParseCidr(v4, 'IPv4');
  if (!parsed.ok || parsed.cidr.size <= 10n) return undefined;
  return addressAt(parsed.cidr, 10);
}
