import type { RegisterRule } from './types.js';
import { text } from '../core/document.js';

export default {
  id: 'id/duplicate',
  severity: 'error',
  description: 'Every document id is unique in the register',
  scope: 'register',
  check(doc, register) {
    const id = text(doc.data, 'id');
    const same = id ? register.byId.get(id) : undefined;
    if (!same || same.length < 2) return [];
    const others = same.filter((d) => d.file !== doc.file).map((d) => d.file);
    return [
      {
        at: 'id',
        message:
          `id ${id} is also used by ${others.join(', ')}; ids are unique and never reused: ` +
          `give one of them a new id`,
      },
    ];
  },
} satisfies RegisterRule;
