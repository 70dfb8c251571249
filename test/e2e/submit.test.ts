/**
 * ppp submit on temporary registers, with fixed dates. Meetings: 2027-01-12 (deadline 2026-12-24), 2027-02-09 (deadline
 * 2027-01-26).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/run.js';
import { cleanup, makeRegister, validSet } from '../helpers/register.js';

afterAll(cleanup);

const FRM = 'documents/forms/CS-FRM-0001-return.md';

function register() {
  const set = validSet();
  // A summary makes the draft form complete enough to submit; a comment must survive the edit.
  set[FRM] = set[FRM]!.replace(
    'status: drafting',
    'summary: Records the return home interview.\nstatus: drafting   # until submitted',
  );
  return makeRegister(set);
}

describe('ppp submit', () => {
  it('on the deadline day is in time for that meeting', async () => {
    const root = register();
    const before = readFileSync(join(root, FRM), 'utf8');
    const r = await run(['submit', 'CS-FRM-0001', '--today', '2026-12-24'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('for the meeting of 2027-01-12; its submission deadline is 2026-12-24 (today)');
    const after = readFileSync(join(root, FRM), 'utf8');
    expect(after).toBe(
      before
        .replace('status: drafting   # until submitted', 'status: submitted   # until submitted')
        .replace('---\n\n# Title', 'submission: { kind: draft, on: 2026-12-24, meeting: 2027-01-12 }\n---\n\n# Title'),
    );
    expect((await run(['validate'], { cwd: root })).code).toBe(0);
  });

  it('the day after the deadline goes to the next meeting', async () => {
    const root = register();
    const r = await run(['submit', 'CS-FRM-0001', '--today', '2026-12-29'], { cwd: root });
    expect(r.stdout).toContain(
      'for the meeting of 2027-02-09; its submission deadline is 2027-01-26 (19 working days from today)',
    );
  });

  it('a named meeting whose deadline has passed is refused, file untouched, unless --late', async () => {
    const root = register();
    const before = readFileSync(join(root, FRM), 'utf8');
    const refused = await run(['submit', 'CS-FRM-0001', '--meeting', '2027-01-12', '--today', '2026-12-30'], {
      cwd: root,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('deadline of the meeting of 2027-01-12 was 2026-12-24');
    expect(readFileSync(join(root, FRM), 'utf8')).toBe(before);
    const late = await run(['submit', 'CS-FRM-0001', '--meeting', '2027-01-12', '--late', '--today', '2026-12-30'], {
      cwd: root,
    });
    expect(late.code, late.stderr).toBe(0);
    expect(late.stdout).toContain('it is late');
    expect(readFileSync(join(root, FRM), 'utf8')).toContain(
      'submission: { kind: draft, on: 2026-12-30, meeting: 2027-01-12, late: true }',
    );
  });

  it('a date that is not a meeting exits 2 naming the nearest meetings', async () => {
    const r = await run(['submit', 'CS-FRM-0001', '--meeting', '2027-01-13', '--today', '2026-12-01'], {
      cwd: register(),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2027-01-13 is not a scheduled meeting; the nearest are 2027-01-12 and 2027-02-09');
  });

  it('takes the kind from the status: approved → review', async () => {
    const root = register();
    const r = await run(['submit', 'CS-PRO-0001', '--today', '2027-01-05'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(root, 'documents/procedures/CS-PRO-0001-missing.md'), 'utf8')).toContain(
      'submission: { kind: review, on: 2027-01-05, meeting: 2027-02-09 }',
    );
  });

  it('refuses a document that would not validate once submitted, and one already submitted', async () => {
    const set = validSet();
    const root = makeRegister(set);
    const before = readFileSync(join(root, FRM), 'utf8');
    const r = await run(['submit', 'CS-FRM-0001', '--today', '2027-01-05'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('must have the field "summary"');
    expect(readFileSync(join(root, FRM), 'utf8')).toBe(before);
    const ok = register();
    expect((await run(['submit', 'CS-FRM-0001', '--today', '2027-01-05'], { cwd: ok })).code).toBe(0);
    expect(await run(['submit', 'CS-FRM-0001', '--today', '2027-01-05'], { cwd: ok })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('already submitted for the meeting of 2027-02-09'),
    });
  });

  it('refuses unknown ids, kinds and impossible dates with exit 2', async () => {
    const root = register();
    expect((await run(['submit', 'CS-FRM-0099'], { cwd: root })).code).toBe(2);
    expect((await run(['submit', 'CS-FRM-0001', '--kind', 'memo'], { cwd: root })).code).toBe(2);
    expect((await run(['submit', 'CS-FRM-0001', '--meeting', '2027-02-30'], { cwd: root })).code).toBe(2);
  });
});
