/**
 * The CLI's `run()` in-process, with fake streams: what a child process cannot show portably
 * (a real terminal on stdout, a file the user may not read when the tests run as root).
 */
import * as fs from 'fs';
import * as path from 'path';
import { run, type CliIo } from '../lib/cli/program';

jest.mock('fs', () => {
  const actual = jest.requireActual<typeof import('fs')>('fs');
  return { ...actual, openSync: jest.fn(actual.openSync) };
});

const ROOT = path.resolve(__dirname, '..');
const POD_OVERLAP = '__tests__/fixtures/plans/bad/pod-overlap';
const ESC = '\u001b[';

/** Runs the CLI with captured output; `isTTY` and `env` as a terminal or a pipe would set them. */
async function runIn(
  argv: string[],
  opts: { isTTY?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t), isTTY: opts.isTTY },
    stderr: { write: (t: string) => (stderr += t) },
    env: opts.env ?? { TERM: 'xterm-256color' },
    cwd: ROOT,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

describe('colours follow the terminal', () => {
  test('a terminal gets colours: the rule id bold, [error] red', async () => {
    const r = await runIn(['check', POD_OVERLAP], { isTTY: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${ESC}1mnetwork/overlap${ESC}22m`);
    expect(r.stdout).toContain(`${ESC}31m[error]${ESC}39m`);
  });

  test('a pipe gets none', async () => {
    const r = await runIn(['check', POD_OVERLAP], { isTTY: false });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ {4}network\/overlap \[error\] /m);
    expect(r.stdout).not.toContain(ESC);
  });

  test.each([
    ['NO_COLOR=1', { TERM: 'xterm', NO_COLOR: '1' }],
    ['NO_COLOR=1 wins over FORCE_COLOR=1', { TERM: 'xterm', NO_COLOR: '1', FORCE_COLOR: '1' }],
    ['TERM=dumb', { TERM: 'dumb' }],
  ])('a terminal with %s gets none', async (_name, env) => {
    const r = await runIn(['check', POD_OVERLAP], { isTTY: true, env });
    expect(r.stdout).toMatch(/^ {4}network\/overlap \[error\] /m);
    expect(r.stdout).not.toContain(ESC);
  });

  test('--format json and report are never coloured, even on a terminal', async () => {
    const json = await runIn(['check', '--format', 'json', POD_OVERLAP], { isTTY: true });
    expect(json.stdout).not.toContain(ESC);
    expect(JSON.parse(json.stdout)).toMatchObject({ exitCode: 1, errors: 2 });
    const report = await runIn(['report', POD_OVERLAP], { isTTY: true });
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('network/overlap');
    expect(report.stdout).not.toContain(ESC);
  });
});

describe('a file the user may not read', () => {
  const actual = jest.requireActual<typeof import('fs')>('fs');
  afterEach(() => jest.mocked(fs.openSync).mockImplementation(actual.openSync));

  test('exit 2 with one line that names the file and the reason, for check and report', async () => {
    // what reading a chmod 000 file does for a user who is not root
    jest.mocked(fs.openSync).mockImplementation(((file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      if (String(file).endsWith('cdk.tf.json'))
        throw Object.assign(new Error(`EACCES: permission denied, open '${String(file)}'`), { code: 'EACCES' });
      return actual.openSync(file, flags ?? 'r', mode);
    }) as typeof fs.openSync);
    for (const command of ['check', 'report']) {
      const r = await runIn([command, POD_OVERLAP]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`cdktf-aks-overlay: ${POD_OVERLAP}/cdk.tf.json: cannot read: permission denied (EACCES)\n`);
    }
  });
});
