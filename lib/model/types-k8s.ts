/**
 * The model of Kubernetes services and preview feature registrations (see lib/model/types.ts for the
 * conventions). No cdktf imports.
 */
import type { Located, Value } from './types-base';

/** One `spec.port` block of a Kubernetes service, as written. */
export interface ServicePortModel {
  /** `name`, e.g. `http`. */
  readonly name: Value<unknown>;
  /** `port`: the port the service (its load balancer) listens on, e.g. `80`. */
  readonly port: Value<unknown>;
  /** `target_port`: the container port number or name the traffic goes to. */
  readonly targetPort: Value<unknown>;
  /** `node_port`: the port opened on every node. */
  readonly nodePort: Value<unknown>;
}

/** A `kubernetes_service_v1` (or `kubernetes_service`) resource of the document, attributes as written. */
export interface ServiceModel extends Located {
  /** `metadata.name`, e.g. `nginx-ipv6`. */
  readonly name: Value<unknown>;
  /** `metadata.namespace`; undefined when omitted (Kubernetes uses `default`). */
  readonly namespace: Value<unknown>;
  /** `spec.type`, e.g. `LoadBalancer`. */
  readonly type: Value<unknown>;
  /** `spec.ip_families`, e.g. `["IPv6"]`. */
  readonly ipFamilies: Value<unknown>;
  /** `spec.ip_family_policy`: `SingleStack`, `PreferDualStack` or `RequireDualStack`. */
  readonly ipFamilyPolicy: Value<unknown>;
  /** `spec.external_traffic_policy`: `Cluster` or `Local`. */
  readonly externalTrafficPolicy: Value<unknown>;
  /** The `spec.port` blocks, in order; empty when there are none. */
  readonly ports: readonly ServicePortModel[];
  /** The `provider` meta-argument, e.g. `kubernetes.workload`; undefined for the default provider. */
  readonly provider?: string;
  /** The cluster the provider's host references, when that is in the document. */
  readonly clusterAddress?: string;
  /** Why the cluster is not known, when `clusterAddress` is undefined (e.g. the host is a data source). */
  readonly clusterUnknownReason?: string;
}

/**
 * A preview feature registration: one `feature` block of an `azurerm_resource_provider_registration`
 * (the registration itself, with `feature` undefined, when it has none), or an
 * `azurerm_resource_provider_feature_registration`.
 */
export interface FeatureRegistrationModel extends Located {
  /** The resource provider namespace, e.g. `Microsoft.ContainerService`. */
  readonly providerNamespace: Value<unknown>;
  /** The feature name, e.g. `AzureOverlayDualStackPreview`. */
  readonly feature: Value<unknown>;
  /**
   * `registered` as written; true for an `azurerm_resource_provider_feature_registration`; undefined when there is no
   * `feature` block.
   */
  readonly registered: Value<unknown>;
}
