import type { DocumentRule } from './types.js';
import { text } from '../core/document.js';
import { firstControlCharacter } from '../core/text.js';

export default {
  id: 'title/control-character',
  severity: 'error',
  description:
    'The title is plain text on one line: no control characters ' +
    '(newlines, tabs, escape codes, bidirectional overrides)',
  scope: 'document',
  check(doc) {
    const title = text(doc.data, 'title');
    const found = title === undefined ? undefined : firstControlCharacter(title);
    if (!found) return [];
    return [
      {
        at: 'title',
        message:
          `the title holds a control character (${found}), which would garble agendas, tables and minutes; ` +
          'write it as plain text on one line (a quoted "…" title, without \\n, \\t or \\e escapes)',
      },
    ];
  },
} satisfies DocumentRule;
