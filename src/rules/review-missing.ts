import type { DocumentRule } from './types.js';
import { IN_FORCE, text } from '../core/document.js';

export default {
  id: 'review/missing',
  severity: 'error',
  description: 'An approved or interim document has a review due date and cycle, agreed at approval',
  scope: 'document',
  check(doc) {
    if (!IN_FORCE.has(String(doc.data.status))) return [];
    const missing = ['cycle', 'due'].filter((f) => text(doc.data, 'review', f) === undefined);
    if (missing.length === 0) return [];
    return [
      {
        at: doc.data.review === undefined ? 'status' : 'review',
        message:
          `review.${missing.join(' and review.')} missing: an approved document needs its ` +
          `review schedule (cycle agreed at approval, due = approved_on + cycle)`,
      },
    ];
  },
} satisfies DocumentRule;
