/**
 * Review states at a date T (SPEC section 5): ok; due-soon (due on or before T + due_soon);
 * overdue (due before T); escalate (T after due + escalate_after, and no reviewed version
 * submitted: the Head of QA may escalate). Pure.
 */
import { compareDates, daysBetween, isIsoDate, type IsoDate } from './calendar.js';
import type { Settings } from './settings.js';
import { addDuration, type Duration } from './duration.js';
import { RETIRED, text, type DocRecord } from './document.js';

export const REVIEW_STATES = ['ok', 'due-soon', 'overdue', 'escalate'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface DueRow {
  id: string;
  title: string;
  type: string;
  owner: string;
  status: string;
  review_due: IsoDate;
  state: ReviewState;
  days_past_due: number;
  file: string;
}

/** Returns the state of a review due on due, at today. */
export function reviewState(
  due: IsoDate,
  today: IsoDate,
  review: { due_soon: Duration; escalate_after: Duration },
  reviewSubmitted: boolean,
): { state: ReviewState; days_past_due: number } {
  const past = Math.max(0, daysBetween(due, today));
  if (compareDates(due, today) < 0) {
    const escalates = compareDates(today, addDuration(due, review.escalate_after)) > 0 && !reviewSubmitted;
    return { state: escalates ? 'escalate' : 'overdue', days_past_due: past };
  }
  return { state: compareDates(due, addDuration(today, review.due_soon)) <= 0 ? 'due-soon' : 'ok', days_past_due: 0 };
}

export interface DueFilter {
  /** Only reviews due on or before today + within (overdue ones included). */
  within?: Duration;
  owner?: string;
  state?: ReviewState;
}

/**
 * Returns the review state of every document in force with a review date, sorted by due date; superseded, archived and
 * withdrawn documents have none.
 */
export function dueRows(
  records: readonly DocRecord[],
  today: IsoDate,
  settings: Settings,
  filter: DueFilter = {},
): DueRow[] {
  const limit = filter.within ? addDuration(today, filter.within) : undefined;
  const rows: DueRow[] = [];
  for (const r of records) {
    const d = r.data;
    if (!d) continue;
    const due = text(d, 'review', 'due');
    const status = String(d.status ?? '');
    if (!isIsoDate(due) || RETIRED.has(status)) continue;
    if (limit && compareDates(due, limit) > 0) continue;
    const owner = text(d, 'owner') ?? '';
    if (filter.owner && owner !== filter.owner) continue;
    const submitted = status === 'submitted' && text(d, 'submission', 'kind') === 'review';
    const { state, days_past_due } = reviewState(due, today, settings.review, submitted);
    if (filter.state && state !== filter.state) continue;
    rows.push({
      id: text(d, 'id') ?? '',
      title: text(d, 'title') ?? '',
      type: text(d, 'type') ?? '',
      owner,
      status,
      review_due: due,
      state,
      days_past_due,
      file: r.file,
    });
  }
  return rows.sort((a, b) => compareDates(a.review_due, b.review_due) || (a.id < b.id ? -1 : 1));
}
