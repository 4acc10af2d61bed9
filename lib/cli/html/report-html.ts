/**
 * `report --format html`: one self-contained HTML page (inline styles, no scripts, no external
 * assets; a Content-Security-Policy forbids loading any) with the Markdown report's content
 * rendered as HTML plus, per cluster, an SVG map of its address space. No cdktf imports.
 */
import { readModel } from '../../model';
import type { ClusterModel, SubnetModel } from '../../model';
import { contextFromDocument, mergeContexts } from '../../rules';
import type { CheckContext } from '../../rules';
import { stackContext, type StackInput } from '../discover';
import { renderReport } from '../report';
import { clusterMap, type ClusterMap } from './address-map';
import { escapeHtml } from './escape';
import { markdownToHtml } from './markdown-html';
import { MAP_CSS, mapSvg } from './svg-map';

/** The page's Content-Security-Policy: nothing loads, inline styles apply. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const PAGE_CSS = `
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #0f172a; margin: 0;
  background: #fff; }
main { max-width: 1000px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 26px; } h2 { font-size: 21px; border-bottom: 1px solid #e2e8f0; margin-top: 36px; }
h3 { font-size: 17px; margin-top: 28px; } h4 { font-size: 15px; margin-bottom: 6px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #cbd5e1; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f1f5f9; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; background: #f1f5f9;
  padding: 0 3px; border-radius: 3px; overflow-wrap: anywhere; }
figure.map { margin: 8px 0 16px; }
figcaption { color: #475569; font-size: 12.5px; }
.legend span { display: inline-block; margin-right: 14px; }
.legend i { display: inline-block; width: 14px; height: 10px; margin-right: 4px; border: 1px solid;
  vertical-align: middle; }
.legend .vnet { background: #dbeafe; border-color: #3b82f6; }
.legend .subnet { background: #93c5fd; border-color: #1d4ed8; }
.legend .pod { background: #bbf7d0; border-color: #15803d; }
.legend .service { background: #fde68a; border-color: #b45309; }
.legend .reserved { background: #e5e7eb; border-color: #6b7280; border-style: dashed; }
.legend .overlap { background: #fecaca; border-color: #dc2626; }
ul.overlaps li { color: #b91c1c; }
`;

const LEGEND =
  '<p class="legend"><span><i class="vnet"></i>VNet</span><span><i class="subnet"></i>subnet</span>' +
  '<span><i class="pod"></i>pod range</span><span><i class="service"></i>service range</span>' +
  '<span><i class="reserved"></i>reserved by AKS</span><span><i class="overlap"></i>overlap</span></p>';

/** The map section of one cluster: heading, SVG, legend, the overlaps in words and what was not drawn. */
function mapSection(cluster: ClusterModel, map: ClusterMap, id: string): string {
  const name = typeof cluster.name === 'string' ? cluster.name : cluster.address;
  const out = ['<h4>Address map</h4>'];
  if (map.lanes.length === 0) out.push('<p>No address ranges to draw.</p>');
  else {
    out.push(`<figure class="map">${mapSvg(map, `Address map of cluster ${name}`, id)}`);
    out.push(
      '<figcaption>Widths are schematic: each stretch between range boundaries grows with the logarithm of its size, ' +
        'and gaps that no range covers are shortened.</figcaption></figure>',
      LEGEND,
    );
  }
  const overlaps = map.lanes.flatMap((lane) =>
    lane.overlaps.map((o) => {
      const a = lane.ranges[o.a];
      const b = lane.ranges[o.b];
      return `${a.label} ${a.cidr.normalized} overlaps ${b.label} ${b.cidr.normalized}`;
    }),
  );
  if (overlaps.length > 0) {
    out.push(`<ul class="overlaps">${overlaps.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul>`);
  }
  if (map.notDrawn.length > 0) {
    out.push(`<p>Not drawn: ${map.notDrawn.map((n) => `<code>${escapeHtml(n)}</code>`).join(', ')}.</p>`);
  }
  return out.join('\n');
}

/** The clusters of the stacks in report order, with the subnets of their document. */
function clustersOf(
  stacks: readonly StackInput[],
  context: CheckContext,
): { cluster: ClusterModel; subnets: readonly SubnetModel[] }[] {
  return stacks.flatMap((s) => {
    try {
      const model = readModel(s.document, mergeContexts(contextFromDocument(s.document), stackContext(s, context)));
      return model.clusters.map((cluster) => ({ cluster, subnets: model.subnets }));
    } catch {
      return []; // the report itself shows why the document cannot be read
    }
  });
}

/**
 * Renders the HTML report of `stacks`: the content of the Markdown report (`renderReport`) plus
 * an address map per cluster, placed before the cluster's node pools.
 * @param context what the documents cannot hold, as for `check`
 * @returns a complete HTML document
 */
export function renderHtmlReport(stacks: readonly StackInput[], context: CheckContext = {}): string {
  const markdown = renderReport(stacks, context);
  const clusters = clustersOf(stacks, context);
  const maps = clusters.map((c, i) => mapSection(c.cluster, clusterMap(c.cluster, c.subnets), String(i + 1)));
  const poolHeadings = markdown.split('\n').filter((l) => l === '#### Node pools').length;
  // each cluster section of the Markdown report has one "Node pools" heading; pair them in order
  const paired = poolHeadings === maps.length;
  let next = 0;
  let body = markdownToHtml(markdown, (level, text) =>
    paired && level === 4 && text === 'Node pools' ? maps[next++] : undefined,
  );
  if (!paired && maps.length > 0) body += `\n<h2>Address maps</h2>\n${maps.join('\n')}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="cdktf-aks-overlay report --format html">',
    '<title>AKS network review</title>',
    `<style>${PAGE_CSS}${MAP_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
