/** The action tracker as a table for the terminal. */
import type { ChalkInstance } from 'chalk';
import type { Action } from '../core/actions.js';
import { count } from './count.js';
import { printable } from './printable.js';
import { renderTable, type Column } from './table.js';

/** Returns the actions as a table that fits the width (the text wrapped, nothing else cut), and a count. */
export function actionsTable(
  actions: readonly (Action & { overdue: boolean })[],
  c: ChalkInstance,
  today: string,
  width: number,
): string {
  const columns: Column[] = [
    { head: 'Id' },
    { head: 'Due' },
    { head: 'State' },
    { head: 'Owner' },
    { head: 'Action', kind: 'text', max: 70 },
  ];
  const cells = actions.map((a) => [
    printable(a.id),
    printable(a.due),
    a.done_on ? c.green(`done ${printable(a.done_on)}`) : a.overdue ? c.red('overdue') : 'open',
    printable(a.owner),
    printable(a.text),
  ]);
  const table = actions.length ? renderTable(columns, cells, { width, head: (h) => c.bold(h) }) + '\n' : '';
  return `${table}${count(actions.length, 'action')} on ${today}\n`;
}
