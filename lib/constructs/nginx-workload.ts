/**
 * NginxWorkload: the walkthrough's NGINX deployment (`kubectl create deployment nginx
 * --image=nginx --replicas=3`) and its LoadBalancer services, one per IP family.
 */
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { TerraformProvider, Token } from 'cdktf';
import { Construct } from 'constructs';
import type { IpFamily } from '../net';
import {
  DEFAULT_NAMESPACE,
  ExternalTrafficPolicy,
  LoadBalancerService,
  ServiceClusterInfo,
} from './load-balancer-service';
import { assertListProp, assertPropsObject, showValue } from './props';
import { AksStackValidation } from './stack-validation';

/** The NGINX image {@link NginxWorkload} runs by default: pinned (not `latest`) so plans are reproducible. */
export const DEFAULT_NGINX_IMAGE = 'nginx:1.27';
/** The replica count {@link NginxWorkload} runs by default: the walkthrough's `--replicas=3`. */
export const DEFAULT_NGINX_REPLICAS = 3;
/** The CPU and memory each NGINX container requests by default. */
export const DEFAULT_NGINX_REQUESTS: { readonly cpu: string; readonly memory: string } = {
  cpu: '100m',
  memory: '128Mi',
};

/** Options of one exposed family, for {@link NginxWorkload.expose}. */
export interface NginxExposeOptions {
  /**
   * The service name.
   * @default `<workload name>-ipv4` / `<workload name>-ipv6`, i.e. the walkthrough's `nginx-ipv4` and `nginx-ipv6`
   */
  readonly name?: string;
  /**
   * The port the load balancer listens on.
   * @default 80
   */
  readonly port?: number;
  /**
   * `spec.external_traffic_policy` (see `LoadBalancerServiceProps.externalTrafficPolicy`).
   * @default 'Local'
   */
  readonly externalTrafficPolicy?: ExternalTrafficPolicy;
}

/** Props of {@link NginxWorkload}. */
export interface NginxWorkloadProps {
  /**
   * The deployment name; also the `app` label the pods carry and the services select.
   * @default 'nginx'
   */
  readonly name?: string;
  /**
   * The namespace of the deployment and its services.
   * @default 'default'
   */
  readonly namespace?: string;
  /**
   * The container image.
   * @default 'nginx:1.27' (DEFAULT_NGINX_IMAGE)
   */
  readonly image?: string;
  /**
   * The number of pods.
   * @default 3 (the walkthrough's `--replicas=3`)
   */
  readonly replicas?: number;
  /**
   * The resource requests of the NGINX container.
   * @default { cpu: '100m', memory: '128Mi' }
   */
  readonly requests?: {
    /**
     * CPU request in Kubernetes quantity form, e.g. `100m` (a tenth of a core) or `1`.
     * @default '100m'
     */
    readonly cpu?: string;
    /**
     * Memory request in Kubernetes quantity form, e.g. `128Mi` or `1Gi`.
     * @default '128Mi'
     */
    readonly memory?: string;
  };
  /**
   * The IP families to expose right away, one LoadBalancer service each (same as calling
   * {@link NginxWorkload.expose} for each).
   * @default none: call `expose()` yourself
   */
  readonly expose?: IpFamily[];
  /**
   * The cluster the workload runs on, passed to every service (see `LoadBalancerServiceProps.cluster`).
   * @default unknown: the rules judge the services from the stack's own JSON
   */
  readonly cluster?: ServiceClusterInfo;
  /**
   * The kubernetes provider for the deployment and its services.
   * @default the stack's default (un-aliased) kubernetes provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * An NGINX `kubernetes_deployment_v1` (Linux nodes only, so it also fits clusters with Windows
 * pools) and, per exposed IP family, a {@link LoadBalancerService} selecting its pods.
 *
 * @example
 * // kubectl create deployment nginx --image=nginx --replicas=3
 * // kubectl expose deployment nginx --name=nginx-ipv4 --port=80 --type=LoadBalancer (and nginx-ipv6)
 * const nginx = new NginxWorkload(this, 'nginx', { cluster, expose: ['IPv4', 'IPv6'] });
 * new TerraformOutput(this, 'ipv6', { value: nginx.service('IPv6')!.ip });
 */
export class NginxWorkload extends Construct {
  /** The underlying `kubernetes_deployment_v1` (escape hatch). */
  public readonly deployment: DeploymentV1;
  /** The deployment name (and `app` label). */
  public readonly name: string;
  /** The namespace. */
  public readonly namespace: string;
  /** The pod labels the services select: `{ app: <name> }`. */
  public readonly labels: { readonly [key: string]: string };

  private readonly props: NginxWorkloadProps;
  private readonly exposed = new Map<IpFamily, LoadBalancerService>();

  constructor(scope: Construct, id: string, props: NginxWorkloadProps = {}) {
    super(scope, id);
    props = props ?? {}; // null from plain JS, like omitted
    assertPropsObject(this.node.path, 'NginxWorkload', props, "{ cluster, expose: ['IPv4', 'IPv6'] }");
    assertListProp(this.node.path, 'expose', props.expose, "['IPv4', 'IPv6']", 'service/family-not-in-cluster');
    AksStackValidation.of(this);
    this.props = props;
    this.name = props.name ?? 'nginx';
    this.namespace = props.namespace ?? DEFAULT_NAMESPACE;
    this.labels = { app: this.name };
    const replicas = props.replicas ?? DEFAULT_NGINX_REPLICAS;
    if (!Token.isUnresolved(replicas) && (!Number.isInteger(replicas) || replicas < 0)) {
      throw new Error(
        `${this.node.path}: replicas is ${showValue(replicas)}; use a whole number of pods, 0 or more (default ${DEFAULT_NGINX_REPLICAS})`,
      );
    }

    this.deployment = new DeploymentV1(this, 'deployment', {
      provider: props.provider,
      metadata: { name: this.name, namespace: this.namespace, labels: { ...this.labels } },
      spec: {
        replicas: String(replicas),
        selector: { matchLabels: { ...this.labels } },
        template: {
          metadata: { labels: { ...this.labels } },
          spec: {
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            container: [
              {
                name: 'nginx',
                image: props.image ?? DEFAULT_NGINX_IMAGE,
                port: [{ containerPort: 80, name: 'http' }],
                resources: {
                  requests: {
                    cpu: props.requests?.cpu ?? DEFAULT_NGINX_REQUESTS.cpu,
                    memory: props.requests?.memory ?? DEFAULT_NGINX_REQUESTS.memory,
                  },
                },
              },
            ],
          },
        },
      },
    });
    for (const family of props.expose ?? []) this.expose(family);
  }

  /**
   * Exposes the deployment on one IP family through a LoadBalancer service (port 80 to the
   * container's port 80), named `<name>-ipv4` or `<name>-ipv6`.
   * @throws when the family is already exposed
   */
  public expose(ipFamily: IpFamily, options: NginxExposeOptions = {}): LoadBalancerService {
    if (this.exposed.has(ipFamily)) {
      throw new Error(
        `${this.node.path}: ${ipFamily} is already exposed (service '${this.exposed.get(ipFamily)!.name}'); expose each family once`,
      );
    }
    const suffix = String(ipFamily).toLowerCase();
    const service = new LoadBalancerService(this, `service-${suffix}`, {
      name: options.name ?? `${this.name}-${suffix}`,
      namespace: this.namespace,
      ipFamily,
      port: options.port ?? 80,
      targetPort: 80,
      selector: { ...this.labels },
      labels: { ...this.labels },
      externalTrafficPolicy: options.externalTrafficPolicy,
      cluster: this.props.cluster,
      provider: this.props.provider,
    });
    this.exposed.set(ipFamily, service);
    return service;
  }

  /** The service of one family, if exposed. */
  public service(ipFamily: IpFamily): LoadBalancerService | undefined {
    return this.exposed.get(ipFamily);
  }

  /** The exposed services, in the order they were exposed. */
  public get services(): readonly LoadBalancerService[] {
    return [...this.exposed.values()];
  }
}
