/**
 * Git failures say what git said: a commit refused by a hook, an unknown identity, a locked index. Only a signing
 * failure is called one. A commit a hook rewrote (its PPP trailers or its file) is undone and refused. Every case
 * leaves HEAD, the index and the document as they were. Real repositories, real hooks, real SSH signing.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/run.js';
import { approvableRegister, git, snapshot } from '../helpers/git.js';
import { cleanup } from '../helpers/register.js';

afterAll(cleanup);

const FRM = 'documents/forms/CS-FRM-0001-return.md';
const now = () => Date.UTC(2026, 10, 25, 12);

function withHook(root: string, name: string, script: string): void {
  const path = join(root, '.git', 'hooks', name);
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
}

describe('a commit git refuses is explained by its cause, and nothing changes', () => {
  it.each([
    [
      'a pre-commit hook',
      (root: string) => withHook(root, 'pre-commit', 'echo "approvals are frozen until the audit ends" >&2; exit 1'),
      {},
      [
        'the git hook .git/hooks/pre-commit refused the commit: "approvals are frozen until the audit ends"',
        'was restored and no commit was made',
      ],
    ],
    [
      'a commit-msg hook',
      (root: string) => withHook(root, 'commit-msg', 'echo "subject must start with a ticket number" >&2; exit 1'),
      {},
      ['the git hook .git/hooks/commit-msg refused the commit', 'was restored and no commit was made'],
    ],
    [
      'a locked index',
      (root: string) => writeFileSync(join(root, '.git', 'index.lock'), ''),
      {},
      ['index.lock', 'if no git is running, remove .git/index.lock', 'was restored and no commit was made'],
    ],
    [
      'an unknown identity',
      (root: string) => {
        git(root, ['config', '--unset', 'user.email']);
        git(root, ['config', '--unset', 'user.name']);
      },
      { GIT_CONFIG_GLOBAL: '/dev/null' },
      // Found before anything is written.
      ['git does not know who you are', 'git config user.email', 'nothing was changed'],
    ],
  ])('%s', async (_what, arrange, env: Record<string, string>, says) => {
    const { root } = approvableRegister({ on: '2026-09-20', meeting: '2026-10-13' });
    git(root, ['config', 'user.name', 'Chair']);
    git(root, ['config', 'user.email', 'chair@example.org']);
    arrange(root);
    const before = snapshot(root, FRM);
    const r = await run(['approve', 'CS-FRM-0001', '--route', 'ppp'], { cwd: root, now, env });
    expect(r.code).toBe(2);
    for (const s of says) expect(r.stderr).toContain(s);
    expect(r.stderr).not.toContain('signing failed');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(root, FRM)).toEqual(before);
  });

  it('a key that cannot sign is called a signing failure', async () => {
    const { root } = approvableRegister({ on: '2026-09-20', meeting: '2026-10-13' });
    const key = git(root, ['config', 'user.signingkey']).trim();
    writeFileSync(key, 'not a key\n');
    const before = snapshot(root, FRM);
    const r = await run(['approve', 'CS-FRM-0001', '--route', 'ppp'], { cwd: root, now });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(signing failed)');
    expect(snapshot(root, FRM)).toEqual(before);
  });
});

describe('a commit a hook rewrote is undone and refused (exit 1)', () => {
  it.each([
    ['a commit-msg hook changing a trailer', 'commit-msg', 'sed -i "s/^PPP-Version: .*/PPP-Version: 9.9/" "$1"'],
    ['a commit-msg hook dropping the trailers', 'commit-msg', 'sed -i "/^PPP-/d" "$1"'],
    ['a pre-commit hook rewriting the file', 'pre-commit', `echo "tidied" >> ${FRM} && git add ${FRM}`],
  ])('%s', async (_what, hook, script) => {
    const { root } = approvableRegister({ on: '2026-09-20', meeting: '2026-10-13' });
    withHook(root, hook, script);
    const head = git(root, ['rev-parse', 'HEAD']);
    const text = readFileSync(join(root, FRM), 'utf8');
    const r = await run(['approve', 'CS-FRM-0001', '--route', 'ppp'], { cwd: root, now });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('a git hook changed');
    expect(r.stderr).toContain('it was undone (nothing was committed)');
    expect(git(root, ['rev-parse', 'HEAD'])).toBe(head);
    expect(readFileSync(join(root, FRM), 'utf8')).toBe(text);
    expect(git(root, ['diff', '--cached', '--name-only']).trim()).toBe('');
  });
});
