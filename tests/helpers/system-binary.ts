/** Finds a system binary a suite needs; missing means a loud skip locally and a failure under CI=true. */
import { execFileSync } from 'node:child_process';

/** What a suite needs to know about a binary. */
export interface SystemBinary {
  readonly path: string | null;
  /** Why the suite is skipped, or null when the binary is there. */
  readonly skipReason: string | null;
}

/** Looks `name` up on PATH (or at `preferred`). Under CI=true a missing binary throws at collection time. */
export function systemBinary(name: string, installHint: string, preferred?: string): SystemBinary {
  const candidates = preferred ? [preferred, name] : [name];
  for (const candidate of candidates) {
    try {
      const path = execFileSync('sh', ['-c', `command -v "${candidate}"`], { encoding: 'utf8' }).trim();
      if (path) return { path, skipReason: null };
    } catch {
      // not found: try the next candidate
    }
  }
  const reason = `${name} is not installed (${installHint}); these tests cannot run`;
  if (process.env.CI === 'true') throw new Error(`CI=true: ${reason}`);
  console.warn(`\n!!! SKIPPING: ${reason}\n`);
  return { path: null, skipReason: reason };
}
