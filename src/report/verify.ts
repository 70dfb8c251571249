/** Formatters of ppp verify: a table for people, JSON for scripts (SPEC section 11). */
import type { ChalkInstance } from 'chalk';
import type { VerifyRow } from '../core/verify.js';
import { printable } from './printable.js';
import { count } from './count.js';
import { renderTable, type Column } from './table.js';

/** Returns the result as JSON: ok and one entry per approved document. */
export function verifyJson(ok: boolean, rows: readonly VerifyRow[]): string {
  const documents = rows.map(({ severity: _severity, ...row }) => row);
  return JSON.stringify({ ok, documents }, null, 2) + '\n';
}

/** Returns the result as a table, then a line for each document that failed and a summary. */
export function verifyTable(ok: boolean, rows: readonly VerifyRow[], c: ChalkInstance, width: number): string {
  if (rows.length === 0) return 'No document has been approved yet: nothing to verify.\n';
  const cells: string[][] = [];
  const paint = (row: VerifyRow) =>
    row.severity === 'ok' ? c.green(row.state) : row.severity === 'warning' ? c.yellow(row.state) : c.red(row.state);
  for (const r of rows) {
    const pending = !r.pending_version
      ? ''
      : r.pending_version !== r.version
        ? ` (${r.pending_version} pending)`
        : ' (revision pending)';
    const version = r.version ? `${r.version}${pending}` : '';
    cells.push([
      printable(r.id),
      paint(r),
      printable(version),
      printable(r.approved_on ?? ''),
      printable(r.route ? `${r.route}${r.adopted ? ' (adopted)' : ''}` : ''),
      printable(r.signer ?? ''),
      r.commit?.slice(0, 12) ?? '',
    ]);
  }
  const problems = rows.filter((r) => r.severity !== 'ok');
  const lines = problems.map(
    (r) =>
      `${r.severity === 'error' ? c.red('✗') : c.yellow('!')} ${printable(r.id)} ${r.state}: ` +
      `${printable(r.detail ?? '')}\n  ${printable(r.file)}`,
  );
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
  const summary = [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
  // A version with its note ("1.0 (2.0 pending)") and a route with its ("ppp (adopted)") wrap at spaces, never inside.
  const columns: Column[] = [
    { head: 'Id' },
    { head: 'State' },
    { head: 'Version', kind: 'words' },
    { head: 'Approved' },
    { head: 'Route', kind: 'words' },
    { head: 'Signer' },
    { head: 'Commit' },
  ];
  const table = renderTable(columns, cells, { width, head: (h) => c.bold(h) });
  const documents = count(rows.length, 'approved document');
  const verdict = `${ok ? c.green('ok') : c.red('FAILED')}: ${documents}`;
  return `${table}\n${lines.length ? lines.join('\n') + '\n\n' : ''}${verdict} (${summary})\n`;
}
