/**
 * Issue 12, B4 and B5: the CLI reads files safely. Inside a folder named on the command line only
 * regular files are read and symbolic links are followed only when they stay inside the folder;
 * a FIFO or a device found there is unusable input (exit 2), never a hang or an endless read; no
 * file is read past `--max-file-size` (checked with fstat before reading); no byte of a file that
 * is not JSON is quoted. A path named directly may still be a pipe (/dev/stdin, `<(...)`).
 * The built CLI runs in a child process with a timeout (a regression would block forever).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { run, type CliIo } from '../lib/cli/program';
import { parseFileSize, readTextFile } from '../lib/cli/read-file';
import { CLI, lines, plan, requireBuiltCli, ROOT, tempDir } from './fixtures/plans/run-cli';

jest.mock('fs', () => {
  const actual = jest.requireActual<typeof import('fs')>('fs');
  return { ...actual, readSync: jest.fn(actual.readSync) };
});

const POSIX = process.platform !== 'win32';
const posix = POSIX ? test : test.skip;
const POD_OVERLAP_FILE = path.join(ROOT, plan('bad/pod-overlap/cdk.tf.json'));
const GOOD_STACK_FILE = path.join(ROOT, plan('good/stacks/overlay/cdk.tf.json'));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the built CLI through sh (for pipes and ulimit), killed after `timeoutMs`. */
function sh(script: string, args: readonly string[] = [], timeoutMs = 10_000): Run {
  const t = Date.now();
  const r = spawnSync('sh', ['-c', script, 'sh', process.execPath, CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - t };
}

/** `node dist/lib/cli/main.js ARGS`, killed after `timeoutMs`, under a 4 GB address-space limit. */
function cli(args: readonly string[], timeoutMs = 10_000): Run {
  return sh('ulimit -v 4194304 2>/dev/null; node="$1"; main="$2"; shift 2; exec "$node" "$main" "$@"', args, timeoutMs);
}

/** Exit 2, nothing on stdout, one line on stderr matching `mention`, in time. */
function expectUnusable(r: Run, mention: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(lines(r.stderr)).toHaveLength(1);
  expect(r.stderr).toMatch(mention);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** A cdktf.out-like folder with stacks/NAME/ folders; returns its path. */
function outFolder(stacks: readonly string[] = []): string {
  const out = path.join(tempDir('files-'), 'cdktf.out');
  for (const s of stacks) {
    fs.mkdirSync(path.join(out, 'stacks', s), { recursive: true });
    fs.copyFileSync(GOOD_STACK_FILE, path.join(out, 'stacks', s, 'cdk.tf.json'));
  }
  fs.mkdirSync(path.join(out, 'stacks'), { recursive: true });
  return out;
}

beforeAll(requireBuiltCli);

describe('B4: FIFOs and devices found while scanning a folder are not read', () => {
  posix('a FIFO named cdk.tf.json under stacks/: exit 2 at once, naming it (it used to hang forever)', () => {
    const out = outFolder(['a']);
    fs.mkdirSync(path.join(out, 'stacks', 'b'));
    spawnSync('mkfifo', [path.join(out, 'stacks', 'b', 'cdk.tf.json')]);
    const r = cli(['check', out]);
    expectUnusable(r, /stacks\/b\/cdk\.tf\.json: not read: a FIFO \(named pipe\), not a regular file/);
    expect(r.ms).toBeLessThan(5000);
  });

  posix('a FIFO as the cdk.tf.json of a stack folder named on the command line: exit 2 for check and report', () => {
    const dir = tempDir('fifo-');
    spawnSync('mkfifo', [path.join(dir, 'cdk.tf.json')]);
    for (const command of ['check', 'report']) expectUnusable(cli([command, dir]), /cdk\.tf\.json: not read: a FIFO/);
  });

  posix('cdk.tf.json linked to /dev/zero under stacks/: exit 2 in a moment, no endless read', () => {
    const out = outFolder();
    fs.mkdirSync(path.join(out, 'stacks', 's'));
    fs.symlinkSync('/dev/zero', path.join(out, 'stacks', 's', 'cdk.tf.json'));
    const r = cli(['check', out], 8000);
    expectUnusable(r, /stacks\/s\/cdk\.tf\.json: not read: a symbolic link that leads outside/);
    expect(r.ms).toBeLessThan(5000);
  });

  posix('a device inside the folder (when mknod is allowed): exit 2, not a regular file', () => {
    const out = outFolder();
    fs.mkdirSync(path.join(out, 'stacks', 's'));
    const made = spawnSync('mknod', [path.join(out, 'stacks', 's', 'cdk.tf.json'), 'c', '1', '5']);
    if (made.status !== 0) return; // not root: nothing to test here
    expectUnusable(
      cli(['check', out], 8000),
      /stacks\/s\/cdk\.tf\.json: not read: a character device, not a regular file/,
    );
  });
});

describe('B4: a path named on the command line may be a pipe or a device, read up to the limit', () => {
  posix('/dev/zero named directly: exit 2 at once, "a binary file" (reading stops at the first NUL)', () => {
    const r = cli(['check', '/dev/zero']);
    expectUnusable(r, /^cdktf-aks-overlay: \/dev\/zero: not JSON: a binary file/);
    expect(r.ms).toBeLessThan(5000);
  });

  posix('a FIFO named directly, with a writer, is read (check <(terraform show -json ...) works)', () => {
    const fifo = path.join(tempDir('fifo-'), 'plan.json');
    spawnSync('mkfifo', [fifo]);
    const r = sh('cat "$4" > "$3" & "$1" "$2" check "$3"', [fifo, POD_OVERLAP_FILE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/network\/overlap \[error\]/);
  });

  posix('a pipe over --max-file-size stops reading there: exit 2 naming the option', () => {
    const r = sh('cat "$3" | "$1" "$2" check --max-file-size 1K /dev/stdin', [POD_OVERLAP_FILE]);
    expectUnusable(
      r,
      /^cdktf-aks-overlay: \/dev\/stdin: file too large \(more than 1 KB, over the limit of 1 KB; raise it with --max-file-size\)$/m,
    );
    const ok = sh('cat "$3" | "$1" "$2" check --max-file-size 1M /dev/stdin', [POD_OVERLAP_FILE]);
    expect(ok.code).toBe(1);
  });
});

describe('B5: symbolic links are followed only inside the folder named', () => {
  posix('a stack folder linked to a plan outside: exit 2, the outside plan is not checked', () => {
    const outside = path.join(tempDir('outside-'), 'stack');
    fs.mkdirSync(outside);
    fs.copyFileSync(POD_OVERLAP_FILE, path.join(outside, 'cdk.tf.json'));
    const out = outFolder(['a']);
    fs.symlinkSync(outside, path.join(out, 'stacks', 'x'));
    const r = cli(['check', out]);
    expectUnusable(
      r,
      /stacks\/x\/cdk\.tf\.json: not read: a symbolic link that leads outside .*cdktf\.out \(links are followed only inside the folder given\)$/m,
    );
    expect(r.stderr).not.toContain(outside);
  });

  posix('a cdk.tf.json linked to a secrets file outside: exit 2, no byte of the file on stderr', () => {
    const secrets = path.join(tempDir('env-'), '.env');
    fs.writeFileSync(secrets, 'ARM_CLIENT_SECRET=abc123\n');
    const out = outFolder();
    fs.mkdirSync(path.join(out, 'stacks', 's'));
    fs.symlinkSync(secrets, path.join(out, 'stacks', 's', 'cdk.tf.json'));
    const r = cli(['check', out]);
    expectUnusable(r, /not read: a symbolic link that leads outside/);
    expect(r.stderr).not.toMatch(/ARM|abc123|\.env/);
  });

  posix('the stacks folder itself linked outside: exit 2', () => {
    const elsewhere = outFolder(['a']);
    const out = path.join(tempDir('files-'), 'cdktf.out');
    fs.mkdirSync(out);
    fs.symlinkSync(path.join(elsewhere, 'stacks'), path.join(out, 'stacks'));
    expectUnusable(cli(['check', out]), /cdktf\.out\/stacks: not read: a symbolic link that leads outside/);
  });

  posix('links that stay inside are followed; stacks/up -> .. loops nowhere; a file reached twice is read once', () => {
    const out = outFolder(['a']);
    fs.symlinkSync(path.join(out, 'stacks', 'a'), path.join(out, 'stacks', 'alias'));
    fs.symlinkSync('..', path.join(out, 'stacks', 'up'));
    const r = cli(['check', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 stack checked: 0 errors, 0 warnings$/m);
  });

  posix('the folder named may itself be a link (its real path is the boundary)', () => {
    const out = outFolder(['a', 'b']);
    const link = path.join(tempDir('link-'), 'out');
    fs.symlinkSync(out, link);
    const r = cli(['check', link]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2 stacks checked/m);
  });

  posix('a file named directly is read even through a link (the user chose it)', () => {
    const link = path.join(tempDir('link-'), 'plan.json');
    fs.symlinkSync(POD_OVERLAP_FILE, link);
    const r = cli(['check', link]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/network\/overlap/);
  });

  posix(
    'a broken link and a link loop under stacks/: exit 2 each, one line (a broken link used to be skipped silently)',
    () => {
      const out = outFolder(['a']);
      fs.mkdirSync(path.join(out, 'stacks', 'dead'));
      fs.symlinkSync(path.join(out, 'nowhere.json'), path.join(out, 'stacks', 'dead', 'cdk.tf.json'));
      expectUnusable(cli(['check', out]), /stacks\/dead\/cdk\.tf\.json: not read: a broken symbolic link$/m);
      const loop = outFolder(['a']);
      fs.symlinkSync('loop', path.join(loop, 'stacks', 'loop'));
      expectUnusable(
        cli(['check', loop]),
        /stacks\/loop\/cdk\.tf\.json: cannot read: too many symbolic links \(ELOOP\)$/m,
      );
    },
  );
});

describe('B5: no byte of a file that is not JSON is quoted', () => {
  test.each([
    ['a .env file', 'ARM_CLIENT_SECRET=abc123\n', /not JSON: unexpected character at line 1, column 1$/m],
    ['an unterminated secret string', '{"password": "hunter2', /not JSON: unexpected end of the text$/m],
    [
      'a bad literal after a secret',
      '{"password": "hunter2", "x": tru}',
      /not JSON: unexpected character at line 1, column 33$/m,
    ],
    [
      'a bad token on line 3',
      '{\n  "token": "hunter2",\n  oops\n}',
      /not JSON: Expected double-quoted property name at line 3, column 3$/m,
    ],
    [
      'trailing text',
      '{"a": 1} hunter2',
      /not JSON: Unexpected non-whitespace character after JSON at line 1, column 10$/m,
    ],
    [
      'a plan-like text with a bad literal',
      '{"format_version": "1.2", "variables": {"password": {"value": hunter2}}}',
      /not JSON: unexpected character at line 1, column 63$/m,
    ],
  ])('%s: the position, never the text', (_name, text, mention) => {
    const file = path.join(tempDir('text-'), 'x.json');
    fs.writeFileSync(file, text);
    const r = cli(['check', file]);
    expectUnusable(r, mention);
    expect(r.stderr).not.toMatch(/ARM|abc123|hunter2|tru\b|oops/);
  });
});

describe('--max-file-size', () => {
  posix('a 300 MB (sparse) file is refused from its size before a byte is read, default 256 MB', async () => {
    const file = path.join(tempDir('big-'), 'cdk.tf.json');
    fs.writeFileSync(file, '{}');
    fs.truncateSync(file, 300 * 1024 * 1024);
    jest.mocked(fs.readSync).mockClear();
    let stderr = '';
    const io: CliIo = {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (stderr += t) },
      env: {},
      cwd: ROOT,
    };
    const code = await run(['check', file], io);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `cdktf-aks-overlay: ${file}: file too large (300 MB, over the limit of 256 MB; raise it with --max-file-size)\n`,
    );
    expect(jest.mocked(fs.readSync)).not.toHaveBeenCalled();
    fs.rmSync(file);
  });

  test('a smaller limit refuses a plan over it and accepts one under it, for check and report', () => {
    for (const command of ['check', 'report']) {
      expectUnusable(
        cli([command, '--max-file-size', '1K', POD_OVERLAP_FILE]),
        /pod-overlap\/cdk\.tf\.json: file too large \(\d+(\.\d)? KB, over the limit of 1 KB; raise it with --max-file-size\)$/m,
      );
      expect(cli([command, '--max-file-size', '64kb', POD_OVERLAP_FILE]).code).toBe(command === 'check' ? 1 : 0);
    }
  });

  test.each(['0', 'abc', '1T', '-5', '5 MBs', '', '600MB'])(
    '%j is refused with one line naming the option',
    (value) => {
      expectUnusable(
        cli(['check', '--max-file-size', value, POD_OVERLAP_FILE]),
        new RegExp(
          `^cdktf-aks-overlay: --max-file-size '${value}': .*\\(expected a number of bytes or a size such as 64MB or 1GB\\)$`,
          'm',
        ),
      );
    },
  );

  test('a folder of .tf files: a file over the limit is refused, naming the option', () => {
    const dir = tempDir('tf-');
    fs.writeFileSync(path.join(dir, 'main.tf'), `# ${'x'.repeat(3000)}\nvariable "a" {}\n`);
    expectUnusable(
      cli(['check', '--max-file-size', '1K', dir]),
      /main\.tf: file too large \(2\.9 KB, over the limit of 1 KB/,
    );
  });

  test('parseFileSize: bytes, K, M, G (powers of 1024), case-insensitive', () => {
    expect(parseFileSize('500000')).toBe(500000);
    expect(parseFileSize('64MB')).toBe(64 * 1024 * 1024);
    expect(parseFileSize('1.5k')).toBe(1536);
    expect(parseFileSize(' 512 MiB '.replace('i', ''))).toBe(512 * 1024 * 1024);
    expect(() => parseFileSize('1.5g')).toThrow(/over the largest file Node\.js can hold as text \(512 MB\)/);
  });

  test('the help of both commands documents it with its default', () => {
    for (const command of ['check', 'report']) {
      const r = cli([command, '--help']);
      expect(r.stdout).toMatch(/--max-file-size <SIZE>\s+the largest file read.*\(default:\s+256MB\)/s);
    }
  });
});

describe('readTextFile', () => {
  test('regularOnly refuses a directory opened as a file; a regular file is read whole', () => {
    const dir = tempDir('read-');
    expect(() => readTextFile(dir, { display: 'd', maxBytes: 100, regularOnly: true })).toThrow(
      /^d: (cannot read|not read)/,
    );
    const file = path.join(dir, 'x.json');
    fs.writeFileSync(file, 'é'.repeat(5000));
    expect(readTextFile(file, { display: 'x', maxBytes: 10000, regularOnly: true })).toBe('é'.repeat(5000));
    expect(() => readTextFile(file, { display: 'x', maxBytes: 9999, regularOnly: true })).toThrow(
      'x: file too large (9.8 KB, over the limit of 9.8 KB; raise it with --max-file-size)',
    );
  });

  posix('regularOnly does not follow a final symbolic link (a link swapped in after the scan)', () => {
    const dir = tempDir('read-');
    fs.symlinkSync(POD_OVERLAP_FILE, path.join(dir, 'l.json'));
    expect(() => readTextFile(path.join(dir, 'l.json'), { display: 'l', maxBytes: 1e6, regularOnly: true })).toThrow(
      /^l: cannot read: too many symbolic links \(ELOOP\)$/,
    );
  });
});
