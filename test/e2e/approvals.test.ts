/**
 * ppp approve, ppp verify and ppp history on real temporary git repositories, with real
 * ed25519 keys and real signed commits, run in process from the sources. git verify-commit
 * (with the register's allowed_signers) must agree with ppp verify.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/core/content-hash.js';
import { run } from '../helpers/run.js';
import { approvableRegister, commitAll, git, gitCode, makeKey, snapshot, useKey } from '../helpers/git.js';
import { cleanup, makeRegister, PRESET, ROOT, tempDir } from '../helpers/register.js';

afterAll(cleanup);

const FRM = 'documents/forms/CS-FRM-0001-return.md';
const PRO = 'documents/procedures/CS-PRO-0001-missing.md';
const TODAY = ['--today', '2027-01-20'];

/**
 * A register in git whose form is submitted to the meeting of 2027-01-12, signing with a key listed in allowed_signers.
 */
function approvable(options: { settings?: string; form?: (text: string) => string } = {}) {
  return approvableRegister({ on: '2026-12-20', meeting: '2027-01-12' }, options);
}

async function verifyJson(root: string) {
  const r = await run(['verify', '--json'], { cwd: root });
  return {
    code: r.code,
    stderr: r.stderr,
    result: JSON.parse(r.stdout) as {
      ok: boolean;
      documents: {
        id: string;
        state: string;
        commit: string | null;
        signer: string | null;
        version: string | null;
        pending_version?: string;
        detail?: string;
      }[];
    },
  };
}

async function stateOf(root: string, id: string): Promise<string | undefined> {
  return (await verifyJson(root)).result.documents.find((d) => d.id === id)?.state;
}

const gitVerifies = (root: string, commit: string) =>
  gitCode(root, ['-c', `gpg.ssh.allowedSignersFile=${join(root, 'allowed_signers')}`, 'verify-commit', commit]) === 0;

describe('ppp approve', () => {
  it('--changes records what the version changes in the document and the commit', async () => {
    const { root } = approvable();
    const r = await run(
      [
        'approve',
        'CS-FRM-0001',
        '--route',
        'ppp',
        '--changes',
        "Adds the child's own words. Drops section 4.",
        ...TODAY,
      ],
      { cwd: root },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(root, FRM), 'utf8')).toMatch(/^changes: .*Adds the child's own words\./m);
    expect(git(root, ['log', '-1', '--format=%B'])).toContain(
      "PPP-Changes: Adds the child's own words. Drops section 4.\n",
    );
    expect(await stateOf(root, 'CS-FRM-0001')).toBe('verified');
    const empty = await run(['approve', 'CS-FRM-0001', '--route', 'ppp', '--changes', ' ', ...TODAY], { cwd: root });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--changes is blank');
  });

  it('approves a submitted document in one signed commit of that file, with the SPEC trailers', async () => {
    const { root } = approvable();
    const before = git(root, ['rev-parse', 'HEAD']).trim();
    const r = await run(['approve', 'CS-FRM-0001', '--route', 'ppp', ...TODAY], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Approved CS-FRM-0001 v1.0 (route ppp, 2027-01-12, meeting 2027-01-12); review due 2030-01-12',
    );
    expect(git(root, ['rev-list', '--count', `${before}..HEAD`]).trim()).toBe('1');
    expect(git(root, ['show', '--name-only', '--format=', 'HEAD']).trim()).toBe(FRM);
    expect(git(root, ['status', '--porcelain'])).toBe('');
    const text = readFileSync(join(root, FRM), 'utf8');
    expect(text).toContain('status: approved');
    expect(text).toContain('version: "1.0"');
    expect(text).toMatch(/approval:\n {2}route: ppp\n {2}approved_on: 2027-01-12\n/);
    expect(text).toMatch(/review:\n {2}cycle: 3 years\n {2}due: 2030-01-12\n/);
    expect(text).not.toContain('submission');
    const message = git(root, ['log', '-1', '--format=%B']);
    expect(message.split('\n')[0]).toBe('Approve CS-FRM-0001 v1.0: Return home interview');
    expect(message).toContain(
      [
        'PPP-Document: CS-FRM-0001',
        'PPP-Version: 1.0',
        'PPP-Route: ppp',
        'PPP-Meeting: 2027-01-12',
        'PPP-Approved-On: 2027-01-12',
        `PPP-Content-SHA256: ${contentHash(text)}`,
      ].join('\n'),
    );
    const head = git(root, ['rev-parse', 'HEAD']).trim();
    expect(gitVerifies(root, head)).toBe(true);
    const v = await verifyJson(root);
    expect(v.result.documents.find((d) => d.id === 'CS-FRM-0001')).toMatchObject({
      state: 'verified',
      commit: head,
      signer: 'chair@example.org',
      version: '1.0',
    });
    // The policy and procedure say they are approved, but no approval commit proves it.
    expect(v.result.documents.filter((d) => d.id !== 'CS-FRM-0001').map((d) => d.state)).toEqual([
      'no-approval-commit',
      'no-approval-commit',
    ]);
    expect(v.code).toBe(1);
    expect((await run(['validate'], { cwd: root })).code).toBe(0);
  });

  it('signs even when commit.gpgsign is false, and --cycle and --version are recorded', async () => {
    const { root } = approvable();
    git(root, ['config', 'commit.gpgsign', 'false']);
    const r = await run(
      ['approve', 'CS-FRM-0001', '--route', 'ppp', '--cycle', '2 years', '--version', '1.2', ...TODAY],
      { cwd: root },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(gitVerifies(root, 'HEAD')).toBe(true);
    expect(readFileSync(join(root, FRM), 'utf8')).toMatch(/version: "1.2"[\s\S]*cycle: 2 years\n {2}due: 2029-01-12/);
  });

  const refusals: [string, (root: string) => void, string[], string, string?][] = [
    [
      'the file has uncommitted changes',
      (root) => writeFileSync(join(root, FRM), readFileSync(join(root, FRM), 'utf8') + '\nMore.\n'),
      ['--route', 'ppp'],
      'uncommitted changes',
    ],
    [
      'the document was not submitted',
      () => {},
      ['--route', 'ppp', '--meeting', '2027-01-12'],
      'not submitted',
      'CS-PRO-0001',
    ],
    ['its type may not use the route', () => {}, ['--route', 'cabinet'], 'may not be approved by route cabinet'],
    [
      'the cycle is beyond max_cycle',
      () => {},
      ['--route', 'ppp', '--cycle', '4 years'],
      'longer than the longest ppp.yaml allows',
    ],
    [
      'the meeting has not happened',
      () => {},
      ['--route', 'ppp', '--meeting', '2027-02-09'],
      'has not taken place yet',
    ],
  ];
  it.each(refusals)(
    'refuses when %s, leaving file, index and HEAD as they were',
    async (_name, prepare, args, message, id = 'CS-FRM-0001') => {
      const { root } = approvable();
      prepare(root);
      const before = snapshot(root, FRM);
      const r = await run(['approve', id, ...args, ...TODAY], { cwd: root });
      expect(r.code, r.stdout).toBe(1);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('nothing was changed');
      expect(snapshot(root, FRM)).toEqual(before);
    },
  );

  it('refuses a document that does not validate, and one without its equality impact assessment', async () => {
    const { root } = approvable({
      form: (t) => t.replace('owner: qa-1', 'owner: nobody-here').replace(/eqia: .*\n/, ''),
    });
    const before = snapshot(root, FRM);
    const r = await run(['approve', 'CS-FRM-0001', '--route', 'ppp', ...TODAY], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does not validate');
    expect(r.stderr).toContain('member/unknown');
    expect(snapshot(root, FRM)).toEqual(before);
    const noEqia = approvable({ form: (t) => t.replace(/eqia: .*\n/, '') }).root;
    const r2 = await run(['approve', 'CS-FRM-0001', '--route', 'ppp', ...TODAY], { cwd: noEqia });
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('no equality impact assessment');
  });

  it('refuses without consultation where the preset requires it (merton-mscp)', async () => {
    const merton = readFileSync(join(ROOT, 'presets/merton-mscp.yaml'), 'utf8').replace(
      /id_prefix: \S+/,
      'id_prefix: CS',
    );
    const { root } = approvable({ settings: merton });
    // Merton meets on the first Wednesday of every other month.
    const r = await run(['approve', 'CS-FRM-0001', '--route', 'partnership', '--meeting', '2027-01-06', ...TODAY], {
      cwd: root,
    });
    expect(r.stderr).toContain('records no consultation');
    expect(r.code).toBe(1);
  });

  it(
    'director and interim routes approve without a submission; the group then ' +
      'approves the interim version in full',
    async () => {
      const { root } = approvable({
        form: (t) => t.replace('status: submitted', 'status: drafting').replace(/submission: .*\n/, ''),
      });
      const interim = await run(
        [
          'approve',
          'CS-FRM-0001',
          '--route',
          'interim',
          '--by',
          'Head of Service, North',
          '--on',
          '2027-01-15',
          ...TODAY,
        ],
        { cwd: root },
      );
      expect(interim.code, interim.stderr).toBe(0);
      expect(interim.stdout).toContain('Interim approval of CS-FRM-0001 v1.0');
      expect(readFileSync(join(root, FRM), 'utf8')).toContain('status: interim');
      const full = await run(
        ['approve', 'CS-FRM-0001', '--route', 'ppp', '--meeting', '2027-02-09', '--today', '2027-02-10'],
        { cwd: root },
      );
      expect(full.code, full.stderr).toBe(0);
      expect(full.stdout).toContain('Approved CS-FRM-0001 v1.0 (route ppp, 2027-02-09');
      const history = JSON.parse((await run(['history', 'CS-FRM-0001', '--json'], { cwd: root })).stdout) as {
        versions: { kind: string; route: string | null; state: string | null }[];
      };
      expect(history.versions.filter((v) => v.kind === 'approval').map((v) => [v.route, v.state])).toEqual([
        ['interim', 'verified'],
        ['ppp', 'verified'],
      ]);
    },
  );

  it('a revision goes to the next major version; partnership records both approvals', async () => {
    const { root } = approvable({
      form: (t) => t,
    });
    const pro = readFileSync(join(root, PRO), 'utf8')
      .replace(
        'status: approved',
        'status: submitted\nsubmission: { kind: review, on: 2026-12-20, meeting: 2027-01-12 }',
      )
      .replace('owner: hos-1', 'owner: hos-1\neqia: { status: completed, on: 2026-11-30 }');
    writeFileSync(join(root, PRO), pro);
    git(root, ['commit', '-qam', 'Submit the review']);
    const r = await run(
      [
        'approve',
        'CS-PRO-0001',
        '--route',
        'partnership',
        '--on',
        '2027-01-19',
        '--by',
        'Pan-Dorset Safeguarding Children Partnership',
        ...TODAY,
      ],
      { cwd: root },
    );
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(root, PRO), 'utf8');
    expect(text).toContain('version: "3.0"');
    expect(text).toMatch(
      /route: partnership\n {2}approved_on: 2027-01-19\n {2}approved_by: Pan-Dorset Safeguarding Children Partnership\n {2}preliminary_on: 2027-01-12\n {2}preliminary_meeting: 2027-01-12/,
    );
    expect(git(root, ['log', '-1', '--format=%B'])).toContain('PPP-Preliminary-Meeting: 2027-01-12');
  });

  it('virtual approval needs a committed response from every voting member (kent-medway)', async () => {
    const kent = readFileSync(join(ROOT, 'presets/kent-medway.yaml'), 'utf8').replace(
      /id_prefix: \S+/,
      'id_prefix: CS',
    );
    const members = readFileSync(join(ROOT, 'presets/kent-medway.members.yaml'), 'utf8');
    const ids = [...members.matchAll(/- id: (\S+)[\s\S]*?voting: (true|false)/g)]
      .filter((m) => m[2] === 'true')
      .map((m) => m[1]!);
    const { root } = approvable({
      settings: kent,
      form: (t) => t.replace('owner: qa-1', `owner: ${ids[0]}`).replace(/meeting: 2027-01-12/, 'meeting: 2027-03-02'),
    });
    writeFileSync(join(root, 'members.yaml'), members);
    const response = (m: string, i: number) => `  - { member: ${m}, on: 2027-01-1${i % 9}, response: approve }\n`;
    const responses = (who: string[]) => `document: CS-FRM-0001\nresponses:\n${who.map(response).join('')}`;
    writeFileSync(join(root, 'responses.yaml'), responses(ids.slice(1)));
    commitAll(root, 'Members and responses');
    const missing = await run(
      ['approve', 'CS-FRM-0001', '--route', 'virtual', '--responses', 'responses.yaml', ...TODAY],
      { cwd: root },
    );
    expect(missing.code, missing.stderr).toBe(1);
    expect(missing.stderr).toContain(`none yet from ${ids[0]}`);
    writeFileSync(join(root, 'responses.yaml'), responses(ids));
    const uncommitted = await run(
      ['approve', 'CS-FRM-0001', '--route', 'virtual', '--responses', 'responses.yaml', ...TODAY],
      { cwd: root },
    );
    expect(uncommitted.stderr).toContain('is not committed');
    commitAll(root, 'Every response');
    const ok = await run(['approve', 'CS-FRM-0001', '--route', 'virtual', '--responses', 'responses.yaml', ...TODAY], {
      cwd: root,
    });
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(join(root, FRM), 'utf8')).toContain('responses: responses.yaml');
    expect(git(root, ['log', '-1', '--format=%B'])).toContain('PPP-Responses: responses.yaml');
  });

  it('when signing fails the file and index are restored and no commit is left, saying why', async () => {
    const { root } = approvable();
    git(root, ['config', '--unset', 'user.signingkey']);
    const before = snapshot(root, FRM);
    const none = await run(['approve', 'CS-FRM-0001', '--route', 'ppp', ...TODAY], { cwd: root });
    // A set-up mistake, not a refusal of the document: exit 2.
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no signing key is configured');
    expect(snapshot(root, FRM)).toEqual(before);
    git(root, ['config', 'user.signingkey', join(root, 'no-such-key')]);
    const missingFile = await run(['approve', 'CS-FRM-0001', '--route', 'ppp', ...TODAY], { cwd: root });
    expect(missingFile.stderr).toContain('does not exist');
    expect(snapshot(root, FRM)).toEqual(before);
    // A public key whose private half is gone and no agent to ask: git itself fails to sign.
    const orphan = makeKey('orphan');
    rmSync(orphan.path);
    git(root, ['config', 'user.signingkey', `${orphan.path}.pub`]);
    const refused = await run(['approve', 'CS-FRM-0001', '--route', 'ppp', ...TODAY], {
      cwd: root,
      env: { SSH_AUTH_SOCK: '' },
    });
    expect(refused.code, refused.stdout).toBe(2);
    expect(refused.stderr).toContain('signing failed');
    expect(refused.stderr).toContain('was restored and no commit was made');
    expect(snapshot(root, FRM)).toEqual(before);
  });

  it('with approval.signing: optional and no key, commits unsigned and verify warns', async () => {
    const { root } = approvable({ settings: PRESET.replace('signing: required', 'signing: optional') });
    git(root, ['config', '--unset', 'user.signingkey']);
    const r = await run(['approve', 'CS-FRM-0001', '--route', 'ppp', ...TODAY], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('NOT signed');
    const v = await verifyJson(root);
    const row = v.result.documents.find((d) => d.id === 'CS-FRM-0001');
    expect(row?.state).toBe('unsigned');
    expect((await run(['verify'], { cwd: root })).stdout).toMatch(/! CS-FRM-0001 unsigned/);
  });
});

describe('ppp verify catches tampering', () => {
  async function approved() {
    const r = approvable();
    const a = await run(['approve', 'CS-FRM-0001', '--route', 'ppp', ...TODAY], { cwd: r.root });
    expect(a.code, a.stderr).toBe(0);
    return { ...r, commit: git(r.root, ['rev-parse', 'HEAD']).trim() };
  }

  it('a word changed after approval, committed or not', async () => {
    const { root, commit } = await approved();
    writeFileSync(join(root, FRM), readFileSync(join(root, FRM), 'utf8').replace(/\n$/, ' One more word.\n'));
    expect(await stateOf(root, 'CS-FRM-0001')).toBe('modified-after-approval');
    git(root, ['commit', '-qam', 'Small fix']);
    const v = await verifyJson(root);
    expect(v.code).toBe(1);
    expect(v.result.documents.find((d) => d.id === 'CS-FRM-0001')).toMatchObject({
      state: 'modified-after-approval',
      commit,
    });
    expect(gitVerifies(root, commit)).toBe(true);
    const text = await run(['verify'], { cwd: root });
    expect(text.stdout).toContain('modified-after-approval');
    expect(text.stdout).toContain('FAILED');
  });

  it(
    'only status and submission may change: a document resubmitted for review stays ' +
      'verified, with its pending version',
    async () => {
      const { root } = await approved();
      writeFileSync(
        join(root, FRM),
        readFileSync(join(root, FRM), 'utf8').replace(
          'status: approved',
          'status: submitted\nsubmission: { kind: review, on: 2027-01-20 }',
        ),
      );
      expect(await stateOf(root, 'CS-FRM-0001')).toBe('verified');
      writeFileSync(
        join(root, FRM),
        readFileSync(join(root, FRM), 'utf8')
          .replace('status: submitted', 'status: drafting')
          .replace('version: "1.0"', 'version: "1.1"')
          .replace(/submission: .*\n/, ''),
      );
      const row = (await verifyJson(root)).result.documents.find((d) => d.id === 'CS-FRM-0001');
      expect(row).toMatchObject({ state: 'verified', version: '1.0', pending_version: '1.1' });
    },
  );

  it('an approval commit without a signature, and a rebase that drops the signature', async () => {
    const { root, commit } = await approved();
    git(root, ['commit', '--quiet', '--amend', '--no-gpg-sign', '--no-edit']);
    expect(await stateOf(root, 'CS-FRM-0001')).toBe('unsigned');
    expect(gitVerifies(root, 'HEAD')).toBe(false);
    git(root, ['reset', '--quiet', '--hard', commit]);
    expect(await stateOf(root, 'CS-FRM-0001')).toBe('verified');
    git(root, ['rebase', '--quiet', '--force-rebase', '--no-gpg-sign', 'HEAD~1']);
    expect(git(root, ['rev-parse', 'HEAD']).trim()).not.toBe(commit);
    const v = await verifyJson(root);
    expect(v.code).toBe(1);
    expect(v.result.documents.find((d) => d.id === 'CS-FRM-0001')?.state).toBe('unsigned');
  });

  it('a signature by a key outside allowed_signers', async () => {
    const { root } = approvable();
    useKey(root, makeKey('stranger'));
    expect((await run(['approve', 'CS-FRM-0001', '--route', 'ppp', ...TODAY], { cwd: root })).code).toBe(0);
    const head = git(root, ['rev-parse', 'HEAD']).trim();
    // git itself says "Good signature" for such a key when asked without allowed_signers; ppp trusts only %G? = G.
    expect(await stateOf(root, 'CS-FRM-0001')).toBe('untrusted-signer');
    expect(gitVerifies(root, head)).toBe(false);
  });

  it('allowed_signers edited in the same commit as the approval', async () => {
    const { root } = approvable();
    const stranger = makeKey('stranger');
    useKey(root, stranger);
    expect((await run(['approve', 'CS-FRM-0001', '--route', 'ppp', ...TODAY], { cwd: root })).code).toBe(0);
    writeFileSync(
      join(root, 'allowed_signers'),
      readFileSync(join(root, 'allowed_signers'), 'utf8') +
        `mallory@example.org namespaces="git" ${stranger.publicKey}\n`,
    );
    git(root, ['add', 'allowed_signers']);
    git(root, ['commit', '--quiet', '--amend', '-S', '--no-edit']);
    // git now calls the signature good: the key vouched for itself in the same commit.
    expect(gitVerifies(root, 'HEAD')).toBe(true);
    const row = (await verifyJson(root)).result.documents.find((d) => d.id === 'CS-FRM-0001');
    expect(row?.state).toBe('untrusted-signer');
    expect(row?.detail).toContain('also changes allowed_signers');
  });

  it('trailers copied onto another document', async () => {
    const { root } = await approved();
    const message = git(root, ['log', '-1', '--format=%B']);
    writeFileSync(join(root, PRO), readFileSync(join(root, PRO), 'utf8').replace('## ', '## Changed '));
    git(root, ['add', PRO]);
    git(root, ['commit', '--quiet', '-S', '--file=-'], { input: message });
    const v = await verifyJson(root);
    expect(v.code).toBe(1);
    const frm = v.result.documents.find((d) => d.id === 'CS-FRM-0001');
    expect(frm?.state).toBe('no-approval-commit');
    expect(frm?.detail).toContain('CS-PRO-0001');
    // The procedure was approved in its front matter but never by a commit.
    expect(v.result.documents.find((d) => d.id === 'CS-PRO-0001')?.state).toBe('no-approval-commit');
  });

  it('a commit altered after it was signed has a bad signature', async () => {
    const { root } = await approved();
    const raw = git(root, ['cat-file', 'commit', 'HEAD']);
    const forged = git(root, ['hash-object', '-t', 'commit', '-w', '--stdin'], {
      input: raw.replace('Approve CS-FRM-0001', 'Approve  CS-FRM-0001'),
    }).trim();
    git(root, ['update-ref', 'HEAD', forged]);
    expect(await stateOf(root, 'CS-FRM-0001')).toBe('bad-signature');
    expect(gitVerifies(root, forged)).toBe(false);
  });

  it(
    'caches verdicts by commit and allowed_signers: removing the key from ' + 'allowed_signers is seen at once',
    async () => {
      const { root } = await approved();
      expect(await stateOf(root, 'CS-FRM-0001')).toBe('verified');
      expect(await stateOf(root, 'CS-FRM-0001')).toBe('verified');
      writeFileSync(join(root, 'allowed_signers'), '# nobody\n');
      expect(await stateOf(root, 'CS-FRM-0001')).toBe('untrusted-signer');
    },
  );
});

describe('ppp history', () => {
  it('lists versions with their proof and diffs two approved versions', async () => {
    const { root } = approvable();
    expect((await run(['approve', 'CS-FRM-0001', '--route', 'ppp', ...TODAY], { cwd: root })).code).toBe(0);
    writeFileSync(
      join(root, FRM),
      readFileSync(join(root, FRM), 'utf8').replace(
        'status: approved',
        'status: submitted\nsubmission: { kind: review, on: 2027-01-21, meeting: 2027-02-09 }',
      ) + '\nA new closing line.\n',
    );
    git(root, ['commit', '-qam', 'Revise the form']);
    expect((await run(['approve', 'CS-FRM-0001', '--route', 'ppp', '--today', '2027-02-10'], { cwd: root })).code).toBe(
      0,
    );
    const json = JSON.parse((await run(['history', 'CS-FRM-0001', '--json'], { cwd: root })).stdout) as {
      versions: {
        kind: string;
        version: string;
        meeting: string | null;
        signer: string | null;
        state: string | null;
      }[];
    };
    expect(json.versions.map((v) => [v.kind, v.version])).toEqual([
      ['change', '0.1'],
      ['approval', '1.0'],
      ['change', '1.0'],
      ['approval', '2.0'],
    ]);
    expect(json.versions[3]).toMatchObject({ meeting: '2027-02-09', signer: 'chair@example.org', state: 'verified' });
    const diff = await run(['history', 'CS-FRM-0001', '--diff', '1.0..2.0'], { cwd: root });
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('+A new closing line.');
    expect(diff.stdout).toContain('-version: "1.0"');
    const bad = await run(['history', 'CS-FRM-0001', '--diff', '1.0..9.0'], { cwd: root });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('approved versions: 1.0, 2.0');
    const table = await run(['history', 'CS-FRM-0001'], { cwd: root });
    expect(table.stdout).toContain('verified');
  });
});

describe('ppp init --example replays the sample as dated, signed history', () => {
  // One live example for every test here: init --example itself takes most of ten seconds
  // (it replays the sample's life as dozens of dated, signed commits), far more than any check below.
  let dir = '';
  let status = '';
  let v: Awaited<ReturnType<typeof verifyJson>>;
  beforeAll(async () => {
    dir = join(makeRegister(), 'example');
    // The story as the sample tells it: on 2026-11-25 its dates are its own (example-story.test.ts moves the day).
    const r = await run(['init', dir, '--example'], { now: () => Date.UTC(2026, 10, 25, 12) });
    expect(r.code, r.stderr).toBe(0);
    status = git(dir, ['status', '--porcelain']);
    v = await verifyJson(dir);
  });

  it('leaves a clean work tree that validates', async () => {
    expect(status).toBe('');
    expect((await run(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('verify shows verified documents and the one edited after approval', () => {
    expect(v.code).toBe(1);
    const states = new Map<string, number>();
    for (const d of v.result.documents) states.set(d.state, (states.get(d.state) ?? 0) + 1);
    expect(states.get('modified-after-approval')).toBe(1);
    expect(v.result.documents.find((d) => d.state === 'modified-after-approval')?.id).toBe('CS-PRO-0001');
    expect(states.get('verified')).toBe(v.result.documents.length - 1);
    expect(v.result.documents.length).toBeGreaterThan(30);
  });

  it('approval commits carry the approval date as author and committer date, and git agrees they are signed', () => {
    const approval = git(dir, ['log', '--format=%H %aI %cI', '--grep=^PPP-Document: CS-PRT-0001$'])
      .trim()
      .split('\n')[0]!
      .split(' ');
    expect(approval[1]!.slice(0, 10)).toBe('2025-06-26');
    expect(approval[2]!.slice(0, 10)).toBe('2025-06-26');
    expect(gitVerifies(dir, approval[0]!)).toBe(true);
  });

  it('history diffs the edit made after approval', async () => {
    const history = await run(['history', 'CS-PRO-0001', '--diff', '2.0..'], { cwd: dir });
    expect(history.stdout).toContain('+3. An independent return home interview must be offered within 5 days');
  });

  it('refuses to replay over a folder that is not empty', async () => {
    // Anyone can approve in the example straight away: it signs with the demonstration key.
    const again = await run(['init', dir, '--example']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('not empty');
  });
});

const hasGpg = spawnSync('gpg', ['--version']).status === 0;

describe.skipIf(!hasGpg)('signing with GPG', () => {
  it('approves with a GPG key and verify trusts it as git does', async () => {
    const gnupg = tempDir('ppp-gpg-');
    const env = { GNUPGHOME: gnupg };
    const made = spawnSync(
      'gpg',
      ['--batch', '--passphrase', '', '--quick-gen-key', 'Test User <test@example.org>', 'ed25519', 'sign', 'never'],
      { env: { ...process.env, ...env }, encoding: 'utf8' },
    );
    expect(made.status, made.stderr).toBe(0);
    try {
      const fingerprint = /^fpr:+([0-9A-F]+):/m.exec(
        spawnSync('gpg', ['--with-colons', '--list-secret-keys'], { env: { ...process.env, ...env }, encoding: 'utf8' })
          .stdout,
      )![1]!;
      const { root } = approvable();
      git(root, ['config', 'gpg.format', 'openpgp']);
      git(root, ['config', 'user.signingkey', fingerprint]);
      const r = await run(['approve', 'CS-FRM-0001', '--route', 'ppp', ...TODAY], { cwd: root, env });
      expect(r.code, r.stderr).toBe(0);
      expect(gitCode(root, ['verify-commit', 'HEAD'], env)).toBe(0);
      const v = JSON.parse((await run(['verify', '--json'], { cwd: root, env })).stdout) as {
        documents: { id: string; state: string; signer: string }[];
      };
      expect(v.documents.find((d) => d.id === 'CS-FRM-0001')).toMatchObject({
        state: 'verified',
        signer: 'Test User <test@example.org>',
      });
      // Without the keyring the same commit cannot be checked: not trusted.
      const elsewhere = JSON.parse(
        (await run(['verify', '--json', '--no-cache'], { cwd: root, env: { GNUPGHOME: tempDir('ppp-gpg-empty-') } }))
          .stdout,
      ) as { documents: { id: string; state: string }[] };
      expect(elsewhere.documents.find((d) => d.id === 'CS-FRM-0001')?.state).toBe('untrusted-signer');
    } finally {
      spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env: { ...process.env, ...env } });
    }
  });
});
