import type { Finding, RegisterRule } from './types.js';
import { RETIRED } from '../core/document.js';

const FIELDS = ['governed_by', 'read_with', 'related_forms'] as const;

export default {
  id: 'link/retired',
  severity: 'warning',
  description:
    'A document in use is not governed by, or read with, a document that is superseded, archived or withdrawn',
  scope: 'register',
  check(doc, register) {
    if (RETIRED.has(String(doc.data.status))) return [];
    let findings: Finding[] | undefined;
    for (const field of FIELDS) {
      const ids = doc.data[field];
      if (!Array.isArray(ids)) continue;
      for (let i = 0; i < ids.length; i++) {
        const status = register.byId.get(ids[i])?.[0]?.data?.status;
        if (typeof status !== 'string' || !RETIRED.has(status)) continue;
        (findings ??= []).push({
          at: `${field}.${i}`,
          message:
            `the field "${field}" names ${String(ids[i])}, which is ${status}; ` + 'point it at the document in force',
        });
      }
    }
    return findings ?? [];
  },
} satisfies RegisterRule;
