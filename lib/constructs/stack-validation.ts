/**
 * The synth-time validation: one per TerraformStack, found or created by every construct of
 * this library. At validation time it reads the stack's own Terraform JSON and runs the rules of
 * lib/rules over it, so the constructs and the `check` CLI share one rule engine.
 */
import {
  Annotations,
  DefaultTokenResolver,
  StringConcat,
  TerraformElement,
  TerraformResource,
  TerraformStack,
  Token,
  Tokenization,
} from 'cdktf';
import { IConstruct } from 'constructs';
import type { IpFamily } from '../net';
import { formatFinding } from '../rules/check';
import { analyze } from '../rules/analyze';
import { CONTEXT_METADATA_KEY, isEmptyContext } from '../model';
import {
  suppressionsFromDocument,
  suppressionsToMetadata,
  SUPPRESSIONS_METADATA_FIELD,
  validateSuppression,
  type Suppression,
} from '../rules/suppressions';
import type { CheckContext, Finding } from '../rules/types';

const VALIDATION_ID = 'cdktf-aks-overlay-validation';
const MARKER = Symbol.for('cdktf-aks-overlay.AksStackValidation');
const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * Runs the rules of RULES.md over the Terraform JSON of one stack when cdktf validates it:
 * `app.synth()` / `cdktf synth` (unless the App has `skipValidation: true`) and
 * `Testing.synth(stack, true)`. `Testing.synthScope` and `Testing.synth(stack)` do not run
 * validations. Errors are returned through `node.addValidation`, so cdktf lists every finding
 * at once, each as `rule-id: what; fix (construct path)`; warnings (including rules skipped
 * because a value is an unresolved token) go to `Annotations.of(construct).addWarning` on the
 * offending construct.
 *
 * Constructs add what the JSON cannot hold (the prefixes of subnets referenced by ID, the IP
 * families of a cluster in another stack, features registered outside the stack). That context
 * is also written into the stack's cdktf metadata (`"//": { "metadata": { "cdktf-aks-overlay":
 * ... } }`, ignored by Terraform), so `cdktf-aks-overlay check` over `cdktf.out` sees what synth
 * saw.
 *
 * Accepted exceptions are recorded with {@link AksStackValidation.suppress} (each with a reason)
 * and travel in the same metadata: a suppressed finding no longer fails synth or `check`, but is
 * still shown (a suppressed error as a warning annotation `suppressed error: ...`); a suppression
 * that matches no finding is a `document/stale-suppression` warning.
 *
 * @example
 * AksStackValidation.of(this).addServiceClusterFamilies(service, ['IPv4', 'IPv6']);
 * AksStackValidation.of(this).suppress('network/dns-service-ip-convention', {
 *   reason: 'DNS at .53 by policy', scope: cluster,
 * });
 */
export class AksStackValidation extends TerraformElement {
  /** True for an AksStackValidation (also across copies of this library). */
  public static isAksStackValidation(x: unknown): x is AksStackValidation {
    return typeof x === 'object' && x !== null && (x as { [MARKER]?: boolean })[MARKER] === true;
  }

  /** The validation of the stack that holds `scope`, created on first use. */
  public static of(scope: IConstruct): AksStackValidation {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(VALIDATION_ID);
    if (existing !== undefined) {
      if (AksStackValidation.isAksStackValidation(existing)) return existing;
      throw new Error(
        `${stack.node.path}: the construct id '${VALIDATION_ID}' is reserved for cdktf-aks-overlay's stack validation`,
      );
    }
    return new AksStackValidation(stack, VALIDATION_ID);
  }

  private readonly subnets: { id: string; prefixes: readonly string[] }[] = [];
  private readonly virtualNetworks: { id: string; addressSpace: readonly string[] }[] = [];
  private readonly serviceFamilies: { service: string | TerraformResource; families: readonly IpFamily[] }[] = [];
  private readonly features = new Set<string>();
  private readonly warned = new Set<string>();
  private readonly suppressions: { rule: string; reason: string; scope?: IConstruct }[] = [];

  private constructor(scope: TerraformStack, id: string) {
    super(scope, id);
    Object.defineProperty(this, MARKER, { value: true });
    this.node.addValidation({ validate: () => this.validate() });
  }

  /**
   * Adds the prefixes of a subnet that the stack references by ID rather than as an azurerm
   * `Subnet` of this stack (an existing subnet, or a `Subnet` of another stack), so the overlap
   * and capacity rules can check it. Does nothing when the prefixes are unknown or tokens: the
   * rules then skip with a warning.
   * @param id the subnet ID exactly as the stack's resources use it (a token is resolved at
   * validation; pass the same token object the resource got, so a cross-stack reference
   * resolves to the same expression)
   * @param addressPrefixes the subnet's prefixes, e.g. `['10.240.0.0/16']`
   */
  public addSubnet(id: string, addressPrefixes: readonly string[] | undefined): void {
    if (addressPrefixes === undefined || isUnresolvedList(addressPrefixes)) return;
    this.subnets.push({ id, prefixes: [...addressPrefixes] });
  }

  /**
   * Adds the address space of a virtual network that the stack references only by resource ID.
   * @param id the VNet's resource ID as it appears in the stack's JSON (a token is resolved at validation)
   */
  public addVirtualNetwork(id: string, addressSpace: readonly string[]): void {
    if (isUnresolvedList(addressSpace)) return;
    this.virtualNetworks.push({ id, addressSpace: [...addressSpace] });
  }

  /**
   * Tells the rules which IP families the cluster behind a Kubernetes service has, for a
   * service whose provider reaches the cluster through an expression the stack's JSON cannot
   * resolve (a cluster in another stack, a data source). Used by `service/family-not-in-cluster`.
   * @param service the service resource, or its Terraform address (e.g. `kubernetes_service_v1.web`)
   * @param families the cluster's IP families, e.g. `cluster.ipFamilies`
   */
  public addServiceClusterFamilies(service: string | TerraformResource, families: readonly IpFamily[]): void {
    if (isUnresolvedList(families)) return;
    this.serviceFamilies.push({ service, families: [...families] });
  }

  /**
   * Records a feature registered outside this stack, as `Namespace/Feature`, e.g.
   * `Microsoft.ContainerService/AzureOverlayDualStackPreview`. No rule needs one today (the Windows
   * dual-stack preview requirement was retired on 2026-07-17); kept so stacks that record one still work.
   */
  public addRegisteredFeature(feature: string): void {
    this.features.add(feature);
  }

  /**
   * Suppresses a rule for a construct and everything it contains, or for the whole stack: its
   * findings there no longer fail synth (or `cdktf-aks-overlay check` over the synthesized stack)
   * but are shown as suppressed, with the reason. Suppressing an error-level rule is allowed and
   * shown as a `suppressed error` warning. A suppression that matches no finding becomes a
   * `document/stale-suppression` warning.
   * @param ruleId a rule id of RULES.md, e.g. `network/dns-service-ip-convention`
   * @param options.reason why the exception is accepted (required, non-empty)
   * @param options.scope the construct whose subtree it covers; the default is the whole stack
   * @throws Error naming this stack's path for an unknown rule id, a missing reason, or a scope in another stack
   */
  public suppress(ruleId: string, options: AksSuppressOptions): void {
    const where = `${this.node.path}: suppress('${String(ruleId)}')`;
    if (typeof options !== 'object' || options === null) {
      throw new Error(`${where}: options { reason, scope? } are required`);
    }
    const { scope } = options;
    const stack = TerraformStack.of(this);
    if (scope !== undefined && TerraformStack.of(scope) !== stack) {
      const why = `scope ${scope.node.path} is not in stack ${stack.node.path}; use AksStackValidation.of(scope)`;
      throw new Error(`${where}: ${why}`);
    }
    try {
      validateSuppression({ rule: ruleId, reason: options.reason }, 'suppression');
    } catch (e) {
      throw new Error(`${where}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    const covers = scope !== undefined && scope !== stack ? { scope } : {};
    this.suppressions.push({ rule: ruleId.trim(), reason: options.reason.trim(), ...covers });
  }

  /** The check context built from what constructs added, with tokens resolved against the stack. */
  public context(): CheckContext {
    const stack = TerraformStack.of(this);
    const resolveKey = (key: string): string => {
      const v: unknown = Tokenization.resolve(key, { scope: stack, resolver: RESOLVER });
      return typeof v === 'string' ? v : JSON.stringify(v);
    };
    const subnets: Record<string, readonly string[]> = {};
    for (const s of this.subnets) subnets[resolveKey(s.id)] = s.prefixes;
    const virtualNetworks: Record<string, readonly string[]> = {};
    for (const v of this.virtualNetworks) virtualNetworks[resolveKey(v.id)] = v.addressSpace;
    const serviceClusterFamilies: Record<string, readonly IpFamily[]> = {};
    for (const s of this.serviceFamilies) {
      const address =
        typeof s.service === 'string' ? s.service : `${s.service.terraformResourceType}.${s.service.friendlyUniqueId}`;
      serviceClusterFamilies[address] = s.families;
    }
    return { subnets, virtualNetworks, serviceClusterFamilies, registeredFeatures: [...this.features].sort() };
  }

  /**
   * Writes the context into the stack's `//.metadata` (nothing when it is empty).
   * @internal
   */
  public toMetadata(): Record<string, unknown> {
    const ctx = this.context();
    const suppressions = suppressionsToMetadata(
      this.suppressions.map((s): Suppression =>
        s.scope ? { rule: s.rule, reason: s.reason, path: s.scope.node.path } : { rule: s.rule, reason: s.reason },
      ),
    );
    if (isEmptyContext(ctx) && suppressions.length === 0) return {};
    const stored = Object.entries(ctx).filter(([, v]) =>
      Array.isArray(v) ? v.length > 0 : Object.keys(v as object).length > 0,
    );
    if (suppressions.length > 0) stored.push([SUPPRESSIONS_METADATA_FIELD, suppressions]);
    return { [CONTEXT_METADATA_KEY]: Object.fromEntries(stored) };
  }

  /**
   * Runs every rule over the stack's current Terraform JSON and returns all findings: those a
   * suppression covers carry `suppressed`, and each stale suppression adds a
   * `document/stale-suppression` warning at the end. The suppressions are read back from the
   * stack's own JSON, exactly as `cdktf-aks-overlay check` reads them from `cdktf.out`.
   */
  public findings(): Finding[] {
    return this.findingsOf(TerraformStack.of(this).toTerraform());
  }

  private findingsOf(document: unknown): Finding[] {
    const { problems } = suppressionsFromDocument(document);
    if (problems.length > 0) throw new Error(`${this.node.path}: ${problems[0]}`);
    return analyze(document, this.context()).findings;
  }

  private validate(): string[] {
    const stack = TerraformStack.of(this);
    const document: unknown = stack.toTerraform();
    reuseForSynth(stack, document);
    const findings = this.findingsOf(document);
    for (const f of findings) {
      if (f.severity === 'error' && f.suppressed === undefined) continue;
      const annotations = Annotations.of(this.constructAt(f.path));
      const message = f.suppressed === undefined ? formatFinding(f) : suppressedLine(f, f.suppressed);
      if (this.warned.has(message)) continue;
      this.warned.add(message);
      if (f.suppressed !== undefined && f.severity === 'warning') annotations.addInfo(message);
      else annotations.addWarning(message);
    }
    return findings.filter((f) => f.severity === 'error' && f.suppressed === undefined).map(formatFinding);
  }

  /** The construct at a path from the JSON metadata, or this validation when none matches. */
  private constructAt(path: string | undefined): IConstruct {
    if (path === undefined) return this;
    const stack = TerraformStack.of(this);
    const parts = path.split('/');
    if (parts[0] !== stack.node.id) return this;
    let node: IConstruct = stack;
    for (const part of parts.slice(1)) {
      const child = node.node.tryFindChild(part);
      if (child === undefined) return this;
      node = child;
    }
    return node;
  }
}

/** Options of {@link AksStackValidation.suppress}. */
export interface AksSuppressOptions {
  /** Why the exception is accepted; required and non-empty. It is shown with every finding it covers. */
  readonly reason: string;
  /**
   * The construct whose subtree the suppression covers (a cluster, a node pool, a service).
   * @default the whole stack
   */
  readonly scope?: IConstruct;
}

/** `suppressed error: <finding> [reason: ...; construct ...]`: how synth shows a suppressed finding. */
function suppressedLine(f: Finding, s: NonNullable<Finding['suppressed']>): string {
  return `suppressed ${f.severity}: ${formatFinding(f)} [reason: ${s.reason}; ${s.source}]`;
}

function isUnresolvedList(list: readonly string[]): boolean {
  return Token.isUnresolved(list) || list.some((x) => Token.isUnresolved(x));
}

/**
 * cdktf synthesizes a stack right after running its validations, and building a stack's JSON
 * resolves every token: hand the next `toTerraform()` the JSON the validation just built, once, as
 * long as no construct was added since (else it is built afresh).
 */
function reuseForSynth(stack: TerraformStack, document: unknown): void {
  const size = stack.node.findAll().length;
  const own = stack as unknown as { toTerraform?: () => unknown };
  own.toTerraform = () => {
    delete own.toTerraform;
    return stack.node.findAll().length === size ? document : stack.toTerraform();
  };
}
