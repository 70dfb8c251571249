/**
 * ppp decide: the decisions of a meeting that are not approvals, on real temporary registers,
 * honestly dated: the clock is injected (a day after the meeting of 10 November 2026), never
 * moved past the real date.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commitAll, snapshot } from '../helpers/git.js';
import { cleanup, doc, makeRegister, validSet } from '../helpers/register.js';
import { run } from '../helpers/run.js';

afterAll(cleanup);

const MEETING = '2026-11-10';
/** The day after the meeting, at noon in London: the decisions are recorded then. */
const AFTER = () => Date.UTC(2026, 10, 11, 12);
const STD = 'documents/standards/CS-STD-0001-supervision.md';
const PRO = 'documents/procedures/CS-PRO-0001-missing.md';
const FRM = 'documents/forms/CS-FRM-0001-return.md';

/** A proposal for a new standard, submitted to the meeting: no governing document, no sections yet. */
const PROPOSAL = doc(
  `id: CS-STD-0001
title: Supervision standard
summary: Sets how often practitioners are supervised.
type: standard
status: submitted
version: "0.1"
owner: hqa
submission: { kind: proposal, on: 2026-10-20, meeting: ${MEETING} }
`,
  '\n# Supervision standard\n\nWhy the service needs it.\n',
);

/** The valid set, with the form submitted as a draft and the procedure submitted for review, plus the proposal. */
function register(): string {
  const set = validSet();
  set[FRM] = set[FRM]!.replace(
    'status: drafting',
    `summary: Records the return home interview.\nstatus: submitted\nsubmission: { ` +
      `kind: draft, on: 2026-10-21, meeting: ${MEETING} }`,
  );
  set[PRO] = set[PRO]!.replace(
    'status: approved',
    `status: submitted\nsubmission: { kind: review, on: 2026-10-22, meeting: ${MEETING} }`,
  );
  return makeRegister({ ...set, [STD]: PROPOSAL });
}

const front = (root: string, file: string) =>
  parse(readFileSync(join(root, file), 'utf8').split('---\n')[1]!) as Record<string, unknown>;
const decisions = (root: string) =>
  parse(readFileSync(join(root, `meetings/${MEETING}/decisions.yaml`), 'utf8')) as Record<string, unknown>[];

describe('ppp decide', () => {
  it('a submitted proposal validates without governed_by or sections, and approve refuses it', async () => {
    const root = register();
    const v = await run(['validate', '--format', 'json'], { cwd: root });
    expect(JSON.parse(v.stdout).problems).toEqual([]);
    const a = await run(['approve', 'CS-STD-0001', '--route', 'ppp', '--meeting', MEETING], { cwd: root, now: AFTER });
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('ppp decide CS-STD-0001 agree');
  });

  it('agree: the proposal goes to drafting with the meeting that agreed it, and the meeting records it', async () => {
    const root = register();
    const r = await run(
      ['decide', 'CS-STD-0001', 'agree', '--meeting', MEETING, '--governed-by', 'CS-POL-0001', '--json'],
      {
        cwd: root,
        now: AFTER,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      id: 'CS-STD-0001',
      decision: 'agree',
      meeting: MEETING,
      status: 'drafting',
    });
    const data = front(root, STD);
    expect(data).toMatchObject({ status: 'drafting', proposal: { agreed_on: MEETING, meeting: MEETING } });
    expect(data.submission).toBeUndefined();
    expect(decisions(root)).toEqual([
      { id: 'CS-STD-0001', decision: 'agree', version: '0.1', recorded_on: '2026-11-11' },
    ]);
    expect(readFileSync(join(root, `meetings/${MEETING}/decisions.yaml`), 'utf8')).toMatch(
      /^# Decisions of the meeting/,
    );
    // Now a draft: governed as the group agreed, with its template's sections to be drafted, and valid as such.
    expect(data.governed_by).toEqual(['CS-POL-0001']);
    const text = readFileSync(join(root, STD), 'utf8');
    expect(text).toContain('Why the service needs it.');
    expect(text).toMatch(/\n## [^\n]+\n\nTo be drafted\.\n/);
    const v = await run(['validate', '--format', 'json'], { cwd: root });
    expect(JSON.parse(v.stdout).problems).toEqual([]);
    // Agreed once: a second agree is refused, and validate still passes (as a draft it now needs its governor and
    // sections).
    expect((await run(['decide', 'CS-STD-0001', 'agree', '--meeting', MEETING], { cwd: root, now: AFTER })).code).toBe(
      1,
    );
  });

  it('decline needs the reason; with it the proposal is withdrawn and the reason kept', async () => {
    const root = register();
    const before = readFileSync(join(root, STD));
    const bare = await run(['decide', 'CS-STD-0001', 'decline', '--meeting', MEETING], { cwd: root, now: AFTER });
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('--reason');
    expect(readFileSync(join(root, STD))).toEqual(before);
    const why = 'Covered by the supervision policy';
    const r = await run(['decide', 'CS-STD-0001', 'decline', '--meeting', MEETING, '--reason', why], {
      cwd: root,
      now: AFTER,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(front(root, STD)).toMatchObject({
      status: 'withdrawn',
      proposal: { declined_on: MEETING, meeting: MEETING, reason: why },
    });
    expect(decisions(root)[0]).toMatchObject({ decision: 'decline', reason: why });
  });

  it(
    'return: a draft goes back to drafting, a review of a document in force to ' +
      'under-review with its approval kept',
    async () => {
      const root = register();
      const why = 'Align it with the revised policy first';
      for (const id of ['CS-FRM-0001', 'CS-PRO-0001']) {
        const r = await run(['decide', id, 'return', '--meeting', MEETING, '--reason', why], { cwd: root, now: AFTER });
        expect(r.code, r.stderr).toBe(0);
      }
      expect(front(root, FRM)).toMatchObject({ status: 'drafting' });
      expect(front(root, FRM).submission).toBeUndefined();
      const pro = front(root, PRO);
      expect(pro).toMatchObject({ status: 'under-review', approval: { route: 'ppp', approved_on: '2025-03-11' } });
      expect(pro.submission).toBeUndefined();
      expect(decisions(root).map((d) => [d.id, d.decision, d.reason])).toEqual([
        ['CS-FRM-0001', 'return', why],
        ['CS-PRO-0001', 'return', why],
      ]);
      expect((await run(['validate'], { cwd: root })).code).toBe(0);
    },
  );

  it(
    'defer: to the next meeting, keeping the date it was first received; note ' + 'changes nothing in the document',
    async () => {
      const root = register();
      const r = await run(['decide', 'CS-FRM-0001', 'defer', '--meeting', MEETING], { cwd: root, now: AFTER });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('deferred to the meeting of 2027-01-12');
      expect(front(root, FRM)).toMatchObject({
        status: 'submitted',
        submission: { kind: 'draft', on: '2026-10-21', meeting: '2027-01-12' },
      });
      // Deferred, it is no longer on this meeting's agenda.
      const again = await run(['decide', 'CS-FRM-0001', 'defer', '--meeting', MEETING], { cwd: root, now: AFTER });
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('on the agenda of the meeting of 2027-01-12');
      const before = readFileSync(join(root, PRO));
      expect((await run(['decide', 'CS-PRO-0001', 'note', '--meeting', MEETING], { cwd: root, now: AFTER })).code).toBe(
        0,
      );
      expect(readFileSync(join(root, PRO))).toEqual(before);
      expect(decisions(root).map((d) => d.decision)).toEqual(['defer', 'note']);
    },
  );

  it.each([
    [
      'a meeting that has not met yet',
      ['CS-STD-0001', 'agree', '--meeting', MEETING],
      () => Date.UTC(2026, 10, 9, 12),
      1,
      'has not taken place',
    ],
    [
      'a meeting after --today',
      ['CS-STD-0001', 'agree', '--meeting', MEETING, '--today', '2026-11-09'],
      AFTER,
      1,
      'has not taken place',
    ],
    ['agree on a draft', ['CS-FRM-0001', 'agree', '--meeting', MEETING], AFTER, 1, 'not a proposal'],
    [
      'agree without the governor a standard needs',
      ['CS-STD-0001', 'agree', '--meeting', MEETING],
      AFTER,
      1,
      '--governed-by',
    ],
    [
      'a governor of the wrong type',
      ['CS-STD-0001', 'agree', '--meeting', MEETING, '--governed-by', 'CS-FRM-0001'],
      AFTER,
      2,
      'is a form',
    ],
    [
      'return of a proposal',
      ['CS-STD-0001', 'return', '--meeting', MEETING, '--reason', 'x'],
      AFTER,
      1,
      'is a proposal',
    ],
    [
      'return of a document not submitted',
      ['CS-POL-0001', 'return', '--meeting', MEETING, '--reason', 'x'],
      AFTER,
      1,
      'not submitted',
    ],
    [
      'a decision at a meeting before the one it was submitted to',
      ['CS-STD-0001', 'agree', '--meeting', '2026-10-13'],
      AFTER,
      1,
      'on the agenda of the meeting of 2026-11-10',
    ],
    ['an unknown decision', ['CS-STD-0001', 'approve', '--meeting', MEETING], AFTER, 2, 'not a decision'],
    ['no meeting', ['CS-STD-0001', 'agree'], AFTER, 2, '--meeting'],
    [
      'a date that is not a meeting',
      ['CS-STD-0001', 'agree', '--meeting', '2026-11-11'],
      AFTER,
      2,
      'not a scheduled meeting',
    ],
    ['a date that is not real', ['CS-STD-0001', 'agree', '--meeting', '2026-02-30'], AFTER, 2, 'not a real date'],
    ['an unknown id', ['CS-STD-0099', 'agree', '--meeting', MEETING], AFTER, 2, 'not a document'],
  ])('refuses %s, changing nothing (file, index, HEAD)', async (_name, args, now, code, message) => {
    const root = register();
    commitAll(root);
    const before = snapshot(root, STD);
    const r = await run(['decide', ...args], { cwd: root, now });
    expect(r.code, r.stdout).toBe(code);
    expect(r.stderr).toContain(message);
    expect(snapshot(root, STD)).toEqual(before);
  });

  it('validate reports a broken decisions.yaml at its line and column', async () => {
    const root = register();
    mkdirSync(join(root, 'meetings', MEETING), { recursive: true });
    writeFileSync(
      join(root, 'meetings', MEETING, 'decisions.yaml'),
      '- id: CS-STD-0001\n  decision: approve\n  version: "0.1"\n  recorded_on: 2026-11-11\n',
    );
    const r = await run(['validate', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems).toMatchObject([
      { file: `meetings/${MEETING}/decisions.yaml`, line: 2, column: 13, rule: 'decisions/invalid' },
    ]);
  });
});

describe('proposals elsewhere', () => {
  it('submit --kind proposal is refused for a document in force', async () => {
    const root = register();
    const before = readFileSync(join(root, 'documents/policies/CS-POL-0001-values.md'));
    const r = await run(['submit', 'CS-POL-0001', '--kind', 'proposal'], { cwd: root, now: AFTER });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--kind review');
    expect(readFileSync(join(root, 'documents/policies/CS-POL-0001-values.md'))).toEqual(before);
  });

  it('a proposal of a procedure may be submitted without governed_by or the template sections', async () => {
    const root = makeRegister({
      ...validSet(),
      'documents/procedures/CS-PRO-0002-x.md': doc(
        'id: CS-PRO-0002\ntitle: Proposed\nsummary: Why.\ntype: procedure\nstatus: ' +
          'proposed\nversion: "0.1"\nowner: hqa\n',
        '\n# Proposed\n',
      ),
    });
    const r = await run(['submit', 'CS-PRO-0002', '--meeting', '2027-01-12'], { cwd: root, now: AFTER });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('(proposal, received 2026-11-11)');
    expect((await run(['validate'], { cwd: root })).code).toBe(0);
  });
});
