/**
 * Types and defaults of the run task server (`cdktf-aks-overlay run-task`), which implements the
 * HCP Terraform / Terraform Cloud run task protocol. No cdktf imports.
 */
import type { Finding } from '../../rules';

/** What evaluating a plan gives: the findings that decide the result, and optionally an HTML report to link. */
export interface EvaluateResult {
  /** The findings after suppressions; any `error` finding fails the task. */
  readonly findings: readonly Finding[];
  /** A complete HTML page to keep and link from the result (with `--public-url`). */
  readonly htmlReport?: string;
}

/** What the server knows about the run besides the plan, for the report's title. */
export interface EvaluateInfo {
  /** The run id, e.g. `run-CZcmD7eagjhyX0vN`. */
  readonly runId?: string;
  /** The workspace name. */
  readonly workspaceName?: string;
  /** The organization name. */
  readonly organizationName?: string;
  /** The stage, e.g. `post_plan`. */
  readonly stage: string;
}

/** The engine call: the parsed plan JSON in, findings out. May be async; a throw fails the task with its message. */
export type Evaluate = (planJson: unknown, info: EvaluateInfo) => EvaluateResult | Promise<EvaluateResult>;

/** Where the server writes what it does: one line per event; never tokens, keys, signed URLs or plan contents. */
export type RunTaskLog = (level: 'info' | 'warn' | 'error', message: string) => void;

/** The run task request fields the server uses (the payload has more; see the integration API). */
export interface RunTaskRequest {
  /** `post_plan`, `pre_apply`, ... (the old `post-plan` spelling normalised to `_`). */
  readonly stage: string;
  /** The run's token for the callback and the plan JSON; never logged. */
  readonly accessToken: string;
  /** `task_result_callback_url`: where the result is PATCHed. */
  readonly callbackUrl: string;
  /** Present from `post_plan` on. */
  readonly planJsonUrl?: string;
  /** Whether the caller accepts outcomes (`capabilities.outcomes`, or go-tfe's `capabilitites.outcomes`). */
  readonly outcomes: boolean;
  /** `task_result_id`, e.g. `taskrs-...`: identifies repeated deliveries. */
  readonly taskResultId?: string;
  /** `run_id`. */
  readonly runId?: string;
  /** `workspace_name`. */
  readonly workspaceName?: string;
  /** `organization_name`. */
  readonly organizationName?: string;
  /** `task_result_enforcement_level`: `mandatory` or `advisory`. */
  readonly enforcementLevel?: string;
}

/** Limits and timings; every field has a default (see {@link DEFAULT_LIMITS}). */
export interface RunTaskLimits {
  /** The largest request body accepted (bytes); larger gets 413. */
  readonly maxBodyBytes: number;
  /** The largest plan JSON read (bytes); larger fails the task. */
  readonly maxPlanBytes: number;
  /** Tasks processed at once. */
  readonly concurrency: number;
  /** Tasks waiting beyond those; more get 503 so that HCP Terraform retries later. */
  readonly maxQueued: number;
  /** How long to keep asking for a plan that answers 204 (not ready), from the first request (ms). */
  readonly planWaitMs: number;
  /** The first wait after a 204 (ms); doubles up to {@link maxBackoffMs}. */
  readonly initialBackoffMs: number;
  /** The longest wait between two requests for a plan that is not ready (ms). */
  readonly maxBackoffMs: number;
  /** Timeout of one outbound HTTP request (ms). */
  readonly requestTimeoutMs: number;
  /** Attempts of a callback PATCH that fails with a network error or a 5xx / 429. */
  readonly callbackAttempts: number;
  /** How long shutdown waits for tasks in progress before it fails them (ms). */
  readonly shutdownGraceMs: number;
  /** Task result ids remembered to ignore HCP Terraform's repeated deliveries. */
  readonly rememberedTasks: number;
}

/** The defaults: well inside the protocol's 10-minute progress and 60-minute total limits. */
export const DEFAULT_LIMITS: RunTaskLimits = {
  maxBodyBytes: 1024 * 1024,
  maxPlanBytes: 256 * 1024 * 1024,
  concurrency: 2,
  maxQueued: 32,
  planWaitMs: 5 * 60 * 1000,
  initialBackoffMs: 1000,
  maxBackoffMs: 15 * 1000,
  requestTimeoutMs: 60 * 1000,
  callbackAttempts: 3,
  shutdownGraceMs: 25 * 1000,
  rememberedTasks: 1000,
};

/** Options of {@link startRunTaskServer}. */
export interface RunTaskServerOptions {
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  /** Interface to listen on; default all interfaces. */
  readonly host?: string;
  /** The path HCP Terraform posts to (the run task's endpoint URL path). */
  readonly path: string;
  /** The HMAC key of the run task; when undefined, requests are not authenticated. */
  readonly hmacKey?: string;
  /** Origins (`https://app.terraform.io`) the server may call: the callback URL and the plan URL must be on one. */
  readonly allowOrigins: readonly string[];
  /** Base URL under which `/runs/<run id>` serves the kept HTML reports; undefined: no reports kept. */
  readonly publicUrl?: string;
  /** How many runs' reports to keep (the newest). */
  readonly keepReports: number;
  /** The engine call. */
  readonly evaluate: Evaluate;
  /** Where log lines go. */
  readonly log: RunTaskLog;
  /** Overrides of {@link DEFAULT_LIMITS}. */
  readonly limits?: Partial<RunTaskLimits>;
}

/** The token HCP Terraform sends in the request it makes when a run task is created or its URL or key changes. */
export const VERIFICATION_TOKEN = 'test-token';
/** The origin allowed when no `--allow-origin` is given. */
export const DEFAULT_ALLOW_ORIGIN = 'https://app.terraform.io';
/** The request header with the hex HMAC-SHA512 of the body. */
export const SIGNATURE_HEADER = 'x-tfc-task-signature';
/** The environment variable holding the HMAC key. */
export const HMAC_KEY_ENV = 'CDKTF_AKS_OVERLAY_HMAC_KEY';
