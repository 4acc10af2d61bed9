/**
 * Scenario `dual-stack-workload`: NGINX with an IPv4 and an IPv6 LoadBalancer service on the
 * dual-stack cluster of the `dual-stack` example.
 *
 * ```sh
 * kubectl create deployment nginx --image=nginx --replicas=3
 * kubectl expose deployment nginx --name=nginx-ipv4 --port=80 --type=LoadBalancer
 * kubectl expose deployment nginx --name=nginx-ipv6 --port=80 --type=LoadBalancer \
 *   --overrides='{"spec":{"ipFamilies":["IPv6"]}}'
 * ```
 *
 * How this stack reaches its cluster, and why (the way a platform team runs it):
 * - It is a separate stack from `dual-stack`, so the cluster and what runs on it have their own
 *   state, plan and lifecycle (a workload change never plans against the cluster, and the
 *   cluster can be owned by another team or pipeline).
 * - It reads the existing cluster with the `azurerm_kubernetes_cluster` DATA source (by cluster
 *   name and resource group) and configures the kubernetes provider from its `kube_config`.
 *   The kubernetes provider therefore never depends on a resource created in the same apply
 *   (which Terraform warns against: the provider would be configured from unknown values at
 *   plan time), and no credentials pass through Terraform outputs or remote state, so it works
 *   the same with the local backend and with Terraform Cloud workspaces.
 * - The data source cannot tell the rule engine the cluster's IP families, so the stack passes
 *   them (prop `clusterIpFamilies`, default IPv4 + IPv6) to the stack validation through the
 *   services' `cluster`; `service/family-not-in-cluster` and `service/ipv6-traffic-policy` run
 *   at synth as usual.
 *
 * Apply order: `dual-stack` first, then this stack (plan fails until the cluster exists, since
 * the data source reads it). The App declares the dependency, so
 * `cdktf deploy dual-stack dual-stack-workload` applies them in that order; destroy in the
 * reverse order (`cdktf destroy dual-stack-workload`, then `dual-stack`).
 *
 * The cluster uses local accounts (the AKS default), whose `kube_config` holds a client
 * certificate. With Entra ID-only clusters, configure the provider with an `exec` block
 * (kubelogin) instead.
 */
import { DataAzurermKubernetesCluster } from '@cdktf/provider-azurerm/lib/data-azurerm-kubernetes-cluster';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import type { IpFamily } from '../lib/net';
import { kubernetesProviderConnection } from '../lib/constructs/kube-config';
import { NginxWorkload } from '../lib/constructs/nginx-workload';
import { azurermProvider, ExampleStackProps, resolveEnvironment } from './common';
import { DUAL_STACK_DEFAULT_NAME } from './dual-stack';

/** Props of {@link DualStackWorkloadStack}. */
export interface DualStackWorkloadStackProps extends ExampleStackProps {
  /**
   * The name of the existing cluster to deploy to (the `dual-stack` example's cluster).
   * @default 'aks-dual-stack'
   */
  readonly name?: string;
  /**
   * The resource group of the existing cluster. This stack creates no resource group of its
   * own: its resources are Kubernetes objects, and the load balancer IPs live in the cluster's
   * node resource group.
   * @default 'rg-aks-dual-stack'
   */
  readonly resourceGroupName?: string;
  /**
   * The IP families of the existing cluster, for the service rules (a data source cannot tell them at synth).
   * @default ['IPv4', 'IPv6']
   */
  readonly clusterIpFamilies?: IpFamily[];
  /**
   * The NGINX image.
   * @default 'nginx:1.27'
   */
  readonly image?: string;
  /**
   * The NGINX replica count.
   * @default 3
   */
  readonly replicas?: number;
  /**
   * The families to expose, one LoadBalancer service each (`nginx-ipv4`, `nginx-ipv6`).
   * @default ['IPv4', 'IPv6']
   */
  readonly expose?: IpFamily[];
}

/** The verification command for a service IP: `curl -s "http://<ip>"`, brackets around IPv6. */
export function curlCommand(family: IpFamily, ip: string): string {
  return family === 'IPv6' ? `curl -s "http://[${ip}]"` : `curl -s "http://${ip}"`;
}

/** NGINX and its IPv4 and IPv6 LoadBalancer services on the existing dual-stack cluster. */
export class DualStackWorkloadStack extends TerraformStack {
  /** The data source that reads the existing cluster. */
  public readonly clusterData: DataAzurermKubernetesCluster;
  /** The kubernetes provider configured from the cluster's `kube_config`. */
  public readonly kubernetesProvider: KubernetesProvider;
  /** The workload and its services. */
  public readonly workload: NginxWorkload;

  constructor(scope: Construct, id: string, props: DualStackWorkloadStackProps = {}) {
    super(scope, id);
    const env = resolveEnvironment(props, DUAL_STACK_DEFAULT_NAME);
    azurermProvider(this, props);
    this.clusterData = new DataAzurermKubernetesCluster(this, 'cluster', {
      name: env.name,
      resourceGroupName: env.resourceGroupName,
    });
    this.kubernetesProvider = new KubernetesProvider(
      this,
      'kubernetes',
      kubernetesProviderConnection(this.clusterData.kubeConfig.get(0)),
    );
    this.workload = new NginxWorkload(this, 'nginx', {
      image: props.image,
      replicas: props.replicas,
      cluster: { ipFamilies: props.clusterIpFamilies ?? ['IPv4', 'IPv6'] },
      expose: props.expose ?? ['IPv4', 'IPv6'],
    });
    for (const service of this.workload.services) {
      const key = service.ipFamily.toLowerCase();
      new TerraformOutput(this, `${service.name.replace(/-/g, '_')}_ip`, {
        value: service.ip,
        description: `The ${service.ipFamily} address of the LoadBalancer service ${service.name}.`,
      });
      new TerraformOutput(this, `verify_${key}`, {
        value: curlCommand(service.ipFamily, service.ip),
        description: `Run this to check that NGINX answers over ${service.ipFamily}.`,
      });
    }
  }
}
