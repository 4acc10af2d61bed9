/**
 * Where a text stops being JSON, in words that never quote the text: V8's `JSON.parse` messages
 * quote the first characters of the input ("Unexpected token 'A', "ARM_CLIENT"... is not valid
 * JSON"), which would print the start of any file a path leads to (a secrets file, say) on stderr.
 * No cdktf imports.
 */

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]{4}$/;

type State = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'after-value';

/** Scans a string starting at the quote at `i`; returns the index after it, or `-(error index) - 1`. */
function scanString(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return -j - 1;
    if (c === 0x5c) {
      const e = text[j + 1];
      if (e === 'u') {
        if (!HEX.test(text.slice(j + 2, j + 6))) return -(j + 1) - 1;
        j += 6;
      } else if (e !== undefined && ESCAPES.has(e)) {
        j += 2;
      } else {
        return -(j + 1) - 1;
      }
    } else {
      j++;
    }
  }
  return -j - 1;
}

function digits(text: string, i: number): number {
  let j = i;
  while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
  return j;
}

/** Scans a number starting at `i`; returns the index after it, or `-(error index) - 1`. */
function scanNumber(text: string, i: number): number {
  let j = i;
  if (text[j] === '-') j++;
  if (text[j] === '0') j++;
  else if (digits(text, j) === j) return -j - 1;
  else j = digits(text, j);
  if (text[j] === '.') {
    const k = digits(text, j + 1);
    if (k === j + 1) return -(j + 1) - 1;
    j = k;
  }
  if (text[j] === 'e' || text[j] === 'E') {
    j++;
    if (text[j] === '+' || text[j] === '-') j++;
    const k = digits(text, j);
    if (k === j) return -j - 1;
    j = k;
  }
  return j;
}

/** Scans `true`, `false` or `null` at `i`; returns the index after it, or `-(error index) - 1`. */
function scanLiteral(text: string, i: number): number {
  for (const word of ['true', 'false', 'null']) {
    if (text[i] !== word[0]) continue;
    for (let k = 1; k < word.length; k++) if (text[i + k] !== word[k]) return -(i + k) - 1;
    return i + word.length;
  }
  return -i - 1;
}

/** Scans a scalar value (string, number, literal) at `i`. */
function scanScalar(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return scanString(text, i);
  if (c === '-' || (c >= '0' && c <= '9')) return scanNumber(text, i);
  return scanLiteral(text, i);
}

/**
 * The index of the first character at which `text` stops being JSON (RFC 8259), `text.length`
 * when it ends too early, or -1 when it is JSON. Linear time, no recursion (any nesting depth).
 */
export function jsonErrorOffset(text: string): number {
  const stack: string[] = [];
  let state: State = 'value';
  let i = 0;
  for (;;) {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
    const c = text[i];
    if (state === 'after-value') {
      if (stack.length === 0) return i < text.length ? i : -1;
      const top = stack[stack.length - 1];
      if (c === ',') {
        state = top === '{' ? 'key' : 'value';
        i++;
      } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
        stack.pop();
        i++;
      } else {
        return i;
      }
      continue;
    }
    if (i >= text.length) return i;
    if (state === 'key' || state === 'key-or-end') {
      if (state === 'key-or-end' && c === '}') {
        stack.pop();
        i++;
        state = 'after-value';
        continue;
      }
      if (c !== '"') return i;
      const end = scanString(text, i);
      if (end < 0) return -end - 1;
      i = end;
      while (i < text.length && WS.has(text.charCodeAt(i))) i++;
      if (text[i] !== ':') return i;
      i++;
      state = 'value';
      continue;
    }
    if (state === 'value-or-end' && c === ']') {
      stack.pop();
      i++;
      state = 'after-value';
    } else if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      state = c === '{' ? 'key-or-end' : 'value-or-end';
    } else {
      const end = scanScalar(text, i);
      if (end < 0) return -end - 1;
      i = end;
      state = 'after-value';
    }
  }
}

/** Line and column (both from 1) of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * Why `text` is not JSON, in words that never quote it: V8's own wording when it names a position
 * (`Expected double-quoted property name at line 3, column 2`), else `unexpected character at
 * line L, column C` or `unexpected end of the text`.
 * @param text the text `JSON.parse` rejected
 * @param parseMessage the message `JSON.parse` threw
 */
export function describeJsonError(text: string, parseMessage: string): string {
  const positioned = /^([A-Za-z][^"]*?) (?:in JSON )?at position (\d+)/.exec(parseMessage);
  const offset = positioned ? Number(positioned[2]) : jsonErrorOffset(text);
  if (offset < 0) return 'not valid JSON';
  if (offset >= text.length) return 'unexpected end of the text';
  const { line, column } = lineAndColumn(text, offset);
  const what = positioned ? positioned[1] : 'unexpected character';
  return `${what} at line ${line}, column ${column}`;
}
