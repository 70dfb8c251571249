import { isIsoDate } from '../core/calendar.js';
import { addDuration, parseDuration } from '../core/duration.js';
import type { DocumentRule } from './types.js';
import { text } from '../core/document.js';

export default {
  id: 'review/due-mismatch',
  severity: 'warning',
  description: 'review.due is approved_on + review.cycle, as agreed at approval',
  scope: 'document',
  check(doc) {
    const due = text(doc.data, 'review', 'due');
    const approved = text(doc.data, 'approval', 'approved_on');
    const cycle = parseDuration(text(doc.data, 'review', 'cycle'));
    if (!isIsoDate(due) || !isIsoDate(approved) || !cycle.ok || cycle.value.workingDays) return [];
    const expected = addDuration(approved, cycle.value);
    if (due === expected) return [];
    // An earlier review than the cycle gives is allowed (legislation may force it); say so only when it is later.
    if (due < expected) return [];
    return [
      {
        at: 'review.due',
        message:
          `review.due ${due} is not ${expected}, which is ${cycle.value.text} after ` +
          `approval on ${approved}; correct the due date or the cycle`,
      },
    ];
  },
} satisfies DocumentRule;
