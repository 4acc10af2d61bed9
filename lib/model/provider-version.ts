/**
 * The azurerm provider version a document pins (`terraform.required_providers.azurerm.version`), and
 * what the rules need to know of it. No cdktf imports.
 */
import { isObj } from './expand';

function body(v: unknown): Record<string, unknown> | undefined {
  const first: unknown = Array.isArray(v) ? v[0] : v;
  return isObj(first) ? first : undefined;
}

/** The azurerm version constraint a document pins, e.g. `~> 3.3` or `4.55.0`; undefined when it pins none. */
export function azurermVersionOf(doc: unknown): string | undefined {
  if (!isObj(doc)) return undefined;
  const blocks = Array.isArray(doc.terraform) ? doc.terraform : [doc.terraform];
  for (const t of blocks) {
    const rp = body(body(t)?.required_providers);
    const azurerm = rp?.azurerm;
    const version = typeof azurerm === 'string' ? azurerm : body(azurerm)?.version;
    if (typeof version === 'string' && version !== '') return version;
  }
  return undefined;
}

/**
 * True when a version constraint admits an azurerm 3.x release (a version number with major 3 or
 * lower appears in it, e.g. `~> 3.3`, `>= 3.0, < 4.0`, `3.117.0`): rules then also accept what
 * 3.x accepts. No constraint means the constructs' provider (4.55).
 */
export function admitsAzurerm3(constraint: string | undefined): boolean {
  if (constraint === undefined) return false;
  return (constraint.match(/\d+(?:\.\d+)*/g) ?? []).some((v) => Number(v.split('.')[0]) <= 3);
}
