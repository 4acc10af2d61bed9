/**
 * `cdktf-aks-overlay run-task`: the command line of the run task server. Options are checked
 * before listening (one-line errors naming the option); the HMAC key comes only from the
 * environment and is never printed. SIGTERM and SIGINT stop it gracefully. No cdktf imports.
 */
import type { Command } from 'commander';
import { type ContextOptionValues } from '../context-options';
import { contextWithConfig } from '../check-action';
import { InputError } from '../errors';
import type { CliIo } from '../io';
import { parseOrigin } from './payload';
import { startRunTaskServer } from './server';
import { defaultEvaluate } from './evaluate';
import { DEFAULT_ALLOW_ORIGIN, HMAC_KEY_ENV, type RunTaskLog } from './types';

/** The raw option values of `run-task`. */
export interface RunTaskOptionValues extends ContextOptionValues {
  /** `--port`. */
  readonly port: string;
  /** `--host`. */
  readonly host?: string;
  /** `--path`. */
  readonly path: string;
  /** `--allow-origin` values. */
  readonly allowOrigin?: readonly string[];
  /** `--public-url`. */
  readonly publicUrl?: string;
  /** `--keep-reports`. */
  readonly keepReports: string;
  /** `--concurrency`. */
  readonly concurrency: string;
}

function integer(option: string, value: string, min: number, max: number): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new InputError(`${option} '${value}': expected a whole number from ${min} to ${max}`);
  return n;
}

function publicUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`--public-url '${value}': not a URL (expected e.g. https://runtask.example.com)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InputError(`--public-url '${value}': expected an http or https URL`);
  if (url.search || url.hash || url.username || url.password)
    throw new InputError(`--public-url '${value}': no query, fragment or credentials allowed`);
  return url.href.replace(/\/+$/, '');
}

/** A log line writer: `<ISO time> <level> <message>`, one line (control characters escaped). */
export function lineLog(write: (text: string) => unknown): RunTaskLog {
  return (level, message) => {
    const line = message.replace(
      /[\u0000-\u001f\u007f]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    write(`${new Date().toISOString()} ${level} ${line}\n`);
  };
}

/** Starts the server from the option values and runs until SIGTERM or SIGINT. */
export async function serveRunTask(opts: RunTaskOptionValues, io: CliIo): Promise<void> {
  const port = integer('--port', opts.port, 0, 65535);
  const keepReports = integer('--keep-reports', opts.keepReports, 0, 1000);
  const concurrency = integer('--concurrency', opts.concurrency, 1, 64);
  if (!opts.path.startsWith('/')) throw new InputError(`--path '${opts.path}': must start with /`);
  const allowOrigins = (
    opts.allowOrigin && opts.allowOrigin.length > 0 ? opts.allowOrigin : [DEFAULT_ALLOW_ORIGIN]
  ).map((v) => {
    const o = parseOrigin(v);
    if ('error' in o)
      throw new InputError(`--allow-origin '${v}': ${o.error} (expected e.g. https://app.terraform.io)`);
    return o.origin;
  });
  const base = publicUrl(opts.publicUrl);
  // the same config file as `check`: its context and suppressions apply to every run
  const { config, context } = contextWithConfig(opts, io.cwd);
  const key = io.env[HMAC_KEY_ENV];
  const log = lineLog((t) => io.stderr.write(t));
  if (key === undefined || key === '') {
    log('warn', `${HMAC_KEY_ENV} is not set: requests are not authenticated (set it to the run task's HMAC key)`);
  }
  let server;
  try {
    server = await startRunTaskServer({
      port,
      host: opts.host,
      path: opts.path,
      hmacKey: key === '' ? undefined : key,
      allowOrigins,
      publicUrl: base,
      keepReports,
      evaluate: defaultEvaluate(context, base !== undefined, config.suppressions),
      log,
      limits: { concurrency },
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE'
        ? 'the address is in use'
        : code === 'EACCES'
          ? 'permission denied'
          : (code ?? 'cannot listen');
    throw new InputError(`--port ${port}${opts.host ? ` --host ${opts.host}` : ''}: ${why}`);
  }
  log(
    'info',
    `listening on ${server.url}${opts.path} (allowed origins: ${allowOrigins.join(', ')})` +
      (base ? `; reports at ${base}/runs/<run id>` : ''),
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
      log('info', `${signal}: shutting down`);
      void server.close().then(resolve);
    };
    const onTerm = () => stop('SIGTERM');
    const onInt = () => stop('SIGINT');
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
  });
  log('info', 'stopped');
}

/**
 * Adds `run-task` to the program.
 * @param withContextOptions adds the context options `check` and `report` share
 */
export function addRunTaskCommand(program: Command, io: CliIo, withContextOptions: (cmd: Command) => Command): void {
  withContextOptions(
    program
      .command('run-task')
      .description(
        `serve an HCP Terraform / Terraform Cloud run task that checks each run's plan (HMAC key from ${HMAC_KEY_ENV})`,
      )
      .option('--port <port>', 'TCP port to listen on', '8080')
      .option('--host <host>', 'interface to listen on (default: all)')
      .option('--path <path>', 'the path of the run task endpoint URL', '/')
      .option(
        '--allow-origin <url>',
        `an origin the server may call back and read plans from (repeatable; default ${DEFAULT_ALLOW_ORIGIN})`,
        (v: string, prev: string[] | undefined) => [...(prev ?? []), v],
      )
      .option(
        '--public-url <url>',
        "the URL this server is reached at: keeps the newest runs' HTML reports and links each result to " +
          '<url>/runs/<run id>',
      )
      .option('--keep-reports <n>', "how many runs' HTML reports to keep in memory with --public-url", '20')
      .option('--concurrency <n>', 'runs checked at once', '2'),
  ).action((opts: RunTaskOptionValues) => serveRunTask(opts, io));
}
