/** Real git repositories and real SSH signing keys for tests: nothing mocked, nothing from the user's git config. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv } from './cli.js';
import { PRESET, makeRegister, tempDir, validSet } from './register.js';

/** Runs git in dir with the clean test environment and returns stdout; throws with git's message on failure. */
export function git(
  dir: string,
  args: string[],
  options: { env?: Record<string, string>; input?: string; allowFail?: boolean } = {},
): string {
  const r = spawnSync('git', args, {
    cwd: dir,
    env: cleanEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
  });
  if (r.status !== 0 && !options.allowFail) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Returns the exit code of a git command (for checks such as git verify-commit). */
export function gitCode(dir: string, args: string[], env: Record<string, string> = {}): number {
  return spawnSync('git', args, { cwd: dir, env: cleanEnv(env), encoding: 'utf8' }).status ?? -1;
}

/** Makes a throwaway ed25519 key (no passphrase) and returns its private key path and public key line. */
export function makeKey(comment = 'test key'): { path: string; publicKey: string } {
  const dir = tempDir('ppp-key-');
  const path = join(dir, 'id_ed25519');
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr}`);
  return { path, publicKey: readFileSync(`${path}.pub`, 'utf8').trim() };
}

/** Makes dir a git repository (branch main) and commits everything in it, unsigned. */
export function commitAll(dir: string, message = 'Start the register'): void {
  if (gitCode(dir, ['rev-parse', '--git-dir']) !== 0) git(dir, ['init', '--quiet', '--initial-branch=main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '--quiet', '--no-gpg-sign', '-m', message]);
}

/** Makes the repository sign with an SSH key from now on (repository config only). */
export function useKey(dir: string, key: { path: string }): void {
  git(dir, ['config', 'gpg.format', 'ssh']);
  git(dir, ['config', 'user.signingkey', key.path]);
}

/** Writes allowed_signers listing the keys, each under a principal. */
export function allowSigners(dir: string, signers: { principal: string; publicKey: string }[]): void {
  writeFileSync(
    join(dir, 'allowed_signers'),
    signers.map((s) => `${s.principal} namespaces="git" ${s.publicKey}\n`).join(''),
  );
}

/** Returns what a refusal must leave as it was: HEAD, the index, the status and the bytes of a file. */
export function snapshot(dir: string, file: string): { head: string; index: string; status: string; bytes: string } {
  return {
    head: git(dir, ['rev-parse', 'HEAD']).trim(),
    index: git(dir, ['ls-files', '--stage']),
    status: git(dir, ['status', '--porcelain']),
    bytes: readFileSync(join(dir, file), 'base64'),
  };
}

/**
 * Returns a register in git whose form CS-FRM-0001 was submitted (received `on`) to `meeting` and may be approved:
 * committed, signing with a throwaway key listed in allowed_signers under chair@example.org.
 */
export function approvableRegister(
  submission: { on: string; meeting: string },
  options: { settings?: string; form?: (text: string) => string } = {},
): { root: string; key: { path: string; publicKey: string } } {
  const file = 'documents/forms/CS-FRM-0001-return.md';
  const set = validSet();
  set[file] = set[file]!.replace(
    'status: drafting',
    'summary: Records the return home interview.\nstatus: submitted\nsubmission: { ' +
      `kind: draft, on: ${submission.on}, meeting: ${submission.meeting} }\neqia: { status: ` +
      'not-required, reason: A recording form that changes no service. }',
  );
  if (options.form) set[file] = options.form(set[file]!);
  const root = makeRegister(set, options.settings ?? PRESET);
  const key = makeKey('chair');
  allowSigners(root, [{ principal: 'chair@example.org', publicKey: key.publicKey }]);
  commitAll(root);
  useKey(root, key);
  return { root, key };
}
