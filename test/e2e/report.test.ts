/**
 * ppp report meeting and ppp report newsletter on the live example (a real signed history), their numbers checked
 * against git's own record of the approvals and against meetings/; and the bad input: a day that is not a meeting, a
 * month with nothing in it, a shallow clone, a register not in git.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as runNow, type RunOptions } from '../helpers/run.js';
import { git } from '../helpers/git.js';
import { cleanup, makeRegister, tempDir } from '../helpers/register.js';

afterAll(cleanup);

const now = () => Date.UTC(2026, 10, 25, 12);
const run = (args: string[], options: RunOptions = {}) => runNow(args, { now, ...options });

/** Each approval commit's trailers, oldest first, as git prints them. */
function approvalsInGit(dir: string) {
  return git(dir, ['log', '--reverse', '--grep=^PPP-Version: ', '--format=%x1e%B'])
    .split('\x1e')
    .filter(Boolean)
    .map((m) => Object.fromEntries([...m.matchAll(/^(PPP-[\w-]+): (.*)$/gm)].map((x) => [x[1]!, x[2]!])))
    .filter((t) => t['PPP-Document'] && !t['PPP-Retired-On']);
}

/** The month (YYYY-MM) of a document's first approval. */
function monthOf(dir: string, id: string): string {
  const approval = approvalsInGit(dir).find((t) => t['PPP-Document'] === id)!;
  return approval['PPP-Approved-On']!.slice(0, 7);
}

describe('ppp report on the live example', () => {
  let dir = '';
  let meetings: string[] = [];
  beforeAll(async () => {
    dir = join(makeRegister(), 'example');
    expect((await run(['init', dir, '--example'])).code).toBe(0);
    meetings = readdirSync(join(dir, 'meetings'))
      .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
      .sort();
  });

  it('a meeting: what it approved, new and revised apart, as git records it', async () => {
    const all = approvalsInGit(dir);
    const counts = new Map<string, number>();
    for (const t of all) if (t['PPP-Meeting']) counts.set(t['PPP-Meeting'], (counts.get(t['PPP-Meeting']) ?? 0) + 1);
    const [meeting] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const r = await run(['report', 'meeting', meeting, '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.source).toBe('git');
    const expected = all.filter((t) => t['PPP-Meeting'] === meeting && t['PPP-Route'] !== 'interim');
    expect(report.approved.map((a: { id: string }) => a.id).sort()).toEqual(
      expected.map((t) => t['PPP-Document']).sort(),
    );
    for (const a of report.approved) {
      const before = all.slice(
        0,
        all.findIndex((t) => t['PPP-Document'] === a.id && t['PPP-Meeting'] === meeting),
      );
      expect(a.kind, a.id).toBe(before.some((t) => t['PPP-Document'] === a.id) ? 'revised' : 'new');
      expect(a.summary, a.id).toEqual(expect.any(String));
      expect(a.owner_name, a.id).toEqual(expect.any(String));
    }
  });

  it('the last meeting: its decisions, quorum and absences from meetings/, the interim approval since', async () => {
    const last = meetings.filter((d) => existsSync(join(dir, 'meetings', d, 'minutes.md'))).at(-1)!;
    const r = await run(['report', 'meeting', last, '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const recorded = parse(readFileSync(join(dir, 'meetings', last, 'decisions.yaml'), 'utf8'));
    const decisions = (Array.isArray(recorded) ? recorded : recorded.decisions) as { id: string; decision: string }[];
    expect(report.decisions.map((d: { id: string; decision: string }) => `${d.id} ${d.decision}`).sort()).toEqual(
      decisions.map((d) => `${d.id} ${d.decision}`).sort(),
    );
    expect(report.exceptions.quorate).toBe(true);
    expect(report.director_and_interim.map((a: { id: string; route: string }) => `${a.id} ${a.route}`)).toContain(
      'CS-PRO-0010 interim',
    );
    // Escalations and overdue reviews are those ppp due gives on the meeting's day.
    const due = JSON.parse((await run(['due', '--json', '--today', last], { cwd: dir })).stdout) as {
      id: string;
      state: string;
    }[];
    expect(report.exceptions.escalations.map((e: { id: string }) => e.id).sort()).toEqual(
      due
        .filter((d) => d.state === 'escalate')
        .map((d) => d.id)
        .sort(),
    );
    expect(report.exceptions.overdue_reviews.map((e: { id: string }) => e.id).sort()).toEqual(
      due
        .filter((d) => d.state === 'overdue')
        .map((d) => d.id)
        .sort(),
    );
    const md = await run(['report', 'meeting', last], { cwd: dir });
    expect(md.stdout).toMatch(/^# Practice, Policy and Procedures Group: report to the leadership team/);
    expect(md.stdout).toContain('## Exceptions');
  });

  it('approve --changes reaches the meeting report; the newsletter lists the month with links', async () => {
    const approved = await run(
      ['approve', 'CS-PRO-0010', '--route', 'ppp', '--changes', 'Adds the review of each order every three months'],
      { cwd: dir },
    );
    expect(approved.code, approved.stderr).toBe(0);
    const meeting = /meeting (\d{4}-\d{2}-\d{2})/.exec(approved.stdout)![1]!;
    const report = JSON.parse((await run(['report', 'meeting', meeting, '--format', 'json'], { cwd: dir })).stdout);
    expect(report.approved).toContainEqual(
      expect.objectContaining({ id: 'CS-PRO-0010', changes: 'Adds the review of each order every three months' }),
    );
    const month = monthOf(dir, 'CS-PRO-0013');
    const r = await run(
      ['report', 'newsletter', '--month', month, '--format', 'json', '--base-url', 'https://example.org/p'],
      { cwd: dir },
    );
    const news = JSON.parse(r.stdout);
    const expected = approvalsInGit(dir).filter((t) => t['PPP-Approved-On']!.startsWith(month));
    expect(news.items.length).toBeGreaterThan(0);
    expect(news.items.length).toBeLessThanOrEqual(expected.length);
    expect(news.items).toContainEqual(
      expect.objectContaining({ id: 'CS-PRO-0013', url: 'https://example.org/p/documents/CS-PRO-0013.html' }),
    );
    const out = join(tempDir(), 'news.md');
    expect((await run(['report', 'newsletter', '--month', month, '--out', out], { cwd: dir })).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# New and updated policies and procedures: /);
  });

  it('bad input: a day that is not a meeting names the nearest; a month with nothing says so, exit 0', async () => {
    const last = meetings.at(-1)!;
    const day = `${last.slice(0, 8)}${last.endsWith('01') ? '02' : '01'}`;
    const wrong = await run(['report', 'meeting', day], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/is not a scheduled meeting; the nearest are \d{4}-\d{2}-\d{2}/);
    const empty = await run(['report', 'newsletter', '--month', '2019-01'], { cwd: dir });
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('approved no new or updated documents in January 2019');
    const json = JSON.parse(
      (await run(['report', 'newsletter', '--month', '2019-01', '--format', 'json'], { cwd: dir })).stdout,
    );
    expect(json.items).toEqual([]);
    expect((await run(['report', 'newsletter', '--month', '2026-13'], { cwd: dir })).code).toBe(2);
    expect((await run(['report', 'meeting', last, '--format', 'pdf'], { cwd: dir })).code).toBe(2);
  });

  it('refuses a shallow clone, and reports from front matter outside git, saying so', async () => {
    const shallow = join(tempDir(), 'shallow');
    git(tempDir(), ['clone', '--quiet', '--depth', '1', `file://${dir}`, shallow]);
    const refused = await run(['report', 'newsletter', '--month', '2026-11'], { cwd: shallow });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('shallow');
    const plain = join(tempDir(), 'plain');
    cpSync(dir, plain, { recursive: true });
    rmSync(join(plain, '.git'), { recursive: true, force: true });
    const month = monthOf(dir, 'CS-PRO-0013');
    const r = await run(['report', 'newsletter', '--month', month], { cwd: plain });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('This register is not in git');
    expect(r.stdout).toContain('CS-PRO-0013');
  });
});
