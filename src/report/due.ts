/** Formatters of review states: a table coloured by state, and JSON (SPEC section 11). */
import type { ChalkInstance } from 'chalk';
import type { DueRow } from '../core/reviews.js';
import { count } from './count.js';
import { printable } from './printable.js';
import { renderTable, type Column } from './table.js';

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

/** Returns the rows as a table that fits the width, each state in its colour, and a count of each state. */
export function dueTable(rows: DueRow[], c: ChalkInstance, today: string, width: number): string {
  const paint: Record<DueRow['state'], (s: string) => string> = {
    escalate: c.red.bold,
    overdue: c.red,
    'due-soon': c.yellow,
    ok: c.green,
  };
  const columns: Column[] = [
    { head: 'Id' },
    { head: 'Title', kind: 'text', max: 60 },
    { head: 'Owner' },
    { head: 'Review due' },
    { head: 'State' },
    { head: 'Days past due' },
  ];
  const cells = rows.map((r) => [
    printable(r.id),
    printable(r.title),
    printable(r.owner),
    printable(r.review_due),
    paint[r.state](r.state),
    r.days_past_due ? String(r.days_past_due) : '',
  ]);
  const counts = (['escalate', 'overdue', 'due-soon', 'ok'] as const)
    .map((s) => `${rows.filter((r) => r.state === s).length} ${s}`)
    .join(', ');
  const table = rows.length ? renderTable(columns, cells, { width, head: (h) => c.bold(h) }) + '\n' : '';
  return `${table}${count(rows.length, 'review')} on ${today}: ${counts}\n`;
}
