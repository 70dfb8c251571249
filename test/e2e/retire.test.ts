/**
 * ppp retire on real temporary git repositories with real ed25519 keys: withdrawal, archiving and supersession in one
 * signed commit, refusals that change nothing, and what ppp verify and ppp validate make of retirement.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as runNow, type RunOptions } from '../helpers/run.js';
import { allowSigners, commitAll, git, gitCode, makeKey, snapshot, useKey } from '../helpers/git.js';
import { cleanup, makeRegister, validSet } from '../helpers/register.js';

afterAll(cleanup);

const POL = 'documents/policies/CS-POL-0001-values.md';
const PRO = 'documents/procedures/CS-PRO-0001-missing.md';
const FRM = 'documents/forms/CS-FRM-0001-return.md';
const EVIDENCE = ['--evidence', 'Cabinet minutes 2025-01-14 item 7'];
// The test's real date: 25 November 2026, after the meeting of 10 November.
const NOW = () => Date.UTC(2026, 10, 25, 12);
const run = (args: string[], options: RunOptions = {}) => runNow(args, { now: NOW, ...options });

/** A register in git, its approved documents adopted in a signed commit, signing with a listed key. */
async function register(): Promise<string> {
  const root = makeRegister(validSet());
  const key = makeKey('chair');
  allowSigners(root, [{ principal: 'chair@example.org', publicKey: key.publicKey }]);
  commitAll(root);
  useKey(root, key);
  const a = await run(['adopt', '--all', ...EVIDENCE], { cwd: root });
  expect(a.code, a.stderr).toBe(0);
  return root;
}

const head = (root: string) => git(root, ['rev-parse', 'HEAD']).trim();
const trailers = (root: string) =>
  git(root, ['interpret-trailers', '--parse'], { input: git(root, ['log', '-1', '--format=%B']) });
const gitVerifies = (root: string, commit: string) =>
  gitCode(root, ['-c', `gpg.ssh.allowedSignersFile=${join(root, 'allowed_signers')}`, 'verify-commit', commit]) === 0;

async function verifyRows(root: string) {
  const r = await run(['verify', '--json'], { cwd: root });
  const parsed = JSON.parse(r.stdout) as { ok: boolean; documents: { id: string; state: string; detail?: string }[] };
  return { code: r.code, rows: new Map(parsed.documents.map((d) => [d.id, d])) };
}

describe('ppp retire', () => {
  it('withdraws by default, in one signed commit of that file, with its trailers; verify passes', async () => {
    const root = await register();
    const before = head(root);
    const r = await run(['retire', 'CS-PRO-0001', '--reason', 'Pulled pending legal advice'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Retired CS-PRO-0001 v2.0: withdrawn on 2026-11-25.');
    expect(git(root, ['rev-parse', 'HEAD~1']).trim()).toBe(before);
    expect(git(root, ['show', '--name-only', '--format=', 'HEAD']).trim()).toBe(PRO);
    expect(gitVerifies(root, head(root))).toBe(true);
    expect(trailers(root)).toBe('PPP-Document: CS-PRO-0001\nPPP-Retired-On: 2026-11-25\nPPP-Status: withdrawn\n');
    const text = readFileSync(join(root, PRO), 'utf8');
    expect(text).toContain('status: withdrawn');
    expect(text).toMatch(/retirement:\n {2}on: 2026-11-25\n {2}reason: Pulled pending legal advice\n/);
    expect(git(root, ['status', '--porcelain'])).toBe('');
    const v = await verifyRows(root);
    expect(v.rows.get('CS-PRO-0001')!.state).toBe('verified');
    expect(v.code).toBe(0);
    // ppp history lists the retirement as one, judged as verify judges it.
    const history = JSON.parse((await run(['history', 'CS-PRO-0001', '--json'], { cwd: root })).stdout);
    expect(history.versions.at(-1)).toMatchObject({
      kind: 'retirement',
      status: 'withdrawn',
      retired_on: '2026-11-25',
      state: 'verified',
      commit: head(root),
    });
  });

  it('archives with --status archived at a meeting that has taken place, dated that day; --json', async () => {
    const root = await register();
    const r = await run(
      ['retire', 'CS-POL-0001', '--status', 'archived', '--meeting', '2026-11-10', '--reason', 'No longer needed'],
      { cwd: root },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(trailers(root)).toBe(
      'PPP-Document: CS-POL-0001\nPPP-Retired-On: 2026-11-10\nPPP-Status: archived\nPPP-Meeting: 2026-11-10\n',
    );
    const j = await run(['retire', 'CS-FRM-0001', '--reason', 'Never used', '--json'], { cwd: root });
    expect(j.code, j.stderr).toBe(0);
    expect(JSON.parse(j.stdout)).toMatchObject({
      id: 'CS-FRM-0001',
      status: 'withdrawn',
      retired_on: '2026-11-25',
      superseded_by: null,
      commit: head(root),
      signed: true,
    });
  });

  it('records supersession with --superseded-by', async () => {
    const root = await register();
    const r = await run(
      ['retire', 'CS-FRM-0001', '--superseded-by', 'CS-PRO-0001', '--reason', 'Folded into the procedure'],
      { cwd: root },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(trailers(root)).toContain('PPP-Status: superseded\nPPP-Superseded-By: CS-PRO-0001\n');
    expect(readFileSync(join(root, FRM), 'utf8')).toContain('superseded_by: CS-PRO-0001');
  });

  const refusals: [string, (root: string) => Promise<void> | void, string[], number, string][] = [
    [
      'an already retired document',
      async (root) => {
        expect((await run(['retire', 'CS-PRO-0001', '--reason', 'Gone'], { cwd: root })).code).toBe(0);
      },
      ['CS-PRO-0001', '--reason', 'Again'],
      1,
      'already withdrawn',
    ],
    [
      'uncommitted changes',
      (root) => writeFileSync(join(root, PRO), readFileSync(join(root, PRO), 'utf8') + '\nMore.\n'),
      ['CS-PRO-0001', '--reason', 'Gone'],
      1,
      'uncommitted changes',
    ],
    [
      'a document never committed',
      (root) =>
        writeFileSync(
          join(root, 'documents/policies/CS-POL-0002-other.md'),
          readFileSync(join(root, POL), 'utf8').replace('CS-POL-0001', 'CS-POL-0002'),
        ),
      ['CS-POL-0002', '--reason', 'Gone'],
      1,
      'never been committed',
    ],
    [
      'a missing successor',
      () => {},
      ['CS-PRO-0001', '--superseded-by', 'CS-PRO-0009', '--reason', 'x'],
      1,
      'not a document',
    ],
    ['itself as successor', () => {}, ['CS-PRO-0001', '--superseded-by', 'CS-PRO-0001', '--reason', 'x'], 1, 'itself'],
    [
      'a retired successor',
      async (root) => {
        expect((await run(['retire', 'CS-FRM-0001', '--reason', 'Gone'], { cwd: root })).code).toBe(0);
      },
      ['CS-PRO-0001', '--superseded-by', 'CS-FRM-0001', '--reason', 'x'],
      1,
      'is itself withdrawn',
    ],
    ['an unknown id', () => {}, ['CS-PRO-0009', '--reason', 'x'], 2, 'not a document in the register'],
    [
      'a meeting before the approval',
      () => {},
      ['CS-PRO-0001', '--meeting', '2024-11-12', '--reason', 'x'],
      1,
      'before CS-PRO-0001 was approved (2025-03-11)',
    ],
    [
      'a proposal',
      (root) => {
        writeFileSync(
          join(root, PRO),
          readFileSync(join(root, PRO), 'utf8').replace('status: approved', 'status: proposed'),
        );
        git(root, ['commit', '-qam', 'A proposal']);
      },
      ['CS-PRO-0001', '--reason', 'x'],
      1,
      'ppp decide CS-PRO-0001 decline',
    ],
    ['an empty reason', () => {}, ['CS-PRO-0001', '--reason', '  '], 2, '--reason is blank; give it a value'],
    ['no reason', () => {}, ['CS-PRO-0001'], 2, '--reason TEXT is required'],
    [
      'a meeting not scheduled',
      () => {},
      ['CS-PRO-0001', '--meeting', '2026-11-11', '--reason', 'x'],
      2,
      'not a scheduled',
    ],
    [
      'a meeting not yet held',
      () => {},
      ['CS-PRO-0001', '--meeting', '2027-01-12', '--reason', 'x'],
      1,
      'not taken place',
    ],
    ['an unknown status', () => {}, ['CS-PRO-0001', '--status', 'gone', '--reason', 'x'], 2, 'not one of'],
  ];
  it.each(refusals)('refuses %s, changing nothing', async (_name, prepare, args, code, message) => {
    const root = await register();
    await prepare(root);
    const before = snapshot(root, PRO);
    const r = await run(['retire', ...args], { cwd: root });
    expect(r.code, r.stdout).toBe(code);
    expect(r.stderr).toContain(message);
    if (code === 1) expect(r.stderr).toContain('nothing was changed');
    expect(snapshot(root, PRO)).toEqual(before);
  });

  it('refuses outside a git repository (exit 2)', async () => {
    const root = makeRegister(validSet());
    const before = readFileSync(join(root, PRO), 'utf8');
    const r = await run(['retire', 'CS-PRO-0001', '--reason', 'Gone'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not in a git repository');
    expect(readFileSync(join(root, PRO), 'utf8')).toBe(before);
  });
});

describe('ppp verify and retirement', () => {
  it('an approved document deleted without a retirement commit is removed-without-retirement', async () => {
    const root = await register();
    git(root, ['rm', '-q', PRO]);
    git(root, ['commit', '-qm', 'Tidy up']);
    const v = await verifyRows(root);
    expect(v.code).toBe(1);
    expect(v.rows.get('CS-PRO-0001')).toMatchObject({ state: 'removed-without-retirement', file: PRO });
    expect(v.rows.get('CS-PRO-0001')!.detail).toContain('ppp retire CS-PRO-0001');
    expect((await run(['verify'], { cwd: root })).stdout).toContain('CS-PRO-0001 removed-without-retirement');
  });

  it('an approved document set to withdrawn, committed or not, is removed-without-retirement', async () => {
    const root = await register();
    writeFileSync(
      join(root, POL),
      readFileSync(join(root, POL), 'utf8').replace('status: approved', 'status: withdrawn'),
    );
    expect((await verifyRows(root)).rows.get('CS-POL-0001')!.state).toBe('removed-without-retirement');
    git(root, ['commit', '-qam', 'Withdraw the policy']);
    const v = await verifyRows(root);
    expect(v.code).toBe(1);
    expect(v.rows.get('CS-POL-0001')!.state).toBe('removed-without-retirement');
  });

  it('a document retired and then deleted stays verified', async () => {
    const root = await register();
    expect((await run(['retire', 'CS-PRO-0001', '--reason', 'Gone'], { cwd: root })).code).toBe(0);
    const retirement = head(root);
    git(root, ['rm', '-q', PRO]);
    git(root, ['commit', '-qm', 'Remove the retired procedure']);
    const v = await verifyRows(root);
    expect(v.code).toBe(0);
    expect(v.rows.get('CS-PRO-0001')).toMatchObject({
      state: 'verified',
      commit: retirement,
      retired_on: '2026-11-25',
    });
  });

  it('a retirement commit that is not signed is unsigned', async () => {
    const root = await register();
    expect((await run(['retire', 'CS-PRO-0001', '--reason', 'Gone'], { cwd: root })).code).toBe(0);
    git(root, ['commit', '--quiet', '--amend', '--no-edit', '--no-gpg-sign']);
    const v = await verifyRows(root);
    expect(v.code).toBe(1);
    expect(v.rows.get('CS-PRO-0001')!.state).toBe('unsigned');
    expect(v.rows.get('CS-PRO-0001')!.detail).toContain('retirement commit is not signed');
  });

  it('a retirement commit signed by a key outside allowed_signers is untrusted-signer', async () => {
    const root = await register();
    useKey(root, makeKey('stranger'));
    expect((await run(['retire', 'CS-PRO-0001', '--reason', 'Gone'], { cwd: root })).code).toBe(0);
    const v = await verifyRows(root);
    expect(v.code).toBe(1);
    expect(v.rows.get('CS-PRO-0001')!.state).toBe('untrusted-signer');
  });
});

describe('approving a document that supersedes another', () => {
  const NEW = 'documents/procedures/CS-PRO-0002-missing-joint.md';
  async function withSuccessor(): Promise<string> {
    const root = await register();
    writeFileSync(
      join(root, NEW),
      readFileSync(join(root, PRO), 'utf8')
        .replace('id: CS-PRO-0001', 'id: CS-PRO-0002')
        .replace('title: Missing children', 'title: Missing children (joint)')
        .replace('status: approved', 'status: submitted')
        .replace('version: "2.0"', 'version: "0.3"')
        .replace(/approval: .*\n/, '')
        .replace(/review: .*\n/, '')
        .replace(
          'governed_by: [CS-POL-0001]',
          'governed_by: [CS-POL-0001]\nsupersedes: [CS-PRO-0001]\n' +
            'submission: { kind: draft, on: 2026-10-20, meeting: 2026-11-10 }\n' +
            'eqia: { status: completed, on: 2026-10-01 }',
        ),
    );
    git(root, ['add', NEW]);
    git(root, ['commit', '-qm', 'Draft the joint procedure']);
    return root;
  }

  it('retires the other in the same signed commit: two files, PPP-Supersedes, verify verified for both', async () => {
    const root = await withSuccessor();
    const r = await run(['approve', 'CS-PRO-0002', '--route', 'ppp'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(git(root, ['show', '--name-only', '--format=', 'HEAD']).trim().split('\n').sort()).toEqual([PRO, NEW]);
    expect(gitVerifies(root, head(root))).toBe(true);
    expect(trailers(root)).toContain('PPP-Document: CS-PRO-0002\n');
    expect(trailers(root)).toMatch(/PPP-Content-SHA256: [0-9a-f]{64}\nPPP-Supersedes: CS-PRO-0001\n$/);
    const old = readFileSync(join(root, PRO), 'utf8');
    expect(old).toContain('status: superseded');
    expect(old).toMatch(/retirement:\n {2}on: 2026-11-10\n {2}reason: Superseded by CS-PRO-0002 v1\.0\n/);
    expect(old).toContain('superseded_by: CS-PRO-0002');
    const v = await verifyRows(root);
    expect(v.code).toBe(0);
    expect(v.rows.get('CS-PRO-0002')!.state).toBe('verified');
    expect(v.rows.get('CS-PRO-0001')).toMatchObject({
      state: 'verified',
      commit: head(root),
      retired_on: '2026-11-10',
    });
    const history = JSON.parse((await run(['history', 'CS-PRO-0001', '--json'], { cwd: root })).stdout);
    expect(history.versions.at(-1)).toMatchObject({ kind: 'retirement', status: 'superseded', state: 'verified' });
  });

  it('refuses, changing nothing, when the superseded document has uncommitted changes', async () => {
    const root = await withSuccessor();
    writeFileSync(join(root, PRO), readFileSync(join(root, PRO), 'utf8') + '\nMore.\n');
    const before = snapshot(root, PRO);
    const beforeNew = snapshot(root, NEW);
    const r = await run(['approve', 'CS-PRO-0002', '--route', 'ppp'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('which CS-PRO-0002 supersedes');
    expect(snapshot(root, PRO)).toEqual(before);
    expect(snapshot(root, NEW)).toEqual(beforeNew);
  });

  it('an approval commit changing another document without PPP-Supersedes is no-approval-commit', async () => {
    const root = await withSuccessor();
    expect((await run(['approve', 'CS-PRO-0002', '--route', 'ppp'], { cwd: root })).code).toBe(0);
    const message = git(root, ['log', '-1', '--format=%B']).replace(/PPP-Supersedes: .*\n/, '');
    git(root, ['commit', '--quiet', '--amend', '-S', '--file=-'], { input: message });
    const v = await verifyRows(root);
    expect(v.code).toBe(1);
    expect(v.rows.get('CS-PRO-0002')!.state).toBe('no-approval-commit');
    expect(v.rows.get('CS-PRO-0001')!.state).toBe('removed-without-retirement');
  });
});

describe('ppp validate warns before a retirement without ppp retire is committed', () => {
  it('warns for an approved document deleted or set to withdrawn, not once properly retired', async () => {
    const root = await register();
    writeFileSync(
      join(root, POL),
      readFileSync(join(root, POL), 'utf8').replace('status: approved', 'status: withdrawn'),
    );
    rmSync(join(root, PRO));
    const warnings = async () => {
      const r = await run(['validate', '--format', 'json'], { cwd: root });
      const json = JSON.parse(r.stdout) as { problems: { file: string; rule: string; severity: string }[] };
      return json.problems.filter((p) => p.rule === 'retirement/uncommitted');
    };
    expect(await warnings()).toEqual([
      expect.objectContaining({ file: POL, severity: 'warning' }),
      expect.objectContaining({ file: PRO, severity: 'warning' }),
    ]);
    git(root, ['checkout', '--', POL, PRO]);
    expect(await warnings()).toEqual([]);
    expect((await run(['retire', 'CS-PRO-0001', '--reason', 'Gone'], { cwd: root })).code).toBe(0);
    expect(await warnings()).toEqual([]);
    rmSync(join(root, PRO));
    expect(await warnings()).toEqual([]);
  });
});
