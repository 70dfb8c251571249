import type { DocumentRule } from './types.js';
import { IN_FORCE, text } from '../core/document.js';

export default {
  id: 'approval/missing',
  severity: 'error',
  description: 'An approved or interim document records its approval: route, approved_on and approved_by',
  scope: 'document',
  check(doc) {
    const status = String(doc.data.status);
    if (!IN_FORCE.has(status)) return [];
    const missing = ['route', 'approved_on', 'approved_by'].filter((f) => text(doc.data, 'approval', f) === undefined);
    if (missing.length === 0) return [];
    return [
      {
        at: doc.data.approval === undefined ? 'status' : 'approval',
        message:
          `the document is ${status} but approval.${missing.join(', approval.')} ` +
          `${missing.length > 1 ? 'are' : 'is'} missing; record how, when and by whom it ` +
          `was approved (ppp approve does this)`,
      },
    ];
  },
} satisfies DocumentRule;
