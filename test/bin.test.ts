/**
 * The built binary, bin/ppp.js over dist/, run as a user runs it (npm run build first). Every
 * other command test runs the sources in process (test/helpers/run.ts); these are the tests of
 * what only the binary has: the fast --help, a closed pipe, exit codes reaching the shell, the
 * build's fingerprint and worker threads, and one run of each command.
 */
import { COMMANDS } from '../src/cli/command-table.js';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, ppp } from './helpers/cli.js';
import { approvableRegister, commitAll } from './helpers/git.js';
import { ROOT, cleanup, doc, fullBody, makeRegister, tempDir, validSet } from './helpers/register.js';

afterAll(cleanup);

/** A copy of the sample register, to change. */
function sample(): string {
  const dir = join(tempDir(), 'register');
  cpSync(join(ROOT, 'register'), dir, { recursive: true });
  return dir;
}

/** A register of validSet() plus guidelines, n documents in all. */
function large(n: number): Record<string, string> {
  const files: Record<string, string> = { ...validSet() };
  for (let i = 2; i <= n - 2; i++) {
    const id = `CS-GDL-${String(i).padStart(4, '0')}`;
    files[`documents/guidelines/${id}-g.md`] = doc(
      `id: ${id}\ntitle: Guide ${i}\ntype: guideline\nstatus: drafting\nversion: ` +
        `"0.1"\nowner: qa-1\nread_with: [CS-PRO-0001]\n`,
      fullBody('guideline'),
    );
  }
  return files;
}

describe('the binary', () => {
  it('ppp --help (printed from the rendered text) is exactly what the program renders', () => {
    const fast = ppp(['--help']);
    const live = ppp(['help']);
    expect(fast.code).toBe(0);
    expect(fast.stdout).toBe(live.stdout);
    expect(ppp(['-h']).stdout).toBe(live.stdout);
  });

  it('stops quietly, exit 0, when the reader closes the pipe (ppp register | head)', () => {
    // Far more than a pipe holds (64 KiB), so ppp is still writing when head exits.
    const root = makeRegister(large(1000));
    const r = spawnSync(
      'bash',
      ['-c', '"$0" "$1" register | head -n 3; exit "${PIPESTATUS[0]}"', process.execPath, BIN],
      { cwd: root, env: cleanEnv(), encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(4);
  });

  it('exit codes reach the shell: 0 success, 1 problems found, 2 usage', () => {
    const set = validSet();
    expect(ppp(['validate'], { cwd: makeRegister(set) })).toMatchObject({ code: 0, stderr: '' });
    set['documents/procedures/CS-PRO-0001-missing.md'] = set['documents/procedures/CS-PRO-0001-missing.md']!.replace(
      'related_forms: [CS-FRM-0001]',
      'related_forms: [CS-FRM-0099]',
    );
    expect(ppp(['validate'], { cwd: makeRegister(set) })).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('link/unresolved'),
    });
    expect(ppp(['validate', '--frobnicate'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown option '--frobnicate'"),
    });
    expect(ppp(['validate'], { cwd: tempDir() })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('ppp init'),
    });
  });
});

describe('the build', () => {
  it('a new build of ppp does not take results cached by an older one', () => {
    // A copy of the built tool, so that its build can be changed as a rebuild would.
    const tool = join(tempDir(), 'tool');
    mkdirSync(tool);
    for (const name of ['bin', 'dist', 'templates', 'presets', 'package.json'])
      cpSync(join(ROOT, name), join(tool, name), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(tool, 'node_modules'));
    const set = validSet();
    set['documents/forms/CS-FRM-0001-return.md'] = set['documents/forms/CS-FRM-0001-return.md']!.replace(
      'version: "0.1"',
      'version: 0.1',
    );
    const root = makeRegister(set);
    const env = { PPP_CACHE_DIR: join(tempDir(), 'cache') };
    const run = () =>
      spawnSync(process.execPath, [join(tool, 'bin/ppp.js'), 'validate'], {
        cwd: root,
        env: cleanEnv(env),
        encoding: 'utf8',
      }).stdout;
    expect(run()).toContain('version must be text in quotes');
    expect(run()).toContain('version must be text in quotes');
    for (const chunk of readdirSync(join(tool, 'dist'))) {
      const path = join(tool, 'dist', chunk);
      writeFileSync(
        path,
        readFileSync(path, 'utf8').replace('version must be text in quotes', 'VERSION MUST BE QUOTED'),
      );
    }
    writeFileSync(join(tool, 'dist/build-id.txt'), 'a-new-build\n');
    expect(run()).toContain('VERSION MUST BE QUOTED');
  });

  // Worker threads start only from the build (dist/check-worker.js); from the sources ppp checks on the main thread.
  it('checks a large register on several threads with the same result as one', () => {
    const files = large(902);
    files['documents/guidelines/CS-GDL-0900-g.md'] = files['documents/guidelines/CS-GDL-0900-g.md']!.replace(
      'owner: qa-1',
      'owner: qa-1\nstatus: approved',
    );
    const root = makeRegister(files);
    const r = JSON.parse(ppp(['validate', '--format', 'json', '--no-cache'], { cwd: root }).stdout);
    expect(r).toMatchObject({ documents: 902, errors: 1 });
    expect(r.problems[0]).toMatchObject({
      file: 'documents/guidelines/CS-GDL-0900-g.md',
      rule: 'yaml/duplicate-key',
      line: 8,
    });
  });
});

describe('every command, once, through the binary', () => {
  // The sample register in git, read by the commands that change nothing; the others change a copy of their own.
  let committed = '';
  beforeAll(() => {
    committed = sample();
    commitAll(committed);
  });

  /** A register whose form is submitted to the meeting of 2026-11-10, signing with a key listed in allowed_signers. */
  const approvable = () => approvableRegister({ on: '2026-10-20', meeting: '2026-11-10' }).root;

  const EVERYONE = [
    'chair,hqa,psw,hos-north,hos-south,hos-west,hos-cic,qa1,qa2,qa3,tm-wfd,commissioning',
    'svc-lead-chad,svc-lead-cwad,svc-lead-eh,svc-lead-send,svc-lead-fostering,svc-lead-permanence',
    'vs-manager,mosaic-lead,ops-manager',
  ].join(',');
  const TODAY = ['--today', '2027-01-05'];
  const cases: [string, () => { args: string[]; cwd?: string }, number, string][] = [
    ['init', () => ({ args: ['init', join(tempDir(), 'reg')] }), 0, 'Created a dorset-ppp register'],
    [
      'new',
      () => ({ args: ['new', 'policy', '--title', 'Values', '--owner', 'hqa'], cwd: sample() }),
      0,
      'CS-POL-0006-values.md',
    ],
    ['validate', () => ({ args: ['validate'], cwd: committed }), 0, 'documents checked, no problems'],
    ['register', () => ({ args: ['register', '--type', 'form'], cwd: committed }), 0, 'CS-FRM-0001'],
    ['meetings', () => ({ args: ['meetings', ...TODAY], cwd: committed }), 0, 'Tue 2027-01-12'],
    ['due', () => ({ args: ['due', ...TODAY], cwd: committed }), 0, 'escalate'],
    [
      'submit',
      // Commands that record take a --today in the past: the binary's clock is the real one, and nothing is recorded
      // after it.
      () => ({ args: ['submit', 'CS-PRO-0008', '--today', '2026-10-01'], cwd: sample() }),
      0,
      'Submitted CS-PRO-0008 (draft, received 2026-10-01) for the meeting of 2026-11-10',
    ],
    ['members', () => ({ args: ['members'], cwd: committed }), 0, 'Hannah Prowse'],
    [
      'attendance',
      () => ({ args: ['attendance', '2026-07-14', '--present', EVERYONE, '--absent', 'solicitor'], cwd: sample() }),
      0,
      'Quorate.',
    ],
    [
      'action',
      () => ({
        args: [
          'action',
          'add',
          'Brief the duty teams',
          '--owner',
          'hqa',
          '--due',
          '2026-12-01',
          '--meeting',
          '2026-11-10',
        ],
        cwd: sample(),
      }),
      0,
      'Added A-2026-11-04',
    ],
    ['actions', () => ({ args: ['actions', '--open', ...TODAY], cwd: committed }), 0, 'A-2026-11-01'],
    [
      'agenda',
      () => ({ args: ['agenda', ...TODAY], cwd: committed }),
      0,
      '**Agenda for the meeting of Tuesday 12 January 2027**',
    ],
    ['minutes', () => ({ args: ['minutes', '2026-07-14'], cwd: sample() }), 0, 'meetings/2026-07-14/minutes.md'],
    [
      'decide',
      () => ({ args: ['decide', 'CS-POL-0001', 'note', '--meeting', '2026-11-10'], cwd: sample() }),
      0,
      'noted',
    ],
    [
      'approve',
      () => ({ args: ['approve', 'CS-FRM-0001', '--route', 'ppp', '--today', '2026-11-20'], cwd: approvable() }),
      0,
      'Approved CS-FRM-0001 v1.0 (route ppp, 2026-11-10, meeting 2026-11-10)',
    ],
    // The sample says its documents are approved, but no signed commit proves it: verify fails, exit 1.
    ['verify', () => ({ args: ['verify'], cwd: committed }), 1, 'CS-PRO-0001 no-approval-commit'],
    [
      'publish',
      () => ({ args: ['publish', '--out', join(tempDir(), 'site')], cwd: committed }),
      0,
      'Published 0 documents and 0 earlier versions',
    ],
    ['history', () => ({ args: ['history', 'CS-PRO-0001'], cwd: committed }), 0, '(not an approval)'],
    ['remind', () => ({ args: ['remind', '--dry-run'], cwd: committed }), 0, 'nothing was sent.'],
    [
      'notify',
      () => ({ args: ['notify', 'approvals', '--since', '2026-01-01', '--dry-run'], cwd: committed }),
      0,
      'Nothing new to announce',
    ],
    [
      'import',
      () => {
        const tracker = join(tempDir(), 'tracker.csv');
        writeFileSync(tracker, 'Ref,Title,Type\n');
        return { args: ['import', tracker, '--dry-run'], cwd: committed };
      },
      0,
      'Dry run of tracker: 0 to create, 0 to update, 0 unchanged; nothing was written.',
    ],
    [
      'report',
      () => ({ args: ['report', 'newsletter', '--month', '2019-01'], cwd: committed }),
      0,
      'approved no new or updated documents in January 2019',
    ],
    [
      'adopt',
      () => ({ args: ['adopt', 'CS-POL-0001', '--evidence', 'Cabinet minutes 2025-01-14'], cwd: approvable() }),
      0,
      'Adopted 1 document in commit',
    ],
    [
      'retire',
      () => ({ args: ['retire', 'CS-PRO-0001', '--reason', 'Pulled pending legal advice'], cwd: approvable() }),
      0,
      'Retired CS-PRO-0001 v2.0: withdrawn',
    ],
    [
      'export',
      () => ({ args: ['export', '--out', join(tempDir(), 'tracker.xlsx'), ...TODAY], cwd: committed }),
      0,
      'Exported 52 documents to',
    ],
  ];

  it('covers every command of the table', () => {
    expect(cases.map(([name]) => name).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
  });

  it.each(cases)('ppp %s', (_command, prepare, code, fragment) => {
    const { args, cwd } = prepare();
    const r = ppp(args, { cwd });
    expect(r.code, r.stderr).toBe(code);
    expect(r.stdout).toContain(fragment);
  });
});
