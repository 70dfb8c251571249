/** Formatters of the meeting schedule: table, JSON (SPEC section 11), and an iCalendar file (RFC 5545). */
import type { ChalkInstance } from 'chalk';
import { createEvents, type EventAttributes } from 'ics';
import { addDays, weekday, zonedInstant } from '../core/calendar.js';
import type { Settings } from '../core/settings.js';
import type { Meeting, MeetingRow } from '../core/meetings.js';
import { slugify } from '../core/ids.js';
import { printable } from './printable.js';
import { renderTable, type Column } from './table.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const day = (d: string) => `${DAYS[weekday(d) - 1]} ${d}`;

/** Returns the meetings as the SPEC's JSON (date and both deadlines), with the working days left added. */
export function meetingsJson(rows: MeetingRow[]): string {
  return JSON.stringify(rows, null, 2) + '\n';
}

/** Returns the meetings as a table that fits the width (or one record each on a narrow terminal), then today. */
export function meetingsTable(rows: MeetingRow[], c: ChalkInstance, today: string, width: number): string {
  const columns: Column[] = ['Meeting', 'Items and drafts by', 'Papers out by', 'Working days left', 'Quorate'].map(
    (head) => ({ head }),
  );
  const cells = rows.map((r) => {
    const left = r.working_days_to_submission;
    const leftText =
      left === null
        ? c.dim('passed')
        : left <= 2
          ? c.red(String(left))
          : left <= 5
            ? c.yellow(String(left))
            : String(left);
    const quorate = r.quorate === null ? '' : r.quorate ? c.green('yes') : c.red('no');
    return [day(r.date), day(r.submission_deadline), day(r.circulation_deadline), leftText, quorate];
  });
  const table = rows.length ? renderTable(columns, cells, { width, head: (h) => c.bold(h) }) + '\n' : '';
  return `${table}${rows.length ? '' : 'No meetings in that time.\n'}Today is ${day(today)}.\n`;
}

/** What an iCalendar file needs besides the meetings: the meetings cancelled in the same span, and when it is made. */
export interface IcsOptions {
  /** Meetings of meetings.cancel within the span listed, written as cancelled events under their UIDs. */
  cancelled: readonly Meeting[];
  /** The instant the file is made, in milliseconds: its DTSTAMP, and the source of SEQUENCE. */
  generatedAt: number;
}

const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);

/**
 * Returns the SEQUENCE of every event in a file made at an instant: the seconds since 2020-01-01 UTC.
 *
 * ppp keeps no record of the files it has written, so it cannot know which events changed since the last one. A
 * sequence derived from the event itself (a hash of its time) would not be monotone: a deadline moved back would go
 * down, and Outlook and Google ignore an update whose SEQUENCE is lower than the one they hold. A sequence from the
 * clock rises with every file written, so each import's version of an event, changed or not, supersedes the last
 * (an unchanged event is simply updated to itself). Seconds since 2020 stay below RFC 5545's 2^31 limit until 2088.
 */
export function icsSequence(generatedAt: number): number {
  return Math.max(0, Math.floor((generatedAt - SEQUENCE_EPOCH) / 1000));
}

/**
 * Returns an iCalendar file of the meetings and their deadlines, and of the meetings cancelled in the same span.
 *
 * Each event's UID comes from the group and the event (the meeting's date and which of its three events it is), never
 * from when the file was made, so importing the file again into Outlook or Google Calendar updates the events instead
 * of adding copies: a deadline that moves (a bank holiday added, a setting changed) keeps its UID with its new date,
 * and a cancelled meeting (meetings.cancel) and its deadlines are written under their UIDs with STATUS:CANCELLED, so
 * the calendar removes them. The file is METHOD:PUBLISH: METHOD:CANCEL would apply to every event in it, and a
 * publication carries cancellations as STATUS:CANCELLED events. SEQUENCE rises with every file (see icsSequence).
 */
export function meetingsIcs(rows: readonly Meeting[], settings: Settings, options: IcsOptions): string {
  const domain = `${slugify(settings.short_name)}.ppp.invalid`;
  const name = printable(settings.short_name);
  const group = printable(settings.group);
  const location = settings.meetings.location === undefined ? undefined : printable(settings.meetings.location);
  const common = { sequence: icsSequence(options.generatedAt), timestamp: options.generatedAt };
  const allDay = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const [ey, em, ed] = addDays(date, 1).split('-').map(Number) as [number, number, number];
    return { start: [y, m, d] as [number, number, number], end: [ey, em, ed] as [number, number, number] };
  };
  const events: EventAttributes[] = [];
  const add = (r: Meeting, isCancelled: boolean) => {
    const status = isCancelled ? 'CANCELLED' : 'CONFIRMED';
    const cancelled = isCancelled ? 'Cancelled: ' : '';
    const note = isCancelled ? ` The meeting of ${r.date} is cancelled.` : '';
    const meeting = {
      ...common,
      status,
      title: `${cancelled}${name} meeting`,
      uid: `${r.date}-meeting@${domain}`,
      description:
        `${group}. Items and drafts by ${r.submission_deadline}; ` + `papers out by ${r.circulation_deadline}.${note}`,
      location,
    };
    if (settings.meetings.time) {
      const at = new Date(zonedInstant(r.date, settings.meetings.time, settings.timezone));
      events.push({
        ...meeting,
        start: [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes()],
        startInputType: 'utc',
        startOutputType: 'utc',
        duration: { minutes: settings.meetings.duration ?? 120 },
      } as EventAttributes);
    } else {
      events.push({ ...meeting, ...allDay(r.date) } as EventAttributes);
    }
    events.push({
      ...common,
      status,
      ...allDay(r.submission_deadline),
      title: `${cancelled}${name}: items and drafts due for the meeting of ${r.date}`,
      uid: `${r.date}-submission-deadline@${domain}`,
      description:
        `Send agenda items and completed drafts to the chair by today for the ${name} meeting of ${r.date}.` + note,
    } as EventAttributes);
    events.push({
      ...common,
      status,
      ...allDay(r.circulation_deadline),
      title: `${cancelled}${name}: papers out for the meeting of ${r.date}`,
      uid: `${r.date}-circulation-deadline@${domain}`,
      description: `The chair circulates the agenda and papers by today for the ${name} meeting of ${r.date}.${note}`,
    } as EventAttributes);
  };
  for (const r of rows) add(r, false);
  for (const r of options.cancelled) add(r, true);
  const { error, value } = createEvents(events, { productId: 'ppp', calName: group, method: 'PUBLISH' });
  if (error || !value) throw error ?? new Error('the calendar could not be written');
  return value;
}
