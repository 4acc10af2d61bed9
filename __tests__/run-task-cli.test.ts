/**
 * `cdktf-aks-overlay run-task` as a user starts it: the BUILT CLI in a child process (option
 * errors, the key only from the environment, /healthz, SIGTERM), and the task result builders.
 * `npm test` builds first; alone: `npm run build && npx jest __tests__/run-task-cli.test.ts`.
 */
import { spawn } from 'child_process';
import { createHmac } from 'crypto';
import { CLI, requireBuiltCli, ROOT, runCli } from './fixtures/plans/run-cli';
import { escapeMarkdown, outcomeBody, RESULT_LIMITS, taskResultBody, finalResult } from '../lib/cli/run-task/result';
import { checkSignature, parseOrigin, parsePayload } from '../lib/cli/run-task/payload';
import { defaultEvaluate, planClusterCount } from '../lib/cli/run-task/evaluate';
import type { Finding } from '../lib/rules';

const KEY = 'cli-hmac-key-NEVER-PRINTED';

describe('run-task options', () => {
  beforeAll(requireBuiltCli);

  test.each([
    [['--port', 'http'], "--port 'http': expected a whole number from 0 to 65535"],
    [['--port', '70000'], "--port '70000': expected a whole number from 0 to 65535"],
    [['--path', 'runtask'], "--path 'runtask': must start with /"],
    [
      ['--allow-origin', 'ftp://tfe.example.com'],
      "--allow-origin 'ftp://tfe.example.com': ftp: is not http: or https:",
    ],
    [
      ['--allow-origin', 'https://tfe.example.com/api'],
      "--allow-origin 'https://tfe.example.com/api': an origin has no path",
    ],
    [['--public-url', 'not a url'], "--public-url 'not a url': not a URL"],
    [['--concurrency', '0'], "--concurrency '0': expected a whole number from 1 to 64"],
  ])('%j is a one-line error naming the option, exit 2', (args, message) => {
    const r = runCli(['run-task', ...args], { env: { CDKTF_AKS_OVERLAY_HMAC_KEY: KEY } });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain(KEY);
  });

  test('there is no option for the HMAC key', () => {
    const r = runCli(['run-task', '--hmac-key', KEY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--hmac-key'");
  });
});

describe('run-task process', () => {
  beforeAll(requireBuiltCli);

  test('listens, answers /healthz, never prints the key, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'run-task', '--port', '0', '--host', '127.0.0.1'], {
      cwd: ROOT,
      env: { ...process.env, CDKTF_AKS_OVERLAY_HMAC_KEY: KEY },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line in: ${stderr}`)), 15000);
      child.stderr.on('data', () => {
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const t0 = Date.now();
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(stderr).toMatch(/allowed origins: https:\/\/app\.terraform\.io/);
    expect(stderr).toMatch(/SIGTERM: shutting down/);
    expect(stderr).not.toContain(KEY);
  }, 30000);

  test('without the key it warns that requests are not authenticated', async () => {
    const env = { ...process.env };
    delete env.CDKTF_AKS_OVERLAY_HMAC_KEY;
    const child = spawn(process.execPath, [CLI, 'run-task', '--port', '0', '--host', '127.0.0.1'], { cwd: ROOT, env });
    let stderr = '';
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        if (stderr.includes('listening on')) resolve();
      }),
    );
    const exit = new Promise((r) => child.on('exit', r));
    child.kill('SIGTERM');
    await exit;
    expect(stderr).toContain('CDKTF_AKS_OVERLAY_HMAC_KEY is not set: requests are not authenticated');
  }, 30000);
});

describe('task result builders', () => {
  const finding = (over: Partial<Finding> = {}): Finding => ({
    ruleId: 'network/overlap',
    severity: 'error',
    address: 'azurerm_kubernetes_cluster.aks',
    message: 'network/overlap: x',
    fix: 'y',
    ...over,
  });

  test('Markdown escaping: markup, HTML and block starts read literally, one line', () => {
    expect(escapeMarkdown('a *b* _c_ `d` [e](f) <script>&\nnext | ~g~ #h')).toBe(
      'a \\*b\\* \\_c\\_ \\`d\\` \\[e\\]\\(f\\) &lt;script&gt;&amp; next \\| \\~g\\~ \\#h',
    );
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('10.1.0.0/16')).toBe('10.1.0.0/16');
  });

  test('an outcome body holds the message, the fix and the resource, escaped and bounded', () => {
    const body = outcomeBody(
      finding({ message: 'network/overlap: name <img src=x>', fix: 'use **this**', path: 'st/aks' }),
    );
    expect(body).toBe(
      '**network/overlap** (error)\n\nname &lt;img src=x&gt;\n\n**Fix:** use \\*\\*this\\*\\*\n\n' +
        '**Resource:** azurerm\\_kubernetes\\_cluster.aks (construct st/aks)',
    );
    const long = outcomeBody(finding({ message: 'x'.repeat(20000) }));
    expect(long.length).toBeLessThanOrEqual(RESULT_LIMITS.maxBody);
  });

  test('at most maxOutcomes outcomes; the message says how many were left out', () => {
    const many = Array.from({ length: RESULT_LIMITS.maxOutcomes + 5 }, (_, i) => finding({ address: `a.b${i}` }));
    const body = JSON.parse(taskResultBody(finalResult(many, true)));
    expect(body.data.relationships.outcomes.data).toHaveLength(RESULT_LIMITS.maxOutcomes);
    expect(body.data.attributes.message).toBe(
      `cdktf-aks-overlay: ${many.length} errors, 0 warnings: network/overlap ` +
        '(first 100 outcomes; 5 more in the report)',
    );
    const outcomes = body.data.relationships.outcomes.data as { attributes: Record<string, unknown> }[];
    const ids = new Set(outcomes.map((o) => o.attributes['outcome-id']));
    expect(ids.size).toBe(RESULT_LIMITS.maxOutcomes);
  });

  test('signature check: constant-time compare of the hex digest, any letter case', () => {
    const body = Buffer.from('{"a":1}');
    const hex: string = createHmac('sha512', 'k').update(body).digest('hex');
    expect(checkSignature(body, hex, 'k')).toBe('ok');
    expect(checkSignature(body, hex.toUpperCase(), 'k')).toBe('ok');
    expect(checkSignature(body, hex.slice(0, -1), 'k')).toBe('mismatch');
    expect(checkSignature(body, '', 'k')).toBe('missing');
    expect(checkSignature(body, hex, undefined)).toBe('unexpected');
    expect(checkSignature(body, '', undefined)).toBe('ok');
  });

  test('payloads: the old hyphenated stage spelling is normalised; missing fields are named', () => {
    const p = parsePayload(
      Buffer.from(
        JSON.stringify({
          payload_version: 1,
          stage: 'pre-apply',
          access_token: 't',
          task_result_callback_url: 'https://x/cb',
        }),
      ),
    );
    expect(p).toMatchObject({ kind: 'task', request: { stage: 'pre_apply', outcomes: false } });
    expect(parsePayload(Buffer.from('{"payload_version":1,"stage":"post_plan"}'))).toEqual({
      kind: 'invalid',
      reason: 'missing access_token, task_result_callback_url',
    });
    expect(parseOrigin('https://TFE.example.com:443/')).toEqual({ origin: 'https://tfe.example.com' });
  });

  test('a terraform show -json plan with AKS clusters the engine does not see is never passed silently', async () => {
    const cluster = {
      name: 'aks',
      location: 'westus2',
      resource_group_name: 'rg',
      dns_prefix: 'aks',
      default_node_pool: [{ name: 'system', node_count: 3, vm_size: 'Standard_DS2_v2' }],
      network_profile: [
        {
          network_plugin: 'azure',
          network_plugin_mode: 'overlay',
          pod_cidr: '10.0.0.0/16',
          service_cidr: '10.0.0.0/16',
          dns_service_ip: '10.0.0.10',
        },
      ],
    };
    const change = (actions: string[]) => ({
      address: 'azurerm_kubernetes_cluster.aks',
      mode: 'managed',
      type: 'azurerm_kubernetes_cluster',
      name: 'aks',
      change: { actions, before: null, after: cluster, after_unknown: {} },
    });
    const plan = {
      format_version: '1.2',
      terraform_version: '1.9.4',
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'azurerm_kubernetes_cluster.aks',
              mode: 'managed',
              type: 'azurerm_kubernetes_cluster',
              name: 'aks',
              values: cluster,
            },
          ],
        },
      },
      resource_changes: [change(['create'])],
    };
    expect(planClusterCount(plan)).toBe(1);
    expect(planClusterCount({ ...plan, resource_changes: [change(['delete'])] })).toBe(0);
    const evaluate = defaultEvaluate({}, false);
    const info = { stage: 'post_plan' };
    // the engine reads the plan: the overlapping pod and service ranges are found
    const { findings } = await evaluate(plan, info);
    expect(findings.map((f) => f.ruleId)).toContain('network/overlap');
    // a plan whose clusters cannot be read is never passed silently
    const unreadable = { ...plan, planned_values: { root_module: { resources: [] } } };
    expect(() => evaluate(unreadable, info)).toThrow(
      'the plan has 1 azurerm_kubernetes_cluster resource(s) but none could be read',
    );
  });
});
