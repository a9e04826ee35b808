/** Locates the "tickfire" package root from a module's own location, in source and compiled layouts alike. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'tickfire';

function isPackageRoot(dir: string): boolean {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return false;
  try {
    const pkg: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof pkg === 'object' && pkg !== null && 'name' in pkg && pkg.name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/** Walks up from `fromUrl` (default: this module) to the directory whose package.json is named "tickfire". */
export function findPackageRoot(fromUrl: string = import.meta.url): string {
  const start = dirname(fileURLToPath(fromUrl));
  for (let dir = start; ; dir = dirname(dir)) {
    if (isPackageRoot(dir)) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json named "${PACKAGE_NAME}" above ${start}`);
  }
}

/** The "version" of the tickfire package.json (what --version prints and the start-up log shows). */
export function packageVersion(root: string = findPackageRoot()): string {
  const pkg: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}
