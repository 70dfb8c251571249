/** Formatters of ppp verify: a table for people, JSON for scripts (SPEC section 11). */
import type { ChalkInstance } from 'chalk';
import type { VerifyRow } from '../core/verify.js';
import { printable } from './printable.js';
import { boxTable } from './table.js';

/** Returns the result as JSON: ok and one entry per approved document. */
export function verifyJson(ok: boolean, rows: readonly VerifyRow[]): string {
  const documents = rows.map(({ severity: _severity, ...row }) => row);
  return JSON.stringify({ ok, documents }, null, 2) + '\n';
}

/** Returns the result as a table, then a line for each document that failed and a summary. */
export function verifyTable(ok: boolean, rows: readonly VerifyRow[], c: ChalkInstance): string {
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
    cells.push(
      [
        r.id,
        paint(r),
        version,
        r.approved_on ?? '',
        r.route ? `${r.route}${r.adopted ? ' (adopted)' : ''}` : '',
        printable(r.signer ?? ''),
        r.commit?.slice(0, 12) ?? '',
      ].map(String),
    );
  }
  const problems = rows.filter((r) => r.severity !== 'ok');
  const lines = problems.map(
    (r) =>
      `${r.severity === 'error' ? c.red('✗') : c.yellow('!')} ${r.id} ${r.state}: ` +
      `${printable(r.detail ?? '')}\n  ${r.file}`,
  );
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
  const summary = [...counts].map(([s, n]) => `${n} ${s}`).join(', ');
  const table = boxTable(
    ['Id', 'State', 'Version', 'Approved', 'Route', 'Signer', 'Commit'].map((h) => c.bold(h)),
    cells,
  );
  const documents = `${rows.length} approved document${rows.length === 1 ? '' : 's'}`;
  const verdict = `${ok ? c.green('ok') : c.red('FAILED')}: ${documents}`;
  return `${table}\n${lines.length ? lines.join('\n') + '\n\n' : ''}${verdict} (${summary})\n`;
}
