/**
 * Small Markdown helpers for the report, and how model values read in it. No cdktf imports.
 */
import { isUnknown } from '../model';
import type { Value } from '../model';

/** Escapes text for a Markdown table cell (pipes and line breaks). */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inline code; the fence grows when the text itself holds backticks. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** A Markdown table; every cell is escaped. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** Text for a value that is not set. */
export const NOT_SET = 'not set';

/**
 * How a model value reads in the report: the value (as inline code when `asCode`), `(default)`
 * when a default was applied, the expression with `(unresolved)` for an Unknown, or `not set`.
 */
export function show(v: Value<unknown>, opts: { defaulted?: boolean; asCode?: boolean } = {}): string {
  if (v === undefined || v === null) return NOT_SET;
  if (isUnknown(v)) return `${code(v.expression)} (unresolved${v.reason ? `: ${v.reason}` : ''})`;
  const text = Array.isArray(v) ? v.map((x) => showOne(x, opts.asCode)).join(', ') : showOne(v, opts.asCode);
  return opts.defaulted ? `${text} (default)` : text;
}

function showOne(x: unknown, asCode: boolean | undefined): string {
  if (isUnknown(x)) return `${code(x.expression)} (unresolved)`;
  const text = typeof x === 'string' ? x : JSON.stringify(x);
  return asCode ? code(text) : text;
}
