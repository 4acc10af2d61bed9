/**
 * Checks of prop shapes for callers without TypeScript's checks (plain JS, `as any`): a prop of
 * the wrong shape gets a clear error naming the prop, never a bare TypeError from deep inside a
 * construct. Azure's rules are not checked here: they live in lib/rules and run at synth.
 * Internal: not exported from lib/index.ts.
 */
import { TerraformResource, Token } from 'cdktf';
import { show } from '../rules/text';
import type { AksSubnet } from './types';

/** A value as an error message shows it (`undefined` included). */
export function showValue(v: unknown): string {
  return v === undefined ? 'undefined' : show(v);
}

/**
 * Throws unless `props` is an object: `new X(scope, id, undefined)` from plain JS.
 * @param example the smallest valid props, shown in the message
 */
export function assertPropsObject(path: string, construct: string, props: unknown, example: string): void {
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    throw new Error(`${path}: ${construct} props are ${showValue(props)}; pass an object, e.g. ${example}`);
  }
}

/** Throws unless a required prop is set (a string, number or token; its value is the rules' business). */
export function assertRequired(path: string, prop: string, value: unknown, example: string): void {
  if (value === undefined || value === null) throw new Error(`${path}: ${prop} is required, e.g. ${example}`);
}

/**
 * Throws unless an optional list prop is absent, a list, or a token: a single string where a
 * list belongs (`ipFamilies: 'IPv4'`) would otherwise be read character by character.
 * @param ruleId the RULES.md rule the prop feeds, named in the message
 */
export function assertListProp(path: string, prop: string, value: unknown, example: string, ruleId?: string): void {
  if (value === undefined || Array.isArray(value) || Token.isUnresolved(value)) return;
  throw new Error(
    `${path}: ${ruleId === undefined ? '' : `${ruleId}: `}${prop} is ${showValue(value)}, not a list; write it as a list, e.g. ${prop}: ${example}`,
  );
}

/**
 * Throws unless a `vnetSubnet` prop is an azurerm `Subnet` or a `{ id, addressPrefixes? }` object
 * with a string `id` and a list of prefixes.
 * @param prop the prop's name, e.g. `vnetSubnet` or `defaultNodePool.vnetSubnet`
 */
export function assertSubnet(path: string, prop: string, subnet: unknown): asserts subnet is AksSubnet {
  if (TerraformResource.isTerraformResource(subnet)) return;
  const hint =
    "give an azurerm Subnet resource or { id: '/subscriptions/.../subnets/nodes', addressPrefixes: ['10.240.0.0/16'] }";
  if (typeof subnet !== 'object' || subnet === null || Array.isArray(subnet)) {
    throw new Error(`${path}: ${prop} is ${showValue(subnet)}, not a subnet; ${hint}`);
  }
  const { id, addressPrefixes } = subnet as { id?: unknown; addressPrefixes?: unknown };
  if (typeof id !== 'string' || id === '') {
    throw new Error(`${path}: ${prop}.id is ${showValue(id)}, not a subnet resource ID; ${hint}`);
  }
  assertListProp(path, `${prop}.addressPrefixes`, addressPrefixes, "['10.240.0.0/16']");
}
