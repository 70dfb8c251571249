/**
 * What ppp remind sends on a day: one digest per person of what is theirs (reviews falling due at the notice offsets
 * and weekly while overdue, escalations, the next meeting's deadlines, actions due or overdue). Every reminder has a
 * stable key; a key already in the record of what was sent is never sent again, and a key that fell due on a day the
 * job did not run (or that was not a working day) is still unsent, so the next run catches it up. Pure.
 */
import { addDays, compareDates, daysBetween, type IsoDate } from './calendar.js';
import { isEmail, type Member } from './members.js';
import type { WorkingCalendar } from './working-days.js';

export type ReminderKind =
  | 'review-notice'
  | 'review-overdue'
  | 'escalation'
  | 'submission-deadline'
  | 'circulation-deadline'
  | 'action-due'
  | 'action-overdue';

export interface ReminderItem {
  kind: ReminderKind;
  /** The document or action it is about. */
  id: string;
  /** Stable across runs: what the record of sent mail holds. */
  key: string;
  /** One line for the digest, in plain words. */
  text: string;
}

export interface Digest {
  member: string;
  to: string;
  name: string;
  items: ReminderItem[];
}

export interface ReminderInput {
  today: IsoDate;
  calendar: WorkingCalendar;
  /** Days before a review is due on which its owner is told (ppp.yaml mail.notice; default 60, 30, 7). */
  notice: readonly number[];
  /** Whether a review due then is past the time to escalate today (review.escalate_after), and to whom. */
  escalates: (due: IsoDate) => boolean;
  escalateTo?: string;
  /** Working days before a deadline on which it is announced. */
  deadlineNoticeDays: number;
  members: readonly Member[];
  documents: readonly { id: string; title: string; owner: string; status: string; reviewDue?: IsoDate }[];
  /** The next meeting and its deadlines. */
  meeting?: { date: IsoDate; submission_deadline: IsoDate; circulation_deadline: IsoDate };
  actions: readonly { id: string; text: string; owner: string; due: IsoDate; done_on: string | null }[];
  /** Keys already sent. */
  sent: ReadonlySet<string>;
}

/** Returns the digests to send today, and who could not be sent theirs (no or a bad e-mail address). */
export function plan(input: ReminderInput): { digests: Digest[]; unreachable: { member: string; why: string }[] } {
  // No mail on a day that is not a working day: what falls due then is caught up on the next one.
  if (!input.calendar.isWorkingDay(input.today)) return { digests: [], unreachable: [] };
  const { today } = input;
  const byMember = new Map<string, ReminderItem[]>();
  const add = (member: string, item: ReminderItem) => {
    if (input.sent.has(item.key)) return;
    byMember.set(member, [...(byMember.get(member) ?? []), item]);
  };
  const owners = new Map(input.members.map((m) => [m.id, m]));
  const nameOf = (id: string) => owners.get(id)?.name ?? id;

  for (const d of input.documents) {
    if (!d.reviewDue || !['approved', 'interim', 'under-review', 'submitted'].includes(d.status)) continue;
    const until = daysBetween(today, d.reviewDue);
    if (until >= 0) {
      // The nearest notice that has come: an earlier one missed is not sent as well.
      const offset = [...input.notice].sort((a, b) => a - b).find((n) => until <= n);
      if (offset !== undefined)
        add(d.owner, {
          kind: 'review-notice',
          id: d.id,
          key: `review:${d.id}:${d.reviewDue}:notice-${offset}`,
          text: `${d.id} ${d.title}: its review is due on ${d.reviewDue}, in ${until} days.`,
        });
    } else {
      const late = -until;
      add(d.owner, {
        kind: 'review-overdue',
        id: d.id,
        key: `review:${d.id}:${d.reviewDue}:overdue-week-${Math.floor(late / 7)}`,
        text: `${d.id} ${d.title}: its review was due on ${d.reviewDue}, ${late} days ago.`,
      });
      if (input.escalateTo && input.escalates(d.reviewDue))
        add(input.escalateTo, {
          kind: 'escalation',
          id: d.id,
          key: `escalation:${d.id}:${d.reviewDue}`,
          text:
            `${d.id} ${d.title} (owner ${nameOf(d.owner)}): its review was due on ${d.reviewDue}, ${late} days ` +
            'ago, past the time to escalate.',
        });
    }
  }

  const m = input.meeting;
  if (m) {
    const announce = (deadline: IsoDate) =>
      compareDates(today, deadline) <= 0 &&
      input.calendar.workingDaysBetween(today, deadline) <= input.deadlineNoticeDays;
    if (announce(m.submission_deadline)) {
      for (const d of input.documents.filter((x) => x.status === 'drafting' || x.status === 'under-review'))
        add(d.owner, {
          kind: 'submission-deadline',
          id: d.id,
          key: `submission:${m.date}:${d.id}`,
          text:
            `${d.id} ${d.title}: drafts for the meeting of ${m.date} must reach the chair by ` +
            `${m.submission_deadline}.`,
        });
    }
    const chair = input.members.find((x) => x.role === 'chair');
    if (chair && announce(m.circulation_deadline))
      add(chair.id, {
        kind: 'circulation-deadline',
        id: m.date,
        key: `circulation:${m.date}`,
        text: `The agenda and papers for the meeting of ${m.date} go to members by ${m.circulation_deadline}.`,
      });
  }

  for (const a of input.actions) {
    if (a.done_on) continue;
    const until = daysBetween(today, a.due);
    if (until >= 0 && until <= 7)
      add(a.owner, {
        kind: 'action-due',
        id: a.id,
        key: `action:${a.id}:${a.due}:due`,
        text: `Action ${a.id}, "${a.text}", is due on ${a.due}.`,
      });
    else if (until < 0)
      add(a.owner, {
        kind: 'action-overdue',
        id: a.id,
        key: `action:${a.id}:${a.due}:overdue-week-${Math.floor(-until / 7)}`,
        text: `Action ${a.id}, "${a.text}", was due on ${a.due}, ${-until} days ago.`,
      });
  }

  const digests: Digest[] = [];
  const unreachable: { member: string; why: string }[] = [];
  for (const [member, items] of [...byMember].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const who = owners.get(member);
    const email = who?.email?.trim();
    if (!who) unreachable.push({ member, why: 'is not in members.yaml' });
    else if (!email) unreachable.push({ member, why: 'has no e-mail address in members.yaml' });
    else if (!isEmail(email)) unreachable.push({ member, why: `has the e-mail address "${email}", which is not one` });
    else digests.push({ member, to: email, name: who.name, items });
  }
  return { digests, unreachable };
}

/** Returns the day a key of the notice kind first becomes due, for tests and the dry run. */
export function noticeDay(due: IsoDate, offset: number): IsoDate {
  return addDays(due, -offset);
}
