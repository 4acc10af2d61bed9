/**
 * Text for messages and fixes: values as messages show them, and names fixed up for suggestions.
 * No cdktf imports.
 */
import { isUnknown, type ClusterModel } from '../model';

/** A value as a message shows it: strings quoted, others with their JSON type. */
export function show(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (v === null) return 'null';
  if (isUnknown(v)) return v.expression;
  if (Array.isArray(v)) return `the list ${safeJson(v)}`;
  if (typeof v === 'object') return `the object ${safeJson(v)}`;
  return `the ${typeof v} ${(v as number | boolean | bigint | undefined)?.toString() ?? 'undefined'}`;
}

function safeJson(v: unknown): string {
  try {
    const s = JSON.stringify(v);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return '(unprintable)';
  }
}

/**
 * A suggestion for a fix: `s` with every character outside `allowed` (a character-class body)
 * replaced by `-`, cut to `max` characters and trimmed of non-alphanumerics at both ends.
 * @param fallback returned when nothing usable is left
 */
export function sanitizeName(s: string, allowed: string, max: number, fallback: string): string {
  const out = s
    .replace(new RegExp(`[^${allowed}]`, 'g'), '-')
    .replace(/-{2,}/g, '-')
    .slice(0, max)
    .replace(/^[^a-zA-Z0-9]+|[^a-zA-Z0-9]+$/g, '');
  return out === '' ? fallback : out;
}

/**
 * A value as a message quotes it: at most `max` characters; a longer value is cut and its full
 * length is shown, e.g. `'aaaa... (500 characters)'` without the quotes.
 */
export function cut(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, Math.max(0, max - 3))}... (${s.length} characters)` : s;
}

/** A node pool for messages: `node pool 'win'` (a long name cut), `the default node pool`, or its address. */
export function poolLabel(pool: {
  readonly name: unknown;
  readonly isDefault: boolean;
  readonly address: string;
}): string {
  if (typeof pool.name === 'string') return `node pool '${cut(pool.name, 40)}'`;
  return pool.isDefault ? 'the default node pool' : `node pool ${pool.address}`;
}

/** The data plane attribute as a cluster writes it: `network_data_plane`, or azurerm 3.x's `ebpf_data_plane`. */
export function dataPlaneAttribute(c: ClusterModel): string {
  return c.networkProfile.networkDataPlaneAttribute ?? 'network_data_plane';
}

/**
 * What decides a cluster's network mode, as messages name it: `network_plugin` / `network_plugin_mode`,
 * or, without a `network_profile`, the `kubernetes_version` by which AKS picks the default.
 */
export function modeAttribute(c: ClusterModel): string {
  return c.networkProfile.present
    ? 'the network mode (network_plugin / network_plugin_mode)'
    : 'kubernetes_version (without a network_profile, AKS picks the network mode by version)';
}

/** What decides a cluster's network plugin, as messages name it (see {@link modeAttribute}). */
export function pluginAttribute(c: ClusterModel): string {
  return c.networkProfile.present ? 'network_profile.network_plugin' : modeAttribute(c);
}
