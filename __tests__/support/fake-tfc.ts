/**
 * A fake HCP Terraform on 127.0.0.1 for the run task tests: the API origin serves plan JSON
 * (204 while "not ready", then 200 or a 307 to a second local origin, the "archivist", which
 * serves the temporary URL) and records task result callbacks, checking the bearer token and the
 * JSON:API shape as HCP Terraform does. Every request to either origin is recorded, so a test can
 * assert that nothing was called.
 */
import { createHmac } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';

/** A plan the fake serves. */
export interface FakePlan {
  /** The plan JSON text. */
  readonly json: string;
  /** How many 204s to answer before the plan is ready; Infinity: never ready. */
  notReady?: number;
  /** Answer with a 307 to the archivist origin instead of the body. */
  readonly redirect?: boolean;
}

/** A request either origin received. */
export interface Recorded {
  readonly origin: 'api' | 'archivist';
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly contentType?: string;
  readonly body: string;
}

/** The fake, started. */
export interface FakeTfc {
  readonly api: string;
  readonly archivist: string;
  readonly token: string;
  readonly plans: Map<string, FakePlan>;
  readonly requests: Recorded[];
  /** Parsed PATCH bodies, in order, with the task result id of their URL. */
  readonly callbacks: { id: string; body: any }[];
  /** When true, a callback with outcomes gets 422 (as if the outcomes were invalid). */
  rejectOutcomes: boolean;
  close(): Promise<void>;
}

/** Serves `handler` on a free local port; a request the handler fails on gets a 500, not an unhandled rejection. */
async function listen(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>,
): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((req, res) => {
    handler(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function readAll(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

const STATUSES = ['running', 'passed', 'failed'];

/** Starts the fake with a random run token. */
export async function startFakeTfc(): Promise<FakeTfc> {
  const token = `tok-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const plans = new Map<string, FakePlan>();
  const requests: Recorded[] = [];
  const callbacks: { id: string; body: any }[] = [];
  let archivistUrl = '';
  const record = async (origin: Recorded['origin'], req: http.IncomingMessage): Promise<Recorded> => {
    const r: Recorded = {
      origin,
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      body: await readAll(req),
    };
    requests.push(r);
    return r;
  };
  const send = (res: http.ServerResponse, status: number, body = '', headers: http.OutgoingHttpHeaders = {}) => {
    res.writeHead(status, headers);
    res.end(body);
  };
  const fake = {} as FakeTfc & { rejectOutcomes: boolean };
  const api = await listen(async (req, res) => {
    const r = await record('api', req);
    if (r.authorization !== `Bearer ${token}`) return send(res, 401, '{"errors":[{"status":"401"}]}');
    const plan = /^\/api\/v2\/plans\/([^/]+)\/json-output$/.exec(r.path);
    if (plan && r.method === 'GET') {
      const p = plans.get(plan[1]);
      if (!p) return send(res, 404);
      if (p.notReady !== undefined && p.notReady > 0) {
        p.notReady--;
        return send(res, 204);
      }
      if (p.redirect)
        return send(res, 307, '', { Location: `${archivistUrl}/archivist/${plan[1]}?sig=SIGNED-TEMPORARY-SECRET` });
      return send(res, 200, p.json, { 'Content-Type': 'application/json' });
    }
    const cb = /^\/api\/v2\/task-results\/([^/]+)\/callback$/.exec(r.path);
    if (cb && r.method === 'PATCH') {
      if (r.contentType !== 'application/vnd.api+json') return send(res, 415);
      let body: any;
      try {
        body = JSON.parse(r.body);
      } catch {
        return send(res, 400);
      }
      const data = body?.data;
      if (data?.type !== 'task-results' || !STATUSES.includes(data?.attributes?.status)) return send(res, 422);
      if (fake.rejectOutcomes && data.relationships) return send(res, 422);
      callbacks.push({ id: cb[1], body });
      return send(res, 200, '{}', { 'Content-Type': 'application/vnd.api+json' });
    }
    return send(res, 404);
  });
  const archivist = await listen(async (req, res) => {
    const r = await record('archivist', req);
    const m = /^\/archivist\/([^/?]+)\?sig=SIGNED-TEMPORARY-SECRET$/.exec(r.path);
    const p = m ? plans.get(m[1]) : undefined;
    if (!p) return send(res, 404);
    return send(res, 200, p.json, { 'Content-Type': 'application/json' });
  });
  archivistUrl = archivist.url;
  const close = async () => {
    for (const s of [api.server, archivist.server]) {
      s.closeAllConnections();
      await new Promise<void>((r) => s.close(() => r()));
    }
  };
  return Object.assign(fake, {
    api: api.url,
    archivist: archivist.url,
    token,
    plans,
    requests,
    callbacks,
    rejectOutcomes: false,
    close,
  });
}

/** A run task request payload as HCP Terraform sends it (integration API sample), pointing at the fake. */
export function taskPayload(
  fake: FakeTfc,
  planId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const taskResultId = `taskrs-${planId}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    payload_version: 1,
    stage: 'post_plan',
    access_token: fake.token,
    capabilities: { outcomes: true },
    configuration_version_download_url: `${fake.api}/api/v2/configuration-versions/cv-1/download`,
    configuration_version_id: 'cv-1',
    is_speculative: false,
    organization_name: 'acme',
    plan_json_api_url: `${fake.api}/api/v2/plans/${planId}/json-output`,
    run_app_url: 'https://app.terraform.io/app/acme/aks/runs/run-1',
    run_created_at: '2026-01-01T00:00:00.000Z',
    run_created_by: 'someone',
    run_id: `run-${planId}`,
    run_message: 'Triggered via CLI',
    task_result_callback_url: `${fake.api}/api/v2/task-results/${taskResultId}/callback`,
    task_result_enforcement_level: 'mandatory',
    task_result_id: taskResultId,
    vcs_branch: null,
    vcs_commit_url: null,
    vcs_pull_request_url: null,
    vcs_repo_url: null,
    workspace_app_url: 'https://app.terraform.io/app/acme/aks',
    workspace_id: 'ws-1',
    workspace_name: 'aks-overlay',
    workspace_working_directory: '',
    ...overrides,
  };
}

/** The hex HMAC-SHA512 of the exact bytes, computed here independently of the server's code. */
export function hmacHex(body: string | Buffer, key: string): string {
  return createHmac('sha512', key).update(body).digest('hex');
}

/** POSTs `body` (the exact bytes) to the server, signed with `key` unless `signature` is given. */
export async function postTask(
  url: string,
  body: string,
  opts: { key?: string; signature?: string } = {},
): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'TFC/1.0 (+https://app.terraform.io; TFC)',
  };
  const signature = opts.signature ?? (opts.key !== undefined ? hmacHex(body, opts.key) : '');
  headers['X-TFC-Task-Signature'] = signature;
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}
