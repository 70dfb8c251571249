/** Runs the built bin/ppp.js as a user would, with a clean environment: no global git config, a private HOME and cache. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from './register.js';

export const BIN = join(ROOT, 'bin', 'ppp.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

let home: string | undefined;

/** Returns an environment that depends on nothing of the machine's user: HOME, git config and cache are private. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  home ??= tempDir('ppp-home-');
  const gitconfig = join(home, '.gitconfig');
  writeFileSync(gitconfig, '[user]\n\tname = Test User\n\temail = test@example.org\n[init]\n\tdefaultBranch = main\n');
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    GIT_CONFIG_GLOBAL: gitconfig,
    GIT_CONFIG_NOSYSTEM: '1',
    PPP_CACHE_DIR: join(home, 'cache'),
    LANG: 'C.UTF-8',
    ...extra,
  };
}

/** Runs ppp with args in cwd and returns its exit code and output. */
export function ppp(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cleanEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
