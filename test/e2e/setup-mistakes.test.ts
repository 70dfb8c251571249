/**
 * Set-up mistakes are reported as set-up mistakes: exit 2, naming the file (and line) and the fix, not as a failure of
 * each document; and the mistakes that leave the register usable are warnings.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { approvableRegister, git, makeKey, snapshot, useKey } from '../helpers/git.js';
import { PRESET, cleanup, makeRegister, tempDir, validSet } from '../helpers/register.js';
import { run } from '../helpers/run.js';

afterEach(cleanup);

const TODAY = ['--today', '2027-01-20'];
const FRM = 'documents/forms/CS-FRM-0001-return.md';
const approvable = (settings?: string) =>
  approvableRegister({ on: '2026-12-20', meeting: '2027-01-12' }, settings ? { settings } : {});
const approve = (root: string, env?: Record<string, string>) =>
  run(['approve', 'CS-FRM-0001', '--route', 'ppp', ...TODAY], { cwd: root, env });

/** A register with CS-FRM-0001 approved in a signed commit. */
async function approved() {
  const r = approvable();
  const a = await approve(r.root);
  expect(a.code, a.stderr).toBe(0);
  return r;
}

/** Writes allowed_signers with a bad line 2 before the good line, and commits it. */
function breakSigners(root: string): void {
  const good = readFileSync(join(root, 'allowed_signers'), 'utf8');
  writeFileSync(join(root, 'allowed_signers'), `# approvers\nchair@example.org ssh-ed25519\n${good}`);
  git(root, ['commit', '-qam', 'Break allowed_signers', '--no-gpg-sign']);
}

describe('allowed_signers missing or malformed', () => {
  it.each([
    ['verify', ['verify']],
    ['verify --json', ['verify', '--json']],
    ['history', ['history', 'CS-FRM-0001']],
  ])('ppp %s says which line is malformed (exit 2), not a failure of each document', async (_name, args) => {
    const { root } = await approved();
    breakSigners(root);
    const r = await run([...args, ...TODAY], { cwd: root });
    expect(r.code, r.stdout).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('allowed_signers is malformed');
    expect(r.stderr).toContain('allowed_signers:2:19: no key after ssh-ed25519');
    expect(r.stderr).toMatch(/principal\[,principal…\] \[options\] keytype base64key/);
  });

  it.each([['verify'], ['history', 'CS-FRM-0001']])(
    'ppp %s says allowed_signers is missing (exit 2)',
    async (...args) => {
      const { root } = await approved();
      git(root, ['rm', '-q', 'allowed_signers']);
      git(root, ['commit', '-qm', 'Lose allowed_signers', '--no-gpg-sign']);
      const r = await run([...args, ...TODAY], { cwd: root });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('allowed_signers is missing from');
      expect(r.stderr).toContain('namespaces="git" ssh-ed25519');
    },
  );

  it.each([
    ['approve', (root: string) => approve(root)],
    [
      'retire',
      (root: string) => run(['retire', 'CS-FRM-0001', '--reason', 'Not needed'], { cwd: root, now: () => NOON_20 }),
    ],
    ['adopt', (root: string) => run(['adopt', '--all', '--evidence', 'Minutes'], { cwd: root, now: () => NOON_20 })],
  ])('ppp %s refuses before anything changes (exit 2)', async (_name, command) => {
    const { root } = approvable();
    breakSigners(root);
    const before = snapshot(root, FRM);
    const malformed = await command(root);
    expect(malformed.code, malformed.stderr).toBe(2);
    expect(malformed.stderr).toContain('allowed_signers:2:19');
    expect(malformed.stderr).toContain('nothing was changed');
    expect(snapshot(root, FRM)).toEqual(before);
    rmSync(join(root, 'allowed_signers'));
    const missing = await command(root);
    expect(missing.code, missing.stderr).toBe(2);
    expect(missing.stderr).toContain('allowed_signers is missing');
  });

  it('ppp validate checks its format, line by line (signers/invalid)', async () => {
    const { root, key } = approvable();
    writeFileSync(
      join(root, 'allowed_signers'),
      `# approvers\n${key.publicKey}\nchair@example.org namespaces="git" ${key.publicKey}\n` +
        `qa@example.org namespaces="file" ${key.publicKey}\n`,
    );
    const r = await run(['validate', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(1);
    const problems = (JSON.parse(r.stdout) as { problems: { file: string; line: number; rule: string }[] }).problems;
    expect(problems.filter((p) => p.file === 'allowed_signers').map((p) => [p.line, p.rule])).toEqual([
      [2, 'signers/invalid'],
      [4, 'signers/invalid'],
    ]);
    const only = await run(['validate', 'allowed_signers'], { cwd: root });
    expect(only.stdout).toContain('starts with the key itself');
    expect(only.stdout).toContain('leaves out git');
  });
});

const NOON_20 = Date.parse('2027-01-20T12:00:00Z');

describe('the signing key', () => {
  it('not listed in allowed_signers: approve warns before it signs, naming the key and the file', async () => {
    const { root } = approvable();
    const other = makeKey('laptop');
    useKey(root, other);
    const r = await approve(root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: your signing key ssh-ed25519 SHA256:');
    expect(r.stderr).toContain('is not listed in allowed_signers, so ppp verify will fail');
    expect(r.stderr).toContain(`test@example.org namespaces="git" ${other.publicKey.split(' ').slice(0, 2).join(' ')}`);
    const v = await run(['verify', ...TODAY], { cwd: root });
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('untrusted-signer');
  });

  it('listed: no warning, whether user.signingkey names the private key or its .pub', async () => {
    const { root, key } = approvable();
    git(root, ['config', 'user.signingkey', `${key.path}.pub`]);
    const r = await approve(root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });

  it.each([
    ['a key file that does not exist', ['user.signingkey', '/no/such/key.pub'], 'does not exist'],
    ['gpg.format that git does not know', ['gpg.format', 'SSH'], 'git config gpg.format ssh'],
  ])('%s is a set-up error (exit 2), nothing changed', async (_name, config, fragment) => {
    const { root } = approvable();
    git(root, ['config', ...config]);
    const before = snapshot(root, FRM);
    const r = await approve(root);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(fragment);
    expect(snapshot(root, FRM)).toEqual(before);
  });

  it('an SSH key with gpg.format not ssh is a set-up error naming the fix', async () => {
    const { root } = approvable();
    git(root, ['config', '--unset', 'gpg.format']);
    const r = await approve(root);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('names an SSH key');
    expect(r.stderr).toContain('git config gpg.format ssh');
  });
});

describe('git set-up', () => {
  it('ppp history refuses a shallow clone as ppp verify does (exit 2)', async () => {
    const { root } = await approved();
    git(root, ['commit', '-q', '--allow-empty', '-m', 'Later', '--no-gpg-sign']);
    const shallow = join(tempDir(), 'clone');
    git(root, ['clone', '-q', '--depth', '1', `file://${root}`, shallow]);
    for (const args of [['history', 'CS-FRM-0001'], ['verify']]) {
      const r = await run([...args, ...TODAY], { cwd: shallow });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('is a shallow clone');
      expect(r.stderr).toContain('git fetch --unshallow');
    }
  });

  it.each([['approve', 'CS-FRM-0001', '--route', 'ppp'], ['verify'], ['history', 'CS-FRM-0001']])(
    'ppp %s outside git says so (exit 2)',
    async (...args) => {
      const root = makeRegister(validSet());
      const r = await run([...args, ...TODAY], { cwd: root });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('is not in a git repository');
    },
  );
});

describe('ppp.yaml meeting rules and time zones', () => {
  it.each([
    ['FREQ=MONTHLY;BYDAY=+2TUE', '"+2TUE" is not a day'],
    ['FREQ=MONTHLY;BYDAY=+2TU;UNTIL=20251231', 'gives no meeting in the twelve months from 2027-01-20'],
    ['FREQ=MONTHLY;BYDAY=+2TU;COUNT=2', 'COUNT=2 has used up its meetings'],
  ])('%s: a ppp.yaml error at its line (exit 2), explained', async (rule, fragment) => {
    const root = makeRegister({}, PRESET.replace(/rule: ".*"/, `rule: "${rule}"`));
    for (const args of [['meetings'], ['validate'], ['register']]) {
      const r = await run([...args, ...TODAY], { cwd: root });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/ppp\.yaml:14:9: meetings\.rule/);
      expect(r.stderr).toContain(fragment);
      expect(r.stderr).toContain('FREQ=MONTHLY;BYDAY=+2TU (the second Tuesday of every month)');
    }
  });

  it('a time zone typo is a ppp.yaml error with the zone meant', async () => {
    const root = makeRegister({}, PRESET.replace('timezone: Europe/London', 'timezone: Europe/Londn'));
    const r = await run(['due', ...TODAY], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "Europe/London"?');
  });
});

describe('meeting set-up warnings', () => {
  it('a one-off meeting on a weekend or bank holiday: a warning from validate and from ppp meetings', async () => {
    const root = makeRegister(
      {},
      PRESET.replace(/ {2}add: \[\] +# one-off.*/, '  add: [2027-02-20, 2027-05-03, 2027-02-24]'),
    );
    const v = await run(['validate', '--format', 'json', ...TODAY], { cwd: root });
    expect(v.code, v.stderr).toBe(0);
    const problems = (
      JSON.parse(v.stdout) as {
        problems: { file: string; line: number; column: number; rule: string; message: string }[];
      }
    ).problems;
    expect(problems.map((p) => [p.file, p.line, p.column, p.rule])).toEqual([
      ['ppp.yaml', 15, 9, 'meetings/closed-day'],
      ['ppp.yaml', 15, 21, 'meetings/closed-day'],
    ]);
    expect(problems[0]!.message).toContain('2027-02-20, which is a Saturday');
    expect(problems[1]!.message).toContain('a bank holiday (england-and-wales)');
    expect((await run(['validate', '--strict', ...TODAY], { cwd: root })).code).toBe(1);
    const m = await run(['meetings', '--json', ...TODAY], { cwd: root });
    expect(m.code).toBe(0);
    expect(JSON.parse(m.stdout)).toBeTruthy();
    expect(m.stderr).toContain('ppp: warning: ppp.yaml:15:9: meetings.add lists 2027-02-20, which is a Saturday');
  });

  it('a folder under meetings/ that is no meeting date: a warning naming the nearest meetings', async () => {
    const root = makeRegister({
      'meetings/2026-11-11/attendance.yaml': 'present: []\n',
      'meetings/2026-11-10/attendance.yaml': 'present: []\n',
      'meetings/notes/todo.txt': 'x\n',
      'meetings/virtual/KM.yaml': 'document: X\n',
    });
    const v = await run(['validate', '--format', 'json', ...TODAY], { cwd: root });
    const problems = (JSON.parse(v.stdout) as { problems: { file: string; rule: string; message: string }[] }).problems;
    const folders = problems.filter((p) => p.rule === 'meetings/unscheduled-folder');
    expect(folders.map((p) => p.file)).toEqual(['meetings/2026-11-11', 'meetings/notes']);
    expect(folders[0]!.message).toContain('the nearest meetings are 2026-11-10 and 2027-01-12');
    const only = await run(['validate', 'meetings/2026-11-11', ...TODAY], { cwd: root });
    expect(only.stdout).toContain('meetings/unscheduled-folder');
    expect(only.stdout).not.toContain('meetings/notes');
  });
});

describe('members.yaml missing', () => {
  it.each([
    ['members', ['members']],
    ['attendance', ['attendance', '2027-01-12', '--present', 'chair']],
    ['action add', ['action', 'add', 'Do it', '--owner', 'chair', '--due', '2027-02-01']],
    ['new', ['new', 'policy', '--title', 'X', '--owner', 'hqa', '--yes']],
    ['due --owner', ['due', '--owner', 'hqa']],
  ])('ppp %s says members.yaml is missing (exit 2)', async (_name, args) => {
    const root = makeRegister();
    rmSync(join(root, 'members.yaml'));
    const r = await run([...args, ...TODAY], { cwd: root });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('members.yaml is missing from');
    expect(r.stderr).toContain('"members:" list');
  });

  it('an unreadable members.yaml is named with its line, not as an unknown member', async () => {
    const root = makeRegister();
    writeFileSync(join(root, 'members.yaml'), 'members: [\n');
    const r = await run(['attendance', '2027-01-12', '--present', 'chair', ...TODAY], {
      cwd: root,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/members\.yaml cannot be read, .*members\.yaml:\d+:\d+:/);
  });
});
