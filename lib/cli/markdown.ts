/**
 * Small Markdown helpers for the report, and how model values read in it. One escaping policy:
 * every string that comes from a plan (names, paths, stack names, values, messages, fixes) goes
 * through {@link md} (running text) or {@link code} (inline code), so that it cannot open HTML, a
 * comment, a heading, a table row, a link or an image, nor break its line. No cdktf imports.
 */
import { isUnknown } from '../model';
import type { Value } from '../model';
import { clip, printable } from './escape';

/** Escapes text for a Markdown table cell (pipes and line breaks). */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The most characters of plan text {@link md} writes; longer text is cut, its length shown. */
export const MAX_TEXT_LENGTH = 2000;
/** The most characters of plan text {@link code} writes (names, addresses, paths). */
export const MAX_CODE_LENGTH = 300;

/** Characters with a meaning in Markdown inline text, escaped with a backslash. */
const MARKDOWN_PUNCTUATION = /[\\`*[\]~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;
const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Plain text from a plan as Markdown running text that renders as exactly that text: `&`, `<`, `>`
 * as HTML entities (no tag, comment or autolink can open); `\`, backtick, `*`, `[`, `]`, `~` and a
 * `_` at a word boundary backslash-escaped (no code span, emphasis, link or image); `://`, `www.`
 * and `@` defused (no bare autolink); control characters and line breaks as visible `\uXXXX`
 * escapes (one line: no heading, list, quote or HTML block can start). Cut to {@link MAX_TEXT_LENGTH}
 * characters, the length shown.
 */
export function md(text: string): string {
  const escaped = clip(String(text), MAX_TEXT_LENGTH)
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c])
    .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)
    .replace(/:\/\//g, '&#58;//')
    .replace(/www\./gi, (w) => `${w.slice(0, 3)}&#46;`)
    .replace(/@/g, '&#64;');
  return printable(escaped);
}

/**
 * Inline code, on one line: control characters and line breaks become visible `\uXXXX` escapes
 * (a line break inside a code span could start an HTML block or a heading on the next line); the
 * fence grows when the text itself holds backticks. Empty text (no code span can be empty) reads
 * `(empty)`. Cut to {@link MAX_CODE_LENGTH} characters, the length shown.
 */
export function code(text: string): string {
  const one = printable(clip(String(text), MAX_CODE_LENGTH));
  if (one === '') return '(empty)';
  let longest = 0;
  for (const run of one.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space at both ends of a code span that is not all spaces: pad to keep them
  const pad = longest > 0 || (/^ | $/.test(one) && /[^ ]/.test(one));
  return pad ? `${fence} ${one} ${fence}` : `${fence}${one}${fence}`;
}

/** A Markdown table; every cell is escaped. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** Text for a value that is not set. */
export const NOT_SET = 'not set';

/** The most characters of one value the report shows; longer values are cut, their length shown. */
export const MAX_VALUE_LENGTH = 200;

/**
 * How a model value reads in the report: the value (as inline code when `asCode`), `(default)`
 * when a default was applied, the expression with `(unresolved)` for an Unknown, or `not set`.
 * The result is Markdown, escaped (see {@link md} and {@link code}).
 */
export function show(v: Value<unknown>, opts: { defaulted?: boolean; asCode?: boolean } = {}): string {
  if (v === undefined || v === null) return NOT_SET;
  if (isUnknown(v)) {
    return `${code(clip(v.expression, MAX_VALUE_LENGTH))} (unresolved${v.reason ? `: ${md(v.reason)}` : ''})`;
  }
  const text = Array.isArray(v) ? v.map((x) => showOne(x, opts.asCode)).join(', ') : showOne(v, opts.asCode);
  return opts.defaulted ? `${text} (default)` : text;
}

function showOne(x: unknown, asCode: boolean | undefined): string {
  if (isUnknown(x)) return `${code(clip(x.expression, MAX_VALUE_LENGTH))} (unresolved)`;
  if (x === undefined || x === null) return NOT_SET;
  const text = clip(typeof x === 'string' ? x : jsonOf(x), MAX_VALUE_LENGTH);
  return asCode ? code(text) : md(text);
}

/** JSON text of a value that is not a string; a kind in words when it has none or is too deep to write. */
function jsonOf(x: unknown): string {
  try {
    const s = JSON.stringify(x);
    if (s !== undefined) return s;
  } catch {
    // too deep (stack overflow), cyclic, or a BigInt: fall through to the kind
  }
  if (Array.isArray(x)) return '(a list)';
  return typeof x === 'object' ? '(an object)' : `(a ${typeof x})`;
}
