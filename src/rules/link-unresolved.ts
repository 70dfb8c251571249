import type { RegisterRule } from './types.js';
import { LINK_FIELDS, list } from './util.js';

export default {
  id: 'link/unresolved',
  severity: 'error',
  description: 'Every governed_by, read_with, supersedes and related_forms id exists in the register',
  scope: 'register',
  check(doc, register) {
    return LINK_FIELDS.flatMap((field) =>
      list(doc.data, field).flatMap((id, i) =>
        register.byId.has(id) ? [] : [{ at: `${field}.${i}`, message: `${field} names ${id}, which is not in the register; correct the id or add the document` }],
      ),
    );
  },
} satisfies RegisterRule;
