/**
 * ppp adopt on real temporary git repositories with real ed25519 keys: documents approved before the register used
 * ppp recorded in one signed commit that changes no file, and ppp verify and ppp history judging that commit.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/core/content-hash.js';
import { run } from '../helpers/run.js';
import { allowSigners, commitAll, git, gitCode, makeKey, snapshot, useKey } from '../helpers/git.js';
import { cleanup, makeRegister, PRESET, ROOT, tempDir, validSet } from '../helpers/register.js';

afterAll(cleanup);

const POL = 'documents/policies/CS-POL-0001-values.md';
const PRO = 'documents/procedures/CS-PRO-0001-missing.md';
const EVIDENCE = ['--evidence', 'Cabinet minutes 2025-01-14 item 7; PPP Group minutes 2025-03-11'];
// The clock of the commands that judge dates: a day that has passed, so nothing is recorded after the real date.
const NOW = { now: () => Date.UTC(2026, 10, 25, 12) };

/** A register in git whose policy and procedure record approvals made before ppp, signing with a listed key. */
function register(options: { settings?: string } = {}) {
  const root = makeRegister(validSet(), options.settings ?? PRESET);
  const key = makeKey('chair');
  allowSigners(root, [{ principal: 'chair@example.org', publicKey: key.publicKey }]);
  commitAll(root);
  useKey(root, key);
  return { root, key };
}

async function adopt(root: string, args: string[]) {
  return run(['adopt', ...args], { cwd: root, ...NOW });
}

interface Row {
  id: string;
  state: string;
  commit: string | null;
  signer: string | null;
  version: string | null;
  route: string | null;
  approved_on: string | null;
  adopted?: boolean;
  detail?: string;
}

async function verifyRows(root: string): Promise<{ code: number; ok: boolean; rows: Map<string, Row> }> {
  const r = await run(['verify', '--json'], { cwd: root });
  const parsed = JSON.parse(r.stdout) as { ok: boolean; documents: Row[] };
  return { code: r.code, ok: parsed.ok, rows: new Map(parsed.documents.map((d) => [d.id, d])) };
}

const head = (root: string) => git(root, ['rev-parse', 'HEAD']).trim();
const gitVerifies = (root: string, commit: string) =>
  gitCode(root, ['-c', `gpg.ssh.allowedSignersFile=${join(root, 'allowed_signers')}`, 'verify-commit', commit]) === 0;

describe('ppp adopt', () => {
  it('records one document in one signed commit that changes no file, with its trailers', async () => {
    const { root } = register();
    const before = head(root);
    const r = await adopt(root, ['CS-POL-0001', ...EVIDENCE]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Adopted 1 document in commit [0-9a-f]{12} signed:\n {2}CS-POL-0001 v1\.0 {2}/);
    const commit = head(root);
    expect(git(root, ['rev-parse', 'HEAD~1']).trim()).toBe(before);
    expect(git(root, ['show', '--name-only', '--format=', 'HEAD']).trim()).toBe('');
    expect(git(root, ['status', '--porcelain'])).toBe('');
    expect(gitVerifies(root, commit)).toBe(true);
    const message = git(root, ['log', '-1', '--format=%B']);
    expect(message.split('\n')[0]).toBe('Adopt CS-POL-0001 v1.0: Values and principles');
    const hash = contentHash(readFileSync(join(root, POL), 'utf8'));
    // git's own trailer parser reads the same two lines: one line each.
    expect(git(root, ['interpret-trailers', '--parse'], { input: message })).toBe(
      'PPP-Evidence: Cabinet minutes 2025-01-14 item 7; PPP Group minutes 2025-03-11\n' +
        `PPP-Adopted: CS-POL-0001 1.0 ${hash} ${POL}\n`,
    );

    const v = await verifyRows(root);
    expect(v.rows.get('CS-POL-0001')).toMatchObject({
      state: 'verified',
      adopted: true,
      commit,
      signer: 'chair@example.org',
      version: '1.0',
      route: 'cabinet',
      approved_on: '2025-01-14',
    });
    // The procedure was not adopted: it still has no approval commit, and the hint names ppp adopt.
    const pro = v.rows.get('CS-PRO-0001')!;
    expect(pro.state).toBe('no-approval-commit');
    expect(pro.adopted).toBeUndefined();
    expect(pro.detail).toContain('ppp adopt CS-PRO-0001 --evidence "…"');
    expect(pro.detail).toContain('ppp approve');
    expect(v.code).toBe(1);
  });

  it('--all adopts every document that records an approval; verify passes; --json has the SPEC shape', async () => {
    const { root } = register();
    const r = await adopt(root, ['--all', '--json', ...EVIDENCE]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['adopted', 'refused', 'commit']);
    expect(json).toEqual({
      adopted: [
        { id: 'CS-POL-0001', version: '1.0', content_sha256: contentHash(readFileSync(join(root, POL), 'utf8')) },
        { id: 'CS-PRO-0001', version: '2.0', content_sha256: contentHash(readFileSync(join(root, PRO), 'utf8')) },
      ],
      refused: [],
      commit: head(root),
    });
    expect(git(root, ['log', '-1', '--format=%s'])).toBe('Adopt 2 documents approved before the register used ppp\n');
    const v = await verifyRows(root);
    expect(v.code).toBe(0);
    expect([...v.rows.values()].map((d) => [d.id, d.state, d.adopted])).toEqual([
      ['CS-POL-0001', 'verified', true],
      ['CS-PRO-0001', 'verified', true],
    ]);
    const text = await run(['verify'], { cwd: root });
    expect(text.stdout).toContain('cabinet (adopted)');
    expect(text.stdout).toContain('ok: 2 approved documents');
  });

  it('--all adopts what qualifies and lists what it leaves out and why; none qualifying is exit 1', async () => {
    const { root } = register();
    writeFileSync(join(root, PRO), readFileSync(join(root, PRO), 'utf8') + '\nA late edit.\n');
    const r = await adopt(root, ['--all', ...EVIDENCE]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Adopted 1 document');
    expect(r.stdout).toContain('CS-POL-0001 v1.0');
    expect(r.stdout).toMatch(
      /Left out:\n {2}CS-PRO-0001 \(documents\/procedures\/CS-PRO-0001-missing.md\): .*uncommitted/,
    );
    // The edit is still there, uncommitted and out of the commit.
    expect(git(root, ['status', '--porcelain'])).toBe(` M ${PRO}\n`);
    const again = await adopt(root, ['--all', '--json', ...EVIDENCE]);
    expect(again.code).toBe(1);
    const json = JSON.parse(again.stdout) as { adopted: unknown[]; refused: { id: string; reason: string }[] };
    expect(json.adopted).toEqual([]);
    expect(json.refused.map((x) => x.id)).toEqual(['CS-POL-0001', 'CS-PRO-0001']);
    expect(json.refused[0]!.reason).toContain('already has an adoption commit');
  });

  it('--dry-run lists what it would record and what it refuses, and writes nothing', async () => {
    const { root } = register();
    writeFileSync(join(root, PRO), readFileSync(join(root, PRO), 'utf8') + '\nA late edit.\n');
    const before = snapshot(root, POL);
    const r = await adopt(root, ['--all', '--dry-run', ...EVIDENCE]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Would adopt 1 document (dry run: nothing was written):\n  CS-POL-0001 v1.0');
    expect(r.stdout).toContain('CS-PRO-0001');
    expect(r.stdout).toContain('uncommitted changes');
    expect(snapshot(root, POL)).toEqual(before);
    const json = await adopt(root, ['CS-POL-0001', '--dry-run', '--json', ...EVIDENCE]);
    expect(JSON.parse(json.stdout)).toMatchObject({ adopted: [{ id: 'CS-POL-0001' }], refused: [], commit: null });
    expect(snapshot(root, POL)).toEqual(before);
  });

  const refusals: [string, (root: string) => Promise<void> | void, string[], number, string][] = [
    ['a document that records no approval', () => {}, ['CS-FRM-0001'], 1, 'records no approval'],
    [
      'a document that does not validate',
      (root) => {
        writeFileSync(join(root, PRO), readFileSync(join(root, PRO), 'utf8').replace('owner: hos-1', 'owner: nobody'));
        git(root, ['commit', '-qam', 'Owner']);
      },
      ['CS-PRO-0001'],
      1,
      'does not validate',
    ],
    [
      'a document with uncommitted changes',
      (root) => writeFileSync(join(root, POL), readFileSync(join(root, POL), 'utf8') + '\nMore.\n'),
      ['CS-POL-0001'],
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
      ['CS-POL-0002'],
      1,
      'never been committed',
    ],
    [
      'a document already adopted',
      async (root) => {
        expect((await adopt(root, ['CS-POL-0001', ...EVIDENCE])).code).toBe(0);
      },
      ['CS-POL-0001'],
      1,
      'already has an adoption commit',
    ],
    [
      'one good document named beside a bad one',
      () => {},
      ['CS-POL-0001', 'CS-FRM-0001'],
      1,
      'CS-FRM-0001 (documents/forms/CS-FRM-0001-return.md): its front matter records no approval',
    ],
    ['an unknown id', () => {}, ['CS-POL-0009'], 2, 'CS-POL-0009 is not a document in the register'],
    ['no id and no --all', () => {}, [], 2, 'or pass --all'],
    ['ids and --all', () => {}, ['CS-POL-0001', '--all'], 2, 'not both'],
  ];
  it.each(refusals)(
    'refuses %s, leaving file, index, status and HEAD as they were',
    async (_name, prepare, args, code, message) => {
      const { root } = register();
      await prepare(root);
      const before = snapshot(root, POL);
      const r = await adopt(root, [...args, ...EVIDENCE]);
      expect(r.code, r.stdout).toBe(code);
      expect(r.stderr).toContain(message);
      if (code === 1) expect(r.stderr).toContain('nothing was changed');
      expect(snapshot(root, POL)).toEqual(before);
    },
  );

  it.each([
    [[], '--evidence TEXT is required'],
    [['--evidence', '  '], '--evidence is blank; give it a value'],
  ])('refuses without evidence (%j): exit 2', async (evidence, message) => {
    const { root } = register();
    const before = snapshot(root, POL);
    const r = await run(['adopt', 'CS-POL-0001', ...evidence], { cwd: root, ...NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(snapshot(root, POL)).toEqual(before);
  });

  it('refuses, as approve does, when signing is required and no key is configured; leaves nothing', async () => {
    const { root } = register();
    git(root, ['config', '--unset', 'user.signingkey']);
    const before = snapshot(root, POL);
    const r = await adopt(root, ['CS-POL-0001', ...EVIDENCE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no signing key is configured');
    expect(r.stderr).toContain('approval.signing: required');
    expect(snapshot(root, POL)).toEqual(before);
  });

  it('keeps what others staged out of the commit, and staged', async () => {
    const { root } = register();
    writeFileSync(join(root, 'notes.txt'), 'staged by someone else\n');
    git(root, ['add', 'notes.txt']);
    const r = await adopt(root, ['CS-POL-0001', ...EVIDENCE]);
    expect(r.code, r.stderr).toBe(0);
    expect(git(root, ['show', '--name-only', '--format=', 'HEAD']).trim()).toBe('');
    expect(git(root, ['status', '--porcelain'])).toBe('A  notes.txt\n');
  });
});

describe('ppp verify judges adoption commits as approvals', () => {
  async function adopted() {
    const r = register();
    const a = await adopt(r.root, ['--all', ...EVIDENCE]);
    expect(a.code, a.stderr).toBe(0);
    return { ...r, commit: head(r.root) };
  }

  it('a word changed after adoption is modified-after-approval', async () => {
    const { root, commit } = await adopted();
    writeFileSync(join(root, POL), readFileSync(join(root, POL), 'utf8').replace(/\n$/, ' One more word.\n'));
    git(root, ['commit', '-qam', 'Small fix']);
    const v = await verifyRows(root);
    expect(v.code).toBe(1);
    expect(v.rows.get('CS-POL-0001')).toMatchObject({ state: 'modified-after-approval', adopted: true, commit });
    expect(v.rows.get('CS-POL-0001')!.detail).toContain('was adopted in');
    expect(v.rows.get('CS-PRO-0001')!.state).toBe('verified');
  });

  it('an unsigned adoption commit (signing optional, no key) is an unsigned warning', async () => {
    const { root } = register({ settings: PRESET.replace('signing: required', 'signing: optional') });
    git(root, ['config', '--unset', 'user.signingkey']);
    const r = await adopt(root, ['CS-POL-0001', ...EVIDENCE]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('NOT signed');
    const v = await verifyRows(root);
    expect(v.rows.get('CS-POL-0001')).toMatchObject({ state: 'unsigned', adopted: true });
    expect(v.rows.get('CS-POL-0001')!.detail).toContain('adoption commit is not signed');
    expect((await run(['verify'], { cwd: root })).stdout).toMatch(/! CS-POL-0001 unsigned/);
  });

  it('an adoption commit that also edits allowed_signers is untrusted', async () => {
    const { root } = await adopted();
    const stranger = makeKey('stranger');
    useKey(root, stranger);
    writeFileSync(
      join(root, 'allowed_signers'),
      readFileSync(join(root, 'allowed_signers'), 'utf8') +
        `mallory@example.org namespaces="git" ${stranger.publicKey}\n`,
    );
    git(root, ['add', 'allowed_signers']);
    git(root, ['commit', '--quiet', '--amend', '-S', '--no-edit']);
    expect(gitVerifies(root, 'HEAD')).toBe(true);
    const v = await verifyRows(root);
    expect(v.code).toBe(1);
    for (const id of ['CS-POL-0001', 'CS-PRO-0001']) {
      expect(v.rows.get(id)!.state).toBe('untrusted-signer');
      expect(v.rows.get(id)!.detail).toContain('also changes allowed_signers');
    }
  });

  it('an adoption signed by a key outside allowed_signers is untrusted', async () => {
    const { root } = register();
    useKey(root, makeKey('stranger'));
    expect((await adopt(root, ['CS-POL-0001', ...EVIDENCE])).code).toBe(0);
    expect((await verifyRows(root)).rows.get('CS-POL-0001')!.state).toBe('untrusted-signer');
  });

  it('a trailer whose hash or version does not match the document as committed is no-approval-commit', async () => {
    const { root } = register();
    const hash = contentHash(readFileSync(join(root, POL), 'utf8'))!;
    const forged = (line: string) =>
      git(root, ['commit', '--quiet', '--allow-empty', '-S', '--file=-'], {
        input: `Adopt by hand\n\nPPP-Evidence: none\n${line}\n`,
      });
    forged(`PPP-Adopted: CS-POL-0001 1.0 ${'0'.repeat(64)} ${POL}`);
    let row = (await verifyRows(root)).rows.get('CS-POL-0001')!;
    expect(row.state).toBe('no-approval-commit');
    expect(row.detail).toContain('its hash is not the hash of the document as committed');
    forged(`PPP-Adopted: CS-POL-0001 2.0 ${hash} ${POL}`);
    row = (await verifyRows(root)).rows.get('CS-POL-0001')!;
    expect(row.state).toBe('no-approval-commit');
    expect(row.detail).toContain('it says version 2.0 but the document says 1.0');
    // The trailer of one document put on another's file.
    forged(`PPP-Adopted: CS-POL-0001 1.0 ${hash} ${PRO}`);
    row = (await verifyRows(root)).rows.get('CS-POL-0001')!;
    expect(row.detail).toContain('is CS-PRO-0001, not CS-POL-0001');
    // A trailer that does not match leaves the document adoptable by ppp adopt.
    expect((await adopt(root, ['CS-POL-0001', ...EVIDENCE])).code).toBe(0);
    expect((await verifyRows(root)).rows.get('CS-POL-0001')!.state).toBe('verified');
  });

  it('a later approval supersedes the adoption, and history shows both', async () => {
    const { root, commit } = await adopted();
    writeFileSync(
      join(root, PRO),
      readFileSync(join(root, PRO), 'utf8').replace(
        'status: approved',
        'status: submitted\nsubmission: { kind: review, on: 2026-10-20, meeting: 2026-11-10 }\n' +
          'eqia: { status: completed, on: 2026-10-01 }',
      ),
    );
    git(root, ['commit', '-qam', 'Submit the procedure for review']);
    expect((await verifyRows(root)).rows.get('CS-PRO-0001')).toMatchObject({ state: 'verified', adopted: true });
    const a = await run(['approve', 'CS-PRO-0001', '--route', 'ppp', '--today', '2026-11-24'], { cwd: root });
    expect(a.code, a.stderr).toBe(0);
    const approval = head(root);
    const row = (await verifyRows(root)).rows.get('CS-PRO-0001')!;
    expect(row).toMatchObject({ state: 'verified', commit: approval, version: '3.0' });
    expect(row.adopted).toBeUndefined();

    const h = await run(['history', 'CS-PRO-0001', '--json'], { cwd: root });
    const versions = (JSON.parse(h.stdout) as { versions: { kind: string; commit: string; state: string | null }[] })
      .versions;
    expect(versions.map((e) => e.kind)).toEqual(['change', 'adoption', 'change', 'approval']);
    expect(versions[1]).toMatchObject({ commit, state: 'verified', version: '2.0', route: 'ppp' });
    expect((await run(['history', 'CS-PRO-0001'], { cwd: root })).stdout).toContain('verified (adopted)');
    const diff = await run(['history', 'CS-PRO-0001', '--diff', '2.0..3.0'], { cwd: root });
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('+version: "3.0"');
  });

  it('a document adopted while not in force binds no approved text: back in force, it is not verified', async () => {
    const { root } = register();
    writeFileSync(
      join(root, PRO),
      readFileSync(join(root, PRO), 'utf8').replace(
        'status: approved',
        'status: submitted\nsubmission: { kind: review, on: 2026-10-20, meeting: 2026-11-10 }',
      ),
    );
    git(root, ['commit', '-qam', 'Submit the procedure for review']);
    const r = await adopt(root, ['CS-PRO-0001', ...EVIDENCE]);
    expect(r.code, r.stderr).toBe(0);
    expect(git(root, ['log', '-1', '--format=%B'])).toContain('- CS-PRO-0001 v2.0 (submitted): Missing children');
    expect((await verifyRows(root)).rows.get('CS-PRO-0001')).toMatchObject({ state: 'verified', adopted: true });
    writeFileSync(
      join(root, PRO),
      readFileSync(join(root, PRO), 'utf8')
        .replace('status: submitted', 'status: approved')
        .replace(/submission: .*\n/, ''),
    );
    const row = (await verifyRows(root)).rows.get('CS-PRO-0001')!;
    expect(row.state).toBe('no-approval-commit');
    expect(row.detail).toContain('while it was not in force');
  });
});

describe('ppp adopt on the sample register', () => {
  it('adopts every document that records an approval given by today, and verify passes for them', async () => {
    const root = tempDir();
    cpSync(join(ROOT, 'register'), root, { recursive: true });
    const key = makeKey('chair');
    allowSigners(root, [{ principal: 'chair@example.org', publicKey: key.publicKey }]);
    commitAll(root);
    useKey(root, key);
    const r = await adopt(root, ['--all', '--json', '--evidence', 'Approvals recorded in the PPP Group minutes']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { adopted: { id: string }[]; refused: { id: string; reason: string }[] };
    expect(json.adopted.length).toBeGreaterThan(30);
    // The sample is set in January 2027: an approval it dates after this test's day is not recorded before it happens.
    for (const x of json.refused) expect(x.reason).toMatch(/after today \(2026-11-25\)/);
    const v = await verifyRows(root);
    const failing = [...v.rows.values()].filter((d) => d.state !== 'verified');
    expect(failing.map((d) => d.id).sort()).toEqual(json.refused.map((x) => x.id).sort());
    expect(v.ok).toBe(failing.length === 0);
    for (const d of v.rows.values()) if (d.state === 'verified') expect(d.adopted).toBe(true);
  }, 20000);
});
