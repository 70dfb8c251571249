import type { Finding, RegisterRule } from './types.js';
import { LINK_FIELDS } from '../core/document.js';

export default {
  id: 'link/unresolved',
  severity: 'error',
  description: 'Every governed_by, read_with, supersedes and related_forms id exists in the register',
  scope: 'register',
  check(doc, register) {
    // Plain loops: this runs for every document on every run, cached or not.
    let findings: Finding[] | undefined;
    for (const field of LINK_FIELDS) {
      const ids = doc.data[field];
      if (!Array.isArray(ids)) continue;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i];
        if (typeof id !== 'string' || register.byId.has(id)) continue;
        (findings ??= []).push({
          at: `${field}.${i}`,
          message: `the field "${field}" names ${id}, which is not in the register; correct the id or add the document`,
        });
      }
    }
    return findings ?? [];
  },
} satisfies RegisterRule;
