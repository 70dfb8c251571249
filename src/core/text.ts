/** Words for messages: how to describe a value, and the nearest known word to a typo. Pure. */

/** Returns a short description of a value for messages. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return `"${escapeControl(value.length > 60 ? value.slice(0, 57) + '...' : value)}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a group of fields';
}

/** Returns the candidate closest to word when it is a plausible typo, else undefined. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = levenshtein(w, c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/**
 * Characters that must never reach a terminal, a file or a message raw: C0 controls (newline and tab included: inside
 * a value they break a line or a table), DEL, C1 controls, the line and paragraph separators, and the bidirectional
 * marks and overrides that reorder what is shown (the "Trojan Source" characters).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Returns true when text holds a control character of any kind (see CONTROL). */
export function hasControlCharacter(text: string): boolean {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text);
}

/** Returns the first control character of text written as an escape (\n, \u001b), or undefined when it has none. */
export function firstControlCharacter(text: string): string | undefined {
  CONTROL.lastIndex = 0;
  const m = CONTROL.exec(text);
  return m ? escapeControl(m[0]) : undefined;
}

/** Returns text with every control character written as an escape: \n, \r, \t, else \uXXXX. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
