/**
 * Text for a terminal, a message or a markdown file: control characters from documents and other files (ESC, NUL, a
 * newline inside a title, a bidirectional override) are shown as escapes, never sent raw.
 */
import { escapeControl } from '../core/text.js';
import type { Output } from '../io/io.js';

/** Returns a value with every control character, newline and tab included, written as an escape (\n, \u001b). */
export function printable(text: string): string {
  return escapeControl(text);
}

/** Returns text that ppp laid out over several lines with each line made printable: its own newlines are kept. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

/** Returns a value for markdown: made printable, then with the characters markdown would read as markup escaped. */
export function markdownText(text: string): string {
  // Keep values from being read as markdown (a title starting "1." or holding "*", a "|" in a table).
  return printable(text).replace(/([\\`*_[\]<>|])/g, '\\$1');
}

const ESC = String.fromCharCode(27);
// Allowed through the guard: chalk's colour codes (SGR), newline, tab, CR before LF (CSV lines end CRLF) and a CR
// that starts a write (a progress bar redrawing its line).
const GUARDED = new RegExp(
  `(${ESC}\\[[0-9;]*m)|(?<!^)\\r(?!\\n)|` +
    `[\\x00-\\x08\\x0b-\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]`,
  'g',
);

/**
 * Returns an output that escapes any control character a formatter let through, except ppp's own colour codes, line
 * ends and tabs: a second line of defence behind printable(). JSON stays valid, since \uXXXX is JSON's own escape.
 */
export function guardOutput(out: Output): Output {
  return {
    write: (text: string) => out.write(text.replace(GUARDED, (c, sgr: string | undefined) => sgr ?? printable(c))),
  };
}
