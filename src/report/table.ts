/**
 * Tables for the terminal that never cut a value a person relies on. A column is either fixed (ids, dates, states,
 * versions, commits: never cut, never wrapped) or free text (titles, names, reasons: wrapped at spaces). When the fixed
 * columns and a usable width of the free text do not fit the terminal, or it is narrower than 60 columns, each record
 * is listed as "key: value" lines instead, with a blank line between records.
 *
 * Drawn by hand rather than by cli-table3, in linear time: cli-table3 checks every cell against every other for spans,
 * which takes longer than all of ppp verify on a thousand rows, and truncates what does not fit with "…".
 */

const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');
const ZERO_WIDTH = /^(?:\p{M}|\u200b|\u200c|\u200d|\ufe0f)$/u;
const WIDE =
  /^(?:[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff]|[\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}])$/u;

/** Below this many columns a table is always listed record by record. */
export const NARROW = 60;

/** The narrowest a free-text column is made before the table is listed record by record instead. */
const MIN_TEXT = 12;

export interface Column {
  head: string;
  /**
   * 'fixed' (the default: ids, dates, states) is never cut or wrapped; 'words' (a version with a note, a state with
   * a date) is wrapped at spaces only, never inside a word; 'text' (titles, names) is wrapped at spaces, and inside a
   * word longer than the column.
   */
  kind?: 'fixed' | 'words' | 'text';
  /** The widest a text column grows, when the terminal has room to spare. */
  max?: number;
}

export interface TableOptions {
  /** The terminal's width in columns. */
  width: number;
  /** Paints a heading (bold on a terminal). */
  head?: (text: string) => string;
}

/** Returns the width of text on a terminal: colour codes take none, combining marks none, wide characters two. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text.replace(ANSI, '')) n += ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return n;
}

/** Returns free text broken into lines of at most width columns: at spaces, and inside a word longer than a line. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (displayWidth(joined) <= width) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (displayWidth(rest) > width) {
      let cut = '';
      for (const ch of rest) {
        if (displayWidth(cut + ch) > width) break;
        cut += ch;
      }
      if (!cut) cut = [...rest][0]!;
      lines.push(cut);
      rest = rest.slice(cut.length);
    }
    line = rest;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** Returns the widest word of text: the narrowest it can be wrapped to at spaces. */
function widestWord(text: string): number {
  return Math.max(0, ...text.split(' ').map(displayWidth));
}

/**
 * Returns the widths of the columns that fit width with nothing fixed cut, no word of a words column broken and each
 * text column at least MIN_TEXT wide (or as wide as its widest value, when that is less), or undefined when none do.
 */
function fitWidths(columns: readonly Column[], rows: readonly (readonly string[])[], width: number) {
  const cells = (i: number) => rows.map((r) => r[i] ?? '');
  const natural = columns.map((col, i) =>
    Math.max(
      col.kind === 'fixed' || !col.kind ? widestWord(col.head) : displayWidth(col.head),
      ...cells(i).map(displayWidth),
    ),
  );
  const least = columns.map((col, i) =>
    col.kind === 'text'
      ? Math.min(MIN_TEXT, natural[i]!)
      : col.kind === 'words'
        ? Math.max(widestWord(col.head), ...cells(i).map(widestWord))
        : natural[i]!,
  );
  const capped = (i: number, w: number) => Math.max(least[i]!, Math.min(w, columns[i]!.max ?? Infinity));
  let room = width - (3 * columns.length + 1) - least.reduce((a, b) => a + b, 0);
  if (room < 0) return undefined;
  const widths = [...least];
  // Spare room goes first to the values that wrap, then to headings that would otherwise wrap.
  room = share(
    widths,
    columns.map((_, i) => capped(i, natural[i]!)),
    room,
  );
  share(
    widths,
    columns.map((col, i) => capped(i, Math.max(natural[i]!, displayWidth(col.head)))),
    room,
  );
  return widths;
}

/** Widens columns towards their targets in turn, sharing room fairly; returns the room left. */
function share(widths: number[], targets: readonly number[], room: number): number {
  const open = widths
    .map((_, i) => i)
    .filter((i) => targets[i]! > widths[i]!)
    .sort((a, b) => targets[a]! - widths[a]! - (targets[b]! - widths[b]!));
  while (open.length && room > 0) {
    const each = Math.floor(room / open.length);
    const i = open[0]!;
    const gap = targets[i]! - widths[i]!;
    if (gap <= each) {
      widths[i] = targets[i]!;
      room -= gap;
      open.shift();
      continue;
    }
    if (each === 0) break;
    for (const j of open) widths[j]! += each;
    room -= each * open.length;
  }
  return room;
}

/**
 * Returns the rows as a boxed table that fits the width, or as "key: value" records when it cannot without cutting a
 * fixed value (or the terminal is narrower than 60 columns). Cells must already be printable; only fixed cells may be
 * coloured.
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  options: TableOptions,
): string {
  const paint = options.head ?? ((s: string) => s);
  const widths = options.width < NARROW ? undefined : fitWidths(columns, rows, options.width);
  if (!widths) return renderRecords(columns, rows, options.width, paint);
  const cellLines = (text: string, i: number): string[] =>
    columns[i]!.kind === 'text' || columns[i]!.kind === 'words' ? wrapText(text, widths[i]!) : [text];
  const line = (cells: readonly string[]) =>
    `│${cells.map((c, i) => ` ${c}${' '.repeat(Math.max(0, widths[i]! - displayWidth(c)))} `).join('│')}│`;
  const block = (cells: readonly string[][]) => {
    const height = Math.max(...cells.map((c) => c.length));
    return Array.from({ length: height }, (_, k) => line(cells.map((c) => c[k] ?? '')));
  };
  const rule = (left: string, mid: string, right: string) =>
    `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`;
  const head = block(columns.map((col, i) => wrapText(col.head, widths[i]!).map(paint)));
  const body = rows.flatMap((r) => block(columns.map((_, i) => cellLines(r[i] ?? '', i))));
  return [rule('┌', '┬', '┐'), ...head, rule('├', '┼', '┤'), ...body, rule('└', '┴', '┘')].join('\n');
}

/** Returns each row as "key: value" lines, a blank line between rows; free text wrapped under its key. */
function renderRecords(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  width: number,
  paint: (s: string) => string,
): string {
  return rows
    .map((r) =>
      columns
        .flatMap((col, i) => {
          const value = r[i] ?? '';
          if (value === '') return [];
          const key = `${col.head}: `;
          if (col.kind === 'fixed' || !col.kind) return [`${paint(col.head)}: ${value}`];
          const [first, ...rest] = wrapText(value, Math.max(MIN_TEXT, width - displayWidth(key)));
          return [`${paint(col.head)}: ${first}`, ...rest.map((l) => `${' '.repeat(displayWidth(key))}${l}`)];
        })
        .join('\n'),
    )
    .join('\n\n')
    .concat('\n'); // a blank line after the last record too, before whatever follows the table
}
