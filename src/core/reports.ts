/**
 * What the chair reports (ppp report): to the leadership team after each meeting, and to practitioners in the monthly
 * newsletter, computed from the approvals and retirements in git, the decisions and attendance in meetings/, and the
 * register as it stands. Pure: events and records in, report data out; the shapes are the JSON ppp report prints.
 */
import { compareDates, type IsoDate } from './calendar.js';
import type { Attendance } from './attendance.js';
import { absencesToEscalate, quorum } from './attendance.js';
import type { DecisionRecord } from './decisions.js';
import type { Member } from './members.js';
import type { DueRow } from './reviews.js';
import type { Settings } from './settings.js';

/** One approval (or interim approval) of a document, from its commit's trailers and the document as committed. */
export interface ApprovalEvent {
  id: string;
  commit: string;
  version: string;
  route: string;
  /** The meeting that approved it (route ppp), or gave preliminary approval (route partnership). */
  meeting?: string;
  approvedOn: IsoDate;
  /** new: the document's first approval; revised: a later version of a document approved (or adopted) before. */
  kind: 'new' | 'revised';
  /** The group's full approval of the version a head of service approved on interim approval. */
  confirmsInterim: boolean;
  title: string;
  type: string;
  owner: string;
  summary?: string;
  /** The summary of changes (ppp approve --changes). */
  changes?: string;
  impact: { training?: string; systems: string[]; communication?: string };
  reviewDue?: IsoDate;
  /** The review date of the version this one replaced: a review approved on or before it was on time. */
  previousDue?: IsoDate;
}

export interface RetirementEvent {
  id: string;
  commit: string;
  retiredOn: IsoDate;
  status: string;
  supersededBy?: string;
}

/** An approved document as a report lists it. */
export interface ReportedApproval {
  id: string;
  title: string;
  type: string;
  kind: 'new' | 'revised';
  version: string;
  route: string;
  approved_on: IsoDate;
  summary: string | null;
  changes: string | null;
  impact: { training: string | null; systems: string[]; communication: string | null };
  owner: string;
  owner_name: string | null;
  /** The page on the published site, with --base-url. */
  url: string | null;
}

export interface MeetingReport {
  meeting: IsoDate;
  previous_meeting: IsoDate | null;
  approved: ReportedApproval[];
  director_and_interim: ReportedApproval[];
  decisions: { id: string; title: string; decision: string; reason: string | null; deferred_to: IsoDate | null }[];
  exceptions: {
    escalations: ReviewException[];
    overdue_reviews: ReviewException[];
    absences: { member: string; name: string; meetings: IsoDate[] }[];
    /** null when no attendance was recorded for the meeting. */
    quorate: boolean | null;
  };
}

export interface ReviewException {
  id: string;
  title: string;
  owner: string;
  owner_name: string | null;
  review_due: IsoDate;
  days_past_due: number;
}

export interface ReportPeople {
  members: readonly Member[];
  /** The published site's address, ending in /, for links to each document's page. */
  baseUrl?: string;
}

/** Returns the report to the leadership team on one meeting. */
export function meetingReport(input: {
  meeting: IsoDate;
  previous?: IsoDate;
  approvals: readonly ApprovalEvent[];
  decisions: readonly DecisionRecord[];
  /** Titles of the register's documents by id, for decisions on documents that were never approved. */
  titles: ReadonlyMap<string, string>;
  /** Reviews as they stood on the meeting's day (dueRows at that date). */
  reviews: readonly DueRow[];
  attendance: Attendance | null;
  /** Every meeting's attendance up to this meeting, for absences without a delegate. */
  attendanceHistory: readonly { date: IsoDate; attendance: Attendance | null }[];
  settings: Settings;
  people: ReportPeople;
}): MeetingReport {
  const { meeting, previous, people } = input;
  const byId = new Map(input.people.members.map((m) => [m.id, m]));
  const approved = input.approvals.filter((a) => a.meeting === meeting && a.route !== 'interim');
  const since = input.approvals.filter(
    (a) =>
      (a.route === 'director' || a.route === 'interim') &&
      compareDates(a.approvedOn, meeting) <= 0 &&
      (previous === undefined || compareDates(a.approvedOn, previous) > 0),
  );
  const exception = (r: DueRow): ReviewException => ({
    id: r.id,
    title: r.title,
    owner: r.owner,
    owner_name: byId.get(r.owner)?.name ?? null,
    review_due: r.review_due,
    days_past_due: r.days_past_due,
  });
  const history = input.attendanceHistory.filter((h) => compareDates(h.date, meeting) <= 0);
  return {
    meeting,
    previous_meeting: previous ?? null,
    approved: approved.map((a) => reported(a, people)),
    director_and_interim: since.map((a) => reported(a, people)),
    decisions: input.decisions.map((d) => ({
      id: d.id,
      title: input.titles.get(d.id) ?? d.id,
      decision: d.decision,
      reason: d.reason ?? null,
      deferred_to: d.deferred_to ?? null,
    })),
    exceptions: {
      escalations: input.reviews.filter((r) => r.state === 'escalate').map(exception),
      overdue_reviews: input.reviews.filter((r) => r.state === 'overdue').map(exception),
      absences: absencesToEscalate(history, byId, input.settings).map((a) => ({
        member: a.member,
        name: byId.get(a.member)?.name ?? a.member,
        meetings: a.meetings,
      })),
      quorate: input.attendance ? quorum(input.attendance, byId, input.settings).quorate : null,
    },
  };
}

export interface NewsletterReport {
  month: string;
  items: {
    id: string;
    title: string;
    kind: 'new' | 'revised';
    approved_on: IsoDate;
    summary: string | null;
    changes: string | null;
    url: string | null;
  }[];
}

/**
 * Returns the newsletter's list for a month (YYYY-MM): each document approved in it, new or revised. The group's full
 * approval of a version already approved on interim approval is left out: practitioners had it then.
 */
export function newsletterReport(month: string, approvals: readonly ApprovalEvent[], people: ReportPeople) {
  const items = approvals
    .filter((a) => a.approvedOn.startsWith(`${month}-`) && !a.confirmsInterim)
    .map((a) => {
      const r = reported(a, people);
      return {
        id: r.id,
        title: r.title,
        kind: r.kind,
        approved_on: r.approved_on,
        summary: r.summary,
        changes: r.changes,
        url: r.url,
      };
    });
  return { month, items } satisfies NewsletterReport;
}

/** Returns an approval as reports list it. */
export function reported(a: ApprovalEvent, people: ReportPeople): ReportedApproval {
  return {
    id: a.id,
    title: a.title,
    type: a.type,
    kind: a.kind,
    version: a.version,
    route: a.route,
    approved_on: a.approvedOn,
    summary: a.summary ?? null,
    changes: a.changes ?? null,
    impact: {
      training: a.impact.training ?? null,
      systems: a.impact.systems,
      communication: a.impact.communication ?? null,
    },
    owner: a.owner,
    owner_name: people.members.find((m) => m.id === a.owner)?.name ?? null,
    url: people.baseUrl ? `${people.baseUrl}documents/${encodeURIComponent(a.id)}.html` : null,
  };
}

/** The financial year from 1 April YYYY to 31 March YYYY+1. */
export function financialYear(year: number): { from: IsoDate; to: IsoDate } {
  return { from: `${year}-04-01`, to: `${year + 1}-03-31` };
}

/** A document as the register stood on a day: its last approval on or before it, not retired by then. */
export interface StandingDocument {
  id: string;
  title: string;
  type: string;
  owner: string;
  version: string;
  approvedOn: IsoDate;
  reviewDue?: IsoDate;
}

/**
 * Returns the documents in force on a day, from the approval and retirement events; a document with no approval event
 * (approved before the register used ppp and adopted) is taken as the register now has it, when approved by then.
 */
export function registerOn(
  day: IsoDate,
  approvals: readonly ApprovalEvent[],
  retirements: readonly RetirementEvent[],
  current: readonly StandingDocument[],
): StandingDocument[] {
  const last = new Map<string, ApprovalEvent>();
  for (const a of approvals) if (compareDates(a.approvedOn, day) <= 0) last.set(a.id, a);
  const standing = new Map<string, StandingDocument>();
  for (const [id, a] of last)
    standing.set(id, {
      id,
      title: a.title,
      type: a.type,
      owner: a.owner,
      version: a.version,
      approvedOn: a.approvedOn,
      reviewDue: a.reviewDue,
    });
  const known = new Set(approvals.map((a) => a.id));
  for (const c of current) if (!known.has(c.id) && compareDates(c.approvedOn, day) <= 0) standing.set(c.id, c);
  for (const r of retirements) {
    const s = standing.get(r.id);
    // Retired by the day, and after the approval that put it in force.
    if (s && compareDates(r.retiredOn, day) <= 0 && compareDates(r.retiredOn, s.approvedOn) >= 0) standing.delete(r.id);
  }
  return [...standing.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

export interface AnnualReport {
  year: number;
  from: IsoDate;
  to: IsoDate;
  /** The year is not over: figures "at year end" are as of this day. */
  as_of: IsoDate;
  approvals: {
    total: number;
    by_type: Record<string, number>;
    by_route: Record<string, number>;
    by_month: Record<string, number>;
    new: number;
    revised: number;
  };
  reviews: { on_time: number; late: number; overdue_at_year_end: number };
  meetings: { held: number; quorate: number; dates: IsoDate[] };
  attendance: {
    by_member: { member: string; name: string; role: string; present: number; apologies: number; absent: number }[];
    by_role: { role: string; present: number; apologies: number; absent: number }[];
  };
  actions: { raised: number; closed: number; open: number };
  register_at_year_end: { total: number; by_type: Record<string, number>; by_review_state: Record<string, number> };
  work_asked_for: { id: string; title: string; training: string | null; systems: string[] }[];
}

export interface AnnualInput {
  year: number;
  today: IsoDate;
  approvals: readonly ApprovalEvent[];
  retirements: readonly RetirementEvent[];
  current: readonly StandingDocument[];
  meetings: readonly { date: IsoDate; attendance: Attendance | null }[];
  actions: readonly { raised: string; done_on: string | null }[];
  settings: Settings;
  members: readonly Member[];
  /** review state of a review due on a day, as ppp due gives it. */
  reviewStateOn: (due: IsoDate, day: IsoDate) => string;
}

/** Returns the annual report on the work of the group in a financial year. */
export function annualReport(input: AnnualInput): AnnualReport {
  const { from, to } = financialYear(input.year);
  const asOf = compareDates(input.today, to) < 0 ? input.today : to;
  const within = (d: string | null | undefined) =>
    !!d && compareDates(d, from) >= 0 && compareDates(d, to) <= 0 && compareDates(d, asOf) <= 0;
  const approvals = input.approvals.filter((a) => within(a.approvedOn));
  const count = (keys: string[]) => {
    const out: Record<string, number> = {};
    for (const k of keys) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  const byMonth: Record<string, number> = {};
  for (let i = 0; i < 12; i++) {
    const month = `${input.year + Math.floor((3 + i) / 12)}-${String(((3 + i) % 12) + 1).padStart(2, '0')}`;
    byMonth[month] = approvals.filter((a) => a.approvedOn.startsWith(month)).length;
  }
  // A review is a later version approved: on time when approved on or before the review date it replaced.
  const reviews = approvals.filter((a) => a.kind === 'revised' && !a.confirmsInterim && a.previousDue);
  const onTime = reviews.filter((a) => compareDates(a.approvedOn, a.previousDue!) <= 0).length;
  const standing = registerOn(asOf, input.approvals, input.retirements, input.current);
  const states = standing.map((d) => (d.reviewDue ? input.reviewStateOn(d.reviewDue, asOf) : 'none'));
  const held = input.meetings.filter((m) => within(m.date) && m.attendance !== null);
  const byId = new Map(input.members.map((m) => [m.id, m]));
  const byMember = input.members.map((m) => {
    const row = { member: m.id, name: m.name, role: m.role, present: 0, apologies: 0, absent: 0 };
    for (const h of held) {
      const a = h.attendance!;
      if (a.present.includes(m.id)) row.present++;
      else if (a.apologies.some((x) => x.member === m.id)) row.apologies++;
      else if (a.absent.includes(m.id)) row.absent++;
    }
    return row;
  });
  const roles = [...new Set(input.members.map((m) => m.role))];
  return {
    year: input.year,
    from,
    to,
    as_of: asOf,
    approvals: {
      total: approvals.length,
      by_type: count(approvals.map((a) => a.type)),
      by_route: count(approvals.map((a) => a.route)),
      by_month: byMonth,
      new: approvals.filter((a) => a.kind === 'new' && !a.confirmsInterim).length,
      revised: approvals.filter((a) => a.kind === 'revised' && !a.confirmsInterim).length,
    },
    reviews: {
      on_time: onTime,
      late: reviews.length - onTime,
      overdue_at_year_end: states.filter((s) => s === 'overdue' || s === 'escalate').length,
    },
    meetings: {
      held: held.length,
      quorate: held.filter((m) => quorum(m.attendance!, byId, input.settings).quorate).length,
      dates: held.map((m) => m.date),
    },
    attendance: {
      by_member: byMember,
      by_role: roles.map((role) => {
        const rows = byMember.filter((r) => r.role === role);
        return {
          role,
          present: rows.reduce((n, r) => n + r.present, 0),
          apologies: rows.reduce((n, r) => n + r.apologies, 0),
          absent: rows.reduce((n, r) => n + r.absent, 0),
        };
      }),
    },
    actions: {
      raised: input.actions.filter((a) => within(a.raised)).length,
      closed: input.actions.filter((a) => within(a.done_on)).length,
      open: input.actions.filter(
        (a) => compareDates(a.raised, asOf) <= 0 && (a.done_on === null || compareDates(a.done_on, asOf) > 0),
      ).length,
    },
    register_at_year_end: {
      total: standing.length,
      by_type: count(standing.map((d) => d.type)),
      by_review_state: count(states),
    },
    work_asked_for: approvals
      .filter((a) => !a.confirmsInterim && (a.impact.training || a.impact.systems.length))
      .map((a) => ({ id: a.id, title: a.title, training: a.impact.training ?? null, systems: a.impact.systems })),
  };
}

export interface RegisterReport {
  year: number;
  from: IsoDate;
  to: IsoDate;
  as_of: IsoDate;
  in_force: {
    id: string;
    title: string;
    type: string;
    version: string;
    owner: string;
    owner_name: string | null;
    approved_on: IsoDate;
    review_due: IsoDate | null;
    review_state: string | null;
    /** The page on the published site, with --base-url. */
    url: string | null;
  }[];
  added: { id: string; title: string; type: string; approved_on: IsoDate }[];
  revised: { id: string; title: string; version: string; approved_on: IsoDate; changes: string | null }[];
  retired: { id: string; title: string; status: string; retired_on: IsoDate; superseded_by: string | null }[];
  overdue: { id: string; title: string; owner_name: string | null; review_due: IsoDate; review_state: string }[];
}

/** Returns the register for the Board: in force at the year's end (or today); what the year added, revised, retired. */
export function registerReport(
  input: Omit<AnnualInput, 'meetings' | 'actions' | 'settings'> & { baseUrl?: string },
): RegisterReport {
  const { from, to } = financialYear(input.year);
  const asOf = compareDates(input.today, to) < 0 ? input.today : to;
  const within = (d: string) => compareDates(d, from) >= 0 && compareDates(d, asOf) <= 0;
  const name = (id: string) => input.members.find((m) => m.id === id)?.name ?? null;
  const standing = registerOn(asOf, input.approvals, input.retirements, input.current);
  const inForce = standing.map((d) => ({
    id: d.id,
    title: d.title,
    type: d.type,
    version: d.version,
    owner: d.owner,
    owner_name: name(d.owner),
    approved_on: d.approvedOn,
    review_due: d.reviewDue ?? null,
    review_state: d.reviewDue ? input.reviewStateOn(d.reviewDue, asOf) : null,
    url: input.baseUrl ? `${input.baseUrl}documents/${encodeURIComponent(d.id)}.html` : null,
  }));
  const year = input.approvals.filter((a) => within(a.approvedOn) && !a.confirmsInterim);
  const titles = new Map(input.approvals.map((a) => [a.id, a.title]));
  return {
    year: input.year,
    from,
    to,
    as_of: asOf,
    in_force: inForce,
    added: year
      .filter((a) => a.kind === 'new')
      .map((a) => ({ id: a.id, title: a.title, type: a.type, approved_on: a.approvedOn })),
    revised: year
      .filter((a) => a.kind === 'revised')
      .map((a) => ({
        id: a.id,
        title: a.title,
        version: a.version,
        approved_on: a.approvedOn,
        changes: a.changes ?? null,
      })),
    retired: input.retirements
      .filter((r) => within(r.retiredOn))
      .map((r) => ({
        id: r.id,
        title: titles.get(r.id) ?? r.id,
        status: r.status,
        retired_on: r.retiredOn,
        superseded_by: r.supersededBy ?? null,
      })),
    overdue: inForce
      .filter((d) => d.review_state === 'overdue' || d.review_state === 'escalate')
      .map((d) => ({
        id: d.id,
        title: d.title,
        owner_name: d.owner_name,
        review_due: d.review_due!,
        review_state: d.review_state!,
      })),
  };
}

/** Returns the work a document's impact field names: training, systems (one or a list), communication. */
export function impactOf(data: Record<string, unknown>): ApprovalEvent['impact'] {
  const impact = (data.impact ?? {}) as Record<string, unknown>;
  const systems = impact.systems;
  return {
    training: typeof impact.training === 'string' ? impact.training : undefined,
    systems: typeof systems === 'string' ? [systems] : Array.isArray(systems) ? systems.map(String) : [],
    communication: typeof impact.communication === 'string' ? impact.communication : undefined,
  };
}
