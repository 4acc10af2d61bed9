/**
 * Runs the App the way `cdktf synth` does (the `app` command of cdktf.json, with the output
 * directory in CDKTF_OUTDIR, which cdktf's App reads) and checks what it writes.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLE_STACK_NAMES } from '../examples';

const ROOT = path.resolve(__dirname, '..');
const APP_COMMAND: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdktf.json'), 'utf8')).app;

/** Runs the App into a fresh temp dir and returns it. */
function runApp(env: Record<string, string> = {}): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-overlay-app-'));
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const k of [
    'TF_CLOUD_ORGANIZATION',
    'TF_WORKSPACE_PREFIX',
    'TF_CLOUD_HOSTNAME',
    'CDKTF_CONTEXT_JSON',
    'CDKTF_TARGET_STACK_ID',
  ])
    delete base[k];
  const [cmd, ...args] = APP_COMMAND.split(/\s+/);
  execFileSync(cmd, args, {
    cwd: ROOT,
    env: { ...base, CHECKPOINT_DISABLE: '1', ...env, CDKTF_OUTDIR: outdir },
    stdio: 'pipe',
    timeout: 60_000,
  });
  return outdir;
}

function stackJson(outdir: string, stack: string): string {
  return fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8');
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('the App (main.ts, as cdktf.json runs it)', () => {
  let first: string;
  let second: string;
  beforeAll(() => {
    first = runApp();
    second = runApp();
    dirs.push(first, second);
  }, 120_000);

  test('cdktf.json runs main.ts through the type-stripping hook (no type-check, no tsx)', () => {
    expect(APP_COMMAND).toBe('node --require ./scripts/ts-register.js main.ts');
  });

  test('writes all five stacks, and the manifest lists exactly them', () => {
    expect(fs.readdirSync(path.join(first, 'stacks')).sort()).toEqual([...EXAMPLE_STACK_NAMES].sort());
    const manifest = JSON.parse(fs.readFileSync(path.join(first, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stacks).sort()).toEqual([...EXAMPLE_STACK_NAMES].sort());
    expect(manifest.stacks['dual-stack-workload'].dependencies).toEqual(['dual-stack']);
    for (const s of EXAMPLE_STACK_NAMES) expect(manifest.stacks[s].annotations).toEqual([]);
  });

  test('the backend is local by default', () => {
    for (const s of EXAMPLE_STACK_NAMES) {
      const tf = JSON.parse(stackJson(first, s)).terraform;
      expect(Object.keys(tf.backend)).toEqual(['local']);
      expect(tf.cloud).toBeUndefined();
    }
  });

  test('two runs give byte-identical JSON', () => {
    for (const s of EXAMPLE_STACK_NAMES) expect(stackJson(second, s)).toBe(stackJson(first, s));
  });

  test('TF_CLOUD_ORGANIZATION=acme gives every stack a cloud backend with workspace aks-overlay-<stack>', () => {
    const cloud = runApp({ TF_CLOUD_ORGANIZATION: 'acme' });
    dirs.push(cloud);
    for (const s of EXAMPLE_STACK_NAMES) {
      const tf = JSON.parse(stackJson(cloud, s)).terraform;
      expect(tf.cloud).toEqual({ organization: 'acme', workspaces: { name: `aks-overlay-${s}` } });
      expect(tf.backend).toBeUndefined();
    }
  }, 60_000);

  test('TF_WORKSPACE_PREFIX sets the workspace prefix', () => {
    const cloud = runApp({ TF_CLOUD_ORGANIZATION: 'acme', TF_WORKSPACE_PREFIX: 'platform-' });
    dirs.push(cloud);
    expect(JSON.parse(stackJson(cloud, 'dual-stack-workload')).terraform.cloud.workspaces).toEqual({
      name: 'platform-dual-stack-workload',
    });
  }, 60_000);

  test('no secret in any stack: no Windows password at all (AKS generates the Windows profile)', () => {
    const win = JSON.parse(stackJson(first, 'dual-stack-windows'));
    expect(win.variable).toBeUndefined();
    expect(stackJson(first, 'dual-stack-windows')).not.toMatch(/admin_password|windows_profile/);
    for (const s of EXAMPLE_STACK_NAMES) {
      const text = stackJson(first, s);
      // credential attributes hold expressions only (a variable, a kube_config attribute), never a literal
      expect(text).not.toMatch(
        /"(admin_password|password|client_key|client_certificate|cluster_ca_certificate|token)":\s*"(?!\$\{)/,
      );
      expect(text).not.toMatch(/-----BEGIN /);
      // an output that carries a credential is sensitive
      const outputs = Object.entries<{ value: unknown; sensitive?: boolean }>(JSON.parse(text).output ?? {});
      for (const [name, o] of outputs) {
        if (/kube_config|kube_admin_config|password|client_key|client_certificate/.test(JSON.stringify(o.value)))
          expect([name, o.sensitive]).toEqual([name, true]);
      }
    }
  });
});
