/**
 * mail/sent.yaml: what ppp remind and ppp notify have sent, one entry a message and reminder key, so that no run sends
 * a reminder twice, whichever machine runs it (the job, or the chair, commits the file). Pure.
 */
import { isMap, isSeq, type Node } from 'yaml';
import { compareDates, isIsoDate, type IsoDate } from './calendar.js';
import { readStrictYaml } from './strict-yaml.js';

export const SENT_FILE = 'mail/sent.yaml';

export interface SentEntry {
  key: string;
  to: string;
  sent_on: IsoDate;
}

/**
 * Returns the entries of the record, or its faults with their lines: a record that is malformed, or that says a
 * message was sent after today, is not to be trusted, so the caller sends nothing until it is put right.
 */
export function parseSentRecord(
  text: string,
  today: IsoDate,
): { entries: SentEntry[]; faults: { line: number; message: string }[] } {
  const yaml = readStrictYaml(text);
  const faults = yaml.faults.map(({ line, message }) => ({ line, message }));
  if (faults.length) return { entries: [], faults };
  const root = yaml.doc.contents;
  if (root === null) return { entries: [], faults };
  const fault = (node: Node | null | undefined, message: string) =>
    faults.push({ line: yaml.where(node).line, message });
  if (!isSeq(root)) {
    fault(root, `${SENT_FILE} must be a list, each entry { key, to, sent_on }`);
    return { entries: [], faults };
  }
  const entries: SentEntry[] = [];
  for (const item of root.items as Node[]) {
    if (!isMap(item)) {
      fault(item, 'each entry is { key, to, sent_on }');
      continue;
    }
    const get = (k: string) => item.get(k);
    const [key, to, on] = [get('key'), get('to'), get('sent_on')];
    if (typeof key !== 'string' || !key || typeof to !== 'string' || !to) {
      fault(item, 'an entry needs its key and to, as ppp wrote them');
      continue;
    }
    const sentOn = on instanceof Date ? on.toISOString().slice(0, 10) : String(on ?? '');
    if (!isIsoDate(sentOn)) fault(item, `sent_on ${sentOn || '(none)'} is not a date written YYYY-MM-DD`);
    else if (compareDates(sentOn, today) > 0)
      fault(
        item,
        `it says ${key} was sent to ${to} on ${sentOn}, after today (${today}); the record cannot be trusted: ` +
          'put the entry right (git log shows who wrote it) before anything is sent',
      );
    else entries.push({ key, to, sent_on: sentOn });
  }
  return { entries, faults };
}

/** Returns the record's text with the entries added at its end, the rest of it untouched. */
export function appendSent(text: string, entries: readonly SentEntry[]): string {
  const head =
    text.trim() === ''
      ? '# What ppp remind and ppp notify sent, so that nothing is sent twice. ppp adds to it; commit it.\n'
      : text.endsWith('\n')
        ? text
        : `${text}\n`;
  const quote = (s: string) => JSON.stringify(s);
  return head + entries.map((e) => `- { key: ${quote(e.key)}, to: ${quote(e.to)}, sent_on: ${e.sent_on} }\n`).join('');
}
