/** Formatters of review states: a table coloured by state, and JSON (SPEC section 11). */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { DueRow } from '../core/reviews.js';
import { printable } from './printable.js';

/** Returns the rows as the SPEC's JSON. */
export function dueJson(rows: DueRow[]): string {
  return (
    JSON.stringify(
      rows.map(({ id, title, type, owner, status, review_due, state, days_past_due }) => ({
        id,
        title,
        type,
        owner,
        status,
        review_due,
        state,
        days_past_due,
      })),
      null,
      2,
    ) + '\n'
  );
}

/** Returns the rows as a table with each state in its colour, and a count of each state. */
export function dueTable(rows: DueRow[], c: ChalkInstance, today: string, width: number): string {
  const paint: Record<DueRow['state'], (s: string) => string> = {
    escalate: c.red.bold,
    overdue: c.red,
    'due-soon': c.yellow,
    ok: c.green,
  };
  const titleWidth = Math.max(24, Math.min(60, width - 80));
  const table = new Table({
    head: ['Id', 'Title', 'Owner', 'Review due', 'State', 'Days past due'].map((h) => c.bold(h)),
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    colWidths: [13, titleWidth, 20, 12, 10, 15],
    wordWrap: true,
  });
  for (const r of rows)
    table.push([
      r.id,
      printable(r.title),
      printable(r.owner),
      r.review_due,
      paint[r.state](r.state),
      r.days_past_due ? String(r.days_past_due) : '',
    ]);
  const counts = (['escalate', 'overdue', 'due-soon', 'ok'] as const)
    .map((s) => `${rows.filter((r) => r.state === s).length} ${s}`)
    .join(', ');
  return (
    `${rows.length ? table.toString() + '\n' : ''}${rows.length} ` +
    `review${rows.length === 1 ? '' : 's'} on ${today}: ${counts}\n`
  );
}
