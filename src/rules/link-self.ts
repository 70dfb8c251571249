import type { RegisterRule } from './types.js';
import { LINK_FIELDS, list } from './util.js';

export default {
  id: 'link/self',
  severity: 'error',
  description: 'A document does not link to itself',
  scope: 'register',
  check(doc) {
    const id = doc.data.id;
    return LINK_FIELDS.flatMap((field) =>
      list(doc.data, field).flatMap((target, i) => (target === id ? [{ at: `${field}.${i}`, message: `${field} names the document itself (${id}); remove it` }] : [])),
    );
  },
} satisfies RegisterRule;
