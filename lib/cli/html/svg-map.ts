/**
 * Draws a {@link ClusterMap} as inline SVG: one lane per IP family, one row per range (the
 * reserved ranges share a row), a label column with the owner, the CIDR and its size, and
 * hatched red bands where two ranges overlap. The address axis is schematic: each stretch
 * between two range boundaries gets a width that grows with the logarithm of its size, and gaps
 * no range covers are shortened, so a /24 next to a /8 stays visible. All text is escaped.
 * No cdktf imports.
 */
import type { Cidr } from '../../net';
import type { ClusterMap, MapLane, MapRange } from './address-map';
import { escapeHtml } from './escape';

/** The drawing's width in CSS pixels. */
export const MAP_WIDTH = 960;
const LABEL_WIDTH = 300;
const BAR_X = LABEL_WIDTH + 10;
const BAR_WIDTH = MAP_WIDTH - BAR_X - 10;
const ROW = 34;
const BAR_HEIGHT = ROW - 12;
const LANE_HEAD = 26;
const LANE_GAP = 14;
const GAP_WEIGHT = 3;

/** `65,536 addresses`, or `2^64 addresses` past 2^32. */
export function sizeLabel(c: Cidr): string {
  const bits = (c.family === 'IPv4' ? 32 : 128) - c.prefixLength;
  const n = bits > 32 ? `2^${bits}` : c.size.toLocaleString('en-US');
  return `${n} address${c.size === 1n ? '' : 'es'}`;
}

function log2(n: bigint): number {
  return n.toString(2).length - 1;
}

/** The schematic x position of each range boundary of a lane. */
function scale(lane: MapLane): (v: bigint) => number {
  const points = [...new Set(lane.ranges.flatMap((r) => [r.cidr.start, r.cidr.end + 1n]))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const covered = (lo: bigint, hi: bigint) => lane.ranges.some((r) => r.cidr.start <= lo && hi - 1n <= r.cidr.end);
  const weights = points.slice(1).map((p, i) => (covered(points[i], p) ? 1 + log2(p - points[i]) : GAP_WEIGHT));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const xs = new Map<bigint, number>();
  let acc = 0;
  points.forEach((p, i) => {
    xs.set(p, BAR_X + (acc / total) * BAR_WIDTH);
    acc += weights[i] ?? 0;
  });
  return (v) => xs.get(v) ?? BAR_X;
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function num(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/**
 * Where a lane's rows start, relative to its first row, and its total height; the reserved row
 * has room for 2 lines of CIDRs.
 */
function rowLayout(lane: MapLane): { tops: number[]; height: number } {
  const tops: number[] = [];
  let y = 0;
  for (let row = 0; row < lane.rows; row++) {
    tops.push(y);
    y += lane.ranges.some((r) => r.row === row && r.kind === 'reserved') ? ROW + 12 : ROW;
  }
  return { tops, height: y };
}

/** A range's bar, and its CIDR as text on top when the bar is wide enough (drawn after the overlap marks). */
function rangeSvg(
  r: MapRange,
  i: number,
  y: number,
  x: (v: bigint) => number,
  conflicted: boolean,
): { bar: string; text: string } {
  const x1 = x(r.cidr.start);
  const w = Math.max(2, x(r.cidr.end + 1n) - x1);
  const cidr = r.cidr.normalized;
  const title = escapeHtml(`${r.label}: ${cidr}, ${sizeLabel(r.cidr)} (${r.cidr.first} – ${r.cidr.last})`);
  const inner =
    w > 7 * cidr.length + 8 ? `<text class="in" x="${num(x1 + 4)}" y="${y + 21}">${escapeHtml(cidr)}</text>` : '';
  const bar =
    `<g class="range ${r.kind}${conflicted ? ' conflict' : ''}" data-index="${i}" data-cidr="${escapeHtml(cidr)}">` +
    `<title>${title}</title>` +
    `<rect class="bar" x="${num(x1)}" y="${y + 6}" width="${num(w)}" height="${BAR_HEIGHT}" rx="3"/></g>`;
  return { bar, text: inner };
}

function labelSvg(r: MapRange, y: number, lane: MapLane): string {
  const lines =
    r.kind === 'reserved'
      ? [r.label, ...pairs(lane.ranges.filter((x) => x.kind === 'reserved').map((x) => x.cidr.normalized))]
      : [truncate(r.label, 44), truncate(`${r.cidr.normalized} · ${sizeLabel(r.cidr)}`, 52)];
  return lines
    .map((t, k) => `<text class="${k === 0 ? 'label' : 'sub'}" x="8" y="${y + 15 + 13 * k}">${escapeHtml(t)}</text>`)
    .join('');
}

/** Items joined two per line. */
function pairs(items: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < items.length; k += 2) out.push(items.slice(k, k + 2).join(', '));
  return out;
}

/** One overlap: a hatched band over the shared addresses on each of the two rows, joined by a dashed line. */
function overlapSvg(
  lane: MapLane,
  o: MapLane['overlaps'][number],
  rowY: (row: number) => number,
  x: (v: bigint) => number,
  hatch: string,
): string {
  const x1 = x(o.start);
  const w = Math.max(3, x(o.end + 1n) - x1);
  const a = lane.ranges[o.a];
  const b = lane.ranges[o.b];
  const what = escapeHtml(`overlap: ${a.label} ${a.cidr.normalized} and ${b.label} ${b.cidr.normalized}`);
  const band = (row: number) =>
    `<rect class="mark" x="${num(x1)}" y="${rowY(row) + 3}" width="${num(w)}" height="${BAR_HEIGHT + 6}" ` +
    `fill="url(#${hatch})"/>`;
  const [top, bottom] = [Math.min(a.row, b.row), Math.max(a.row, b.row)];
  const link =
    top === bottom
      ? ''
      : `<line class="link" x1="${num(x1 + 1)}" y1="${rowY(top) + BAR_HEIGHT + 9}" ` +
        `x2="${num(x1 + 1)}" y2="${rowY(bottom) + 3}"/>`;
  const marks = `${band(a.row)}${band(b.row)}${link}`;
  return `<g class="overlap" data-a="${o.a}" data-b="${o.b}"><title>${what}</title>${marks}</g>`;
}

function laneSvg(lane: MapLane, top: number, hatch: string): { svg: string; height: number } {
  const x = scale(lane);
  const layout = rowLayout(lane);
  const rowY = (row: number) => top + LANE_HEAD + layout.tops[row];
  const height = LANE_HEAD + layout.height;
  const conflicted = new Set(lane.overlaps.flatMap((o) => [o.a, o.b]));
  const parts: string[] = [`<g class="lane" data-family="${lane.family}">`];
  parts.push(`<rect class="lane-bg" x="0" y="${top}" width="${MAP_WIDTH}" height="${height}"/>`);
  parts.push(`<text class="lane-title" x="8" y="${top + 18}">${lane.family}</text>`);
  const seen = new Set<number>();
  for (const r of lane.ranges) {
    if (seen.has(r.row)) continue;
    seen.add(r.row);
    parts.push(labelSvg(r, rowY(r.row), lane));
  }
  const ranges = lane.ranges.map((r, i) => rangeSvg(r, i, rowY(r.row), x, conflicted.has(i)));
  parts.push(...ranges.map((r) => r.bar));
  for (const o of lane.overlaps) parts.push(overlapSvg(lane, o, rowY, x, hatch));
  parts.push(...ranges.map((r) => r.text));
  parts.push('</g>');
  return { svg: parts.join(''), height };
}

/** Styles of the map (inline in the page, no external assets). */
export const MAP_CSS = `
svg.address-map { display: block; max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
svg.address-map .lane-bg { fill: #f8fafc; stroke: #e2e8f0; }
svg.address-map .lane-title { font-weight: 600; fill: #0f172a; }
svg.address-map .label { fill: #0f172a; }
svg.address-map .sub { fill: #475569; font-size: 11px; font-family: ui-monospace, monospace; }
svg.address-map .in { fill: #0f172a; font-size: 11px; font-family: ui-monospace, monospace; pointer-events: none;
  paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
svg.address-map .vnet .bar { fill: #dbeafe; stroke: #3b82f6; }
svg.address-map .subnet .bar { fill: #93c5fd; stroke: #1d4ed8; }
svg.address-map .pod .bar { fill: #bbf7d0; stroke: #15803d; }
svg.address-map .service .bar { fill: #fde68a; stroke: #b45309; }
svg.address-map .reserved .bar { fill: #e5e7eb; stroke: #6b7280; stroke-dasharray: 3 2; }
svg.address-map .conflict .bar { stroke: #dc2626; stroke-width: 2; }
svg.address-map .overlap .mark { stroke: #dc2626; stroke-width: 1.5; }
svg.address-map .overlap .link { stroke: #dc2626; stroke-width: 1.5; stroke-dasharray: 4 3; }
`;

/**
 * The SVG drawing of a cluster's address map; empty string when it has no lane.
 * @param id unique in the page: names the hatch pattern of this drawing
 */
export function mapSvg(map: ClusterMap, title: string, id: string): string {
  if (map.lanes.length === 0) return '';
  let top = 0;
  const lanes: string[] = [];
  for (const lane of map.lanes) {
    const l = laneSvg(lane, top, `hatch-${id}`);
    lanes.push(l.svg);
    top += l.height + LANE_GAP;
  }
  const height = top - LANE_GAP;
  const defs =
    `<defs><pattern id="hatch-${id}" width="6" height="6" patternUnits="userSpaceOnUse" ` +
    'patternTransform="rotate(45)">' +
    '<rect width="6" height="6" fill="#dc2626" fill-opacity="0.15"/>' +
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#dc2626" stroke-width="2.5"/></pattern></defs>';
  return (
    `<svg class="address-map" xmlns="http://www.w3.org/2000/svg" role="img" width="${MAP_WIDTH}" height="${height}" ` +
    `viewBox="0 0 ${MAP_WIDTH} ${height}"><title>${escapeHtml(title)}</title>${defs}${lanes.join('')}</svg>`
  );
}
