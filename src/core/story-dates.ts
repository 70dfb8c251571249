/**
 * The live example's story, anchored to the real date. The sample register tells its story as
 * of SAMPLE_NOW; ppp init --example moves every date in it so that the story ends the day before
 * the real date: each of the sample's meetings becomes the group's meeting as many meetings
 * before (or after) the real one, the story's last day becomes yesterday (or the next meeting's
 * submission deadline, so that items received for it are not late), and dates in between move in
 * proportion. Order is kept, meetings stay meetings, and nothing lands after the real date. Pure.
 */
import {
  addDays,
  compareDates,
  DAYS,
  daysBetween,
  isIsoDate,
  longDate,
  MONTHS,
  writtenDate,
  type IsoDate,
} from './calendar.js';
import { addDuration, parseDuration } from './duration.js';
import { frontMatterData } from './front-matter.js';

/** The last day of the sample register's story: nothing in it is recorded later. */
export const SAMPLE_NOW: IsoDate = '2026-11-24';

export type DateMap = (date: IsoDate) => IsoDate;

export interface DatePair {
  from: IsoDate;
  to: IsoDate;
}

/** Returns the map through the anchors: in proportion between two, a plain shift before the first and after the last */
export function dateMapThrough(anchors: readonly DatePair[]): DateMap {
  const pairs = [...anchors].sort((a, b) => compareDates(a.from, b.from));
  if (pairs.length === 0) return (date) => date;
  return (date) => {
    let i = 0;
    while (i < pairs.length && compareDates(pairs[i]!.from, date) <= 0) i++;
    if (i === 0) return addDays(pairs[0]!.to, daysBetween(pairs[0]!.from, date));
    const a = pairs[i - 1]!;
    if (i === pairs.length) return addDays(a.to, daysBetween(a.from, date));
    const b = pairs[i]!;
    const span = daysBetween(a.from, b.from);
    return addDays(a.to, Math.floor((daysBetween(a.from, date) * daysBetween(a.to, b.to)) / span));
  };
}

export interface StoryAnchoring {
  /** The sample's meetings, oldest first, enough to cover its dates. */
  sampleMeetings: readonly IsoDate[];
  /** The same settings' meetings around the real date, oldest first. */
  realMeetings: readonly IsoDate[];
  /** The day the anchored story ends: yesterday, or earlier so that items for the next meeting are in time. */
  storyEnd: IsoDate;
}

/**
 * Returns the anchors: the sample's last meeting by SAMPLE_NOW becomes the last real meeting by storyEnd, the ones
 * around it the ones around that, and SAMPLE_NOW becomes storyEnd.
 */
export function storyAnchors(anchoring: StoryAnchoring): DatePair[] {
  const { sampleMeetings: s, realMeetings: r, storyEnd } = anchoring;
  const k0 = lastIndexOnOrBefore(s, SAMPLE_NOW);
  const k1 = lastIndexOnOrBefore(r, storyEnd);
  if (k0 < 0 || k1 < 0) return [{ from: SAMPLE_NOW, to: storyEnd }];
  const pairs: DatePair[] = [];
  for (let i = 0; i < s.length; i++) {
    const j = i - k0 + k1;
    if (j >= 0 && j < r.length) pairs.push({ from: s[i]!, to: r[j]! });
  }
  if (compareDates(s[k0]!, SAMPLE_NOW) < 0) pairs.push({ from: SAMPLE_NOW, to: storyEnd });
  return pairs;
}

function lastIndexOnOrBefore(dates: readonly IsoDate[], date: IsoDate): number {
  let k = -1;
  dates.forEach((d, i) => {
    if (compareDates(d, date) <= 0) k = i;
  });
  return k;
}

const ISO = /(?<![\w-])(\d{4}-\d{2}-\d{2})(?![\w-])/g;
const LONG = new RegExp(`(?:\\b(${DAYS.join('|')}) )?\\b(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`, 'g');
const ACTION_ID = /\bA-(\d{4}-\d{2})-(\d{2})\b/g;

/**
 * Returns the text with every date moved through the map: ISO dates, dates written out ("Tuesday 10 November 2026")
 * and the year and month in action ids (A-2026-11-01: the month of the meeting that raised it).
 */
export function redateText(text: string, map: DateMap, sampleMeetings: readonly IsoDate[]): string {
  return text
    .replace(ACTION_ID, (whole, month: string, n: string) => {
      const meeting = sampleMeetings.find((m) => m.startsWith(month)) ?? `${month}-15`;
      return `A-${map(meeting).slice(0, 7)}-${n}`;
    })
    .replace(ISO, (date: string) => (isIsoDate(date) ? map(date) : date))
    .replace(LONG, (whole, day: string | undefined, d: string, month: string, year: string) => {
      const iso = `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${d.padStart(2, '0')}`;
      if (!isIsoDate(iso)) return whole;
      const moved = map(iso);
      return day ? longDate(moved) : writtenDate(moved);
    });
}

/**
 * Returns a register file's text moved through the map. A document whose review was due one cycle after its approval
 * stays so (moved in proportion, the two could drift a day apart).
 */
export function redateFile(path: string, text: string, map: DateMap, sampleMeetings: readonly IsoDate[]): string {
  const moved = redateText(text, map, sampleMeetings);
  if (!path.startsWith('documents/')) return moved;
  const before = reviewOf(text);
  const after = reviewOf(moved);
  if (!before || !after || before.due !== before.expected || after.due === after.expected) return moved;
  return moved.replace(new RegExp(`(\\bdue: *)${after.due}\\b`), `$1${after.expected}`);
}

function reviewOf(text: string): { due: IsoDate; expected: IsoDate } | undefined {
  const data = frontMatterData(text);
  const review = data?.review as Record<string, unknown> | undefined;
  const approval = data?.approval as Record<string, unknown> | undefined;
  const cycle = parseDuration(review?.cycle);
  const due = review?.due;
  const approved = approval?.approved_on;
  if (!isIsoDate(due) || !isIsoDate(approved) || !cycle.ok || cycle.value.workingDays) return undefined;
  return { due, expected: addDuration(approved, cycle.value) };
}
