import { isIsoDate } from '../core/calendar.js';
import { addDuration } from '../core/duration.js';
import type { DocumentRule } from './types.js';
import { text } from '../core/document.js';

export default {
  id: 'review/beyond-max-cycle',
  severity: 'error',
  description: 'review.due is no later than approved_on + max_cycle (ppp.yaml review.max_cycle)',
  scope: 'document',
  check(doc, { settings }) {
    const due = text(doc.data, 'review', 'due');
    const approved = text(doc.data, 'approval', 'approved_on');
    if (!isIsoDate(due) || !isIsoDate(approved)) return [];
    const latest = addDuration(approved, settings.review.max_cycle);
    if (due <= latest) return [];
    return [
      {
        at: 'review.due',
        message:
          `review.due ${due} is later than ${latest}, ${settings.review.max_cycle.text} ` +
          `after approval on ${approved}; bring it forward to ${latest} or earlier`,
      },
    ];
  },
} satisfies DocumentRule;
