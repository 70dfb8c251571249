import type { Finding, RegisterRule } from './types.js';
import { LINK_FIELDS } from '../core/document.js';

export default {
  id: 'link/self',
  severity: 'error',
  description: 'A document does not link to itself',
  scope: 'register',
  check(doc) {
    const self = doc.data.id;
    let findings: Finding[] | undefined;
    for (const field of LINK_FIELDS) {
      const ids = doc.data[field];
      if (!Array.isArray(ids)) continue;
      for (let i = 0; i < ids.length; i++) {
        if (ids[i] === self)
          (findings ??= []).push({
            at: `${field}.${i}`,
            message: `the field "${field}" names the document itself (${String(self)}); remove it`,
          });
      }
    }
    return findings ?? [];
  },
} satisfies RegisterRule;
