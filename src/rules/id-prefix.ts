import type { DocumentRule } from './types.js';
import { text } from '../core/document.js';

export default {
  id: 'id/prefix',
  severity: 'error',
  description: "The id starts with the register's id_prefix",
  scope: 'document',
  check(doc, { settings }) {
    const id = text(doc.data, 'id');
    if (!id || id.startsWith(`${settings.id_prefix}-`)) return [];
    return [
      {
        at: 'id',
        message: `id ${id} does not start with ${settings.id_prefix}-, the id_prefix of this register (ppp.yaml)`,
      },
    ];
  },
} satisfies DocumentRule;
