/**
 * A plain boxed table, drawn like cli-table3's but in linear time: cli-table3 checks every cell
 * against every other for spans, which takes longer than all of ppp verify on a thousand rows.
 * Cells are one line; widths count code points, with colour codes left out.
 */
const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

function width(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/** Returns the rows under the heading, each column as wide as its widest cell, in box-drawing lines. */
export function boxTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    `│${cells.map((c, i) => ` ${c}${' '.repeat(widths[i]! - width(c))} `).join('│')}│`;
  const rule = (left: string, mid: string, right: string) =>
    `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`;
  return [rule('┌', '┬', '┐'), line(head), ...rows.map(line), rule('└', '┴', '┘')].join('\n');
}
