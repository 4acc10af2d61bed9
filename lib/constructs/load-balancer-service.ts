/**
 * LoadBalancerService: a Kubernetes `LoadBalancer` service (`kubernetes_service_v1`) for one IP
 * family, as the walkthrough's `kubectl expose ... --type=LoadBalancer` makes it.
 */
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { TerraformProvider, Token } from 'cdktf';
import { Construct } from 'constructs';
import type { IpFamily } from '../net';
import { assertListProp, assertPropsObject, assertRequired, showValue } from './props';
import { AksStackValidation } from './stack-validation';

/**
 * `spec.external_traffic_policy`: `Local` keeps traffic on nodes that run a backing pod; `Cluster` spreads it over all
 * nodes.
 */
export type ExternalTrafficPolicy = 'Local' | 'Cluster';
/** The values of {@link ExternalTrafficPolicy}. */
export const ExternalTrafficPolicy = { LOCAL: 'Local', CLUSTER: 'Cluster' } as const;

/**
 * What a service needs to know about the cluster it runs on: its IP families. An
 * {@link AksCluster} is one; for a cluster in another stack or read with the
 * `azurerm_kubernetes_cluster` data source, pass the families yourself, e.g.
 * `{ ipFamilies: ['IPv4', 'IPv6'] }`.
 */
export interface ServiceClusterInfo {
  /** The cluster's IP families (`ip_versions`), e.g. `['IPv4', 'IPv6']`. */
  readonly ipFamilies: readonly IpFamily[];
}

/** Props of {@link LoadBalancerService}. */
export interface LoadBalancerServiceProps {
  /** `metadata.name`: a DNS-1035 label, e.g. `nginx-ipv6` (checked by the rule `service/name`). */
  readonly name: string;
  /**
   * `metadata.namespace`.
   * @default 'default'
   */
  readonly namespace?: string;
  /** The service's single IP family: rendered as `ip_families = [ipFamily]` with `ip_family_policy = "SingleStack"`. */
  readonly ipFamily: IpFamily;
  /** The port the load balancer listens on (checked by the rule `service/port`). */
  readonly port: number;
  /**
   * The container port (or port name) traffic goes to.
   * @default the same as `port`
   */
  readonly targetPort?: number | string;
  /**
   * `spec.port.protocol`.
   * @default 'TCP'
   */
  readonly protocol?: 'TCP' | 'UDP';
  /** The pod labels the service selects, e.g. `{ app: 'nginx' }`. */
  readonly selector: { [key: string]: string };
  /**
   * `spec.external_traffic_policy`. `Local` is required for IPv6 on AKS (rule
   * `service/ipv6-traffic-policy`: with `Cluster` the Azure Load Balancer's IPv6 health probes
   * are dropped and so is the traffic). It is also the default for IPv4, so that one default
   * holds for both families and clients' source addresses reach the pods; set `Cluster` for
   * IPv4 to spread traffic over every node instead of only nodes that run a selected pod.
   * @default 'Local' (both families)
   */
  readonly externalTrafficPolicy?: ExternalTrafficPolicy;
  /**
   * The cluster the service runs on. Its IP families go to the stack validation, so the rule
   * `service/family-not-in-cluster` can judge the service even when the cluster is in another
   * stack or read with a data source.
   * @default unknown: the rule judges from the stack's own JSON (the kubernetes provider's host), and skips with a
   * warning when it cannot tell
   */
  readonly cluster?: ServiceClusterInfo;
  /**
   * The kubernetes provider to create the service with, e.g. `cluster.kubernetesProvider(this)`.
   * @default the stack's default (un-aliased) kubernetes provider
   */
  readonly provider?: TerraformProvider;
  /**
   * `metadata.labels`.
   * @default no labels
   */
  readonly labels?: { [key: string]: string };
  /**
   * `metadata.annotations`, e.g. `service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path`.
   * @default no annotations
   */
  readonly annotations?: { [key: string]: string };
}

/** The default namespace of services and workloads. */
export const DEFAULT_NAMESPACE = 'default';
/** The default external traffic policy of {@link LoadBalancerService} (both families). */
export const DEFAULT_EXTERNAL_TRAFFIC_POLICY: ExternalTrafficPolicy = 'Local';

/**
 * A Kubernetes `LoadBalancer` service for one IP family. On AKS the cloud provider gives it a
 * public IP of that family on the cluster's Azure Load Balancer; {@link LoadBalancerService.ip}
 * is that address. Azure's rules for services (RULES.md `service/*`) run at synth in the stack
 * validation, not here.
 *
 * @example
 * // kubectl expose deployment nginx --name=nginx-ipv6 --port=80 --type=LoadBalancer --overrides='{"spec":{"ipFamilies":["IPv6"]}}'
 * const svc = new LoadBalancerService(this, 'nginx-ipv6', { name: 'nginx-ipv6', ipFamily: 'IPv6', port: 80, selector: { app: 'nginx' }, cluster });
 * new TerraformOutput(this, 'ipv6', { value: svc.ip });
 */
export class LoadBalancerService extends Construct {
  /** The underlying `kubernetes_service_v1` (escape hatch). */
  public readonly resource: ServiceV1;
  /** The service name. */
  public readonly name: string;
  /** The namespace. */
  public readonly namespace: string;
  /** The IP family. */
  public readonly ipFamily: IpFamily;
  /** The port the load balancer listens on. */
  public readonly port: number;
  /** The rendered external traffic policy. */
  public readonly externalTrafficPolicy: ExternalTrafficPolicy;

  constructor(scope: Construct, id: string, props: LoadBalancerServiceProps) {
    super(scope, id);
    const path = this.node.path;
    assertPropsObject(
      path,
      'LoadBalancerService',
      props,
      "{ name: 'web', ipFamily: 'IPv4', port: 80, selector: { app: 'web' } }",
    );
    const validation = AksStackValidation.of(this);
    if (!Token.isUnresolved(props.ipFamily) && props.ipFamily !== 'IPv4' && props.ipFamily !== 'IPv6') {
      throw new Error(
        `${path}: service/family-not-in-cluster: ipFamily ${showValue(props.ipFamily)} is not an IP family; use 'IPv4' or 'IPv6' (exactly that case)`,
      );
    }
    assertRequired(path, 'name (metadata.name)', props.name, "name: 'web'");
    if (props.cluster !== undefined) {
      assertPropsObject(
        path,
        'cluster',
        props.cluster,
        "an AksCluster, or { ipFamilies: ['IPv4', 'IPv6'] } for a cluster in another stack",
      );
      assertRequired(path, 'cluster.ipFamilies', props.cluster.ipFamilies, "cluster: { ipFamilies: ['IPv4', 'IPv6'] }");
      assertListProp(
        path,
        'cluster.ipFamilies',
        props.cluster.ipFamilies,
        "['IPv4', 'IPv6']",
        'service/family-not-in-cluster',
      );
    }
    this.name = props.name;
    this.namespace = props.namespace ?? DEFAULT_NAMESPACE;
    this.ipFamily = props.ipFamily;
    this.port = props.port;
    this.externalTrafficPolicy = props.externalTrafficPolicy ?? DEFAULT_EXTERNAL_TRAFFIC_POLICY;
    const targetPort = props.targetPort ?? props.port;

    this.resource = new ServiceV1(this, 'resource', {
      provider: props.provider,
      metadata: {
        name: props.name,
        namespace: this.namespace,
        labels: props.labels,
        annotations: props.annotations,
      },
      spec: {
        type: 'LoadBalancer',
        ipFamilies: [props.ipFamily],
        ipFamilyPolicy: 'SingleStack',
        externalTrafficPolicy: this.externalTrafficPolicy,
        selector: props.selector,
        port: [
          {
            port: props.port,
            targetPort: typeof targetPort === 'number' ? String(targetPort) : targetPort,
            protocol: props.protocol ?? 'TCP',
          },
        ],
      },
    });
    if (props.cluster !== undefined) validation.addServiceClusterFamilies(this.resource, props.cluster.ipFamilies);
  }

  /**
   * The token of the load balancer's ingress IP (`status[0].load_balancer[0].ingress[0].ip`):
   * known after apply, once Azure has given the service its public IP.
   */
  public get ip(): string {
    return this.resource.status.get(0).loadBalancer.get(0).ingress.get(0).ip;
  }
}
