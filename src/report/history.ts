/** Formatters of ppp history. */
import type { ChalkInstance } from 'chalk';
import type { HistoryResult } from '../core/history.js';
import { printable } from './printable.js';
import { boxTable } from './table.js';

/** Returns the history as JSON. */
export function historyJson(result: HistoryResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/** Returns the history as a table, oldest first, then the diff when one was asked for. */
export function historyTable(result: HistoryResult, c: ChalkInstance): string {
  if (result.diff !== undefined) return result.diff || `No difference.\n`;
  if (result.versions.length === 0) return `${result.id} has no commits yet (${result.file}).\n`;
  const cells: string[][] = [];
  for (const e of result.versions) {
    const painted =
      e.state === null ? c.dim('(not an approval)') : e.state === 'verified' ? c.green(e.state) : c.red(e.state);
    const state =
      e.kind === 'adoption' ? `${painted} (adopted)` : e.kind === 'retirement' ? `${painted} (retired)` : painted;
    cells.push([
      e.date,
      e.version ?? '',
      e.status ?? '',
      e.route ?? '',
      e.meeting ?? '',
      e.approved_on ?? e.retired_on ?? '',
      printable(e.signer ?? ''),
      state,
      e.commit.slice(0, 12),
    ]);
  }
  const notes = result.versions.filter((e) => e.detail).map((e) => `${e.commit.slice(0, 12)}: ${printable(e.detail!)}`);
  return `${result.id} — ${result.file}\n${boxTable(
    ['Committed', 'Version', 'Status', 'Route', 'Meeting', 'Approved', 'Signer', 'Signature', 'Commit'].map((h) =>
      c.bold(h),
    ),
    cells,
  )}\n${notes.length ? notes.join('\n') + '\n' : ''}`;
}
