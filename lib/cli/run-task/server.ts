/**
 * The run task HTTP server on node:http: `POST <path>` takes HCP Terraform's run task requests
 * (signature checked on the raw body before anything else; 200 at once, the work after),
 * `GET /healthz` answers liveness, and `GET /runs/<run id>` serves the kept HTML reports.
 * Bounded: request size, tasks at once, tasks waiting, reports kept. No cdktf imports.
 */
import * as http from 'http';
import { PAGE_CSP } from '../html/report-html';
import type { AddressInfo } from 'net';
import { checkSignature, isAllowedUrl, originOf, parsePayload } from './payload';
import {
  DEFAULT_LIMITS,
  SIGNATURE_HEADER,
  type RunTaskLimits,
  type RunTaskRequest,
  type RunTaskServerOptions,
} from './types';
import { processTask, taskLabel, type WorkerDeps } from './worker';

/** A started server. */
export interface RunTaskServer {
  /** `http://host:port`, with the port actually bound. */
  readonly url: string;
  /** The port actually bound. */
  readonly port: number;
  /** Stops taking requests, lets tasks in progress finish (up to the grace time), then fails the rest. */
  close(): Promise<void>;
  /** Resolves when every accepted task has sent its final result (for tests). */
  idle(): Promise<void>;
}

const RUN_ID = /^[A-Za-z0-9_-]{1,100}$/;

function reply(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Reads a request body up to `max` bytes; undefined when it is larger (the caller answers 413). */
function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > max) return resolve(undefined);
    const chunks: Buffer[] = [];
    let total = 0;
    req.on('data', (c: Buffer) => {
      total += c.length;
      if (total > max) {
        req.removeAllListeners('data');
        req.pause();
        resolve(undefined);
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Starts the run task server.
 * @throws an Error with `code` (`EADDRINUSE`, `EACCES`, ...) when it cannot listen
 */
export async function startRunTaskServer(options: RunTaskServerOptions): Promise<RunTaskServer> {
  const limits: RunTaskLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { log } = options;
  const shutdown = new AbortController();
  const reports = new Map<string, string>();
  const remembered = new Set<string>();
  const queue: RunTaskRequest[] = [];
  let active = 0;
  let closing = false;
  let idleWaiters: (() => void)[] = [];
  const publicBase = options.publicUrl?.replace(/\/+$/, '');

  const deps: WorkerDeps = {
    limits,
    allowOrigins: options.allowOrigins,
    signal: shutdown.signal,
    evaluate: options.evaluate,
    log,
    keepReport: (runId, html) => {
      if (!publicBase || !RUN_ID.test(runId) || options.keepReports <= 0) return undefined;
      reports.delete(runId);
      reports.set(runId, html);
      while (reports.size > options.keepReports) reports.delete(reports.keys().next().value as string);
      return `${publicBase}/runs/${runId}`;
    },
  };

  const pump = (): void => {
    while (active < limits.concurrency && queue.length > 0) {
      const task = queue.shift()!;
      active++;
      void processTask(task, deps).finally(() => {
        active--;
        pump();
        if (active === 0 && queue.length === 0) {
          const waiters = idleWaiters;
          idleWaiters = [];
          waiters.forEach((w) => w());
        }
      });
    }
  };

  const remember = (id: string): boolean => {
    if (remembered.has(id)) return false;
    remembered.add(id);
    if (remembered.size > limits.rememberedTasks) remembered.delete(remembered.values().next().value as string);
    return true;
  };

  const handleTask = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    if (closing) return reply(res, 503, { error: 'shutting down' }, { 'Retry-After': '30' });
    const body = await readBody(req, limits.maxBodyBytes);
    if (body === undefined) {
      log('warn', `rejected a request from ${req.socket.remoteAddress}: body larger than ${limits.maxBodyBytes} bytes`);
      reply(res, 413, { error: `request body larger than ${limits.maxBodyBytes} bytes` }, { Connection: 'close' });
      res.on('finish', () => req.destroy());
      return;
    }
    const sig = checkSignature(body, req.headers[SIGNATURE_HEADER], options.hmacKey);
    if (sig !== 'ok') {
      log('warn', `rejected a request from ${req.socket.remoteAddress}: signature ${sig}`);
      if (sig === 'unexpected')
        return reply(res, 400, { error: 'the request is signed but no HMAC key is configured' });
      return reply(res, 401, { error: 'invalid or missing X-TFC-Task-Signature' });
    }
    const parsed = parsePayload(body);
    if (parsed.kind === 'verification') {
      log('info', 'answered a verification request (run task created or updated)');
      return reply(res, 200, {});
    }
    if (parsed.kind === 'invalid') {
      log('warn', `rejected a request: ${parsed.reason}`);
      return reply(res, 400, { error: parsed.reason });
    }
    const task = parsed.request;
    if (!isAllowedUrl(task.callbackUrl, options.allowOrigins)) {
      log(
        'error',
        `${taskLabel(task)}: rejected: the callback URL is on ${originOf(task.callbackUrl)}, ` +
          'not an allowed origin (--allow-origin)',
      );
      return reply(res, 422, { error: 'task_result_callback_url is not on an allowed origin' });
    }
    if (!remember(task.taskResultId ?? task.callbackUrl)) {
      log('info', `${taskLabel(task)}: repeated delivery ignored`);
      return reply(res, 200, {});
    }
    if (queue.length >= limits.maxQueued && active >= limits.concurrency) {
      remembered.delete(task.taskResultId ?? task.callbackUrl);
      log('warn', `${taskLabel(task)}: busy (${active} running, ${queue.length} waiting); asked to retry`);
      return reply(res, 503, { error: 'busy' }, { 'Retry-After': '30' });
    }
    log('info', `${taskLabel(task)}: accepted`);
    reply(res, 200, {});
    queue.push(task);
    pump();
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async (): Promise<void> => {
      if (url.pathname === options.path && req.method === 'POST') return handleTask(req, res);
      if (req.method === 'GET' && url.pathname === '/healthz') {
        return reply(res, closing ? 503 : 200, {
          status: closing ? 'shutting down' : 'ok',
          running: active,
          waiting: queue.length,
        });
      }
      const run = /^\/runs\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && run && reports.has(run[1])) {
        const html = reports.get(run[1])!;
        res.writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Length': Buffer.byteLength(html),
          'Content-Security-Policy': PAGE_CSP,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        });
        return void res.end(html);
      }
      if (url.pathname === options.path) return reply(res, 405, { error: 'use POST' }, { Allow: 'POST' });
      return reply(res, 404, { error: 'not found' });
    };
    route().catch(() => {
      if (!res.headersSent) reply(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  const idle = (): Promise<void> =>
    active === 0 && queue.length === 0 ? Promise.resolve() : new Promise((r) => idleWaiters.push(r));

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    idle,
    close: async () => {
      if (closing) return;
      closing = true;
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      const grace = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), limits.shutdownGraceMs).unref());
      if ((await Promise.race([idle().then(() => 'idle' as const), grace])) === 'timeout') {
        log(
          'warn',
          `shutdown: ${active + queue.length} task(s) still in progress after ${limits.shutdownGraceMs} ms; ` +
            'failing them',
        );
        shutdown.abort();
        await idle();
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
