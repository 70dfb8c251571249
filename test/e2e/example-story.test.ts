/**
 * ppp init --example anchors the sample's story to the real date: whatever day it is made, its meetings have taken
 * place, its next items are in time for the next meeting, nothing is dated after the day, and the demonstrations in
 * the README work (the clock is injected through the io layer, as the real date).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/run.js';
import { git } from '../helpers/git.js';
import { cleanup, makeRegister } from '../helpers/register.js';

afterAll(cleanup);

describe('ppp init --example on another day', () => {
  it.each([
    ['a summer day months after the sample was written', '2027-06-15', Date.UTC(2027, 5, 15, 10)],
    ['a day before the sample story began', '2026-03-03', Date.UTC(2026, 2, 3, 10)],
    ['the day after a meeting, early in the morning', '2027-02-10', Date.UTC(2027, 1, 10, 7)],
  ])('%s: %s', async (_what, day, at) => {
    const now = () => at;
    const dir = join(makeRegister(), 'example');
    const made = await run(['init', dir, '--example'], { now });
    expect(made.code, made.stderr).toBe(0);

    // Nothing is dated on or after the real day; the history runs to within days of it.
    const dates = git(dir, ['log', '--format=%aI %cI']).trim().split(/\s+/);
    expect(dates.every((d) => d.slice(0, 10) < day)).toBe(true);

    const validate = await run(['validate', '--format', 'json'], { cwd: dir, now });
    expect(JSON.parse(validate.stdout).problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual(
      [],
    );
    const verify = JSON.parse((await run(['verify', '--json'], { cwd: dir, now })).stdout);
    const failed = verify.documents.filter((d: { state: string }) => d.state !== 'verified');
    expect(failed.map((d: { id: string; state: string }) => `${d.id} ${d.state}`)).toEqual([
      'CS-PRO-0001 modified-after-approval',
    ]);

    // The meetings of the story have taken place; the next one is ahead, with its items received in time.
    const agenda = JSON.parse((await run(['agenda', '--json'], { cwd: dir, now })).stdout);
    expect(agenda.meeting > day).toBe(true);
    expect(agenda.proposals_and_drafts.length).toBeGreaterThanOrEqual(4);
    expect(agenda.deferred).toEqual([]);

    // The README's demonstration: the full approval of the procedure on interim approval, at the meeting it went to.
    const approve = await run(['approve', 'CS-PRO-0010', '--route', 'ppp'], { cwd: dir, now });
    expect(approve.code, approve.stderr).toBe(0);
    expect(approve.stdout).toMatch(/^Approved CS-PRO-0010 v1\.0 \(route ppp, (\d{4}-\d{2}-\d{2}), meeting \1\)/);
    const meeting = /meeting (\d{4}-\d{2}-\d{2})/.exec(approve.stdout)![1]!;
    expect(meeting < day).toBe(true);
    const after = JSON.parse((await run(['verify', '--json'], { cwd: dir, now })).stdout);
    expect(after.documents.find((d: { id: string }) => d.id === 'CS-PRO-0010')).toMatchObject({ state: 'verified' });
  });
});
