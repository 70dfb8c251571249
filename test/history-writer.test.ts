/**
 * writeHistory against git itself: the same steps by git add and git commit (-S) must give the very same commit ids.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitError } from '../src/core/errors.js';
import { cleanMessage, gitDate, writeHistory, type NewCommit } from '../src/io/history-writer.js';
import { git, gitCode, makeKey } from './helpers/git.js';
import { cleanup, tempDir } from './helpers/register.js';

afterAll(cleanup);

const hasSshKeygen = spawnSync('ssh-keygen', ['-?']).error === undefined;

function writeFiles(dir: string, files: readonly { path: string; text: string }[]): void {
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
}

// Punctuation around the name and address, which git trims, and dates in two zones.
const chair = (date: string) => ({ name: ' "Hannah Prowse", ', email: '<chair@example.org>.', date });
const steps: NewCommit[] = [
  {
    // Names that sort differently as files and as folders: a-b.md, a.md, a/, a0.md.
    files: [
      { path: 'ppp.yaml', text: 'group: x\n' },
      { path: 'documents/a.md', text: 'a\n' },
      { path: 'documents/a/b.md', text: 'b\n' },
      { path: 'documents/a-b.md', text: 'a-b\n' },
      { path: 'documents/a0.md', text: 'a0\n' },
      { path: 'documents/é.md', text: 'é\n' },
    ],
    message: 'Start the register',
    author: chair('2024-01-09T09:00:00+00:00'),
    committer: chair('2024-01-09T09:00:00+00:00'),
    sign: false,
  },
  {
    files: [{ path: 'documents/a/b.md', text: 'b, approved\n' }],
    message: '\n  \nApprove b v1.0   \n\n\n\nPPP-Document: b\nPPP-Version: 1.0\n\n',
    author: chair('2024-02-13T09:00:00+00:00'),
    committer: chair('2024-02-13T09:01:00+00:00'),
    sign: true,
  },
  {
    files: [
      { path: 'meetings/2024-03-12/minutes.md', text: '# Minutes\n' },
      { path: 'documents/a.md', text: 'a, revised\n' },
    ],
    message: 'Record the meeting of 2024-03-12',
    author: chair('2024-03-14T10:30:00+01:00'),
    committer: chair('2024-03-14T10:30:00Z'),
    sign: false,
  },
];

describe.skipIf(!hasSshKeygen)('writeHistory', () => {
  it(
    'makes the very commits git add and git commit make, signatures included, and ' + 'leaves a clean work tree',
    async () => {
      const key = makeKey('chair');
      const byGit = tempDir();
      git(byGit, ['init', '--quiet', '--initial-branch=main']);
      git(byGit, ['config', 'gpg.format', 'ssh']);
      git(byGit, ['config', 'user.signingkey', key.path]);
      for (const step of steps) {
        writeFiles(byGit, step.files);
        git(byGit, ['add', '--', ...step.files.map((f) => f.path)]);
        const env = {
          GIT_AUTHOR_NAME: step.author.name,
          GIT_AUTHOR_EMAIL: step.author.email,
          GIT_AUTHOR_DATE: step.author.date,
          GIT_COMMITTER_NAME: step.committer.name,
          GIT_COMMITTER_EMAIL: step.committer.email,
          GIT_COMMITTER_DATE: step.committer.date,
        };
        git(byGit, ['commit', '--quiet', step.sign ? '-S' : '--no-gpg-sign', '--file=-'], { input: step.message, env });
      }

      const byWriter = tempDir();
      git(byWriter, ['init', '--quiet', '--initial-branch=main']);
      writeFiles(byWriter, [...new Map(steps.flatMap((s) => s.files.map((f) => [f.path, f] as const))).values()]);
      const ids = await writeHistory(byWriter, steps, { branch: 'main', signingKey: key.path });

      // Equal commit ids mean equal bytes: trees, file contents, names, dates, messages and signatures.
      expect(ids).toEqual(git(byGit, ['rev-list', '--reverse', 'HEAD']).trim().split('\n'));
      expect(git(byWriter, ['rev-parse', 'HEAD']).trim()).toBe(ids[2]);
      expect(git(byWriter, ['symbolic-ref', 'HEAD']).trim()).toBe('refs/heads/main');
      expect(git(byWriter, ['status', '--porcelain'])).toBe('');
      expect(git(byWriter, ['ls-files', '--stage'])).toBe(git(byGit, ['ls-files', '--stage']));
      writeFileSync(join(byWriter, 'allowed_signers'), `chair@example.org namespaces="git" ${key.publicKey}\n`);
      expect(
        gitCode(byWriter, [
          '-c',
          `gpg.ssh.allowedSignersFile=${join(byWriter, 'allowed_signers')}`,
          'verify-commit',
          ids[1]!,
        ]),
      ).toBe(0);
    },
  );

  it('refuses a step that changes nothing, as git commit does, and makes no branch', async () => {
    const dir = tempDir();
    git(dir, ['init', '--quiet', '--initial-branch=main']);
    const same = { ...steps[0]!, files: [steps[0]!.files[0]!] };
    await expect(writeHistory(dir, [same, { ...same, message: 'Again' }], { branch: 'main' })).rejects.toThrow(
      GitError,
    );
    expect(gitCode(dir, ['rev-parse', '--verify', '-q', 'refs/heads/main'])).not.toBe(0);
  });

  it('refuses to move a branch that already exists', async () => {
    const dir = tempDir();
    git(dir, ['init', '--quiet', '--initial-branch=main']);
    writeFiles(dir, steps[0]!.files);
    const first = await writeHistory(dir, [steps[0]!], { branch: 'main' });
    await expect(writeHistory(dir, [steps[0]!], { branch: 'main' })).rejects.toThrow(GitError);
    expect(git(dir, ['rev-parse', 'HEAD']).trim()).toBe(first[0]);
  });
});

describe('git commit forms', () => {
  it.each([
    ['Title', 'Title\n'],
    ['\n\n Title  \n\n\n\nBody\t\n\n', ' Title\n\nBody\n'],
    ['Title\r\n\r\nBody', 'Title\n\nBody\n'],
    ['  \n\t\n', ''],
  ])('cleanMessage(%j) is %j', (message, clean) => {
    expect(cleanMessage(message)).toBe(clean);
  });

  it.each([
    ['2026-11-18T09:05:00+00:00', '1794992700 +0000'],
    ['2026-11-18T09:05:00Z', '1794992700 +0000'],
    ['2026-11-18T10:05+01:00', '1794992700 +0100'],
    ['2026-11-18T04:05:00-0500', '1794992700 -0500'],
  ])('gitDate(%s) is %s', (iso, raw) => {
    expect(gitDate(iso)).toBe(raw);
  });

  it('refuses a date without a time zone', () => {
    expect(() => gitDate('2026-11-18T09:05:00')).toThrow(GitError);
  });
});
