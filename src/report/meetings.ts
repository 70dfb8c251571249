/** Formatters of the meeting schedule: table, JSON (SPEC section 11), and an iCalendar file (RFC 5545). */
import type { ChalkInstance } from 'chalk';
import { createEvents, type EventAttributes } from 'ics';
import { addDays, weekday, zonedInstant } from '../core/calendar.js';
import type { Settings } from '../core/settings.js';
import type { MeetingRow } from '../core/meetings.js';
import { slugify } from '../core/ids.js';
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

/**
 * Returns an iCalendar file of the meetings and their deadlines. UIDs are stable (date,
 * kind and group), so importing the file again into Outlook or Google Calendar updates the
 * events instead of adding copies.
 */
export function meetingsIcs(rows: MeetingRow[], settings: Settings): string {
  const domain = `${slugify(settings.short_name)}.ppp.invalid`;
  const name = settings.short_name;
  const allDay = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const [ey, em, ed] = addDays(date, 1).split('-').map(Number) as [number, number, number];
    return { start: [y, m, d] as [number, number, number], end: [ey, em, ed] as [number, number, number] };
  };
  const events: EventAttributes[] = [];
  for (const r of rows) {
    const meeting = {
      title: `${name} meeting`,
      uid: `${r.date}-meeting@${domain}`,
      description:
        `${settings.group}. Items and drafts by ${r.submission_deadline}; ` +
        `papers out by ${r.circulation_deadline}.`,
      location: settings.meetings.location,
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
      ...allDay(r.submission_deadline),
      title: `${name}: items and drafts due for the meeting of ${r.date}`,
      uid: `${r.date}-submission-deadline@${domain}`,
      description: `Send agenda items and completed drafts to the chair by today for the ${name} meeting of ${r.date}.`,
    } as EventAttributes);
    events.push({
      ...allDay(r.circulation_deadline),
      title: `${name}: papers out for the meeting of ${r.date}`,
      uid: `${r.date}-circulation-deadline@${domain}`,
      description: `The chair circulates the agenda and papers by today for the ${name} meeting of ${r.date}.`,
    } as EventAttributes);
  }
  const { error, value } = createEvents(events, { productId: 'ppp', calName: settings.group, method: 'PUBLISH' });
  if (error || !value) throw error ?? new Error('the calendar could not be written');
  return value;
}
