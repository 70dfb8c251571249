/** mail/sent.yaml for the commands that send mail (remind, notify, agenda --send): read it once, add to it. */
import { join } from 'node:path';
import { appendSent, parseSentRecord, SENT_FILE, type SentEntry } from '../../core/sent-record.js';
import { readTextIfExists, writeFileAtomic } from '../../io/fs.js';

export interface SentRecord {
  /** The keys already sent. */
  sent: ReadonlySet<string>;
  entries: readonly SentEntry[];
  /** Why the record cannot be trusted, one line a fault with its place, or undefined when it can. */
  faults?: string;
  /** Adds what the server accepted at the end of the record, leaving the rest as it was. */
  add(entries: readonly SentEntry[]): void;
}

/** Reads the register's record of what was sent, judged against today (the real date). */
export function readSentRecord(root: string, today: string): SentRecord {
  const path = join(root, SENT_FILE);
  const text = readTextIfExists(path) ?? '';
  const record = parseSentRecord(text, today);
  return {
    sent: new Set(record.entries.map((e) => e.key)),
    entries: record.entries,
    faults: record.faults.length
      ? record.faults.map((f) => `  ${SENT_FILE}:${f.line}: ${f.message}`).join('\n')
      : undefined,
    add: (entries) => {
      if (entries.length) writeFileAtomic(path, appendSent(text, entries));
    },
  };
}
