/**
 * Issue 12 B2 (and B6 for the text format): random plan text, full of Markdown, HTML and control
 * characters, in every name a plan can carry (stack, resource address, cluster, construct path,
 * pool, service, namespace, subnet, Kubernetes version; findings quote several of them), rendered
 * through every output format:
 * - report (Markdown), rendered with markdown-it as GitHub would (raw HTML on, linkify on): no HTML
 *   tag but the report's own, no comment, link or image; exactly the report's headings; every
 *   finding visible; names come back as the text they were (control characters as \uXXXX);
 * - check text: no raw control character, one line per item;
 * - check JSON: exact (parses back to the same values).
 * Fixed seed; `FUZZ_RUNS=N` runs longer (the bench does).
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { runCheck } from '../lib/cli/check-command';
import type { StackInput } from '../lib/cli/discover';
import { printable } from '../lib/cli/escape';
import { formatCheckJson, formatCheckText, type Palette } from '../lib/cli/format';
import { code, md } from '../lib/cli/markdown';
import { renderReport } from '../lib/cli/report';
import { renderHtmlReport } from '../lib/cli/html/report-html';
import { CHECK_FORMATS, renderCheck } from '../lib/cli/formats';

// markdown-it (a devDependency) has no bundled types; this is the part the test uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (opts: object) => { render(src: string): string };
const GITHUB_LIKE = new MarkdownIt({ html: true, linkify: true });

type Json = Record<string, any>;

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const ROOT = path.resolve(__dirname, '..');
const BASE = JSON.parse(
  fs.readFileSync(path.join(ROOT, '__tests__/fixtures/plans/bad/pod-overlap/cdk.tf.json'), 'utf8'),
) as Json;
const PLAIN: Palette = { red: (s) => s, yellow: (s) => s, green: (s) => s, bold: (s) => s, dim: (s) => s };
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** The tags the report itself writes. */
const OWN_TAGS = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'strong',
  'ul',
  'li',
  'br',
]);

const FRAGMENTS = [
  '<!--',
  '-->',
  '\n',
  '\r\n',
  '\r',
  '|',
  '`',
  '``',
  '<img src=x onerror=alert(1)>',
  '#',
  '## ',
  '\n# h',
  '[x](http://e.example)',
  '![i](http://e.example/i.png)',
  '*',
  '**',
  '_',
  '__',
  '~~',
  '&amp;',
  '&#60;',
  '\\',
  '\\|',
  '\u001b[2J',
  '\u001b]0;t\u0007',
  '\u0007',
  '\u009b',
  '\u202e',
  '\u2028',
  '<details>',
  '</td>',
  '</table>',
  'https://evil.example',
  'www.evil.example',
  'a@b.example',
  '@org/team',
  '> q',
  '- item',
  '1. ',
  '---',
  '===',
  ' ',
  '\t',
  '<script>x</script>',
  '<http://e.example>',
  '[ref]: http://e.example',
  '<',
  '>',
  '&',
  '<!',
  '<?',
  '<![CDATA[',
  'x',
  'aks',
  '-',
];
const planText = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 6 })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

/** The pod-overlap plan (1 error) with a LoadBalancer service, and `t` in every name. */
function planWith(t: Record<string, string>): Json {
  const d = JSON.parse(JSON.stringify(BASE)) as Json;
  const cluster = d.resource.azurerm_kubernetes_cluster.aks;
  cluster.name = t.clusterName;
  cluster.kubernetes_version = t.version;
  cluster['//'] = { metadata: { path: t.path } };
  cluster.default_node_pool.name = t.pool;
  delete d.resource.azurerm_kubernetes_cluster.aks;
  d.resource.azurerm_kubernetes_cluster[t.address] = cluster;
  const subnet = Object.values(d.resource.azurerm_subnet ?? {})[0] as Json | undefined;
  if (subnet) subnet.name = t.subnet;
  d.provider = {
    ...d.provider,
    kubernetes: [{ host: `\${azurerm_kubernetes_cluster.${t.address}.kube_config[0].host}` }],
  };
  d.resource.kubernetes_service_v1 = {
    [t.address]: {
      metadata: { name: t.service, namespace: t.namespace },
      spec: { type: 'LoadBalancer', port: [{ port: 80 }] },
    },
  };
  d['//'] = { metadata: { stackName: t.stack } };
  return d;
}

const texts = fc.record({
  stack: planText,
  address: planText,
  clusterName: planText,
  path: planText,
  pool: planText,
  service: planText,
  namespace: planText,
  subnet: planText,
  version: planText,
});

function decode(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function checkReport(markdown: string, stack: StackInput, t: Record<string, string>, findings: number): void {
  const html = GITHUB_LIKE.render(markdown);
  // every tag is one of the report's own, without attributes (no link, image, script, handler)
  for (const m of html.matchAll(/<[^>]*>?/g)) {
    const tag = /^<\/?([a-z][a-z0-9]*)>$/.exec(m[0]);
    expect([m[0], tag !== null && OWN_TAGS.has(tag[1])]).toEqual([m[0], true]);
  }
  // exactly the report's headings: one title, one stack, one cluster, the cluster's three sections
  expect((html.match(/<h1>/g) ?? []).length).toBe(1);
  expect((html.match(/<h2>/g) ?? []).length).toBe(1);
  expect((html.match(/<h4>/g) ?? []).length).toBe(3);
  // every finding visible, with its severity
  expect((html.match(/<strong>(error|warning)<\/strong>/g) ?? []).length).toBe(findings);
  // names come back as the text they were (control characters escaped), in code spans
  const h2 = /<h2>([\s\S]*?)<\/h2>/.exec(html)?.[1] ?? '';
  expect(decode(h2)).toBe(`Stack ${shownCode(stack.name)}`);
  const path = /\(construct <code>([\s\S]*?)<\/code>\)/.exec(html)?.[1];
  if (t.path !== '') expect(decode(path ?? '')).toBe(shownCode(t.path));
}

/** The visible text of HTML: tags as spaces, entities decoded, whitespace collapsed. */
function visible(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(
      /&(lt|gt|amp|quot|#39);/g,
      (_m, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" })[e] ?? '',
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The HTML report renders the same Markdown: its visible text (maps left out) is what markdown-it
 * shows, so its converter reads the escapes as CommonMark does; and it holds no active content.
 */
function checkHtmlReport(stack: StackInput, markdown: string): void {
  const page = renderHtmlReport([stack]);
  for (const tag of page.match(/<[^>]*>?/g) ?? []) {
    expect(tag).not.toMatch(/^<\/?(script|img|a|iframe|object|embed|details|link)[\s>/]|^<!--|\son\w+=|javascript:/i);
  }
  const main = /<main>([\s\S]*)<\/main>/.exec(page)?.[1] ?? '';
  // the address maps (inserted before each cluster's node pools, or at the end) are the HTML report's own
  const withoutMaps = main
    .replace(/<h4>Address map<\/h4>[\s\S]*?(?=<h4>)/g, '')
    .replace(/<h2>Address maps<\/h2>[\s\S]*$/, '');
  expect(visible(withoutMaps)).toBe(visible(GITHUB_LIKE.render(markdown)));
}

/** What a reader sees of `code(s)`: the text, control characters escaped; `(empty)` for nothing. */
function shownCode(s: string): string {
  return s === '' ? '(empty)' : printable(s);
}

describe('B2: plan text cannot restructure the report', () => {
  test('md() and code() on the classic injections', () => {
    expect(md('x\n<!--')).toBe('x\\u000a&lt;!--');
    expect(md('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(md('[a](http://e.example) ![i](x)')).toBe('\\[a\\](http&#58;//e.example) !\\[i\\](x)');
    expect(md('**bold** `code` ~~s~~ _e_ snake_case')).toBe(
      '\\*\\*bold\\*\\* \\`code\\` \\~\\~s\\~\\~ \\_e\\_ snake_case',
    );
    expect(md('a & b; www.x.example; @team')).toBe('a &amp; b; www&#46;x.example; &#64;team');
    expect(md('C:\\path')).toBe('C:\\\\path');
    expect(code('x\n## heading')).toBe('`x\\u000a## heading`');
    expect(code('a`b')).toBe('`` a`b ``');
    expect(code(' lead')).toBe('`  lead `');
    expect(code('   ')).toBe('`   `');
    expect(code('')).toBe('(empty)');
  });

  test("the reliability report's reproducer: a newline and <!-- in a construct path no longer hides the findings", () => {
    const d = JSON.parse(JSON.stringify(BASE)) as Json;
    d.resource.azurerm_kubernetes_cluster.aks['//'] = { metadata: { path: 'x\n<!--' } };
    const markdown = renderReport([{ name: 'pod-overlap', file: 'hide.json', document: d }]);
    expect(markdown).not.toMatch(/^<!--/m);
    const html = GITHUB_LIKE.render(markdown);
    expect(html).not.toContain('<!--');
    expect(html).toContain('<code>network/overlap</code> <strong>error</strong>');
  });

  test('property: random plan text in every name, through report, check text and check JSON', () => {
    fc.assert(
      fc.property(texts, (t) => {
        const stack: StackInput = { name: t.stack, file: `${t.stack}/cdk.tf.json`, document: planWith(t) };
        const run = runCheck([stack]);
        const findings = run.stacks[0].findings.length;
        // report, Markdown and HTML
        const markdown = renderReport([stack]);
        checkReport(markdown, stack, t, findings);
        checkHtmlReport(stack, markdown);
        // check text: no raw control character; every line one of the format's own
        const text = formatCheckText(run, PLAIN);
        expect(text).not.toMatch(RAW_CONTROL);
        for (const line of text.trimEnd().split('\n')) expect(line).toMatch(/^(stack | {2}|\d+ stacks? checked)/);
        expect(
          text
            .trimEnd()
            .split('\n')
            .filter((l) => /^ {4}\S+ \[(error|warning)/.test(l)),
        ).toHaveLength(findings);
        // check JSON: exact
        expect(JSON.parse(formatCheckJson(run))).toEqual(JSON.parse(JSON.stringify({ ...run, version: 1 })));
        expect(JSON.parse(formatCheckJson(run)).stacks[0].name).toBe(t.stack);
        // every other check format: SARIF is JSON with every finding, JUnit holds no character XML forbids
        const options = { colors: PLAIN, documents: new Map([[stack.file, stack.document]]), ruleIds: [] };
        for (const format of CHECK_FORMATS) {
          const out = renderCheck(run, format, options);
          if (format === 'sarif') {
            const sarif = JSON.parse(out) as { runs: { results: unknown[] }[] };
            expect(sarif.runs[0].results).toHaveLength(findings);
          }
          if (format === 'junit') expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
        }
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 20260512), numRuns: RUNS },
    );
  }, 120_000);
});
