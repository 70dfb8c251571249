import type { RegisterRule } from './types.js';
import { IN_FORCE, RETIRED, list } from '../core/document.js';

export default {
  id: 'supersedes/not-retired',
  severity: 'warning',
  description: 'A document that an approved document supersedes has status superseded',
  scope: 'register',
  check(doc, register) {
    if (!IN_FORCE.has(String(doc.data.status))) return [];
    return list(doc.data, 'supersedes').flatMap((id, i) => {
      const status = register.byId.get(id)?.[0]?.data?.status;
      if (typeof status !== 'string' || RETIRED.has(status)) return [];
      return [
        {
          at: `supersedes.${i}`,
          message:
            `this document supersedes ${id}, which is still ${String(status)}; set that ` +
            `document's status to superseded`,
        },
      ];
    });
  },
} satisfies RegisterRule;
