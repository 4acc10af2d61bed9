/**
 * The run task server against a fake HCP Terraform on 127.0.0.1 (__tests__/support/fake-tfc.ts):
 * signed requests, plan JSON with 204s and a 307 to another origin, recorded callbacks.
 */
import * as fs from 'fs';
import * as path from 'path';
import { defaultEvaluate } from '../lib/cli/run-task/evaluate';
import { startRunTaskServer, type RunTaskServer } from '../lib/cli/run-task/server';
import type { Evaluate, RunTaskLimits, RunTaskServerOptions } from '../lib/cli/run-task/types';
import type { Finding } from '../lib/rules';
import { hmacHex, postTask, startFakeTfc, taskPayload, type FakeTfc } from './support/fake-tfc';

const PLANS = path.join(__dirname, 'fixtures/plans');
const KEY = 'hmac-key-0123456789-SECRET';
const GOOD = fs.readFileSync(path.join(PLANS, 'good/stacks/overlay/cdk.tf.json'), 'utf8');
const BAD = fs.readFileSync(path.join(PLANS, 'bad/pod-overlap/cdk.tf.json'), 'utf8');
/** A value that must never reach a log line. */
const PLAN_SECRET = 'PLAN-SECRET-VALUE-42';

const FAST: Partial<RunTaskLimits> = {
  initialBackoffMs: 10,
  maxBackoffMs: 40,
  planWaitMs: 2000,
  requestTimeoutMs: 3000,
  shutdownGraceMs: 200,
};

let fake: FakeTfc;
let server: RunTaskServer | undefined;
let logs: string[];

async function start(opts: Partial<RunTaskServerOptions> = {}): Promise<RunTaskServer> {
  server = await startRunTaskServer({
    port: 0,
    host: '127.0.0.1',
    path: '/runtask',
    hmacKey: KEY,
    allowOrigins: [fake.api],
    keepReports: 5,
    evaluate: defaultEvaluate({}, opts.publicUrl !== undefined),
    log: (level, message) => logs.push(`${level} ${message}`),
    ...opts,
    limits: { ...FAST, ...opts.limits },
  });
  return server;
}

/** Posts a signed task for `planId` and waits until the server has sent its final result. */
async function runTask(
  planId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ status: number; payload: Record<string, unknown> }> {
  const payload = taskPayload(fake, planId, overrides);
  const r = await postTask(`${server!.url}/runtask`, JSON.stringify(payload), { key: KEY });
  await server!.idle();
  return { status: r.status, payload };
}

function withSecret(json: string): string {
  const doc = JSON.parse(json);
  doc.variable = { admin_password: { default: PLAN_SECRET, sensitive: true } };
  return JSON.stringify(doc);
}

beforeEach(async () => {
  logs = [];
  fake = await startFakeTfc();
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await fake.close();
  const all = logs.join('\n');
  expect(all).not.toContain(fake.token);
  expect(all).not.toContain(KEY);
  expect(all).not.toContain(PLAN_SECRET);
  expect(all).not.toContain('SIGNED-TEMPORARY-SECRET');
});

describe('requests that are answered without any outbound call', () => {
  test('the verification request (access_token test-token) gets 200 and nothing else', async () => {
    await start();
    const body = JSON.stringify({ ...taskPayload(fake, 'p'), access_token: 'test-token' });
    const r = await postTask(`${server!.url}/runtask`, body, { key: KEY });
    await server!.idle();
    expect(r.status).toBe(200);
    expect(fake.requests).toEqual([]);
  });

  test.each([
    ['a wrong signature', { signature: hmacHex('{"other":"body"}', KEY) }],
    ['a signature with another key', { key: 'another-key' }],
    ['no signature', { signature: '' }],
    ['a truncated signature', { signature: 'abcd' }],
  ])('%s gets 401', async (_name, opts) => {
    await start();
    const r = await postTask(`${server!.url}/runtask`, JSON.stringify(taskPayload(fake, 'p')), opts);
    await server!.idle();
    expect(r.status).toBe(401);
    expect(fake.requests).toEqual([]);
    expect(logs.join('\n')).toMatch(/rejected a request from .*: signature (mismatch|missing)/);
  });

  test('a signed request to a server without a key gets 400; an unsigned one is accepted', async () => {
    fake.plans.set('p', { json: GOOD });
    await start({ hmacKey: undefined });
    const signed = await postTask(`${server!.url}/runtask`, JSON.stringify(taskPayload(fake, 'p')), { key: KEY });
    expect(signed.status).toBe(400);
    expect(fake.requests).toEqual([]);
    const unsigned = await postTask(`${server!.url}/runtask`, JSON.stringify(taskPayload(fake, 'p')), {
      signature: '',
    });
    await server!.idle();
    expect(unsigned.status).toBe(200);
    expect(fake.callbacks.map((c) => c.body.data.attributes.status)).toEqual(['running', 'passed']);
  });

  test('a callback URL on a disallowed origin gets 422 and no call at all', async () => {
    await start({ allowOrigins: ['https://app.terraform.io'] });
    const { status } = await runTask('p');
    expect(status).toBe(422);
    expect(fake.requests).toEqual([]);
    expect(logs.join('\n')).toMatch(/not an allowed origin/);
  });

  test('an oversized body gets 413 before its signature is even checked', async () => {
    await start({ limits: { maxBodyBytes: 2048 } });
    const body = JSON.stringify(taskPayload(fake, 'p', { run_message: 'x'.repeat(5000) }));
    const r = await postTask(`${server!.url}/runtask`, body, { key: KEY });
    expect(r.status).toBe(413);
    expect(fake.requests).toEqual([]);
  });

  test('not JSON, or payload_version 2, gets 400', async () => {
    await start();
    expect((await postTask(`${server!.url}/runtask`, 'not json', { key: KEY })).status).toBe(400);
    const v2 = JSON.stringify(taskPayload(fake, 'p', { payload_version: 2 }));
    const r = await postTask(`${server!.url}/runtask`, v2, { key: KEY });
    expect(r.status).toBe(400);
    expect(r.text).toContain('payload_version 2 is not 1');
    expect(fake.requests).toEqual([]);
  });
});

describe('checking a plan', () => {
  test('a clean plan: 204s, a 307 to another origin followed without the token; running, then passed', async () => {
    fake.plans.set('clean', { json: withSecret(GOOD), notReady: 2, redirect: true });
    await start();
    const { status } = await runTask('clean');
    expect(status).toBe(200);
    const gets = fake.requests.filter((r) => r.method === 'GET');
    expect(gets.map((r) => r.origin)).toEqual(['api', 'api', 'api', 'archivist']);
    expect(gets.filter((r) => r.origin === 'api').every((r) => r.authorization === `Bearer ${fake.token}`)).toBe(true);
    expect(gets.find((r) => r.origin === 'archivist')!.authorization).toBeUndefined();
    const results = fake.callbacks.map((c) => c.body.data);
    expect(results.map((d) => d.attributes.status)).toEqual(['running', 'passed']);
    expect(results[1].attributes.message).toBe('cdktf-aks-overlay: no findings, every rule passed');
    expect(results[1].relationships).toBeUndefined();
    const patches = fake.requests.filter((r) => r.method === 'PATCH');
    expect(
      patches.every((r) => r.authorization === `Bearer ${fake.token}` && r.contentType === 'application/vnd.api+json'),
    ).toBe(true);
  });

  test('a failing plan: failed, a one-line message with counts, one outcome per finding', async () => {
    fake.plans.set('bad', { json: withSecret(BAD) });
    await start();
    await runTask('bad');
    const final = fake.callbacks[fake.callbacks.length - 1].body.data;
    expect(final.attributes.status).toBe('failed');
    expect(final.attributes.message).toBe('cdktf-aks-overlay: 2 errors, 0 warnings: network/overlap');
    const outcomes = final.relationships.outcomes.data;
    expect(outcomes).toHaveLength(2);
    const o = outcomes[0];
    expect(o.type).toBe('task-result-outcomes');
    expect(o.attributes['outcome-id']).toBe('network/overlap');
    expect(o.attributes.tags.Severity).toEqual([{ label: 'Error', level: 'error' }]);
    expect(o.attributes.tags.Resource).toEqual([{ label: 'azurerm_kubernetes_cluster.aks', level: 'none' }]);
    expect(o.attributes.description).toMatch(
      /^azurerm_kubernetes_cluster\.aks: pod range 10\.1\.0\.0\/16 .* overlaps subnet 10\.1\.0\.0\/24/,
    );
    expect(o.attributes.body).toContain('**Fix:** move the pod range 10.1.0.0/16 to a free range');
    expect(o.attributes.body).toContain('**Resource:** azurerm\\_kubernetes\\_cluster.aks (construct pod-overlap/aks)');
  });

  test('warnings only: passed, with the warnings as outcomes at level warning', async () => {
    fake.plans.set('warn', { json: '{}' });
    const warning: Finding = {
      ruleId: 'network/kubenet-retiring',
      severity: 'warning',
      address: 'azurerm_kubernetes_cluster.a',
      message: 'network/kubenet-retiring: kubenet',
      fix: 'move',
    };
    await start({ evaluate: () => ({ findings: [warning, warning] }) });
    await runTask('warn');
    const final = fake.callbacks[1].body.data;
    expect(final.attributes.status).toBe('passed');
    expect(final.attributes.message).toBe('cdktf-aks-overlay: 0 errors, 2 warnings: network/kubenet-retiring');
    const outcomes = final.relationships.outcomes.data as { attributes: Record<string, unknown> }[];
    const ids = outcomes.map((o) => o.attributes['outcome-id']);
    expect(ids).toEqual(['network/kubenet-retiring', 'network/kubenet-retiring#2']);
    expect(final.relationships.outcomes.data[0].attributes.tags.Severity).toEqual([
      { label: 'Warning', level: 'warning' },
    ]);
  });

  test('without capabilities.outcomes no outcomes are sent; go-tfe\'s "capabilitites" spelling counts', async () => {
    fake.plans.set('bad', { json: BAD });
    await start();
    await runTask('bad', { capabilities: undefined });
    expect(fake.callbacks[1].body.data.attributes.status).toBe('failed');
    expect(fake.callbacks[1].body.data.relationships).toBeUndefined();
    await runTask('bad', { capabilities: undefined, capabilitites: { outcomes: true } });
    expect(fake.callbacks[3].body.data.relationships.outcomes.data).toHaveLength(2);
  });

  test('outcomes refused with 422: the result is sent again without them', async () => {
    fake.plans.set('bad', { json: BAD });
    fake.rejectOutcomes = true;
    await start();
    await runTask('bad');
    expect(fake.callbacks.map((c) => c.body.data.attributes.status)).toEqual(['running', 'failed']);
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(3);
  });

  test('a plan that never becomes ready: failed after the wait, with a bounded number of polls', async () => {
    fake.plans.set('slow', { json: GOOD, notReady: Infinity });
    await start({ limits: { planWaitMs: 300, initialBackoffMs: 20, maxBackoffMs: 80 } });
    await runTask('slow');
    const final = fake.callbacks[1].body.data;
    expect(final.attributes.status).toBe('failed');
    expect(final.attributes.message).toBe('cdktf-aks-overlay: the plan JSON was not ready after 0.3 s (HTTP 204)');
    const polls = fake.requests.filter((r) => r.method === 'GET').length;
    expect(polls).toBeGreaterThanOrEqual(2);
    expect(polls).toBeLessThanOrEqual(10);
  });

  test('a plan URL on a disallowed origin: failed, and the plan URL is never called', async () => {
    await start();
    await runTask('p', { plan_json_api_url: 'https://evil.example/api/v2/plans/p/json-output' });
    expect(fake.requests.every((r) => r.method === 'PATCH')).toBe(true);
    expect(fake.callbacks.map((c) => c.body.data.attributes.status)).toEqual(['running', 'failed']);
    expect(fake.callbacks[1].body.data.attributes.message).toContain(
      'https://evil.example, which is not an allowed origin',
    );
  });

  test('plan JSON that is not JSON, and an engine that throws, fail the task with the reason', async () => {
    fake.plans.set('junk', { json: 'not json' });
    fake.plans.set('ok', { json: '{}' });
    const evaluate: Evaluate = () => {
      throw new Error(`cannot read ${PLAN_SECRET}`);
    };
    await start({ evaluate });
    await runTask('junk');
    await runTask('ok');
    const messages = fake.callbacks
      .filter((c) => c.body.data.attributes.status === 'failed')
      .map((c) => c.body.data.attributes.message);
    expect(messages).toEqual([
      'cdktf-aks-overlay: the plan JSON is not JSON',
      `cdktf-aks-overlay: the check could not run: cannot read ${PLAN_SECRET}`,
    ]);
  });

  test('pre_plan: passed without reading any plan', async () => {
    await start();
    await runTask('p', { stage: 'pre_plan', plan_json_api_url: null });
    expect(fake.requests.filter((r) => r.method === 'GET')).toEqual([]);
    expect(fake.callbacks.map((c) => c.body.data.attributes.status)).toEqual(['passed']);
  });

  test('a repeated delivery of one task result id is processed once', async () => {
    fake.plans.set('clean', { json: GOOD });
    await start();
    const payload = JSON.stringify(taskPayload(fake, 'clean'));
    const a = await postTask(`${server!.url}/runtask`, payload, { key: KEY });
    const b = await postTask(`${server!.url}/runtask`, payload, { key: KEY });
    await server!.idle();
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(fake.callbacks).toHaveLength(2);
  });

  test('the signature is checked over the raw bytes, not re-serialised JSON', async () => {
    fake.plans.set('clean', { json: GOOD });
    await start();
    const raw = JSON.stringify(taskPayload(fake, 'clean', { run_message: 'a & b <c>' }), null, 1).replace(
      '&',
      '\\u0026',
    );
    expect(JSON.stringify(JSON.parse(raw))).not.toBe(raw);
    expect((await postTask(`${server!.url}/runtask`, raw, { key: KEY })).status).toBe(200);
    await server!.idle();
    expect(fake.callbacks).toHaveLength(2);
  });
});

describe('around the task endpoint', () => {
  test('GET /healthz is 200; other paths 404; GET on the task path 405', async () => {
    await start();
    const health = await fetch(`${server!.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', running: 0, waiting: 0 });
    expect((await fetch(`${server!.url}/nope`)).status).toBe(404);
    expect((await fetch(`${server!.url}/runtask`)).status).toBe(405);
  });

  test("with a public URL, the result links the run's HTML report, served from memory", async () => {
    fake.plans.set('bad', { json: BAD });
    await start({ publicUrl: 'https://runtask.example.com/' });
    await runTask('bad', { run_id: 'run-abc123' });
    const final = fake.callbacks[1].body.data;
    expect(final.attributes.url).toBe('https://runtask.example.com/runs/run-abc123');
    const page = await fetch(`${server!.url}/runs/run-abc123`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('<svg class="address-map"');
    expect(html).toContain('<code>network/overlap</code>');
    expect((await fetch(`${server!.url}/runs/run-other`)).status).toBe(404);
  });

  test('only the newest --keep-reports reports are kept', async () => {
    fake.plans.set('clean', { json: GOOD });
    await start({ publicUrl: 'https://r.example', keepReports: 2 });
    for (const id of ['run-1', 'run-2', 'run-3']) await runTask('clean', { run_id: id });
    const codes = await Promise.all(
      ['run-1', 'run-2', 'run-3'].map(async (id) => (await fetch(`${server!.url}/runs/${id}`)).status),
    );
    expect(codes).toEqual([404, 200, 200]);
  });

  test('shutdown fails a task still waiting for its plan after the grace time, and refuses new ones', async () => {
    fake.plans.set('slow', { json: GOOD, notReady: Infinity });
    await start({ limits: { planWaitMs: 60_000, initialBackoffMs: 20, maxBackoffMs: 20, shutdownGraceMs: 100 } });
    const payload = taskPayload(fake, 'slow');
    expect((await postTask(`${server!.url}/runtask`, JSON.stringify(payload), { key: KEY })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    const closing = server!.close();
    await closing;
    expect(fake.callbacks.map((c) => c.body.data.attributes.status)).toEqual(['running', 'failed']);
    expect(fake.callbacks[1].body.data.attributes.message).toBe(
      'cdktf-aks-overlay: the server stopped while waiting for the plan JSON',
    );
    await expect(fetch(`${server!.url}/healthz`)).rejects.toThrow();
  });

  test('more tasks than concurrency + queue get 503', async () => {
    fake.plans.set('p', { json: GOOD });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await start({
      evaluate: async () => gate.then(() => ({ findings: [] })),
      limits: { concurrency: 1, maxQueued: 1 },
    });
    const codes = [];
    for (let i = 0; i < 3; i++) {
      codes.push(
        (await postTask(`${server!.url}/runtask`, JSON.stringify(taskPayload(fake, 'p')), { key: KEY })).status,
      );
    }
    release();
    await server!.idle();
    expect(codes).toEqual([200, 200, 503]);
    expect(fake.callbacks.map((c) => c.body.data.attributes.status)).toEqual([
      'running',
      'passed',
      'running',
      'passed',
    ]);
  });
});
