/** Formatters of ppp history. */
import type { ChalkInstance } from 'chalk';
import type { HistoryResult } from '../core/history.js';
import { printable } from './printable.js';
import { renderTable, type Column } from './table.js';

/** Returns the history as JSON. */
export function historyJson(result: HistoryResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/** Returns the history as a table, oldest first, then the diff when one was asked for. */
export function historyTable(result: HistoryResult, c: ChalkInstance, width: number): string {
  if (result.diff !== undefined) return result.diff || `No difference.\n`;
  if (result.versions.length === 0) return `${printable(result.id)} has no commits yet (${printable(result.file)}).\n`;
  const cells: string[][] = [];
  for (const e of result.versions) {
    const painted =
      e.state === null ? c.dim('(not an approval)') : e.state === 'verified' ? c.green(e.state) : c.red(e.state);
    const state =
      e.kind === 'adoption' ? `${painted} (adopted)` : e.kind === 'retirement' ? `${painted} (retired)` : painted;
    cells.push([
      printable(e.date),
      printable(e.version ?? ''),
      printable(e.status ?? ''),
      printable(e.route ?? ''),
      printable(e.meeting ?? ''),
      printable(e.approved_on ?? e.retired_on ?? ''),
      printable(e.signer ?? ''),
      state,
      e.commit.slice(0, 12),
    ]);
  }
  const notes = result.versions.filter((e) => e.detail).map((e) => `${e.commit.slice(0, 12)}: ${printable(e.detail!)}`);
  const columns: Column[] = [
    'Committed',
    'Version',
    'Status',
    'Route',
    'Meeting',
    'Approved',
    'Signer',
    'Signature',
    'Commit',
  ].map((head): Column => ({ head }));
  const table = renderTable(columns, cells, { width, head: (h) => c.bold(h) });
  const heading = `${printable(result.id)} — ${printable(result.file)}`;
  return `${heading}\n${table}\n${notes.length ? notes.join('\n') + '\n' : ''}`;
}
