/** ppp agenda on the sample register and on small temporary ones, with a fixed --today. */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/run.js';
import { ROOT, cleanup, doc, fullBody, makeRegister, tempDir, validSet } from '../helpers/register.js';

afterAll(cleanup);

const SAMPLE = join(ROOT, 'register');
const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('the agenda of the sample register for 12 January 2027', () => {
  const json = async () => JSON.parse((await run(['agenda', '--json', '-C', SAMPLE, '--today', '2027-01-05'])).stdout);

  it('has the header, every section, and no late-papers warning before the circulation deadline', async () => {
    const a = await json();
    expect(a).toMatchObject({
      group: 'Practice, Policy and Procedures Group',
      meeting: '2027-01-12',
      submission_deadline: '2026-12-24',
      circulation_deadline: '2027-01-07',
      papers_late: false,
    });
    expect(Object.keys(a)).toEqual(
      expect.arrayContaining(['progress', 'proposals_and_drafts', 'reviews', 'information', 'horizon', 'deferred']),
    );
    expect(Object.keys(a.progress)).toEqual(
      expect.arrayContaining(['actions', 'escalations', 'overdue_reviews', 'absences']),
    );
    for (const section of ['proposals_and_drafts', 'reviews', 'information', 'horizon'])
      expect(a[section].length, section).toBeGreaterThan(0);
    // Everything for January was received in time (the story ends on 2026-11-24, a month before the deadline).
    expect(a.deferred).toEqual([]);
    expect(Object.keys(a.reviews[0])).toEqual(
      expect.arrayContaining(['id', 'title', 'type', 'owner', 'version', 'kind', 'submitted_on', 'file']),
    );
  });

  it(
    'fills the progress report: open and overdue actions, escalations, overdue ' + 'reviews, absences, last quorum',
    async () => {
      const p = (await json()).progress;
      expect(ids(p.actions)).toEqual(['A-2026-11-01', 'A-2026-11-02', 'A-2026-09-01']);
      expect(p.actions.find((a: { id: string }) => a.id === 'A-2026-11-01').overdue).toBe(true);
      expect(ids(p.escalations)).toEqual(['CS-QAF-0003', 'CS-PRO-0002', 'CS-POL-0002', 'CS-QAF-0002']);
      expect(p.overdue_reviews.length).toBeGreaterThan(0);
      expect(p.absences).toEqual([{ member: 'svc-lead-send', meetings: ['2026-10-13', '2026-11-10'] }]);
      expect(p.last_meeting).toEqual({ date: '2026-11-10', quorate: true });
    },
  );

  it('the issued agenda of 10 November holds the late item the chair accepted', async () => {
    const issued = JSON.parse((await run(['agenda', '--json', '--meeting', '2026-11-10', '-C', SAMPLE])).stdout);
    expect(issued).toMatchObject({ source: { kind: 'issued', as_of: '2026-11-05' }, issued_on: '2026-11-05' });
    expect(issued.proposals_and_drafts.find((i: { id: string }) => i.id === 'CS-PRO-0011')).toMatchObject({
      submitted_on: '2026-10-30',
      note: 'received 2026-10-30, after the deadline; accepted by the chair',
    });
    expect(await run(['agenda', '--accept-late', 'CS-PRO-0003', '-C', SAMPLE, '--today', '2027-01-05'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('not a late submission'),
    });
  });

  it('defers a late submission, unless the chair accepts it', async () => {
    const root = tempDir();
    cpSync(SAMPLE, root, { recursive: true });
    const file = join(root, 'documents/procedures/CS-PRO-0011-transfer-of-cases-between-teams.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('on: 2026-11-24,', 'on: 2026-12-30, late: true,'));
    const plan = async (...extra: string[]) =>
      JSON.parse((await run(['agenda', '--json', ...extra, '-C', root, '--today', '2027-01-05'])).stdout);
    expect(ids((await plan()).deferred)).toEqual(['CS-PRO-0011']);
    const accepted = await plan('--accept-late', 'CS-PRO-0011');
    expect(accepted.deferred).toEqual([]);
    expect(ids(accepted.proposals_and_drafts)).toContain('CS-PRO-0011');
  });

  it('an agenda planned earlier lists the actions open that day, not those raised or done later', async () => {
    const root = tempDir();
    cpSync(SAMPLE, root, { recursive: true });
    rmSync(join(root, 'meetings/2026-10-13/agenda.json'));
    const a = JSON.parse(
      (await run(['agenda', '--json', '--meeting', '2026-10-13', '-C', root, '--today', '2026-09-30'])).stdout,
    );
    expect(a.progress.actions.map((x: { id: string; done_on: unknown }) => [x.id, x.done_on])).toEqual([
      ['A-2026-09-02', null],
      ['A-2026-09-01', null],
    ]);
  });

  it('puts submitted proposals and drafts, and the interim approval, in section 2; reviews in section 3', async () => {
    const a = await json();
    expect(a.proposals_and_drafts.find((i: { id: string }) => i.id === 'CS-PRO-0010')).toMatchObject({
      kind: 'interim',
    });
    expect(a.proposals_and_drafts.map((i: { kind: string }) => i.kind).sort()).toEqual([
      'draft',
      'draft',
      'draft',
      'interim',
      'proposal',
    ]);
    expect(a.reviews.every((i: { kind: string }) => i.kind === 'review')).toBe(true);
    expect(a.horizon.map((i: { kind: string }) => i.kind)).toEqual(
      expect.arrayContaining(['review-due', 'drafting', 'proposed']),
    );
  });

  it('lists the director approval since the previous meeting only', async () => {
    expect(ids((await json()).information)).toEqual(['CS-PRO-0013']);
    // At the February meeting, the November approval is no longer news.
    const feb = JSON.parse(
      (await run(['agenda', '--json', '--meeting', '2027-02-09', '-C', SAMPLE, '--today', '2027-01-05'])).stdout,
    );
    expect(feb.information).toEqual([]);
  });

  it('says the submission deadline is ahead, or was, as it is on the day', async () => {
    const before = await run(['agenda', '-C', SAMPLE, '--today', '2026-11-25']);
    expect(before.stdout).toContain('Items and drafts are due by Thursday 24 December 2026.');
    const after = await run(['agenda', '-C', SAMPLE, '--today', '2027-01-05']);
    expect(after.stdout).toContain('Items and drafts were due by Thursday 24 December 2026.');
  });

  it('warns when the papers are late', async () => {
    const late = await run(['agenda', '-C', SAMPLE, '--today', '2027-01-08']);
    expect(late.stdout).toContain('> **The papers are late:** they were due out by Thursday 7 January 2027');
  });

  it('prints markdown sections in the standard order, and writes it with --out', async () => {
    const md = (await run(['agenda', '-C', SAMPLE, '--today', '2027-01-05'])).stdout;
    const order = [
      '# Practice, Policy and Procedures Group',
      '## 1. Progress report from the chair',
      '## 2. New document proposals and drafts',
      '## 3. Reviews of existing documents',
      '## 4. Horizon scanning and future workstreams',
      '## For information',
      '## Papers',
    ];
    const at = order.map((h) => md.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md).toContain(
      '| CS-PRO-0003 | Case file audit | documents/procedures/CS-PRO-0003-case-file-audit.md | 2.0 |',
    );
    const out = join(tempDir(), 'agenda.md');
    expect((await run(['agenda', '--out', out, '-C', SAMPLE, '--today', '2027-01-05'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(md);
  });

  it('a date that is not a meeting exits 2 naming the nearest meetings', async () => {
    expect(await run(['agenda', '--meeting', '2027-01-13', '-C', SAMPLE])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('the nearest are 2027-01-12 and 2027-02-09'),
    });
  });
});

describe('absences and quorum on a small register', () => {
  const attend = (root: string, date: string, text: string) => {
    mkdirSync(join(root, 'meetings', date), { recursive: true });
    writeFileSync(join(root, 'meetings', date, 'attendance.yaml'), text);
  };
  const base = 'present: [chair, hos-1, hos-2, qa-1, qa-2]\n';

  it('a delegate keeps a member off the escalation list; two absences without one put them on it', async () => {
    const root = makeRegister(validSet());
    attend(root, '2026-10-13', `${base}absent: [solicitor, lead-send]\n`);
    attend(
      root,
      '2026-11-10',
      `${base}apologies:\n  - { member: solicitor, delegate: A Deputy }\n  - { member: lead-send, delegate: null }\n`,
    );
    const a = JSON.parse((await run(['agenda', '--json', '--today', '2027-01-05'], { cwd: root })).stdout);
    expect(a.progress.absences).toEqual([{ member: 'lead-send', meetings: ['2026-10-13', '2026-11-10'] }]);
  });

  it('reports a last meeting that was not quorate', async () => {
    const root = makeRegister(validSet());
    attend(root, '2026-11-10', 'present: [chair, hos-1, qa-1, qa-2]\n');
    const md = (await run(['agenda', '--today', '2027-01-05'], { cwd: root })).stdout;
    expect(md).toContain('**Last meeting:** Tuesday 10 November 2026 was **not quorate**.');
  });

  it('carries an item submitted for an earlier meeting forward', async () => {
    const set = validSet();
    set['documents/forms/CS-FRM-0001-return.md'] = doc(
      'id: CS-FRM-0001\ntitle: Return\nsummary: S.\ntype: form\nstatus: ' +
        'submitted\nversion: "0.2"\nowner: qa-1\ngoverned_by: [CS-PRO-0001]\nsubmission: ' +
        '{ kind: draft, on: 2026-10-20, meeting: 2026-11-10 }\n',
      fullBody('form'),
    );
    const a = JSON.parse((await run(['agenda', '--json', '--today', '2027-01-05'], { cwd: makeRegister(set) })).stdout);
    expect(a.proposals_and_drafts[0]).toMatchObject({
      id: 'CS-FRM-0001',
      kind: 'draft',
      submitted_on: '2026-10-20',
      note: 'carried forward from the meeting of 2026-11-10',
    });
  });
});
