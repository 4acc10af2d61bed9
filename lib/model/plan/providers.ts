/**
 * The root module's provider configurations of a plan's `configuration` section as Terraform
 * JSON `provider` blocks, keeping only what links a provider to a resource of the plan (e.g. a
 * kubernetes provider's `host` from a cluster's `kube_config`) and its alias. Constant values
 * are not copied: provider settings can hold credentials. Pure; no cdktf imports.
 */
import { isObj, type Linker } from './values';

/** One entry of `configuration.provider_config`. */
interface ProviderConfig {
  readonly name?: unknown;
  readonly alias?: unknown;
  readonly module_address?: unknown;
  readonly expressions?: unknown;
}

/**
 * `provider.<name>` blocks (a list of configurations per provider name) for the root module's providers.
 * @param providerConfig the plan's `configuration.provider_config`
 * @param link resolves an expression's references (in the root module) to one resource reference
 */
export function providerBlocks(providerConfig: unknown, link: Linker): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  if (!isObj(providerConfig)) return out;
  for (const raw of Object.values(providerConfig)) {
    const p = raw as ProviderConfig;
    if (!isObj(p) || typeof p.name !== 'string' || p.module_address !== undefined) continue;
    const body: Record<string, unknown> = {};
    if (typeof p.alias === 'string' && p.alias !== '') body.alias = p.alias;
    if (isObj(p.expressions)) {
      for (const [attr, expr] of Object.entries(p.expressions)) {
        const refs = isObj(expr) ? expr.references : undefined;
        const linked = Array.isArray(refs) ? link(refs) : undefined;
        if (linked !== undefined) body[attr] = linked;
      }
    }
    (out[p.name] ??= []).push(body);
  }
  return out;
}

/**
 * The alias a resource's `provider_config_key` names (`kubernetes.workload`), as the `provider`
 * attribute of a Terraform JSON resource; undefined for the default configuration or a module's.
 */
export function providerAttribute(providerConfigKey: unknown): string | undefined {
  if (typeof providerConfigKey !== 'string' || providerConfigKey.includes(':')) return undefined;
  return /^[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*$/.test(providerConfigKey) ? providerConfigKey : undefined;
}
