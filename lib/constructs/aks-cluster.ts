/**
 * AksCluster: an `azurerm_kubernetes_cluster` on Azure CNI Overlay (or node-subnet mode, or
 * dual-stack), with the `az aks create` defaults of RULES.md. The props are in
 * aks-cluster-props.ts, the network settings in cluster-network.ts, the Windows profile in
 * windows-profile.ts, pool settings in pool-settings.ts.
 */
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { DEFAULT_ADMIN_USERNAME, DEFAULT_NODE_POOL_NAME, defaultDnsPrefix, isDualStack } from '../facts';
import type { IpFamily } from '../net';
import type { AksClusterProps } from './aks-cluster-props';
import { AksNodePool, AksNodePoolProps } from './aks-node-pool';
import type { IAksCluster } from './cluster-interface';
import { resolveNetwork } from './cluster-network';
import { kubernetesProviderConnection } from './kube-config';
import { resolvePoolSettings } from './pool-settings';
import { assertPropsObject, assertRequired, assertSubnet, showValue } from './props';
import { markKubernetesProvider, registerDualStackPreview, stackHasKubernetesProvider } from './stack-singletons';
import { AksStackValidation } from './stack-validation';
import { AksNetworkMode, AksSubnet, subnetPrefixes } from './types';
import { assertNoLiteralPassword, windowsProfileOf } from './windows-profile';

export type { AksClusterProps, AksWindowsProfile } from './aks-cluster-props';

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
export class AksCluster extends Construct implements IAksCluster {
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
  private readonly providers = new Map<string, KubernetesProvider>();

  constructor(scope: Construct, id: string, props: AksClusterProps) {
    super(scope, id);
    const path = this.node.path;
    assertPropsObject(path, 'AksCluster', props, "{ name: 'aks', resourceGroupName: 'rg-aks', location: 'eastus2' }");
    assertRequired(path, 'name (--name)', props.name, "name: 'aks'");
    assertRequired(
      path,
      'resourceGroupName (--resource-group)',
      props.resourceGroupName,
      "resourceGroupName: 'rg-aks'",
    );
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
    this.dualStack = isDualStack(net.families);
    const pool = props.defaultNodePool ?? {};
    this.defaultNodePoolName = pool.name ?? DEFAULT_NODE_POOL_NAME;

    if (
      props.sshPublicKey !== undefined &&
      !Token.isUnresolved(props.sshPublicKey) &&
      /PRIVATE KEY/.test(props.sshPublicKey)
    ) {
      throw new Error(
        `${this.node.path}: sshPublicKey holds a private key; pass the public key (the .pub file), never the private one`,
      );
    }
    assertNoLiteralPassword(path, props.windowsProfile);
    const defaultPool = resolvePoolSettings(this.defaultNodePoolName, 'Linux', pool, net.mode, {
      path,
      subnetProp: 'defaultNodePool.vnetSubnet',
    });

    this.resource = new KubernetesCluster(this, 'resource', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      dnsPrefix: props.dnsPrefix ?? dnsPrefixFor(props.name),
      kubernetesVersion: props.kubernetesVersion,
      skuTier: props.skuTier,
      tags: props.tags,
      identity: { type: 'SystemAssigned' },
      defaultNodePool: defaultPool.config,
      networkProfile: net.profile,
      linuxProfile:
        props.sshPublicKey === undefined
          ? undefined
          : {
              adminUsername: props.linuxAdminUsername ?? DEFAULT_ADMIN_USERNAME,
              sshKey: { keyData: props.sshPublicKey },
            },
      windowsProfile: windowsProfileOf(this, props.windowsProfile),
    });
    if (defaultPool.subnet !== undefined) this.useSubnet(defaultPool.subnet);
    if (props.registerDualStackPreviewFeature) registerDualStackPreview(this);
  }

  /** The cluster's resource ID (`azurerm_kubernetes_cluster.id`, a token): what pools reference. */
  public get clusterId(): string {
    return this.resource.id;
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
    this.roleAssignments.set(
      key,
      new RoleAssignment(this, n === 0 ? 'network-contributor' : `network-contributor-${n + 1}`, {
        scope: scope ?? id,
        roleDefinitionName: 'Network Contributor',
        principalId: this.resource.identity.principalId,
        skipServicePrincipalAadCheck: true,
      }),
    );
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
      throw new Error(
        `${this.node.path}: kubernetesProvider(scope, id?) needs a construct of the stack to create the provider in, e.g. cluster.kubernetesProvider(this); got ${showValue(scope)}`,
      );
    }
    const stack = TerraformStack.of(scope);
    const providerId = id ?? `${this.node.id}-kubernetes`;
    const key = `${stack.node.path}\u0000${providerId}`;
    const existing = this.providers.get(key);
    if (existing !== undefined) return existing;
    const hasOther = stackHasKubernetesProvider(stack);
    markKubernetesProvider(stack);
    const provider = new KubernetesProvider(scope, providerId, {
      alias: hasOther ? providerId.replace(/[^A-Za-z0-9_-]/g, '_') : undefined,
      ...kubernetesProviderConnection(this.resource.kubeConfig.get(0)),
    });
    this.providers.set(key, provider);
    return provider;
  }
}

/** `--dns-name-prefix` default of a literal name; a token or non-string goes to the JSON (cluster/dns-prefix). */
function dnsPrefixFor(name: string): string {
  return typeof name !== 'string' || Token.isUnresolved(name) ? name : defaultDnsPrefix(name);
}
