import { describe, expect, it } from 'vitest';
import { appendSent, parseSentRecord } from './sent-record.js';

describe('mail/sent.yaml', () => {
  it('appends entries and reads them back, keeping what was there', () => {
    const one = appendSent('', [
      { key: 'review:CS-POL-0001:2027-01-29:notice-60', to: 'a@b.org', sent_on: '2026-11-30' },
    ]);
    const two = appendSent(one, [{ key: 'action:A-1:2026-12-04:due', to: 'c@d.org', sent_on: '2026-12-01' }]);
    expect(two.startsWith(one)).toBe(true);
    expect(parseSentRecord(two, '2026-12-01')).toEqual({
      entries: [
        { key: 'review:CS-POL-0001:2027-01-29:notice-60', to: 'a@b.org', sent_on: '2026-11-30' },
        { key: 'action:A-1:2026-12-04:due', to: 'c@d.org', sent_on: '2026-12-01' },
      ],
      faults: [],
    });
  });

  it.each([
    ['not a list', 'key: x\n', 'must be a list'],
    ['an entry without its key', '- { to: a@b.org, sent_on: 2026-11-30 }\n', 'needs its key and to'],
    ['a date that is not one', '- { key: k, to: a@b.org, sent_on: 30/11/2026 }\n', 'is not a date'],
    ['sent after today', '- { key: k, to: a@b.org, sent_on: 2027-01-01 }\n', 'after today (2026-12-01)'],
    ['broken YAML', '- { key: k, to: [\n', ''],
  ])('%s is a fault, with its line', (_what, text, message) => {
    const r = parseSentRecord(text, '2026-12-01');
    expect(r.faults.length).toBeGreaterThan(0);
    expect(r.faults[0]!.message).toContain(message);
    expect(r.faults[0]!.line).toBeGreaterThan(0);
  });
});
