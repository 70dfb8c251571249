import { describe, expect, it } from 'vitest';
import { isEmail, type Member } from './members.js';
import { daysBetween } from './calendar.js';
import { plan, type ReminderInput } from './reminders.js';
import { workingCalendar } from './working-days.js';

const calendar = workingCalendar(() => ['2026-12-25', '2026-12-28']);
const members: Member[] = [
  { id: 'chair', name: 'Ann Chair', role: 'chair', email: 'chair@example.org', voting: true },
  { id: 'hqa', name: 'Hana QA', role: 'vice-chair', email: 'hqa@example.org', voting: true },
  { id: 'psw', name: 'Pat SW', role: 'vice-chair', email: 'psw@example.org', voting: true },
  { id: 'nomail', name: 'No Mail', role: 'service-lead', voting: true },
];

function input(today: string, over: Partial<ReminderInput> = {}): ReminderInput {
  return {
    today,
    calendar,
    notice: [60, 30, 7],
    escalates: (due) => daysBetween(due, today) > 60,
    escalateTo: 'hqa',
    deadlineNoticeDays: 3,
    members,
    documents: [
      { id: 'CS-POL-0001', title: 'Values', owner: 'psw', status: 'approved', reviewDue: '2027-01-29' },
      { id: 'CS-PRO-0001', title: 'Missing', owner: 'psw', status: 'approved', reviewDue: '2026-09-01' },
      { id: 'CS-PRO-0002', title: 'Draft', owner: 'nomail', status: 'drafting' },
    ],
    meeting: { date: '2027-01-12', submission_deadline: '2026-12-22', circulation_deadline: '2027-01-07' },
    actions: [
      { id: 'A-2026-11-01', text: 'Check the form', owner: 'chair', due: '2026-12-04', done_on: null },
      { id: 'A-2026-11-02', text: 'Done already', owner: 'chair', due: '2026-12-04', done_on: '2026-11-20' },
    ],
    sent: new Set(),
    ...over,
  };
}

describe('ppp remind: the day plan', () => {
  it('one digest per person: the nearest notice, overdue weekly, escalation, actions due within a week', () => {
    const { digests, unreachable } = plan(input('2026-11-30'));
    const keys = Object.fromEntries(digests.map((d) => [d.member, d.items.map((i) => i.key)]));
    expect(keys).toEqual({
      chair: ['action:A-2026-11-01:2026-12-04:due'],
      hqa: ['escalation:CS-PRO-0001:2026-09-01'],
      psw: ['review:CS-POL-0001:2027-01-29:notice-60', 'review:CS-PRO-0001:2026-09-01:overdue-week-12'],
    });
    expect(digests.find((d) => d.member === 'hqa')!.items[0]!.text).toContain('owner Pat SW');
    expect(unreachable).toEqual([]);
  });

  it('sends nothing twice, and catches up a notice that fell due while the job did not run', () => {
    const first = plan(input('2026-11-30'));
    const sent = new Set(first.digests.flatMap((d) => d.items.map((i) => i.key)));
    expect(plan(input('2026-11-30', { sent })).digests).toEqual([]);
    // The 30-day notice fell due on 2026-12-30; the job next ran on 2027-01-04.
    const later = plan(input('2027-01-04', { sent })).digests.find((d) => d.member === 'psw')!;
    expect(later.items.map((i) => i.key)).toContain('review:CS-POL-0001:2027-01-29:notice-30');
  });

  it('no mail on a weekend or bank holiday; the next working day takes it', () => {
    expect(plan(input('2026-12-05')).digests).toEqual([]);
    expect(plan(input('2026-12-25')).digests).toEqual([]);
    expect(plan(input('2026-12-29')).digests.length).toBeGreaterThan(0);
  });

  it('deadlines a few working days ahead: submission to owners of drafts, circulation to the chair', () => {
    const sub = plan(input('2026-12-17'));
    expect(sub.unreachable).toEqual([{ member: 'nomail', why: 'has no e-mail address in members.yaml' }]);
    const chair = plan(input('2027-01-05')).digests.find((d) => d.member === 'chair')!;
    expect(chair.items.map((i) => i.kind)).toContain('circulation-deadline');
    expect(plan(input('2026-12-10')).digests.some((d) => d.items.some((i) => i.kind === 'submission-deadline'))).toBe(
      false,
    );
  });

  it('knows an e-mail address from what is not one', () => {
    for (const good of ['a@b.org', 'jo.bloggs+ppp@council.gov.uk']) expect(isEmail(good)).toBe(true);
    for (const bad of ['', 'jo', 'jo@', '@x.org', 'jo bloggs@x.org', 'jo@x', '<jo@x.org>'])
      expect(isEmail(bad)).toBe(false);
  });
});
