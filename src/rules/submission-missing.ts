import type { DocumentRule } from './types.js';

export default {
  id: 'submission/missing',
  severity: 'error',
  description: 'A submitted document records its submission (kind and date received)',
  scope: 'document',
  check(doc) {
    if (doc.data.status !== 'submitted' || doc.data.submission !== undefined) return [];
    return [
      {
        at: 'status',
        message:
          'the status is submitted but there is no submission: { kind, on, meeting }; use ' +
          'ppp submit to put it on an agenda',
      },
    ];
  },
} satisfies DocumentRule;
