import type { DocumentRule } from './types.js';
import { text } from '../core/document.js';

export default {
  id: 'approval/interim',
  severity: 'error',
  description:
    'Status interim goes with route interim, and only with it: interim approval by a ' +
    'head of service awaits full approval',
  scope: 'document',
  check(doc) {
    const status = doc.data.status;
    const route = text(doc.data, 'approval', 'route');
    if (status === 'interim' && route !== undefined && route !== 'interim') {
      return [
        {
          at: 'approval.route',
          message:
            `the status is interim but the route is "${route}"; an interim approval has ` +
            `route interim, a full approval has status approved`,
        },
      ];
    }
    if (status === 'approved' && route === 'interim') {
      return [
        {
          at: 'status',
          message:
            'the route is interim, so the status must be interim until the group gives full ' +
            'approval at its next meeting',
        },
      ];
    }
    return [];
  },
} satisfies DocumentRule;
