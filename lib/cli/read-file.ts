/**
 * Reading one input file safely: a size limit checked before reading (`--max-file-size`), only
 * regular files for files found while scanning a folder (a FIFO or a device there would block or
 * never end), and one-line errors. No cdktf imports.
 */
import * as fs from 'fs';
import { InputError } from './errors';

const MB = 1024 * 1024;

/** The default of `--max-file-size`: 256 MB. */
export const DEFAULT_MAX_FILE_SIZE = 256 * MB;

/** The largest `--max-file-size`: 512 MB, about the longest string Node.js holds; a larger file could not be parsed. */
export const LARGEST_MAX_FILE_SIZE = 512 * MB;

/** The syntax of `--max-file-size`. */
export const FILE_SIZE_SYNTAX = 'SIZE';

/** The help text of `--max-file-size`. */
export const MAX_FILE_SIZE_HELP =
  'the largest file read, in bytes or with K, M or G (powers of 1024), e.g. 64MB; ' +
  'a larger file is unusable input (default: 256MB)';

/** `--max-file-size` as commander collects it. */
export interface FileOptionValues {
  /**
   * `--max-file-size`.
   * @default 256MB
   */
  readonly maxFileSize?: string;
}

/**
 * The reading options `--max-file-size` gives (for `loadStacks`).
 * @throws InputError (one line) for a malformed value
 */
export function fileOptions(opts: FileOptionValues): { maxFileSize?: number } {
  return opts.maxFileSize === undefined ? {} : { maxFileSize: parseFileSize(opts.maxFileSize) };
}

const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  m: MB,
  mb: MB,
  g: 1024 * MB,
  gb: 1024 * MB,
};

/**
 * Parses a `--max-file-size` value: a number of bytes, or a number with the unit K, KB, M, MB, G or GB
 * (powers of 1024, case-insensitive), e.g. `64MB`, `1.5G`, `500000`.
 * @returns the size in bytes
 * @throws InputError (one line) for anything else, zero, or a size over {@link LARGEST_MAX_FILE_SIZE}
 */
export function parseFileSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  const expected = 'expected a number of bytes or a size such as 64MB or 1GB';
  const bad = (why: string) => new InputError(`--max-file-size '${value}': ${why} (${expected})`);
  if (!m || unit === undefined) throw bad('not a size');
  const bytes = Math.floor(Number(m[1]) * unit);
  if (bytes < 1) throw bad('the limit must be at least 1 byte');
  if (bytes > LARGEST_MAX_FILE_SIZE) {
    throw bad(`over the largest file Node.js can hold as text (${formatSize(LARGEST_MAX_FILE_SIZE)})`);
  }
  return bytes;
}

/** A size in words: `812 bytes`, `3.5 KB`, `300.2 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < MB) return `${trim1(bytes / 1024)} KB`;
  return `${trim1(bytes / MB)} MB`;
}

function trim1(x: number): string {
  return x.toFixed(1).replace(/\.0$/, '');
}

/** Words for the error codes a read can end with; the code itself for the rest. */
const READ_ERRORS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ELOOP: 'too many symbolic links',
  EIO: 'input/output error',
  ENXIO: 'no such device or address',
};

/** `permission denied (EACCES)` for a read error. */
export function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return e instanceof Error ? e.message.split('\n')[0] : String(e);
  return Object.prototype.hasOwnProperty.call(READ_ERRORS, code) ? `${READ_ERRORS[code]} (${code})` : code;
}

/** What a file system entry that is not a regular file or a directory is, in words. */
export function entryType(st: fs.Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a directory';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** How to read one file. */
export interface ReadOptions {
  /** The path to name in error messages. */
  readonly display: string;
  /** The most bytes to read; a larger file is an error. */
  readonly maxBytes: number;
  /**
   * Read only a regular file, opened without following a symbolic link and without blocking
   * (for files found while scanning a folder). When false (a path named on the command line),
   * a pipe or a device is read too, up to `maxBytes`.
   */
  readonly regularOnly: boolean;
}

function tooLarge(display: string, size: number | undefined, max: number): InputError {
  const what = size === undefined ? `more than ${formatSize(max)}` : formatSize(size);
  const limit = `over the limit of ${formatSize(max)}; raise it with --max-file-size`;
  return new InputError(`${display}: file too large (${what}, ${limit})`);
}

const SLEEP = new Int32Array(new SharedArrayBuffer(4));

/** Reads from `fd` into `buf` at `offset`, waiting while a non-blocking pipe has no data yet. */
function readSome(fd: number, buf: Buffer, offset: number): number {
  for (;;) {
    try {
      return fs.readSync(fd, buf, offset, buf.length - offset, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(SLEEP, 0, 0, 10);
    }
  }
}

/**
 * Reads a file as UTF-8 text, checking its type and size with `fstat` on the open file before
 * reading a byte. Reading stops early at the first chunk that holds a NUL byte (a binary file or a
 * device such as /dev/zero: the document parser then says "a binary file").
 * @throws InputError (one line) for a file that cannot be opened or read, is not a regular file
 * (with `regularOnly`), or is larger than `maxBytes`
 */
export function readTextFile(abs: string, opts: ReadOptions): string {
  const { display, maxBytes } = opts;
  let fd: number;
  try {
    const { O_RDONLY, O_NONBLOCK, O_NOFOLLOW } = fs.constants;
    const flags = opts.regularOnly ? O_RDONLY | O_NONBLOCK | O_NOFOLLOW : O_RDONLY;
    fd = fs.openSync(abs, flags);
  } catch (e) {
    throw new InputError(`${display}: cannot read: ${readError(e)}`);
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw new InputError(`${display}: cannot read: is a directory (EISDIR)`);
    if (opts.regularOnly && !st.isFile()) {
      throw new InputError(`${display}: not read: ${entryType(st)}, not a regular file`);
    }
    if (st.isFile() && st.size > maxBytes) throw tooLarge(display, st.size, maxBytes);
    // A regular file is read into one buffer of its size (+1 to see it grow); a pipe grows its buffer.
    let buf = Buffer.allocUnsafe(st.isFile() ? Math.min(st.size, maxBytes) + 1 : 64 * 1024);
    let used = 0;
    for (;;) {
      if (used === buf.length) {
        if (used > maxBytes) throw tooLarge(display, undefined, maxBytes);
        const grown = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
        buf.copy(grown, 0, 0, used);
        buf = grown;
      }
      let n: number;
      try {
        n = readSome(fd, buf, used);
      } catch (e) {
        throw new InputError(`${display}: cannot read: ${readError(e)}`);
      }
      if (n === 0) break;
      used += n;
      if (used > maxBytes) throw tooLarge(display, undefined, maxBytes);
      if (buf.subarray(used - n, used).includes(0)) break;
    }
    return decode(buf.subarray(0, used), display);
  } finally {
    fs.closeSync(fd);
  }
}

function decode(bytes: Buffer, display: string): string {
  try {
    return bytes.toString('utf8');
  } catch (e) {
    // ERR_STRING_TOO_LONG: just under 512 MB of text is the most a JavaScript string holds
    throw new InputError(`${display}: cannot read: too large to hold as text (${readError(e)})`);
  }
}
