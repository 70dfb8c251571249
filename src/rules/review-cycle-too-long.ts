import { isLonger, parseDuration } from '../core/duration.js';
import type { DocumentRule } from './types.js';
import { text } from '../core/document.js';

export default {
  id: 'review/cycle-too-long',
  severity: 'error',
  description: 'review.cycle is no longer than max_cycle (ppp.yaml review.max_cycle)',
  scope: 'document',
  check(doc, { settings }) {
    const cycle = parseDuration(text(doc.data, 'review', 'cycle'));
    if (!cycle.ok) return [];
    if (cycle.value.workingDays)
      return [
        {
          at: 'review.cycle',
          message: `review.cycle "${cycle.value.text}" is in working days; write it in months or years, like 3 years`,
        },
      ];
    const from = text(doc.data, 'approval', 'approved_on');
    if (!isLonger(cycle.value, settings.review.max_cycle, from && /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : undefined))
      return [];
    return [
      {
        at: 'review.cycle',
        message:
          `review.cycle "${cycle.value.text}" is longer than the register's maximum of ` +
          `${settings.review.max_cycle.text}; agree a shorter cycle`,
      },
    ];
  },
} satisfies DocumentRule;
