import { TYPE_CODES, isDocumentType, text } from '../core/document.js';
import type { DocumentRule } from './types.js';

export default {
  id: 'id/type-code',
  severity: 'error',
  description: 'The code in the id matches the type (a procedure is PREFIX-PRO-NNNN)',
  scope: 'document',
  check(doc) {
    const id = text(doc.data, 'id');
    const type = doc.data.type;
    if (!id || !isDocumentType(type)) return [];
    const code = id.split('-')[1];
    const expected = TYPE_CODES[type];
    if (code === expected) return [];
    return [
      {
        at: 'id',
        message:
          `id ${id} has the code ${code ?? '?'} but the document is a ${type}, whose code ` +
          `is ${expected}; give it a ${expected} id (ppp new allocates one)`,
      },
    ];
  },
} satisfies DocumentRule;
