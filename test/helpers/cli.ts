/**
 * Runs the built bin/ppp.js as a user would, with a clean environment: no global git config, a private HOME and cache.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cleanEnv } from './env.js';
import { ROOT } from './register.js';

export { cleanEnv };

export const BIN = join(ROOT, 'bin', 'ppp.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs ppp with args in cwd and returns its exit code and output. */
export function ppp(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string } = {},
): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cleanEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
