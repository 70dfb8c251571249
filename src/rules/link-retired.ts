import type { RegisterRule } from './types.js';
import { RETIRED, list } from './util.js';

export default {
  id: 'link/retired',
  severity: 'warning',
  description: 'A document in use is not governed by, or read with, a document that is superseded, archived or withdrawn',
  scope: 'register',
  check(doc, register) {
    if (RETIRED.has(String(doc.data.status))) return [];
    return (['governed_by', 'read_with', 'related_forms'] as const).flatMap((field) =>
      list(doc.data, field).flatMap((id, i) => {
        const target = register.byId.get(id)?.[0]?.data;
        const status = target?.status;
        if (typeof status !== 'string' || !RETIRED.has(status)) return [];
        return [{ at: `${field}.${i}`, message: `${field} names ${id}, which is ${status}; point it at the document in force` }];
      }),
    );
  },
} satisfies RegisterRule;
