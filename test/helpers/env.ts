/**
 * The environment of every test and of every ppp it runs: a private HOME, global git config and cache, nothing of the
 * machine's user.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let home: string | undefined;

/** Returns an environment that depends on nothing of the machine's user: HOME, git config and cache are private. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  home ??= mkdtempSync(join(tmpdir(), 'ppp-home-'));
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

/** Removes the private HOME (test/setup.ts, after each test file). */
export function removeHome(): void {
  if (home) rmSync(home, { recursive: true, force: true });
  home = undefined;
}
