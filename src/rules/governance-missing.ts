import type { DocumentRule } from './types.js';
import { GOVERNORS, RETIRED, isProposal, list } from '../core/document.js';

export default {
  id: 'governance/missing',
  severity: 'error',
  description:
    'A procedure is governed by a policy, a standard by a policy or procedure, a ' +
    'form by a procedure or policy (proposals excepted)',
  scope: 'document',
  check(doc) {
    const type = String(doc.data.type);
    const status = String(doc.data.status);
    const allowed = GOVERNORS[type];
    if (!allowed || isProposal(doc.data) || RETIRED.has(status) || list(doc.data, 'governed_by').length > 0) return [];
    return [
      {
        at: doc.data.governed_by === undefined ? 'type' : 'governed_by',
        message: `a ${type} must be governed by a ${allowed.join(' or ')}; add governed_by: [ID]`,
      },
    ];
  },
} satisfies DocumentRule;
