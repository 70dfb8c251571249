/**
 * Signatures proved in process (core/ssh-verify.ts) agree with git's own verdict on real commits signed by git commit
 * -S (ssh-keygen): the same code, signer and key for every commit, whatever allowed_signers says; a good ed25519
 * signature by a plainly listed key is proved without ssh-keygen; everything else is left to git.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSshSig, signedPayload } from '../../src/core/ssh-verify.js';
import { commitDetails } from '../../src/io/git.js';
import { git, makeKey, useKey } from '../helpers/git.js';
import { cleanup, tempDir } from '../helpers/register.js';
import { afterAll } from 'vitest';

afterAll(cleanup);

/** A repository with one commit signed by each key, one unsigned, and one whose signed text was altered. */
function signedRepository() {
  const root = tempDir('ppp-sig-');
  git(root, ['init', '--quiet', '--initial-branch=main']);
  git(root, ['config', 'user.name', 'Chair']);
  git(root, ['config', 'user.email', 'chair@example.org']);
  const keys = { chair: makeKey('chair'), deputy: makeKey('deputy'), stranger: makeKey('stranger') };
  const commits: Record<string, string> = {};
  const commit = (name: string, key?: { path: string }) => {
    writeFileSync(join(root, 'file.txt'), `${name}\n`);
    git(root, ['add', 'file.txt']);
    if (key) useKey(root, key);
    git(root, ['commit', '--quiet', key ? '-S' : '--no-gpg-sign', '-m', `Commit by ${name}`]);
    commits[name] = git(root, ['rev-parse', 'HEAD']).trim();
  };
  commit('chair', keys.chair);
  commit('deputy', keys.deputy);
  commit('stranger', keys.stranger);
  commit('unsigned');
  // The chair's signature on a commit whose message was changed after signing.
  const raw = git(root, ['cat-file', 'commit', commits.chair!]);
  commits.altered = git(root, ['hash-object', '-t', 'commit', '-w', '--stdin'], {
    input: raw.replace('Commit by chair', 'Commit by someone else'),
  }).trim();
  return { root, keys, commits };
}

/** git's own verdict on each commit, with allowed_signers as given. */
function gitVerdicts(root: string, signers: string, ids: string[]) {
  const out = git(
    root,
    ['-c', `gpg.ssh.allowedSignersFile=${signers}`, 'log', '--no-walk=unsorted', '--stdin', '--format=%H %G? %GS %GK'],
    { input: ids.join('\n') + '\n' },
  );
  return new Map(
    out
      .trim()
      .split('\n')
      .map((line) => {
        const [id, code, signer, key] = line.split(' ');
        return [id!, { code: code!, signer: signer ?? '', key: key ?? '' }];
      }),
  );
}

const pub = (key: { publicKey: string }) => key.publicKey.split(' ').slice(0, 2).join(' ');

describe('signatures proved in process agree with git', () => {
  const repo = signedRepository();
  const ids = Object.values(repo.commits);
  const cases: [string, (k: typeof repo.keys) => string][] = [
    ['each key listed plainly', (k) => `chair@example.org ${pub(k.chair)}\ndeputy@example.org ${pub(k.deputy)}\n`],
    ['namespaces="git"', (k) => `chair@example.org namespaces="git" ${pub(k.chair)}\n`],
    ['two principals on a line', (k) => `chair@example.org,vice@example.org ${pub(k.chair)}\n`],
    ['a key listed twice', (k) => `first@example.org ${pub(k.chair)}\nsecond@example.org ${pub(k.chair)}\n`],
    ['a key no longer valid', (k) => `chair@example.org valid-before="20200101" ${pub(k.chair)}\n`],
    ['a principal pattern', (k) => `*@example.org ${pub(k.chair)}\n`],
    ['a line ssh-keygen refuses', (k) => `chair@example.org ${pub(k.chair)}\nbroken line\n`],
    ['no key at all', () => '# nobody yet\n'],
  ];
  it.each(cases)('%s', async (_what, signers) => {
    const file = join(repo.root, `allowed_signers-${Math.random().toString(36).slice(2)}`);
    writeFileSync(file, signers(repo.keys));
    const ours = await commitDetails(repo.root, file, ids, 2);
    const theirs = gitVerdicts(repo.root, file, ids);
    for (const id of ids) expect(ours.get(id)?.signature, id).toEqual(theirs.get(id));
  });

  it('a plainly listed ed25519 key is proved without ssh-keygen; anything else still goes to git', async () => {
    const file = join(repo.root, 'allowed_signers-plain');
    writeFileSync(file, `chair@example.org ${pub(repo.keys.chair)}\n`);
    // With ssh-keygen replaced by a program that fails, git can prove nothing. It reads what git writes to it first:
    // a program that exits at once can kill git with SIGPIPE.
    const refuse = join(repo.root, '.git', 'refuse-to-verify');
    writeFileSync(refuse, '#!/bin/sh\ncat >/dev/null\nexit 1\n', { mode: 0o755 });
    git(repo.root, ['config', 'gpg.ssh.program', refuse]);
    try {
      const ours = await commitDetails(repo.root, file, ids, 2);
      expect(ours.get(repo.commits.chair!)?.signature.code).toBe('G');
      expect(gitVerdicts(repo.root, file, [repo.commits.chair!]).get(repo.commits.chair!)?.code).not.toBe('G');
      expect(ours.get(repo.commits.altered!)?.signature.code).not.toBe('G');
      expect(ours.get(repo.commits.stranger!)?.signature.code).not.toBe('G');
      // Revoked keys are git's to check: told of a revocation list, ppp proves nothing itself.
      git(repo.root, ['config', 'gpg.ssh.revocationKeys', join(repo.root, 'revoked')]);
      const revoked = await commitDetails(repo.root, file, ids, 2);
      expect(revoked.get(repo.commits.chair!)?.signature.code).not.toBe('G');
    } finally {
      git(repo.root, ['config', '--unset', 'gpg.ssh.program']);
      git(repo.root, ['config', '--unset', 'gpg.ssh.revocationKeys'], { allowFail: true });
    }
  });
});

describe('hostile signatures are refused, never thrown on', () => {
  const repo = signedRepository();
  const raw = Buffer.from(git(repo.root, ['cat-file', 'commit', repo.commits.chair!]));
  const armored = signedPayload(raw)!.signature;

  it('reads the payload git signs: the commit without its gpgsig header', () => {
    const payload = signedPayload(raw)!.payload.toString();
    expect(payload).not.toContain('gpgsig');
    expect(payload).toMatch(
      /^tree [0-9a-f]{40}\n(parent [0-9a-f]{40}\n)?author .*\ncommitter .*\n\nCommit by chair\n$/,
    );
    expect(parseSshSig(armored)).toMatchObject({ namespace: 'git', hashAlgorithm: 'sha512' });
  });

  it.each([
    ['no armour', (s: string) => s.replace('-----BEGIN SSH SIGNATURE-----', '')],
    ['cut short', (s: string) => s.split('\n').slice(0, 3).join('\n') + '\n-----END SSH SIGNATURE-----'],
    ['not base64', (s: string) => s.replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!')],
    ['another magic', (s: string) => s.replace(/\n.{4}/, '\nAAAA')],
    ['empty', () => ''],
  ])('%s', (_what, spoil) => {
    expect(() => parseSshSig(spoil(armored))).not.toThrow();
    expect(parseSshSig(spoil(armored))).toBeUndefined();
  });

  it('a commit with no signature, or two, is left to git', () => {
    const unsigned = Buffer.from(git(repo.root, ['cat-file', 'commit', repo.commits.unsigned!]));
    expect(signedPayload(unsigned)).toBeUndefined();
    const text = raw.toString();
    const twice = text.replace(/\n\n/, `\ngpgsig ${armored.split('\n').join('\n ')}\n\n`);
    expect(signedPayload(Buffer.from(twice))).toBeUndefined();
    expect(readFileSync(join(repo.root, 'file.txt'), 'utf8')).toBe('unsigned\n');
  });
});
