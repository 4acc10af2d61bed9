/**
 * `readModel(document, context?)`: reads a Terraform JSON document (cdk.tf.json, a `*.tf.json`
 * module, or a converted plan) into the {@link PlanModel} that rules read, merging the check context
 * the document carries in its metadata with the one given. Linear in the size of the document
 * (links go through indexes). No cdktf imports. Never throws.
 *
 * Values as the model holds them (see lib/model/types.ts): omitted or `null` is `undefined`; a
 * `${...}` that is not a resolvable same-document literal is an {@link Unknown} whose `reason` says what
 * it refers to; a reference to another resource's ID is a link only where the model reads a link
 * (`vnet_subnet_id`, `kubernetes_cluster_id`, ...), elsewhere an Unknown; scalars are kept as written
 * (lib/model/attr.ts converts as Terraform does).
 */
import { contextFromDocument, mergeContexts, type CheckContext } from './context';
import { DocumentReader } from './document';
import { NetworkBuilder } from './network';
import { azurermVersionOf } from './provider-version';
import { readCluster, readNodePool, type ClusterLinks } from './clusters';
import { CLUSTER_TYPE, NODE_POOL_TYPE, SERVICE_TYPES } from './resource-types';
import { readFeatures, readService } from './services';
import type { ClusterModel, NodePoolModel, PlanModel, ServiceModel } from './types';

/**
 * Reads a Terraform JSON document into the model. Never throws on any JSON value: problems with the
 * document's shape go to `shapeProblems`, constructs that could not be evaluated to `notEvaluated`.
 * @param document the parsed JSON (any value)
 * @param context what the document cannot hold, merged over the context in the document's own metadata
 */
export function readModel(document: unknown, context?: CheckContext | null): PlanModel {
  const merged = mergeContexts(contextFromDocument(document), context);
  const version = azurermVersionOf(document);
  const reader = new DocumentReader(document, merged);
  reader.read();
  const network = new NetworkBuilder(reader);
  network.read();

  // a cluster's pools and services are added to its lists as they are read (clusters share lists by address)
  const links = new Map<string, ClusterLinks>();
  const clusters: ClusterModel[] = [];
  const nodePools: NodePoolModel[] = [];
  for (const e of reader.byType.get(CLUSTER_TYPE) ?? []) {
    let l = links.get(e.address);
    if (!l) links.set(e.address, (l = { nodePools: [], services: [] }));
    const { cluster, defaultPool } = readCluster(reader, network, e, l);
    clusters.push(cluster);
    if (defaultPool) nodePools.push(defaultPool);
  }
  for (const e of reader.byType.get(NODE_POOL_TYPE) ?? []) {
    const pool = readNodePool(reader, network, e);
    nodePools.push(pool);
    if (pool.clusterAddress !== undefined) links.get(pool.clusterAddress)?.nodePools.push(pool);
  }
  const services: ServiceModel[] = [];
  for (const type of SERVICE_TYPES) {
    for (const e of reader.byType.get(type) ?? []) {
      const s = readService(reader, e);
      services.push(s);
      if (s.clusterAddress !== undefined) links.get(s.clusterAddress)?.services.push(s);
    }
  }
  return {
    clusters,
    nodePools,
    subnets: network.allSubnets(),
    virtualNetworks: [...network.vnets.values()],
    services,
    featureRegistrations: readFeatures(reader),
    shapeProblems: reader.problems,
    notEvaluated: reader.notEvaluated,
    context: merged,
    ...(version !== undefined ? { azurermVersion: version } : {}),
  };
}
