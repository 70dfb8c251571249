/** ppp action add, ppp action done and ppp actions on a copy of the sample register. */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { run as runNow, type RunOptions } from '../helpers/run.js';

/**
 * The sample's story is told for January 2027: these tests record attendance and actions of its meetings, so their
 * clock is injected on 20 January 2027 (a record is never dated after the clock's date).
 */
const run = (args: string[], options: RunOptions = {}) =>
  runNow(args, { now: () => Date.UTC(2027, 0, 20, 12), ...options });
import { ROOT, cleanup, tempDir } from '../helpers/register.js';

afterAll(cleanup);

function sample() {
  const dir = join(tempDir(), 'register');
  cpSync(join(ROOT, 'register'), dir, { recursive: true });
  return dir;
}

it("adds an action with the id of the meeting that raised it, keeping the file's comments", async () => {
  const dir = sample();
  const r = await run(
    ['action', 'add', 'Brief the duty teams', '--owner', 'hqa', '--due', '2027-02-01', '--today', '2027-01-05'],
    { cwd: dir },
  );
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('Added A-2026-11-04 (raised 2026-11-10');
  const text = readFileSync(join(dir, 'actions.yaml'), 'utf8');
  expect(text.startsWith('# The action tracker')).toBe(true);
  expect(text).toContain(
    '- id: A-2026-11-04\n  text: Brief the duty teams\n  owner: hqa\n  raised: ' +
      '2026-11-10\n  due: 2027-02-01\n  done_on: null\n',
  );
  const atMeeting = await run(
    ['action', 'add', 'Another', '--owner', 'qa1', '--due', '2027-03-01', '--meeting', '2027-01-12'],
    { cwd: dir },
  );
  expect(atMeeting.stdout).toContain('Added A-2027-01-01');
  expect((await run(['validate', '--strict'], { cwd: dir })).code).toBe(0);
});

it('marks an action done once, and lists open and overdue actions', async () => {
  const dir = sample();
  const open = JSON.parse((await run(['actions', '--open', '--json', '--today', '2027-01-05'], { cwd: dir })).stdout);
  expect(open.map((a: { id: string; overdue: boolean }) => [a.id, a.overdue])).toEqual([
    ['A-2026-09-01', false],
    ['A-2026-11-01', true],
    ['A-2026-11-02', false],
  ]);
  expect((await run(['action', 'done', 'A-2026-11-01', '--on', '2027-01-04'], { cwd: dir })).code).toBe(0);
  expect(await run(['action', 'done', 'A-2026-11-01'], { cwd: dir })).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('already done on 2027-01-04'),
  });
  expect(
    JSON.parse((await run(['actions', '--open', '--json', '--today', '2027-01-05'], { cwd: dir })).stdout),
  ).toHaveLength(2);
  expect(
    JSON.parse((await run(['actions', '--owner', 'hqa', '--json'], { cwd: dir })).stdout).map(
      (a: { id: string }) => a.id,
    ),
  ).toEqual(['A-2026-11-02']);
});

it('refuses bad input with exit 2 and leaves the file as it was', async () => {
  const dir = sample();
  const before = readFileSync(join(dir, 'actions.yaml'), 'utf8');
  expect((await run(['action', 'add', 'X', '--owner', 'ghost', '--due', '2027-02-01'], { cwd: dir })).code).toBe(2);
  expect((await run(['action', 'add', 'X', '--owner', 'hqa', '--due', '2027-02-30'], { cwd: dir })).code).toBe(2);
  expect((await run(['action', 'add', 'X', '--owner', 'hqa'], { cwd: dir })).code).toBe(2);
  expect((await run(['action', 'done', 'A-2099-01-01'], { cwd: dir })).code).toBe(2);
  expect(readFileSync(join(dir, 'actions.yaml'), 'utf8')).toBe(before);
});
