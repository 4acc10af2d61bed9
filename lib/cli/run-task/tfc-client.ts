/**
 * The server's outbound calls to HCP Terraform, with Node's fetch: reading the plan JSON (204
 * "not ready" retried with backoff, a redirect followed without the token) and PATCHing task
 * results. Only URLs on allowed origins get the token. Errors are {@link TfcError}s whose
 * messages never hold a token or a signed URL. No cdktf imports.
 */
import { isAllowedUrl, originOf } from './payload';
import type { RunTaskLimits } from './types';

/** An outbound call that failed; the message is safe to log and to show in the task result. */
export class TfcError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TfcError';
  }
}

/** What the calls need: limits, the allow-list, and the signal that aborts them at shutdown. */
export interface TfcCallOptions {
  /** Timeouts, backoff and sizes. */
  readonly limits: RunTaskLimits;
  /** The origins that may get the run's token. */
  readonly allowOrigins: readonly string[];
  /** Aborted at shutdown: stops waiting for a plan. */
  readonly signal: AbortSignal;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 3;

/** Waits `ms`, or less when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

function describe(e: unknown): string {
  if (e instanceof TfcError) return e.message;
  const err = e as { name?: string; cause?: { code?: string } };
  if (err?.name === 'TimeoutError') return 'the request timed out';
  if (err?.name === 'AbortError') return 'the request was aborted';
  return err?.cause?.code ? `a network error (${err.cause.code})` : 'a network error';
}

/** Reads a response body as text, failing once it passes `max` bytes. */
async function readLimited(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await res.body?.cancel();
    throw new TfcError(`the plan JSON is larger than the limit of ${max} bytes`);
  }
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new TfcError(`the plan JSON is larger than the limit of ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function signalFor(opts: TfcCallOptions): AbortSignal {
  return AbortSignal.any([opts.signal, AbortSignal.timeout(opts.limits.requestTimeoutMs)]);
}

/** One GET, following redirects by hand: the token goes only to the first, allowed URL. */
async function getOnce(url: string, token: string, opts: TfcCallOptions): Promise<Response> {
  let res = await fetch(url, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    redirect: 'manual',
    signal: signalFor(opts),
  });
  let current = url;
  for (let hop = 0; REDIRECTS.has(res.status); hop++) {
    const location = res.headers.get('location');
    await res.body?.cancel();
    if (!location || hop >= MAX_REDIRECTS)
      throw new TfcError(`the plan JSON URL redirected ${location ? 'too often' : 'without a Location'}`);
    const next = new URL(location, current);
    if (next.protocol !== 'https:' && next.protocol !== 'http:')
      throw new TfcError(`the plan JSON URL redirected to a ${next.protocol} URL`);
    if (new URL(current).protocol === 'https:' && next.protocol === 'http:')
      throw new TfcError('the plan JSON URL redirected from https to http');
    current = next.href;
    // the temporary URL carries its own authorization: the run's token is not sent there
    res = await fetch(current, {
      headers: { Accept: 'application/json' },
      redirect: 'manual',
      signal: signalFor(opts),
    });
  }
  return res;
}

/**
 * Reads the plan JSON of a run: GET with the run's token; 204 (the plan is not finished) is asked
 * again with exponential backoff until `planWaitMs` has passed; a redirect (307 to a temporary
 * URL) is followed without the token.
 * @returns the body text
 * @throws TfcError with a message fit for the task result
 */
export async function fetchPlanJson(url: string, token: string, opts: TfcCallOptions): Promise<string> {
  if (!isAllowedUrl(url, opts.allowOrigins))
    throw new TfcError(`the plan JSON URL is on ${originOf(url)}, which is not an allowed origin (--allow-origin)`);
  const deadline = Date.now() + opts.limits.planWaitMs;
  let delay = opts.limits.initialBackoffMs;
  for (;;) {
    let res: Response;
    try {
      res = await getOnce(url, token, opts);
    } catch (e) {
      if (opts.signal.aborted) throw new TfcError('the server stopped while waiting for the plan JSON');
      throw new TfcError(`could not read the plan JSON: ${describe(e)}`);
    }
    if (res.status === 200) return readLimited(res, opts.limits.maxPlanBytes);
    await res.body?.cancel();
    if (res.status !== 204) {
      const why =
        res.status === 401 || res.status === 403
          ? ' (the run token was refused)'
          : res.status === 422
            ? ' (no plan JSON: Terraform older than 0.12?)'
            : '';
      throw new TfcError(`reading the plan JSON answered HTTP ${res.status}${why}`, res.status);
    }
    if (opts.signal.aborted) throw new TfcError('the server stopped while waiting for the plan JSON');
    if (Date.now() + delay > deadline) {
      throw new TfcError(
        `the plan JSON was not ready after ${Math.round(opts.limits.planWaitMs / 100) / 10} s (HTTP 204)`,
      );
    }
    await sleep(delay, opts.signal);
    delay = Math.min(delay * 2, opts.limits.maxBackoffMs);
  }
}

/**
 * PATCHes a task result to the callback URL with the run's token; a network error, 429 or 5xx
 * is tried again (up to `callbackAttempts`).
 * @returns the HTTP status of the last attempt
 * @throws TfcError when no attempt got an HTTP answer, or the URL is not on an allowed origin
 */
export async function patchTaskResult(url: string, token: string, body: string, opts: TfcCallOptions): Promise<number> {
  if (!isAllowedUrl(url, opts.allowOrigins))
    throw new TfcError(`the callback URL is on ${originOf(url)}, which is not an allowed origin`);
  let last: unknown;
  for (let attempt = 1; attempt <= opts.limits.callbackAttempts; attempt++) {
    try {
      const res = await fetch(url, {
        method: 'PATCH',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/vnd.api+json',
          Accept: 'application/vnd.api+json',
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(opts.limits.requestTimeoutMs),
      });
      await res.body?.cancel();
      if (res.status !== 429 && res.status < 500) return res.status;
      last = new TfcError(`HTTP ${res.status}`, res.status);
    } catch (e) {
      last = e;
    }
    if (attempt < opts.limits.callbackAttempts)
      await sleep(opts.limits.initialBackoffMs * attempt, AbortSignal.timeout(60_000));
  }
  if (last instanceof TfcError && last.status !== undefined) return last.status;
  throw new TfcError(`the callback failed: ${describe(last)}`);
}
