/**
 * `report --format html`: the page's structure and escaping, its content against the Markdown
 * report, and the address map's data (lanes, overlaps, reserved ranges). The rendering in a real
 * browser is in report-html.browser.test.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadStacks } from '../lib/cli/discover';
import { clusterMap, MAP_RESERVED_RANGES } from '../lib/cli/html/address-map';
import { markdownToHtml } from '../lib/cli/html/markdown-html';
import { renderHtmlReport } from '../lib/cli/html/report-html';
import { renderReport } from '../lib/cli/report';
import { readModel } from '../lib/model';
import { RESERVED_RANGES } from '../lib/facts';
import { plan, PLANS, requireBuiltCli, runCli, tempDir } from './fixtures/plans/run-cli';

const ROOT = path.resolve(__dirname, '..');

/** The visible text of an HTML fragment: tags removed, entities decoded, spaces collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** A variant of the overlay fixture with `edit` applied to its document, as a stack. */
function variant(edit: (doc: any) => void) {
  const doc = JSON.parse(fs.readFileSync(path.join(PLANS, 'good/stacks/overlay/cdk.tf.json'), 'utf8'));
  edit(doc);
  const file = path.join(tempDir('html-'), 'cdk.tf.json');
  fs.writeFileSync(file, JSON.stringify(doc));
  return loadStacks([file], ROOT);
}

describe('the HTML page', () => {
  const stacks = loadStacks([plan('bad/pod-overlap'), plan('good')], ROOT);
  const html = renderHtmlReport(stacks);

  test('one self-contained document: no scripts, no external assets, a CSP that forbids loading any', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; ` +
        `style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#hatch-)/i);
    expect(html).not.toMatch(/(src|href)=/i);
  });

  test("one address map per cluster, before the cluster's node pools", () => {
    expect(html.match(/<svg class="address-map"/g)).toHaveLength(4);
    const sections = html.split('<h3>Cluster ').slice(1);
    expect(sections).toHaveLength(4);
    for (const s of sections)
      expect(s.indexOf('<svg class="address-map"')).toBeLessThan(s.indexOf('<h4>Node pools</h4>'));
  });

  test('the same content as the Markdown report: every heading, table cell and list text', () => {
    const markdown = renderReport(stacks);
    const text = visibleText(html).replace(/\s+/g, '');
    const pieces = markdown
      .split('\n')
      .flatMap((line) => {
        if (/^\|---/.test(line)) return [];
        if (line.startsWith('|'))
          return line
            .slice(1, -1)
            .split(/(?<!\\)\|/)
            .map((c) => c.trim().replace(/\\\|/g, '|'));
        return [line.replace(/^#+ |^\s*- /, '').trim()];
      })
      .map((p) => p.replace(/\*\*|`/g, '').replace(/\s+/g, ''))
      .filter(Boolean);
    expect(pieces.length).toBeGreaterThan(100);
    for (const p of pieces) expect(text).toContain(p);
  });

  test('plan text is escaped everywhere, in the report and in the map', () => {
    const [stack] = variant((doc) => {
      doc['//'].metadata.stackName = '<b>stack</b>';
      doc.resource.azurerm_kubernetes_cluster.aks.name = '<script>alert("x")</script> & \'y\'';
    });
    const page = renderHtmlReport([stack]);
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>stack');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    expect(page).toContain('<title>Address map of cluster &lt;script&gt;');
  });

  test('the built CLI writes it with report --format html; other formats are refused', () => {
    requireBuiltCli();
    const r = runCli(['report', '--format', 'html', plan('good')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(renderHtmlReport(loadStacks([plan('good')], ROOT)));
    const bad = runCli(['report', '--format', 'pdf', plan('good')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("argument 'pdf' is invalid. Allowed choices are markdown, html");
  });
});

describe('Markdown to HTML', () => {
  test('headings, tables with escaped pipes and code spans, nested lists with continuation lines', () => {
    const md =
      '# T `a`\n\n| A | B |\n|---|---|\n| x \\| y | `` c`d `` |\n\n' +
      '- one  \n  two\n  - **deep** <i>\n    Fix: go\n- back';
    expect(markdownToHtml(md)).toBe(
      [
        '<h1>T <code>a</code></h1>',
        '<table>\n<thead><tr><th>A</th><th>B</th></tr></thead>\n<tbody>\n' +
          '<tr><td>x | y</td><td><code>c`d</code></td></tr>\n</tbody>\n</table>',
        '<ul><li>one<br>two<ul><li><strong>deep</strong> &lt;i&gt; Fix: go</li></ul></li><li>back</li></ul>',
      ].join('\n'),
    );
  });
});

describe('the address map data', () => {
  const modelOf = (rel: string) => readModel(loadStacks([plan(rel)], ROOT)[0].document);

  test('overlapping ranges are overlaps: the pod range against the VNet and both subnets', () => {
    const model = modelOf('bad/pod-overlap');
    const map = clusterMap(model.clusters[0], model.subnets);
    expect(map.lanes.map((l) => l.family)).toEqual(['IPv4']);
    const lane = map.lanes[0];
    const pairs = lane.overlaps.map(
      (o) =>
        `${lane.ranges[o.a].kind} ${lane.ranges[o.a].cidr.normalized} x ` +
        `${lane.ranges[o.b].kind} ${lane.ranges[o.b].cidr.normalized}`,
    );
    expect(pairs.sort()).toEqual([
      'subnet 10.1.0.0/24 x pod 10.1.0.0/16',
      'subnet 10.1.1.0/24 x pod 10.1.0.0/16',
      'vnet 10.1.0.0/16 x pod 10.1.0.0/16',
    ]);
  });

  test('a valid plan has no overlaps: subnets inside their VNet are not one', () => {
    const model = modelOf('good/stacks/overlay');
    for (const c of model.clusters) expect(clusterMap(c, model.subnets).lanes.flatMap((l) => l.overlaps)).toEqual([]);
  });

  test('dual-stack gets an IPv4 and an IPv6 lane; only the IPv4 lane holds the reserved ranges', () => {
    const model = modelOf('good/stacks/dual-stack');
    const map = clusterMap(model.clusters[0], model.subnets);
    expect(map.lanes.map((l) => l.family)).toEqual(['IPv4', 'IPv6']);
    expect(map.lanes[1].ranges.map((r) => `${r.kind} ${r.cidr.normalized}`)).toEqual([
      'pod fd12:3456:789a::/64',
      'service fd12:3456:789a:1::/108',
    ]);
    expect(map.lanes[0].ranges.filter((r) => r.kind === 'reserved').map((r) => r.cidr.normalized)).toEqual([
      ...RESERVED_RANGES,
    ]);
  });

  test('a pod range on a reserved range is marked; unresolved ranges are listed as not drawn', () => {
    const [stack] = variant((doc) => {
      doc.resource.azurerm_kubernetes_cluster.aks.network_profile.pod_cidr = '172.30.0.0/16';
      doc.resource.azurerm_kubernetes_cluster.aks.network_profile.service_cidr = '${var.service_cidr}';
    });
    const model = readModel(stack.document);
    const map = clusterMap(model.clusters[0], model.subnets);
    const lane = map.lanes[0];
    expect(lane.overlaps.map((o) => [lane.ranges[o.a].kind, lane.ranges[o.b].kind])).toEqual([['pod', 'reserved']]);
    expect(map.notDrawn).toEqual(['service ranges: ${var.service_cidr} (unresolved)']);
  });

  test("the reserved ranges are the rules' ones", () => {
    expect(MAP_RESERVED_RANGES).toEqual(RESERVED_RANGES);
  });
});
