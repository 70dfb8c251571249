import { isIsoDate } from '../core/calendar.js';
import type { DocumentRule } from './types.js';
import { text } from '../core/document.js';

export default {
  id: 'review/before-approval',
  severity: 'error',
  description: 'review.due comes after approval.approved_on',
  scope: 'document',
  check(doc) {
    const due = text(doc.data, 'review', 'due');
    const approved = text(doc.data, 'approval', 'approved_on');
    if (!isIsoDate(due) || !isIsoDate(approved) || due > approved) return [];
    return [
      {
        at: 'review.due',
        message: `review.due ${due} is not after the approval on ${approved}; set it to approved_on + review.cycle`,
      },
    ];
  },
} satisfies DocumentRule;
