/** A one-off meeting (meetings.add) on a weekend or a closure day is most likely a mistyped date. */
import type { ParseRule } from './types.js';

export default {
  id: 'meetings/closed-day',
  severity: 'warning',
  description:
    'A one-off meeting in meetings.add (ppp.yaml) is on a working day: not a weekend, bank holiday or holidays.add',
  scope: 'parse',
} satisfies ParseRule;
