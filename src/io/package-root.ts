/**
 * The package's own folder (templates/, presets/, package.json), found from this file whether it runs from src/ or a
 * bundle in dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the ppp package folder above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** Returns the version of this package. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Returns the folder of the published site's shipped assets (ppp.css, print.css), for `ppp publish` to copy into
 * DIR/assets. They are made by `npm run build:site-css` and committed, so nothing compiles Sass at run time.
 */
export function siteAssetsDir(): string {
  return join(PACKAGE_ROOT, 'site', 'assets');
}
