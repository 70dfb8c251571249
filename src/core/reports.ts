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
