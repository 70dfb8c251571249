/**
 * The papers of a meeting stay true: the agenda issued when they are circulated, the agenda of a past meeting as the
 * register stood at its circulation deadline, and minutes built from the issued agenda, the decisions and approvals
 * recorded for the meeting. The clock is injected; nothing is recorded after the (injected) date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git } from '../helpers/git.js';
import { cleanup, doc, makeRegister, validSet } from '../helpers/register.js';
import { run } from '../helpers/run.js';

afterAll(cleanup);

const MEETING = '2026-11-10';
const at = (iso: string) => () => Date.parse(`${iso}T12:00:00Z`);
const STD = 'documents/standards/CS-STD-0001-supervision.md';
const FRM = 'documents/forms/CS-FRM-0001-return.md';

/** A register in git whose history starts on 2026-10-01, with a proposal and a draft submitted to the meeting. */
function register(): string {
  const set = validSet();
  set[FRM] = set[FRM]!.replace(
    'status: drafting',
    `summary: Records the interview.\nstatus: submitted\nsubmission: { kind: draft, ` +
      `on: 2026-10-21, meeting: ${MEETING} }`,
  );
  set[STD] = doc(
    `id: CS-STD-0001\ntitle: Supervision standard\nsummary: How often.\ntype: standard\nstatus: submitted\n` +
      `version: "0.1"\nowner: hqa\nsubmission: { kind: proposal, on: 2026-10-20, meeting: ${MEETING} }\n`,
    '\n# Supervision standard\n',
  );
  const root = makeRegister(set);
  commitOn(root, '2026-10-22', 'The register as it stood');
  return root;
}

function commitOn(root: string, date: string, message: string): void {
  const when = `${date}T10:00:00+00:00`;
  git(root, ['init', '--quiet', '--initial-branch=main'], { allowFail: true });
  git(root, ['add', '-A']);
  git(root, ['commit', '--quiet', '--no-gpg-sign', '-m', message], {
    env: { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
  });
}

describe('agenda --issue and the agenda of a past meeting', () => {
  it("issues the agenda with its date; after the meeting that agenda, not today, is the meeting's", async () => {
    const root = register();
    const issued = await run(['agenda', '--issue', '--meeting', MEETING], { cwd: root, now: at('2026-11-04') });
    expect(issued.code, issued.stderr).toBe(0);
    expect(issued.stdout).toContain(`Issued the agenda of the meeting of ${MEETING} on 2026-11-04`);
    const data = JSON.parse(readFileSync(join(root, `meetings/${MEETING}/agenda.json`), 'utf8'));
    expect(data).toMatchObject({ meeting: MEETING, issued_on: '2026-11-04', source: { kind: 'issued' } });
    expect(readFileSync(join(root, `meetings/${MEETING}/agenda.md`), 'utf8')).toContain(
      'Proposal for a new standard: **CS-STD-0001 Supervision standard**',
    );
    // The meeting agrees the proposal; the agenda of that meeting is still the one issued.
    const agreed = await run(['decide', 'CS-STD-0001', 'agree', '--meeting', MEETING, '--governed-by', 'CS-POL-0001'], {
      cwd: root,
      now: at('2026-11-11'),
    });
    expect(agreed.code, agreed.stderr).toBe(0);
    const after = JSON.parse(
      (await run(['agenda', '--meeting', MEETING, '--json'], { cwd: root, now: at('2026-11-11') })).stdout,
    );
    expect(after.source.kind).toBe('issued');
    expect(after.proposals_and_drafts.map((i: { id: string; label: string }) => [i.id, i.label])).toEqual([
      ['CS-FRM-0001', 'Draft for approval'],
      ['CS-STD-0001', 'Proposal for a new standard'],
    ]);
  });

  it(
    'never issues the agenda of a meeting that has taken place, and never dates the ' + 'issue after the real date',
    async () => {
      const root = register();
      const late = await run(['agenda', '--issue', '--meeting', MEETING], { cwd: root, now: at('2026-11-11') });
      expect(late.code).toBe(1);
      expect(late.stderr).toContain('has taken place');
      // --today later than the clock: issued on the real date.
      const r = await run(['agenda', '--issue', '--meeting', MEETING, '--today', '2026-11-09'], {
        cwd: root,
        now: at('2026-11-02'),
      });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(readFileSync(join(root, `meetings/${MEETING}/agenda.json`), 'utf8')).issued_on).toBe(
        '2026-11-02',
      );
    },
  );

  it('a past meeting never issued is shown as the register stood at its circulation deadline', async () => {
    const root = register();
    // After the deadline (2026-11-05) the form is withdrawn: the meeting still had it on its agenda.
    const text = readFileSync(join(root, FRM), 'utf8').replace(
      /status: submitted\nsubmission: .*\n/,
      'status: withdrawn\n',
    );
    writeFileSync(join(root, FRM), text);
    commitOn(root, '2026-11-06', 'Withdraw the form');
    const r = await run(['agenda', '--meeting', MEETING, '--json'], { cwd: root, now: at('2026-11-20') });
    expect(r.code, r.stderr).toBe(0);
    const agenda = JSON.parse(r.stdout);
    expect(agenda.source).toMatchObject({ kind: 'history', as_of: '2026-11-05' });
    expect(agenda.today).toBe('2026-11-05');
    expect(agenda.proposals_and_drafts.map((i: { id: string }) => i.id)).toEqual(['CS-FRM-0001', 'CS-STD-0001']);
  });

  it(
    "an item submitted to an earlier meeting that has not met yet is that meeting's, " + 'not carried forward',
    async () => {
      const root = register();
      const r = await run(['agenda', '--meeting', '2027-01-12', '--json'], { cwd: root, now: at('2026-11-02') });
      expect(JSON.parse(r.stdout).proposals_and_drafts).toEqual([]);
      const later = await run(['agenda', '--meeting', '2027-01-12', '--json'], { cwd: root, now: at('2026-11-20') });
      expect(JSON.parse(later.stdout).proposals_and_drafts.map((i: { note?: string }) => i.note)).toEqual([
        `carried forward from the meeting of ${MEETING}`,
        `carried forward from the meeting of ${MEETING}`,
      ]);
    },
  );
});

describe('minutes from the meeting record', () => {
  it('lists each item with its decision, from the issued agenda and the decisions recorded', async () => {
    const root = register();
    expect((await run(['agenda', '--issue', '--meeting', MEETING], { cwd: root, now: at('2026-11-04') })).code).toBe(0);
    const soon = await run(['minutes', MEETING], { cwd: root, now: at('2026-11-09') });
    expect(soon.code).toBe(1);
    expect(soon.stderr).toContain('has not taken place');
    const now = at('2026-11-11');
    await run(['decide', 'CS-STD-0001', 'agree', '--meeting', MEETING, '--governed-by', 'CS-POL-0001'], {
      cwd: root,
      now,
    });
    await run(['decide', 'CS-FRM-0001', 'return', '--meeting', MEETING, '--reason', 'Add the consent section'], {
      cwd: root,
      now,
    });
    await run(['decide', 'CS-PRO-0001', 'note', '--meeting', MEETING], { cwd: root, now });
    const r = await run(['minutes', MEETING], { cwd: root, now });
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(root, `meetings/${MEETING}/minutes.md`), 'utf8');
    expect(md).toContain('### CS-STD-0001 Supervision standard');
    expect(md).toContain('Decision: proposal agreed, to be drafted.');
    expect(md).toContain('Decision: returned to the author (Add the consent section).');
    expect(md).toContain('## Other decisions and approvals recorded for this meeting');
    expect(md).toContain('- CS-PRO-0001: noted.');
  });
});
