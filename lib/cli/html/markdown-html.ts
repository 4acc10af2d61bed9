/**
 * Markdown to HTML for the subset of Markdown that `report` writes (lib/cli/report.ts): ATX
 * headings, paragraphs, pipe tables (with `\|` escapes), `-` lists nested by two spaces with
 * indented continuation lines, hard breaks (two trailing spaces), code spans of any fence length
 * and `**bold**`. Rendering the report's own Markdown keeps the HTML report's content the same
 * as the Markdown report's. Every character of text is HTML-escaped; nothing in the input can
 * produce markup other than the elements above. No cdktf imports.
 */
import { escapeHtml } from './escape';

/** Called before each heading; what it returns is inserted before the heading. */
export type BeforeHeading = (level: number, text: string) => string | undefined;

/** Inline Markdown (code spans, `**bold**`) to HTML; all text escaped. */
export function inlineHtml(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const tick = openingTick(text, i);
    if (tick < 0) {
      out += bold(text.slice(i));
      break;
    }
    out += bold(text.slice(i, tick));
    const fence = /^`+/.exec(text.slice(tick))![0];
    const close = findFence(text, tick + fence.length, fence.length);
    if (close < 0) {
      out += escapeHtml(fence);
      i = tick + fence.length;
      continue;
    }
    let content = text.slice(tick + fence.length, close);
    if (content.length > 1 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') {
      content = content.slice(1, -1);
    }
    out += `<code>${escapeHtml(content)}</code>`;
    i = close + fence.length;
  }
  return out;
}

/** The first backtick at or after `from` that is not backslash-escaped (`\``, as lib/cli/markdown.ts md() writes). */
function openingTick(text: string, from: number): number {
  for (let t = text.indexOf('`', from); t >= 0; t = text.indexOf('`', t + 1)) {
    let slashes = 0;
    while (t - slashes - 1 >= from && text[t - slashes - 1] === '\\') slashes++;
    if (slashes % 2 === 0) return t;
  }
  return -1;
}

/** The index of a backtick run of exactly `length` at or after `from`, or -1. */
function findFence(text: string, from: number, length: number): number {
  const re = /`+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].length === length) return m.index;
  return -1;
}

/**
 * Text outside code spans: `**bold**` (the report's own; plan text has its `*` escaped), and the
 * escapes lib/cli/markdown.ts md() writes read back as CommonMark reads them (a backslash before
 * ASCII punctuation, `&lt;` `&gt;` `&amp;` and numeric entities), then HTML-escaped.
 */
function bold(text: string): string {
  const parts = text.split(/\*\*(?=\S)(.+?)\*\*/);
  return parts.map((p, k) => (k % 2 === 1 ? `<strong>${plain(p)}</strong>` : plain(p))).join('');
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** Markdown text as the characters it stands for, HTML-escaped. */
function plain(text: string): string {
  const read = text
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(
      /&(?:(lt|gt|amp|quot)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g,
      (m, name: string, dec: string, hex: string) => {
        if (name) return NAMED[name];
        const cp = dec !== undefined ? Number(dec) : parseInt(hex, 16);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      },
    );
  return escapeHtml(read);
}

/** The cells of a table row: split on pipes that are not escaped, `\|` unescaped. */
function cells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

function tableHtml(rows: string[]): string {
  const [head, , ...body] = rows;
  const th = cells(head)
    .map((c) => `<th>${inlineHtml(c)}</th>`)
    .join('');
  const trs = body.map(
    (r) =>
      `<tr>${cells(r)
        .map((c) => `<td>${inlineHtml(c)}</td>`)
        .join('')}</tr>`,
  );
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${trs.join('\n')}\n</tbody>\n</table>`;
}

interface Item {
  depth: number;
  lines: string[];
}

/** Nested `<ul>`s from list items with depths (0, 1, ...). */
function listHtml(items: Item[]): string {
  let out = '';
  let depth = -1;
  for (const item of items) {
    const d = Math.min(item.depth, depth + 1);
    if (d > depth) out += '<ul>'.repeat(d - depth);
    else out += '</li>' + '</ul></li>'.repeat(depth - d);
    depth = d;
    const text = item.lines
      .map((l, i) => {
        const hard = i < item.lines.length - 1 && / {2,}$/.test(l);
        return inlineHtml(l.trim()) + (hard ? '<br>' : i < item.lines.length - 1 ? ' ' : '');
      })
      .join('');
    out += `<li>${text}`;
  }
  return out + '</li>' + '</ul></li>'.repeat(Math.max(0, depth)) + '</ul>';
}

/**
 * Renders Markdown in the subset `report` writes to HTML.
 * @param beforeHeading optional hook whose HTML goes in front of a heading
 */
export function markdownToHtml(markdown: string, beforeHeading?: BeforeHeading): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      const extra = beforeHeading?.(level, heading[2]);
      if (extra) out.push(extra);
      out.push(`<h${level}>${inlineHtml(heading[2].trim())}</h${level}>`);
      i++;
      continue;
    }
    if (line.startsWith('|')) {
      const rows: string[] = [];
      while (i < lines.length && lines[i].startsWith('|')) rows.push(lines[i++]);
      out.push(rows.length >= 2 ? tableHtml(rows) : `<p>${inlineHtml(rows[0])}</p>`);
      continue;
    }
    if (/^ *- /.test(line)) {
      const items: Item[] = [];
      while (i < lines.length && lines[i].trim() !== '') {
        const item = /^( *)- (.*)$/.exec(lines[i]);
        if (item) items.push({ depth: Math.floor(item[1].length / 2), lines: [item[2]] });
        else if (/^ {2,}/.test(lines[i]) && items.length > 0) items[items.length - 1].lines.push(lines[i]);
        else break;
        i++;
      }
      out.push(listHtml(items));
      continue;
    }
    const para: string[] = [lines[i++]];
    while (i < lines.length && lines[i].trim() !== '' && !/^(#{1,6} |\||\s*- )/.test(lines[i])) para.push(lines[i++]);
    out.push(`<p>${para.map((l) => inlineHtml(l.trim())).join(' ')}</p>`);
  }
  return out.join('\n');
}
