/**
 * The check context that a synthesized document carries itself. The constructs' stack
 * validation writes what it knows beyond the JSON (the prefixes of existing subnets, the IP
 * families of a cluster in another stack, features registered outside the stack) into the
 * stack's cdktf metadata, `"//": { "metadata": { "cdktf-aks-overlay": { ... } } }`, so that
 * `cdktf-aks-overlay check` over `cdktf.out` sees exactly what `cdktf synth` saw. Terraform
 * ignores `//` keys. No cdktf imports.
 */
import type { IpFamily } from '../net';

/**
 * What a Terraform document cannot hold, passed to `check` beside it.
 */
export interface CheckContext {
  /**
   * Address prefixes of subnets that the plan references only by a literal resource ID (an existing subnet), keyed by
   * that ID.
   * @default no existing subnets: rules that need such a subnet's prefixes skip it with a warning
   */
  readonly subnets?: Readonly<Record<string, readonly string[]>>;
  /**
   * Address spaces of virtual networks that the plan references only by a literal resource ID, keyed by that ID.
   * @default no existing virtual networks: rules that need such a VNet's address space skip it with a warning
   */
  readonly virtualNetworks?: Readonly<Record<string, readonly string[]>>;
  /**
   * The IP families of the cluster that a Kubernetes service runs on, keyed by the service's
   * Terraform address, for services whose provider reaches the cluster through an expression the
   * document cannot resolve (a data source, another stack).
   * @default none: service rules that need such a service's cluster families skip it with a warning
   */
  readonly serviceClusterFamilies?: Readonly<Record<string, readonly IpFamily[]>>;
  /**
   * Features known to be registered outside the plan, as `Namespace/Feature` (case-insensitive), e.g.
   * `Microsoft.ContainerService/AzureOverlayDualStackPreview`.
   * @default none: only the registrations the document itself makes count
   */
  readonly registeredFeatures?: readonly string[];
  /**
   * Values of the document's input variables by name (`var.NAME`), as Terraform gets them from
   * `-var`, `-var-file` or a `terraform.tfvars` file. A variable marked `sensitive`, and any
   * variable read by a secret attribute (a password), is never resolved.
   * @default none: every `var.*` stays unresolved (the variables' `default`s are not used: a default
   * is often a placeholder the caller overrides, and reading it as the value gave a false error on a
   * real module)
   */
  readonly variables?: Readonly<Record<string, unknown>>;
}

/** The key under the stack's `//.metadata` that holds the context. */
export const CONTEXT_METADATA_KEY = 'cdktf-aks-overlay';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
}

/** The entries of a record whose values are string lists (others are dropped). */
function listRecord(v: unknown): Record<string, string[]> | undefined {
  if (!isRecord(v)) return undefined;
  // no prototype: a `__proto__` key from a hand-edited document stays an ordinary key
  const out: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [k, x] of Object.entries(v)) {
    const list = stringList(x);
    if (list !== undefined) out[k] = list;
  }
  return out;
}

/**
 * The context stored in a document's cdktf metadata; `{}` when there is none or it is malformed
 * (never throws: a hand-edited document cannot break `check`).
 */
export function contextFromDocument(document: unknown): CheckContext {
  if (!isRecord(document) || !isRecord(document['//']) || !isRecord(document['//'].metadata)) return {};
  const stored = document['//'].metadata[CONTEXT_METADATA_KEY];
  return isRecord(stored) ? contextFromStored(stored) : {};
}

/** The well-formed entries of a context-shaped record (string lists; IP families IPv4/IPv6). */
function contextFromStored(stored: Record<string, unknown>): CheckContext {
  const families = listRecord(stored.serviceClusterFamilies);
  const ctx: { -readonly [K in keyof CheckContext]: CheckContext[K] } = {};
  const subnets = listRecord(stored.subnets);
  if (subnets) ctx.subnets = subnets;
  const vnets = listRecord(stored.virtualNetworks);
  if (vnets) ctx.virtualNetworks = vnets;
  if (families) {
    ctx.serviceClusterFamilies = Object.fromEntries(
      Object.entries(families).map(([k, list]) => [k, list.filter((f): f is IpFamily => f === 'IPv4' || f === 'IPv6')]),
    );
  }
  const features = stringList(stored.registeredFeatures);
  if (features) ctx.registeredFeatures = features;
  if (isRecord(stored.variables)) ctx.variables = Object.assign(Object.create(null) as object, stored.variables);
  return ctx;
}

/** `given` over `base`: record entries of `given` win by key; feature lists are joined. */
export function mergeContexts(base: CheckContext, given: CheckContext | null | undefined): CheckContext {
  // `given` may come from untyped JS (`check(doc, null)`): read only well-formed entries of it
  if (!isRecord(given)) return base;
  given = contextFromStored(given);
  const features = [...new Set([...(base.registeredFeatures ?? []), ...(given.registeredFeatures ?? [])])];
  return {
    subnets: { ...base.subnets, ...given.subnets },
    virtualNetworks: { ...base.virtualNetworks, ...given.virtualNetworks },
    serviceClusterFamilies: { ...base.serviceClusterFamilies, ...given.serviceClusterFamilies },
    registeredFeatures: features,
    ...(base.variables || given.variables
      ? { variables: Object.assign(Object.create(null) as object, base.variables, given.variables) }
      : {}),
  };
}

/** True when the context holds nothing. */
export function isEmptyContext(ctx: CheckContext): boolean {
  return (
    Object.keys(ctx.subnets ?? {}).length === 0 &&
    Object.keys(ctx.virtualNetworks ?? {}).length === 0 &&
    Object.keys(ctx.serviceClusterFamilies ?? {}).length === 0 &&
    (ctx.registeredFeatures ?? []).length === 0 &&
    Object.keys(ctx.variables ?? {}).length === 0
  );
}
