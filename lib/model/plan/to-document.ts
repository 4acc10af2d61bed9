/**
 * `planToDocument(plan)`: a `terraform show -json` plan (format_version 1.x) as a Terraform JSON
 * document, so that the one model reader reads plans as it reads cdk.tf.json. Pure; no cdktf imports.
 *
 * - Values come from `planned_values` (the state after apply), root and child modules.
 * - A value known only after apply becomes `${<type>.<name>.<attr>}` when the `configuration`
 *   section names exactly one resource instance for it (so links such as a pool's
 *   `vnet_subnet_id` survive), else {@link KNOWN_AFTER_APPLY}. An unknown value that the
 *   configuration does not set is left out, as a cdk.tf.json leaves it out (the provider or AKS
 *   computes it).
 * - Every sensitive value becomes {@link SENSITIVE}: the value is never copied.
 * - Resources of child modules and `count` / `for_each` instances are flattened into the root
 *   with a unique name (`module_aks__this`, `pool__0`); references are rewritten to those
 *   names, and the real address is kept in the body's `"//": { "metadata": { "address": ... } }`.
 */
import { type ResourceAddress, NameTable, addressText, mangledName, parseAddress } from './address';
import { ConfigurationIndex, type PlannedInstance } from './references';
import type { PlanDocument, PlanJson, PlanProblem, PlanValuesModule, PlanValuesResource } from './types';
import { applyUnknown, copyJson, isObj, maskSensitive } from './values';
import { providerAttribute, providerBlocks } from './providers';

/** The major versions of the plan format this reader understands. */
export const SUPPORTED_FORMAT_MAJOR = 1;

/**
 * True when `x` is a `terraform show -json` plan (any format version): an object with a string
 * `format_version` and `planned_values`, `resource_changes` or `configuration`. A Terraform
 * JSON configuration (cdk.tf.json) has none of these keys.
 */
export function isPlanJson(x: unknown): x is PlanJson {
  if (!isObj(x) || typeof x.format_version !== 'string') return false;
  return 'planned_values' in x || 'resource_changes' in x || 'configuration' in x;
}

/** The plan's resource instances, module by module. */
function collectResources(m: PlanValuesModule | undefined, out: PlanValuesResource[], depth = 0): void {
  if (!m || depth > 64) return;
  for (const r of m.resources ?? []) out.push(r);
  for (const c of m.child_modules ?? []) collectResources(c, out, depth + 1);
}

/** `{ format, problems }` when the version is unusable. */
function checkVersion(plan: PlanJson): PlanProblem | undefined {
  const v = plan.format_version;
  const major = typeof v === 'string' ? Number(/^(\d+)\./.exec(v)?.[1]) : NaN;
  if (major === SUPPORTED_FORMAT_MAJOR) return undefined;
  const shown = typeof v === 'string' ? `"${v.slice(0, 20)}"` : 'missing';
  return {
    severity: 'error',
    address: '(plan)',
    message:
      `plan format_version ${shown} is not supported (this reader understands format_version 1.x, as ` +
      `Terraform 1.x writes it)`,
  };
}

/** The azurerm version constraint of the root provider configuration, else of any module's. */
function azurermConstraint(plan: PlanJson): string | undefined {
  const configs = plan.configuration?.provider_config ?? {};
  const root = configs.azurerm?.version_constraint;
  if (typeof root === 'string' && root !== '') return root;
  const any = Object.values(configs).find(
    (c) => c?.name === 'azurerm' && typeof c.version_constraint === 'string' && c.version_constraint !== '',
  );
  return any?.version_constraint;
}

/**
 * Converts a plan into a Terraform JSON document (see the module comment).
 * @param plan the parsed `terraform show -json` output
 * @returns the document, and problems: an `error` when the plan cannot be read at all (another
 *   format version, no `planned_values`), `warning`s for parts that could not be read
 */
export function planToDocument(plan: unknown): PlanDocument {
  if (!isPlanJson(plan)) {
    return {
      document: {},
      problems: [
        {
          severity: 'error',
          address: '(plan)',
          message:
            'not a terraform show -json plan: no format_version with planned_values, resource_changes or configuration',
        },
      ],
    };
  }
  const versionProblem = checkVersion(plan);
  if (versionProblem) return { document: {}, problems: [versionProblem] };
  const problems: PlanProblem[] = [];
  if (!isObj(plan.planned_values)) {
    problems.push({
      severity: 'error',
      address: '(plan)',
      message:
        'the plan has no planned_values: write it with `terraform show -json PLANFILE` from a ' +
        'completed `terraform plan -out PLANFILE`',
    });
    return { document: {}, problems };
  }

  const raw: PlanValuesResource[] = [];
  collectResources(plan.planned_values.root_module, raw);
  const names = new NameTable();
  const planned: (PlannedInstance & { readonly source: PlanValuesResource; readonly text: string })[] = [];
  for (const r of raw) {
    const a: ResourceAddress | undefined = typeof r.address === 'string' ? parseAddress(r.address) : undefined;
    if (!a || !isObj(r.values)) {
      problems.push({
        severity: 'warning',
        address: typeof r.address === 'string' ? r.address : '(plan)',
        message: 'a planned_values resource without a readable address or values was skipped',
      });
      continue;
    }
    if (a.modules.length === 0 && a.index === undefined) names.reserve(`${a.mode}.${a.type}`, a.name);
    planned.push({ address: a, mangled: '', source: r, text: addressText(a) });
  }
  const instances = planned.map((p) => ({
    ...p,
    mangled:
      p.address.modules.length === 0 && p.address.index === undefined
        ? p.address.name
        : names.unique(`${p.address.mode}.${p.address.type}`, mangledName(p.address)),
  }));
  const config = new ConfigurationIndex(plan.configuration?.root_module, instances);

  const changes = new Map<string, { unknown: unknown; sensitive: unknown }>();
  for (const rc of plan.resource_changes ?? []) {
    if (isObj(rc) && typeof rc.address === 'string' && rc.deposed === undefined && isObj(rc.change)) {
      changes.set(rc.address, { unknown: rc.change.after_unknown, sensitive: rc.change.after_sensitive });
    }
  }

  const resource: Record<string, Record<string, unknown>> = {};
  const data: Record<string, Record<string, unknown>> = {};
  for (const inst of instances) {
    const a = inst.address;
    const values = copyJson(inst.source.values as Record<string, unknown>);
    const cfg = config.resourceConfig(a);
    const expressions = isObj(cfg?.expressions) ? cfg.expressions : undefined;
    const change = changes.get(inst.source.address as string);
    applyUnknown(values, change?.unknown, expressions, (refs) => config.link(refs, a.modules));
    // both masks: planned_values' sensitive_values and the change's after_sensitive
    maskSensitive(values, inst.source.sensitive_values);
    maskSensitive(values, change?.sensitive);
    const body: Record<string, unknown> = { ...values, '//': { metadata: { address: inst.text } } };
    const alias = providerAttribute(cfg?.provider_config_key);
    if (alias !== undefined) body.provider = alias;
    const target = a.mode === 'data' ? data : resource;
    (target[a.type] ??= {})[inst.mangled] = body;
  }

  const deferred = Array.isArray(plan.deferred_changes) ? plan.deferred_changes.length : 0;
  if (deferred > 0) {
    problems.push({
      severity: 'warning',
      address: '(plan)',
      message:
        `${deferred} deferred resource change(s) (unknown count, for_each or provider configuration) ` +
        `are not in the plan's values and were not checked`,
    });
  }

  const document: Record<string, unknown> = {
    '//': {
      metadata: {
        source: 'terraform show -json',
        formatVersion: plan.format_version,
        ...(typeof plan.terraform_version === 'string' ? { terraformVersion: plan.terraform_version } : {}),
      },
    },
  };
  const azurermVersion = azurermConstraint(plan);
  if (typeof azurermVersion === 'string' && azurermVersion !== '') {
    document.terraform = { required_providers: { azurerm: { source: 'hashicorp/azurerm', version: azurermVersion } } };
  }
  const provider = providerBlocks(plan.configuration?.provider_config, (refs) => config.link(refs, []));
  if (Object.keys(provider).length > 0) document.provider = provider;
  if (Object.keys(resource).length > 0) document.resource = resource;
  if (Object.keys(data).length > 0) document.data = data;
  return { document, problems };
}
