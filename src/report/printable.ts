/** Text for a terminal: control characters from documents (ESC, NUL) are shown as escapes, never sent raw. */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** Returns text with every control character but tab and newline written as \uXXXX. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
