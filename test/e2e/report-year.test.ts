/**
 * ppp report annual and ppp report register on a register built for the test with known counts: its history is
 * written commit by commit with git (approval and retirement trailers, dated in the past), its meetings and actions
 * by hand, so every number the reports give is known beforehand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as runNow, type RunOptions } from '../helpers/run.js';
import { git } from '../helpers/git.js';
import { cleanup, makeRegister, writeFiles } from '../helpers/register.js';

afterAll(cleanup);

const now = () => Date.UTC(2026, 10, 25, 12);
const run = (args: string[], options: RunOptions = {}) => runNow(args, { now, ...options });

const FOLDERS: Record<string, string> = {
  policy: 'policies',
  procedure: 'procedures',
  form: 'forms',
  standard: 'standards',
  guideline: 'guidelines',
};

interface Version {
  id: string;
  type: string;
  version: string;
  route: string;
  on: string;
  due: string;
  meeting?: string;
  status?: string;
  changes?: string;
  training?: string;
  title?: string;
}

function file(v: Version): string {
  return `documents/${FOLDERS[v.type]}/${v.id}-doc.md`;
}

function text(v: Version): string {
  return [
    '---',
    `id: ${v.id}`,
    `title: ${v.title ? JSON.stringify(v.title) : `Document ${v.id}`}`,
    `summary: What ${v.id} is for.`,
    `type: ${v.type}`,
    `status: ${v.status ?? (v.route === 'interim' ? 'interim' : 'approved')}`,
    `version: "${v.version}"`,
    'owner: hos-1',
    `approval: { route: ${v.route}, approved_on: ${v.on}, approved_by: PPP Group${
      v.meeting ? `, meeting: ${v.meeting}` : ''
    } }`,
    `review: { cycle: 3 years, due: ${v.due} }`,
    v.changes ? `changes: ${v.changes}` : '',
    v.training ? `impact: { training: ${v.training} }` : '',
    '---',
    '',
    `# Document ${v.id}`,
    '',
  ]
    .filter((l) => l !== '')
    .join('\n')
    .replace(/\n# /, '\n\n# ');
}

function commit(dir: string, message: string, date: string) {
  const env = { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` };
  git(dir, ['add', '-A'], { env });
  git(dir, ['commit', '--quiet', '--no-gpg-sign', '-m', message], { env });
}

function approve(dir: string, v: Version) {
  writeFiles(dir, { [file(v)]: text(v) });
  const trailers = [
    `PPP-Document: ${v.id}`,
    `PPP-Version: ${v.version}`,
    `PPP-Route: ${v.route}`,
    v.meeting ? `PPP-Meeting: ${v.meeting}` : '',
    `PPP-Approved-On: ${v.on}`,
    v.changes ? `PPP-Changes: ${v.changes}` : '',
    'PPP-Content-SHA256: 0000000000000000000000000000000000000000000000000000000000000000',
  ].filter(Boolean);
  commit(dir, `Approve ${v.id} v${v.version}\n\n${trailers.join('\n')}\n`, v.on);
}

/**
 * The financial year 2025 (1 April 2025 to 31 March 2026): 6 approvals (3 new, 2 revised, 1 full approval of an
 * interim version), 1 review on time and 1 late, 1 retirement, 5 documents in force at its end and 1 of them overdue;
 * 2 meetings held, 1 quorate; 3 actions raised in it, 1 closed, 3 open at its end (one raised before it).
 */
function knownRegister(): string {
  const dir = makeRegister();
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  git(dir, ['config', 'user.name', 'Chair']);
  git(dir, ['config', 'user.email', 'chair@example.org']);
  commit(dir, 'Start the register', '2021-12-01');
  approve(dir, {
    id: 'CS-STD-0001',
    type: 'standard',
    version: '1.0',
    route: 'ppp',
    on: '2022-01-11',
    meeting: '2022-01-11',
    due: '2025-01-11',
  });
  approve(dir, {
    id: 'CS-FRM-0001',
    type: 'form',
    version: '1.0',
    route: 'ppp',
    on: '2023-01-10',
    meeting: '2023-01-10',
    due: '2025-01-10',
  });
  approve(dir, {
    id: 'CS-PRO-0001',
    type: 'procedure',
    version: '1.0',
    route: 'ppp',
    on: '2024-06-11',
    meeting: '2024-06-11',
    due: '2025-06-11',
  });
  // In the year.
  approve(dir, {
    id: 'CS-POL-0001',
    type: 'policy',
    version: '1.0',
    route: 'cabinet',
    on: '2025-05-13',
    due: '2028-05-13',
    training: 'Briefings for managers',
  });
  approve(dir, {
    id: 'CS-PRO-0001',
    type: 'procedure',
    version: '2.0',
    route: 'ppp',
    on: '2025-06-10',
    meeting: '2025-06-10',
    due: '2028-06-10',
    changes: 'Shorter timescales',
  });
  approve(dir, {
    id: 'CS-FRM-0001',
    type: 'form',
    version: '2.0',
    route: 'ppp',
    on: '2025-07-08',
    meeting: '2025-07-08',
    due: '2028-07-08',
  });
  approve(dir, {
    id: 'CS-GDL-0001',
    type: 'guideline',
    version: '1.0',
    route: 'ppp',
    on: '2025-09-09',
    meeting: '2025-09-09',
    due: '2028-09-09',
  });
  approve(dir, {
    id: 'CS-PRO-0002',
    type: 'procedure',
    version: '1.0',
    route: 'interim',
    on: '2025-10-01',
    due: '2028-10-01',
  });
  approve(dir, {
    id: 'CS-PRO-0002',
    type: 'procedure',
    version: '1.0',
    route: 'ppp',
    on: '2025-11-11',
    meeting: '2025-11-11',
    due: '2028-11-11',
  });
  writeFiles(dir, {
    [file({ id: 'CS-GDL-0001', type: 'guideline' } as Version)]: text({
      id: 'CS-GDL-0001',
      type: 'guideline',
      version: '1.0',
      route: 'ppp',
      on: '2025-09-09',
      meeting: '2025-09-09',
      due: '2028-09-09',
      status: 'withdrawn',
    }),
  });
  commit(
    dir,
    'Retire CS-GDL-0001\n\nPPP-Document: CS-GDL-0001\nPPP-Retired-On: 2026-01-15\nPPP-Status: withdrawn\n',
    '2026-01-15',
  );
  // After the year: counted in neither report of 2025.
  approve(dir, {
    id: 'CS-FRM-0002',
    type: 'form',
    version: '1.0',
    route: 'ppp',
    on: '2026-04-14',
    meeting: '2026-04-14',
    due: '2029-04-14',
  });
  const attendance = (present: string[], absent: string[]) =>
    `present: [${present.join(', ')}]\napologies: []\nabsent: [${absent.join(', ')}]\n`;
  writeFiles(dir, {
    'meetings/2025-06-10/attendance.yaml': attendance(['chair', 'hos-1', 'hos-2', 'qa-1', 'qa-2'], ['solicitor']),
    'meetings/2025-09-09/attendance.yaml': attendance(['chair', 'hos-1', 'qa-1'], ['hos-2', 'qa-2', 'solicitor']),
    'actions.yaml': [
      '- { id: A-2025-03-01, text: Older action, owner: chair, raised: 2025-03-11, due: 2025-05-01, done_on: null }',
      '- { id: A-2025-06-01, text: First, owner: hos-1, raised: 2025-06-10, due: 2025-07-01, done_on: 2025-06-30 }',
      '- { id: A-2025-06-02, text: Second, owner: qa-1, raised: 2025-06-10, due: 2025-08-01, done_on: 2026-05-01 }',
      '- { id: A-2025-09-01, text: Third, owner: qa-2, raised: 2025-09-09, due: 2025-12-01, done_on: null }',
      '- { id: A-2026-04-01, text: Later, owner: qa-2, raised: 2026-04-14, due: 2026-05-01, done_on: null }',
      '',
    ].join('\n'),
  });
  commit(dir, 'Meetings and actions', '2026-04-20');
  return dir;
}

describe('ppp report annual and register on a register with known counts', () => {
  let dir = '';
  beforeAll(() => {
    dir = knownRegister();
  });

  it('annual: approvals by type, route and month; reviews; meetings; attendance; actions; the register', async () => {
    const r = await run(['report', 'annual', '--year', '2025', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a).toMatchObject({ year: 2025, from: '2025-04-01', to: '2026-03-31', as_of: '2026-03-31', source: 'git' });
    expect(a.approvals).toMatchObject({
      total: 6,
      new: 3,
      revised: 2,
      by_type: { policy: 1, procedure: 3, form: 1, guideline: 1 },
      by_route: { cabinet: 1, ppp: 4, interim: 1 },
    });
    expect(Object.keys(a.approvals.by_month)).toHaveLength(12);
    expect(a.approvals.by_month).toMatchObject({
      '2025-05': 1,
      '2025-06': 1,
      '2025-07': 1,
      '2025-08': 0,
      '2026-03': 0,
    });
    expect(a.reviews).toEqual({ on_time: 1, late: 1, overdue_at_year_end: 1 });
    expect(a.meetings).toEqual({ held: 2, quorate: 1, dates: ['2025-06-10', '2025-09-09'] });
    expect(a.attendance.by_member.find((m: { member: string }) => m.member === 'hos-2')).toMatchObject({
      present: 1,
      absent: 1,
    });
    expect(a.attendance.by_role.find((m: { role: string }) => m.role === 'qa-manager')).toMatchObject({
      present: 3,
      absent: 1,
    });
    expect(a.actions).toEqual({ raised: 3, closed: 1, open: 3 });
    expect(a.register_at_year_end).toEqual({
      total: 5,
      by_type: { form: 1, policy: 1, procedure: 2, standard: 1 },
      by_review_state: { ok: 4, escalate: 1 },
    });
    expect(a.work_asked_for).toEqual([
      { id: 'CS-POL-0001', title: 'Document CS-POL-0001', training: 'Briefings for managers', systems: [] },
    ]);
  });

  it('register: in force at the year end, and what the year added, revised and retired; what is overdue', async () => {
    const r = await run(['report', 'register', '--year', '2025', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const b = JSON.parse(r.stdout);
    expect(b.in_force.map((d: { id: string }) => d.id)).toEqual([
      'CS-FRM-0001',
      'CS-POL-0001',
      'CS-PRO-0001',
      'CS-PRO-0002',
      'CS-STD-0001',
    ]);
    expect(b.added.map((d: { id: string }) => d.id)).toEqual(['CS-POL-0001', 'CS-GDL-0001', 'CS-PRO-0002']);
    expect(b.revised).toEqual([
      {
        id: 'CS-PRO-0001',
        title: 'Document CS-PRO-0001',
        version: '2.0',
        approved_on: '2025-06-10',
        changes: 'Shorter timescales',
      },
      { id: 'CS-FRM-0001', title: 'Document CS-FRM-0001', version: '2.0', approved_on: '2025-07-08', changes: null },
    ]);
    expect(b.retired).toEqual([
      {
        id: 'CS-GDL-0001',
        title: 'Document CS-GDL-0001',
        status: 'withdrawn',
        retired_on: '2026-01-15',
        superseded_by: null,
      },
    ]);
    expect(b.overdue).toEqual([
      expect.objectContaining({ id: 'CS-STD-0001', review_due: '2025-01-11', review_state: 'escalate' }),
    ]);
    const linked = await run(
      ['report', 'register', '--year', '2025', '--format', 'json', '--base-url', 'https://example.org/p/'],
      { cwd: dir },
    );
    expect(JSON.parse(linked.stdout).in_force[0].url).toBe('https://example.org/p/documents/CS-FRM-0001.html');
    const md = await run(['report', 'register', '--year', '2025'], { cwd: dir });
    expect(md.stdout).toContain('## In force (5)');
    expect(md.stdout).toContain('## Retired in the year (1)');
  });

  it('meeting and newsletter on the same history: approvals, interim ones since, quorum, absences', async () => {
    const june = JSON.parse((await run(['report', 'meeting', '2025-06-10', '--format', 'json'], { cwd: dir })).stdout);
    expect(june.approved).toEqual([
      expect.objectContaining({ id: 'CS-PRO-0001', kind: 'revised', version: '2.0', changes: 'Shorter timescales' }),
    ]);
    expect(june.exceptions.quorate).toBe(true);
    const september = JSON.parse(
      (await run(['report', 'meeting', '2025-09-09', '--format', 'json'], { cwd: dir })).stdout,
    );
    expect(september.approved.map((a: { id: string; kind: string }) => `${a.id} ${a.kind}`)).toEqual([
      'CS-GDL-0001 new',
    ]);
    expect(september.exceptions.quorate).toBe(false);
    // The solicitor missed both meetings with no delegate; heads of service and QA managers are exempt.
    expect(september.exceptions.absences).toEqual([
      expect.objectContaining({ member: 'solicitor', meetings: ['2025-06-10', '2025-09-09'] }),
    ]);
    const november = JSON.parse(
      (await run(['report', 'meeting', '2025-11-11', '--format', 'json'], { cwd: dir })).stdout,
    );
    expect(november.previous_meeting).toBe('2025-10-14');
    expect(november.director_and_interim).toEqual([]);
    // The interim approval of 1 October comes to the next meeting, 14 October.
    const octoberMeeting = JSON.parse(
      (await run(['report', 'meeting', '2025-10-14', '--format', 'json'], { cwd: dir })).stdout,
    );
    expect(octoberMeeting.director_and_interim).toEqual([
      expect.objectContaining({ id: 'CS-PRO-0002', route: 'interim', kind: 'new' }),
    ]);
    expect(november.approved).toEqual([expect.objectContaining({ id: 'CS-PRO-0002', kind: 'new' })]);
    const october = JSON.parse(
      (await run(['report', 'newsletter', '--month', '2025-10', '--format', 'json'], { cwd: dir })).stdout,
    );
    expect(october.items.map((i: { id: string }) => i.id)).toEqual(['CS-PRO-0002']);
    // Its full approval in November is no news to practitioners.
    const nov = await run(['report', 'newsletter', '--month', '2025-11'], { cwd: dir });
    expect(nov.stdout).toContain('approved no new or updated documents in November 2025');
  });

  it('a year with nothing in it says so (exit 0); a year that is not one is refused (exit 2)', async () => {
    const r = await run(['report', 'annual', '--year', '2010'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No approvals in the year.');
    const json = JSON.parse(
      (await run(['report', 'register', '--year', '2010', '--format', 'json'], { cwd: dir })).stdout,
    );
    expect(json).toMatchObject({ in_force: [], added: [], revised: [], retired: [], overdue: [] });
    expect((await run(['report', 'annual', '--year', '25'], { cwd: dir })).code).toBe(2);
  });

  it('the year not yet over reports as of today', async () => {
    const a = JSON.parse((await run(['report', 'annual', '--year', '2026', '--format', 'json'], { cwd: dir })).stdout);
    expect(a.as_of).toBe('2026-11-25');
    expect(a.approvals.total).toBe(1);
    expect(a.actions).toMatchObject({ raised: 1, closed: 1 });
  });
});

describe('hostile text in a report', () => {
  it('is escaped in markdown and inert in HTML', async () => {
    const dir = makeRegister();
    git(dir, ['init', '--quiet', '--initial-branch=main']);
    git(dir, ['config', 'user.name', 'Chair']);
    git(dir, ['config', 'user.email', 'chair@example.org']);
    commit(dir, 'Start the register', '2025-01-01');
    const title = '<script>alert(1)</script> | *bold* [x](javascript:alert(2))';
    approve(dir, {
      id: 'CS-POL-0001',
      type: 'policy',
      version: '1.0',
      route: 'cabinet',
      on: '2025-05-13',
      due: '2028-05-13',
      title,
      changes: '<img src=x onerror=alert(3)>',
    });
    const md = (await run(['report', 'register', '--year', '2025'], { cwd: dir })).stdout;
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> \\| \\*bold\\* \\[x\\](javascript:alert(2))');
    const html = (await run(['report', 'register', '--year', '2025', '--format', 'html'], { cwd: dir })).stdout;
    expect(html).not.toMatch(/<script|<img|href="javascript:/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
