/**
 * Honest dates: nothing is recorded as having happened after the real date. The clock is injected (the test's "real"
 * date is 20 November 2026); --today may move today back for "what if", never forward for a record.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { approvableRegister, snapshot } from '../helpers/git.js';
import { cleanup } from '../helpers/register.js';
import { run as runNow, type RunOptions } from '../helpers/run.js';

afterAll(cleanup);

const NOW = () => Date.UTC(2026, 10, 20, 12);
const run = (args: string[], options: RunOptions = {}) => runNow(args, { now: NOW, ...options });
const FRM = 'documents/forms/CS-FRM-0001-return.md';

/** A register in git whose form was submitted on 2026-10-20 to the meeting of 2026-11-10, with a signing key. */
const approvable = () => approvableRegister({ on: '2026-10-20', meeting: '2026-11-10' }).root;

describe('a record is never dated after the real date', () => {
  it.each([
    ['submit', ['submit', 'CS-PRO-0001', '--today', '2026-12-01']],
    ['approve', ['approve', 'CS-FRM-0001', '--route', 'ppp', '--meeting', '2026-11-10', '--today', '2026-12-01']],
    ['action done', ['action', 'done', 'A-2026-11-01', '--today', '2026-12-01']],
  ])('%s with --today after the real date is a usage error that changes nothing', async (_name, args) => {
    const root = approvable();
    const before = snapshot(root, FRM);
    const r = await run(args, { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--today 2026-12-01 is after the real date (2026-11-20)');
    expect(snapshot(root, FRM)).toEqual(before);
  });

  it('an action is raised at a meeting that has taken place, and done on a day that has come', async () => {
    const root = approvable();
    const ahead = await run(
      ['action', 'add', 'Brief the teams', '--owner', 'hqa', '--due', '2027-02-01', '--meeting', '2027-01-12'],
      {
        cwd: root,
      },
    );
    expect(ahead.code).toBe(1);
    expect(ahead.stderr).toContain('has not taken place yet');
    const added = await run(['action', 'add', 'Brief the teams', '--owner', 'hqa', '--due', '2026-12-01'], {
      cwd: root,
    });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('raised 2026-11-10');
    const early = await run(['action', 'done', 'A-2026-11-01', '--on', '2026-11-21'], { cwd: root });
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('after today');
  });

  it(
    'approval: not before the document was received, nor at a meeting before the one ' + 'it was submitted to',
    async () => {
      const root = approvable();
      const before = await run(
        ['approve', 'CS-FRM-0001', '--route', 'director', '--on', '2026-10-19', '--by', 'Director'],
        {
          cwd: root,
        },
      );
      expect(before.code).toBe(1);
      expect(before.stderr).toContain('before CS-FRM-0001 was received (2026-10-20)');
      const earlier = await run(['approve', 'CS-FRM-0001', '--route', 'ppp', '--meeting', '2026-10-13'], { cwd: root });
      expect(earlier.code).toBe(1);
      expect(earlier.stderr).toContain('submitted to the meeting of 2026-11-10');
      const ok = await run(['approve', 'CS-FRM-0001', '--route', 'ppp'], { cwd: root });
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('(route ppp, 2026-11-10, meeting 2026-11-10)');
    },
  );
});

describe('attendance of a meeting yet to take place', () => {
  it('holds apologies sent in advance only, and counts for neither quorum nor absences', async () => {
    const root = approvable();
    const present = await run(['attendance', '2027-01-12', '--present', 'chair', '--apologies', 'qa-1'], { cwd: root });
    expect(present.code).toBe(1);
    expect(present.stderr).toContain('record only apologies sent in advance');
    const r = await run(['attendance', '2027-01-12', '--apologies', 'qa-1,qa-2'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('has not taken place yet');
    expect(readFileSync(join(root, 'meetings/2027-01-12/attendance.yaml'), 'utf8')).toContain('apologies:');
    const meetings = JSON.parse(
      (await run(['meetings', '--from', '2027-01-01', '--count', '1', '--json'], { cwd: root })).stdout,
    );
    expect(meetings[0]).toMatchObject({ date: '2027-01-12', quorate: null });
    const agenda = JSON.parse((await run(['agenda', '--meeting', '2027-02-09', '--json'], { cwd: root })).stdout);
    expect(agenda.progress.absences).toEqual([]);
    expect(agenda.progress.last_meeting).toMatchObject({ date: '2026-11-10' });
    expect((await run(['validate'], { cwd: root })).code).toBe(0);
  });
});
