/**
 * `predictChanges(baseDoc, headDoc, opts)`: the `change/*` findings predicted from two Terraform
 * JSON configurations (no state, no plan): AKS resources are matched by address, and each
 * attribute change is judged with the ForceNew / cycling table of the azurerm version the
 * documents pin. A prediction: the provider's computed values are not in a configuration, so an
 * attribute one side leaves to AKS is compared with AKS's default where it is known, and
 * reported as "not known here" otherwise. No cdktf imports.
 */
import { azurermVersionOf } from '../../model/provider-version';
import type { Finding } from '../types';
import { assess, type AksKind } from './assess';
import { changeFinding, replacementFindings, updateFindings, type ChangeContext } from './findings';
import { documentSide } from './sides';
import { providerLine, type ProviderLine } from './tables';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A block written as an object or a list of objects, merged into one object. */
function body(v: unknown): Obj | undefined {
  if (isObj(v)) return v;
  if (Array.isArray(v) && v.length > 0 && v.every(isObj)) return Object.assign({}, ...v) as Obj;
  return undefined;
}

const KINDS: Readonly<Record<string, AksKind>> = {
  azurerm_kubernetes_cluster: 'cluster',
  azurerm_kubernetes_cluster_node_pool: 'pool',
};

/** An AKS resource of a configuration. */
interface AksResource {
  readonly address: string;
  readonly kind: AksKind;
  readonly body: Obj;
}

/** The AKS resources of a document by address (`//.metadata.address` when present, else `type.name`). */
export function aksResources(doc: unknown): Map<string, AksResource> {
  const out = new Map<string, AksResource>();
  const resource = isObj(doc) ? body(doc.resource) : undefined;
  for (const [type, kind] of Object.entries(KINDS)) {
    for (const [name, raw] of Object.entries(body(resource?.[type]) ?? {})) {
      const b = body(raw);
      if (!b) continue;
      const meta = body(b['//']);
      const real = isObj(meta?.metadata) ? meta.metadata.address : undefined;
      const address = typeof real === 'string' && real !== '' ? real : `${type}.${name}`;
      out.set(address, { address, kind, body: b });
    }
  }
  return out;
}

/** Options of {@link predictChanges}. */
export interface PredictOptions {
  /**
   * The azurerm version (or constraint) whose rules apply, overriding the documents' pins.
   * @default the head document's `terraform.required_providers.azurerm.version`, else the base's, else 4.55
   */
  readonly providerVersion?: string;
}

/** The provider line {@link predictChanges} applies for two documents. */
export function predictionLine(baseDoc: unknown, headDoc: unknown, opts: PredictOptions = {}): ProviderLine {
  return (
    providerLine(opts.providerVersion) ??
    providerLine(azurermVersionOf(headDoc)) ??
    providerLine(azurermVersionOf(baseDoc)) ??
    '4.55'
  );
}

/**
 * Predicts the `change/*` findings of changing configuration `baseDoc` into `headDoc`.
 * @returns findings in the order of the base's clusters, then pools, then new resources' none
 */
export function predictChanges(baseDoc: unknown, headDoc: unknown, opts: PredictOptions = {}): Finding[] {
  const line = predictionLine(baseDoc, headDoc, opts);
  const base = aksResources(baseDoc);
  const head = aksResources(headDoc);
  const out: Finding[] = [];
  for (const [address, b] of base) {
    const h = head.get(address);
    if (!h || h.kind !== b.kind) {
      out.push(
        changeFinding(
          b.kind === 'cluster' ? 'change/cluster-deleted' : 'change/pool-deleted',
          address,
          `${
            b.kind === 'cluster' ? 'the cluster' : 'the node pool'
          } is in the base configuration but not in the head: it will be deleted (unless a moved block renames it)`,
          b.kind === 'cluster'
            ? 'if this is not intended, restore the cluster; if it was renamed, add a moved block from the old address'
            : 'if this is not intended, restore the pool; its workloads must fit on the remaining pools',
        ),
      );
      continue;
    }
    const c: ChangeContext = { address, kind: b.kind, before: documentSide(b.body), after: documentSide(h.body), line };
    const a = assess(b.kind, c.before, c.after, line, true);
    const replaced = replacementFindings(c, a);
    out.push(...replaced);
    if (!replaced.some((f) => !f.skipped)) out.push(...updateFindings(c, a));
  }
  return out;
}
