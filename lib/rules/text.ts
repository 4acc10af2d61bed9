/**
 * Text for messages and fixes: values as messages show them, and names fixed up for suggestions.
 * No cdktf imports.
 */
import { isUnknown } from '../model';

/** A value as a message shows it: strings quoted, others with their JSON type. */
export function show(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (v === null) return 'null';
  if (isUnknown(v)) return v.expression;
  if (Array.isArray(v)) return `the list ${safeJson(v)}`;
  if (typeof v === 'object') return `the object ${safeJson(v)}`;
  return `the ${typeof v} ${String(v)}`;
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
