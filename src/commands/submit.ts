/** ppp submit: record a document's submission (received today) and the meeting it goes to. */
import { addMonths, isIsoDate } from '../core/calendar.js';
import { IN_FORCE, text } from '../core/document.js';
import { RefusalError, UsageError } from '../core/errors.js';
import { meetings, scheduledMeeting, type Meeting } from '../core/meetings.js';
import { recordingToday } from '../io/clock.js';
import type { Io } from '../io/io.js';
import { editDocument, openDocument, writeDocument } from './steps/edit-document.js';
import { findDocument, loadRegister } from './steps/load-register.js';
import { loadWorkingCalendar } from './steps/working-calendar.js';

export const KINDS = ['proposal', 'draft', 'review'] as const;

export interface SubmitOptions {
  register?: string;
  today?: string;
  id: string;
  kind?: string;
  meeting?: string;
  late?: boolean;
}

export interface SubmitResult {
  id: string;
  file: string;
  kind: string;
  on: string;
  meeting: Meeting;
  late: boolean;
  /** Working days from today to the meeting's submission deadline (0 on the day itself); null once it has passed. */
  workingDaysLeft: number | null;
  /** The meeting it was submitted to before, when this moved a submission. */
  movedFrom?: string;
}

const DEFAULT_KIND: Record<string, (typeof KINDS)[number]> = {
  proposed: 'proposal',
  drafting: 'draft',
  interim: 'draft',
  approved: 'review',
  'under-review': 'review',
};

/**
 * Records the submission in the document's front matter and returns where it goes; refuses (file untouched) when it
 * cannot.
 */
export async function submit(options: SubmitOptions, io: Io): Promise<SubmitResult> {
  if (options.kind !== undefined && !(KINDS as readonly string[]).includes(options.kind))
    throw new UsageError(`--kind ${options.kind} is not one of: ${KINDS.join(', ')}`);
  if (options.meeting !== undefined && !isIsoDate(options.meeting))
    throw new UsageError(`--meeting ${options.meeting} is not a real date written YYYY-MM-DD`);
  const loaded = await loadRegister(io, { register: options.register, write: 'submit' });
  const record = findDocument(loaded, options.id);
  const status = String(record.data.status);
  if (status === 'submitted') {
    const current = text(record.data, 'submission', 'meeting');
    if (options.meeting === undefined || options.meeting === current)
      throw new RefusalError(
        `${options.id} is already ` +
          `submitted${current ? ` for the meeting of ${current}` : ''}; name another ` +
          `meeting with --meeting to move it`,
      );
  }
  const kind =
    options.kind ??
    DEFAULT_KIND[status] ??
    (status === 'submitted' ? text(record.data, 'submission', 'kind') : undefined);
  if (!kind)
    throw new RefusalError(
      `${options.id} is ${status}; only documents that are proposed, drafting, ` +
        `interim, approved or under review can be submitted`,
    );
  const inForce = IN_FORCE.has(status) || status === 'under-review' || text(record.data, 'approval', 'approved_on');
  if (kind === 'proposal' && inForce) {
    throw new RefusalError(
      `${options.id} is already in force (it has been approved); a proposal is for a new document. ` +
        `Submit the revised version for review instead: ppp submit ${options.id} --kind review`,
    );
  }
  const settings = loaded.settings;
  const today = recordingToday(io, settings.timezone, options.today);
  // A submission moved to another meeting was received when it was first received: that date stays, and whether it is
  // in time for the new meeting is judged by it (as a deferred item is).
  const firstOn = status === 'submitted' ? text(record.data, 'submission', 'on') : undefined;
  const received = firstOn !== undefined && isIsoDate(firstOn) && firstOn <= today ? firstOn : today;
  const calendar = await loadWorkingCalendar(settings);
  let meeting: Meeting;
  let late = false;
  if (options.meeting !== undefined) {
    meeting = scheduledMeeting(settings, calendar, options.meeting);
    if (meeting.date < today)
      throw new RefusalError(
        `the meeting of ${meeting.date} has already taken place; nothing was changed. ` +
          `Leave out --meeting for the next meeting`,
      );
    if (meeting.submission_deadline < received) {
      if (!options.late) {
        throw new RefusalError(
          `the submission deadline of the meeting of ${meeting.date} was ` +
            `${meeting.submission_deadline}; nothing was changed. Pass --late to submit it ` +
            `anyway (the chair decides whether to accept it), or leave out --meeting for the ` +
            `next meeting`,
        );
      }
      late = true;
    }
  } else {
    // The first meeting whose submission deadline is today or later (an item received on the deadline
    // day is in time); with frequent meetings and long deadlines that can be several meetings ahead.
    const next = meetings(settings, calendar, today, { to: addMonths(today, 24) }).find(
      (m) => m.submission_deadline >= today,
    );
    if (!next)
      throw new RefusalError(
        'no meeting is scheduled with a submission deadline ahead; check meetings.rule in ppp.yaml',
      );
    meeting = next;
  }
  const doc = openDocument(loaded, record);
  const submission: Record<string, unknown> = { kind, on: received, meeting: meeting.date };
  if (late) submission.late = true;
  // The submitted document must validate on its own; the register-wide rules are ppp validate's.
  const after = await editDocument(
    loaded,
    doc,
    { status: 'submitted', submission },
    { refusal: `${options.id} is not ready to submit` },
  );
  writeDocument(doc, after);
  return {
    id: options.id,
    file: record.file,
    kind,
    on: received,
    meeting,
    late,
    workingDaysLeft:
      meeting.submission_deadline >= today ? calendar.workingDaysBetween(today, meeting.submission_deadline) : null,
    ...(status === 'submitted' ? { movedFrom: text(record.data, 'submission', 'meeting') } : {}),
  };
}
