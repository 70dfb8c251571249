import type { DocumentRule } from './types.js';
import { text } from '../core/document.js';

export default {
  id: 'id/file-name',
  severity: 'error',
  description: "The file name starts with the document's id",
  scope: 'document',
  check(doc) {
    const id = text(doc.data, 'id');
    const name = doc.file.slice(doc.file.lastIndexOf('/') + 1);
    if (!id || name === `${id}.md` || name.startsWith(`${id}-`)) return [];
    return [
      {
        at: 'id',
        message: `the file name "${name}" does not start with the id ${id}; rename the file to ${id}-<title>.md`,
      },
    ];
  },
} satisfies DocumentRule;
