/**
 * The agenda of a meeting in the standard order of the Dorset terms of reference: progress
 * report from the chair; new proposals and drafts (and interim approvals awaiting full
 * approval); reviews of existing documents; horizon scanning; then items for information
 * (director approvals since the previous meeting) and items deferred because they came in
 * after the submission deadline. Pure.
 */
import { compareDates, type IsoDate } from './calendar.js';
import type { Action } from './actions.js';
import type { Absence } from './attendance.js';
import type { Meeting } from './meetings.js';
import type { DueRow } from './reviews.js';
import { text, type DocRecord } from './document.js';

export interface AgendaItem {
  id: string;
  title: string;
  type: string;
  owner: string;
  version: string;
  /**
   * proposal, draft, review, interim (awaiting full approval), director (for information), drafting, proposed or
   * review-due (horizon).
   */
  kind: string;
  submitted_on: string | null;
  file: string;
  /** What the item is, for the reader: "Proposal for a new standard", "Draft for approval", "Review of version 2.0". */
  label: string;
  /** Why the item is where it is, for the reader: "late, accepted by the chair", "review due 2027-02-01". */
  note?: string;
}

export interface AgendaAction extends Action {
  overdue: boolean;
}

export interface Agenda {
  group: string;
  meeting: IsoDate;
  submission_deadline: IsoDate;
  circulation_deadline: IsoDate;
  papers_late: boolean;
  today: IsoDate;
  progress: {
    actions: AgendaAction[];
    escalations: DueRow[];
    overdue_reviews: DueRow[];
    absences: Absence[];
    /** The last meeting held before this one; quorate is null when its attendance was not recorded. */
    last_meeting: { date: IsoDate; quorate: boolean | null } | null;
  };
  proposals_and_drafts: AgendaItem[];
  reviews: AgendaItem[];
  information: AgendaItem[];
  horizon: AgendaItem[];
  deferred: AgendaItem[];
  /**
   * What the agenda describes: the agenda issued to members (issued), the register as it stood at the meeting's
   * circulation deadline (history: a meeting that has taken place, never described with today's state), or the
   * register now (register).
   */
  source?: { kind: 'issued' | 'history' | 'register'; as_of: IsoDate; commit?: string };
  /** The real date the agenda was issued (ppp agenda --issue). */
  issued_on?: IsoDate;
}

export interface AgendaInput {
  group: string;
  meeting: Meeting;
  /** The meeting before this one (director approvals since then are for information), if any. */
  previous?: IsoDate;
  /** The meeting after next: reviews falling due before it are on the horizon. */
  afterNext?: IsoDate;
  today: IsoDate;
  records: readonly DocRecord[];
  /** Review states at today (ppp due). */
  reviews: readonly DueRow[];
  actions: readonly Action[];
  absences: readonly Absence[];
  lastMeeting: { date: IsoDate; quorate: boolean | null } | null;
  /** Ids of late submissions the chair accepts (--accept-late). */
  acceptLate: ReadonlySet<string>;
}

/** Returns the agenda of a meeting. */
export function buildAgenda(input: AgendaInput): Agenda {
  const { meeting, today } = input;
  const agenda: Agenda = {
    group: input.group,
    meeting: meeting.date,
    submission_deadline: meeting.submission_deadline,
    circulation_deadline: meeting.circulation_deadline,
    papers_late: compareDates(today, meeting.circulation_deadline) > 0,
    today,
    progress: {
      // Open as the agenda stood on its day: raised by then, and not yet done then.
      actions: input.actions
        .filter((a) => compareDates(a.raised, today) <= 0 && (a.done_on === null || compareDates(a.done_on, today) > 0))
        .map((a) => ({ ...a, done_on: null, overdue: compareDates(a.due, today) < 0 }))
        .sort((a, b) => compareDates(a.due, b.due)),
      escalations: input.reviews.filter((r) => r.state === 'escalate'),
      overdue_reviews: input.reviews.filter((r) => r.state === 'overdue'),
      absences: [...input.absences],
      last_meeting: input.lastMeeting,
    },
    proposals_and_drafts: [],
    reviews: [],
    information: [],
    horizon: [],
    deferred: [],
  };
  const onAgenda = new Set<string>();
  for (const r of input.records) {
    const d = r.data;
    if (!d) continue;
    const item = (kind: string, note?: string): AgendaItem => ({
      id: text(d, 'id') ?? '',
      title: text(d, 'title') ?? '',
      type: text(d, 'type') ?? '',
      owner: text(d, 'owner') ?? '',
      version: text(d, 'version') ?? '',
      kind,
      label: itemLabel(kind, text(d, 'type') ?? 'document', text(d, 'version') ?? ''),
      submitted_on: text(d, 'submission', 'on') ?? null,
      file: r.file,
      ...(note ? { note } : {}),
    });
    const status = String(d.status ?? '');
    const id = text(d, 'id') ?? '';
    if (status === 'submitted') {
      const target = text(d, 'submission', 'meeting');
      const on = text(d, 'submission', 'on');
      const submitted = text(d, 'submission', 'kind') ?? 'draft';
      // A draft of a document in force on interim approval comes for its full approval.
      const kind = submitted === 'draft' && text(d, 'approval', 'route') === 'interim' ? 'interim' : submitted;
      // Items for this meeting, and items left over from an earlier one, come to this meeting.
      if (!target || !on || compareDates(target, meeting.date) > 0) continue;
      // Carried forward only from a meeting that has taken place: until then the item is that meeting's.
      if (compareDates(target, meeting.date) < 0 && compareDates(target, today) >= 0) continue;
      const late = compareDates(on, meeting.submission_deadline) > 0;
      if (late && !input.acceptLate.has(id)) {
        agenda.deferred.push(
          item(
            kind,
            `received ${on}, after the deadline of ${meeting.submission_deadline}: deferred to the next meeting`,
          ),
        );
        continue;
      }
      const note = late
        ? `received ${on}, after the deadline; accepted by the chair`
        : compareDates(target, meeting.date) < 0
          ? `carried forward from the meeting of ${target}`
          : undefined;
      (kind === 'review' ? agenda.reviews : agenda.proposals_and_drafts).push(item(kind, note));
      onAgenda.add(id);
    } else if (
      status === 'interim' &&
      compareDates(text(d, 'approval', 'approved_on') ?? meeting.date, meeting.date) <= 0
    ) {
      agenda.proposals_and_drafts.push(
        item(
          'interim',
          `interim approval by ` +
            `${text(d, 'approval', 'approved_by') ?? 'a head of service'} on ` +
            `${text(d, 'approval', 'approved_on') ?? '?'}: for full approval`,
        ),
      );
      onAgenda.add(id);
    }
    const route = text(d, 'approval', 'route');
    const approvedOn = text(d, 'approval', 'approved_on');
    if (
      status === 'approved' &&
      route === 'director' &&
      approvedOn &&
      compareDates(approvedOn, meeting.date) <= 0 &&
      (!input.previous || compareDates(approvedOn, input.previous) > 0)
    ) {
      agenda.information.push(
        item('director', `approved by ${text(d, 'approval', 'approved_by') ?? 'a director'} on ${approvedOn}`),
      );
    }
  }
  // Horizon: reviews falling due before the meeting after next, documents being drafted, proposals agreed but not
  // drafted.
  for (const r of input.reviews) {
    if (onAgenda.has(r.id) || r.state === 'overdue' || r.state === 'escalate') continue;
    if (input.afterNext && compareDates(r.review_due, input.afterNext) >= 0) continue;
    const rec = input.records.find((x) => x.file === r.file);
    agenda.horizon.push({
      id: r.id,
      title: r.title,
      type: r.type,
      owner: r.owner,
      version: text(rec?.data ?? {}, 'version') ?? '',
      kind: 'review-due',
      label: itemLabel('review-due', r.type, ''),
      submitted_on: null,
      file: r.file,
      note: `review due ${r.review_due}`,
    });
  }
  for (const r of input.records) {
    const status = String(r.data?.status ?? '');
    if (!r.data || (status !== 'drafting' && status !== 'proposed')) continue;
    const d = r.data;
    agenda.horizon.push({
      id: text(d, 'id') ?? '',
      title: text(d, 'title') ?? '',
      type: text(d, 'type') ?? '',
      owner: text(d, 'owner') ?? '',
      version: text(d, 'version') ?? '',
      kind: status,
      label: status === 'drafting' ? 'In drafting' : `Proposal for a new ${text(d, 'type') ?? 'document'}`,
      submitted_on: null,
      file: r.file,
      // A proposal is agreed only by the group's decision (ppp decide): a fresh one is not called agreed.
      note:
        status === 'proposed'
          ? 'proposed, not yet agreed by the group'
          : text(d, 'proposal', 'agreed_on')
            ? `agreed on ${text(d, 'proposal', 'agreed_on')}, in drafting`
            : 'in drafting',
    });
  }
  const byId = (a: AgendaItem, b: AgendaItem) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const list of [agenda.proposals_and_drafts, agenda.reviews, agenda.information, agenda.deferred])
    list.sort(byId);
  return agenda;
}

/** Returns what an agenda item is, in words: "Proposal for a new standard", "Review of version 2.0". */
export function itemLabel(kind: string, type: string, version: string): string {
  switch (kind) {
    case 'proposal':
      return `Proposal for a new ${type}`;
    case 'draft':
      return 'Draft for approval';
    case 'review':
      return version ? `Review of version ${version}` : 'Review';
    case 'interim':
      return 'Interim approval for full approval';
    case 'director':
      return 'Approved by a director, for information';
    case 'review-due':
      return 'Review falling due';
    default:
      return kind;
  }
}
