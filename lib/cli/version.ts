/**
 * The package version, read from the package.json next to the sources or the build. No cdktf imports.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The name in package.json. */
export const PACKAGE_NAME = 'cdktf-aks-overlay';

/** The version of this package: the nearest package.json above `from` named {@link PACKAGE_NAME}. */
export function packageVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no package.json here: keep looking
    }
    if (path.dirname(dir) === dir) return '0.0.0-unknown';
  }
}
