import type { RegisterRule } from './types.js';

export default {
  id: 'governance/cycle',
  severity: 'error',
  description: 'governed_by links never form a cycle (A governs B governs A)',
  scope: 'register',
  check(doc, register) {
    const cycle = register.cycles.get(String(doc.data.id));
    return cycle
      ? [
          {
            at: 'governed_by',
            message:
              `governance goes round in a circle: ${cycle}; one of these documents must be ` +
              `governed by something outside the circle`,
          },
        ]
      : [];
  },
} satisfies RegisterRule;
