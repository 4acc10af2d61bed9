/**
 * The request side of the run task protocol: the HMAC-SHA512 signature of the raw body, the
 * payload's fields, and the origin allow-list every outbound URL must pass. No cdktf imports.
 */
import { createHmac, timingSafeEqual } from 'crypto';
import type { RunTaskRequest } from './types';
import { VERIFICATION_TOKEN } from './types';

/** The hex HMAC-SHA512 of `body` under `key`, as HCP Terraform signs requests. */
export function sign(body: Buffer | string, key: string): string {
  return createHmac('sha512', key).update(body).digest('hex');
}

/** How a request's signature compares with the configured key. */
export type SignatureCheck = 'ok' | 'missing' | 'mismatch' | 'unexpected';

/**
 * Checks the `X-TFC-Task-Signature` header against the raw body, in constant time.
 * @param key the configured key; undefined: only unsigned requests (empty header) pass
 * @returns `ok`; `missing` (a key is set, the header is empty); `mismatch`; `unexpected` (signed, but no key is set)
 */
export function checkSignature(
  body: Buffer,
  header: string | string[] | undefined,
  key: string | undefined,
): SignatureCheck {
  const given = (Array.isArray(header) ? header.join(',') : (header ?? '')).trim().toLowerCase();
  if (key === undefined) return given === '' ? 'ok' : 'unexpected';
  if (given === '') return 'missing';
  const expected = Buffer.from(sign(body, key), 'utf8');
  const actual = Buffer.from(given, 'utf8');
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? 'ok' : 'mismatch';
}

/**
 * An origin as `new URL(...).origin` gives it, for `--allow-origin` values.
 * @returns the origin, or a reason why the value is not an http(s) origin
 */
export function parseOrigin(value: string): { origin: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { error: 'not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: `${url.protocol} is not http: or https:` };
  if (url.username || url.password) return { error: 'credentials are not allowed in it' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
    return { error: 'an origin has no path, query or fragment' };
  return { origin: url.origin };
}

/** Whether `url` is an http(s) URL on one of `origins`. */
export function isAllowedUrl(url: string, origins: readonly string[]): boolean {
  try {
    const u = new URL(url);
    return (
      (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && origins.includes(u.origin)
    );
  } catch {
    return false;
  }
}

/** The origin of a URL for log lines (never its path or query, which may hold a signed token), or `an invalid URL`. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an invalid URL';
  }
}

/** What a request body is. */
export type ParsedPayload =
  | { readonly kind: 'verification' }
  | { readonly kind: 'task'; readonly request: RunTaskRequest }
  | { readonly kind: 'invalid'; readonly reason: string };

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * Reads a run task request body (already authenticated).
 * @returns `verification` for HCP Terraform's test request (`access_token` is `test-token`), the
 * task's fields, or why the body is not a run task request
 */
export function parsePayload(body: Buffer): ParsedPayload {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { kind: 'invalid', reason: 'the body is not JSON' };
  }
  const p = obj(json);
  if (!p) return { kind: 'invalid', reason: 'the body is not a JSON object' };
  if (p.access_token === VERIFICATION_TOKEN) return { kind: 'verification' };
  if (p.payload_version !== 1)
    return { kind: 'invalid', reason: `payload_version ${JSON.stringify(p.payload_version) ?? 'missing'} is not 1` };
  const accessToken = str(p.access_token);
  const callbackUrl = str(p.task_result_callback_url);
  const stage = str(p.stage)?.replace(/-/g, '_');
  const missing = [
    !accessToken && 'access_token',
    !callbackUrl && 'task_result_callback_url',
    !stage && 'stage',
  ].filter(Boolean);
  if (missing.length > 0 || !accessToken || !callbackUrl || !stage)
    return { kind: 'invalid', reason: `missing ${missing.join(', ')}` };
  const capabilities = obj(p.capabilities) ?? obj(p.capabilitites);
  return {
    kind: 'task',
    request: {
      stage,
      accessToken,
      callbackUrl,
      planJsonUrl: str(p.plan_json_api_url),
      outcomes: capabilities?.outcomes === true,
      taskResultId: str(p.task_result_id),
      runId: str(p.run_id),
      workspaceName: str(p.workspace_name),
      organizationName: str(p.organization_name),
      enforcementLevel: str(p.task_result_enforcement_level),
    },
  };
}
