/**
 * The HTML report in a real headless Chromium (Debian's `chromium`, driven by playwright-core
 * through scripts/chromium.js): the maps render at their size, overlaps are drawn over the
 * overlapping bars, nothing is loaded from outside, and the console has no errors.
 * Without Chromium (no /usr/bin/chromium and no CHROMIUM_PATH) the suite is SKIPPED, and says so.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, ConsoleMessage, Page, Request } from 'playwright-core';
import { loadStacks } from '../lib/cli/discover';
import { renderHtmlReport } from '../lib/cli/html/report-html';
import { plan, tempDir } from './fixtures/plans/run-cli';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findChromium, launchChromium } = require('../scripts/chromium') as {
  findChromium: () => string | undefined;
  launchChromium: (executable: string) => Promise<{ context: BrowserContext; close(): Promise<void> }>;
};

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM = findChromium();
const SKIP_REASON =
  `SKIPPED: no Chromium at ${process.env.CHROMIUM_PATH || '/usr/bin/chromium'} ` +
  "(install Debian's chromium: apt-get install -y chromium, or set CHROMIUM_PATH)";
if (!CHROMIUM) process.stderr.write(`report-html.browser.test.ts: ${SKIP_REASON}\n`);
const describeBrowser = CHROMIUM ? describe : describe.skip;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The DOM an evaluate callback uses. tsconfig has no DOM lib, so playwright's `Element` is `any`;
 * this names what the callbacks touch.
 */
interface DomElement {
  textContent: string | null;
  getBoundingClientRect(): Box;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
}

describeBrowser(`the HTML report in headless Chromium${CHROMIUM ? '' : ` (${SKIP_REASON})`}`, () => {
  let browser: { context: BrowserContext; close(): Promise<void> };
  let page: Page;
  const problems: string[] = [];
  const outside: string[] = [];

  beforeAll(async () => {
    const file = path.join(tempDir('browser-'), 'report.html');
    fs.writeFileSync(file, renderHtmlReport(loadStacks([plan('bad/pod-overlap'), plan('good')], ROOT)));
    browser = await launchChromium(CHROMIUM!);
    page = await browser.context.newPage();
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e: Error) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r: Request) => {
      if (!r.url().startsWith('file:')) outside.push(r.url());
    });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
  });

  test('every map renders as an SVG of its declared size', async () => {
    const boxes: Box[] = await page.$$eval('svg.address-map', (svgs: DomElement[]) =>
      svgs.map((s) => {
        const r = s.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, declared: Number(s.getAttribute('height')) };
      }),
    );
    expect(boxes).toHaveLength(4);
    for (const b of boxes as (Box & { declared: number })[]) {
      expect(b.width).toBeGreaterThan(900);
      expect(b.height).toBeGreaterThan(100);
      expect(Math.abs(b.height - b.declared)).toBeLessThan(2);
    }
  });

  test("the overlapping plan's map marks each overlap over both bars; the clean maps mark none", async () => {
    const maps = await page.$$eval('svg.address-map', (svgs: DomElement[]) =>
      svgs.map((svg) => {
        const box = (e: DomElement | null) => {
          const r = e!.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        };
        return Array.from(svg.querySelectorAll('g.overlap')).map((g) => {
          const lane = g.closest('g.lane')!;
          const bar = (i: string | null) => box(lane.querySelector(`g.range[data-index="${i}"] rect.bar`));
          return {
            marks: Array.from(g.querySelectorAll('rect.mark')).map(box),
            a: bar(g.getAttribute('data-a')),
            b: bar(g.getAttribute('data-b')),
          };
        });
      }),
    );
    expect(maps.map((m: unknown[]) => m.length)).toEqual([3, 0, 0, 0]);
    const inside = (m: Box, bar: Box) => m.x >= bar.x - 0.5 && m.x + m.width <= bar.x + bar.width + 0.5;
    const onRow = (m: Box, bar: Box) => m.y <= bar.y && m.y + m.height >= bar.y + bar.height;
    for (const o of maps[0]) {
      expect(o.marks).toHaveLength(2);
      expect(o.marks[0].width).toBeGreaterThan(10);
      // the mark spans the shared addresses: inside both bars, on the rows of each
      expect(inside(o.marks[0], o.a) && inside(o.marks[0], o.b)).toBe(true);
      expect(onRow(o.marks[0], o.a) && onRow(o.marks[1], o.b)).toBe(true);
    }
  });

  test('labels carry the CIDRs and sizes; the overlaps are also listed in words', async () => {
    const text: string = await page.$eval('svg.address-map', (s: DomElement) => s.textContent ?? '');
    expect(text).toContain('10.1.0.0/16 · 65,536 addresses');
    expect(text).toContain('10.1.1.0/24 · 256 addresses');
    const listed: string[] = await page.$$eval('ul.overlaps li', (lis: DomElement[]) =>
      lis.map((l) => l.textContent ?? ''),
    );
    expect(listed).toContain('VNet vnet-aks 10.1.0.0/16 overlaps pod range 10.1.0.0/16');
  });

  test('nothing is loaded from outside the file, and the console has no errors', () => {
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  });
});
