import type { DocumentRule } from './types.js';
import { COMPLETE } from '../core/document.js';
import { fieldHelp } from '../core/schema.js';

export default {
  id: 'document/incomplete',
  severity: 'error',
  description:
    'A document on an agenda or in force has the fields its type needs (summary; a ' +
    'policy its sponsor and scope; a protocol its authority)',
  scope: 'document',
  check(doc, { schemas }) {
    const status = String(doc.data.status);
    if (!COMPLETE.has(status)) return [];
    return schemas
      .requiredForApproval(String(doc.data.type))
      .filter((field) => doc.data[field] === undefined || doc.data[field] === null || doc.data[field] === '')
      .map((field) => ({
        at: 'status',
        message:
          `a ${String(doc.data.type)} that is ${status} must have the field "${field}"` +
          `${fieldHelp(field) ? ` (${fieldHelp(field)})` : ''}; add it before the document goes to the group`,
      }));
  },
} satisfies DocumentRule;
