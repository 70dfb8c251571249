import type { RegisterRule } from './types.js';
import { GOVERNORS, list } from '../core/document.js';

export default {
  id: 'governance/wrong-type',
  severity: 'error',
  description:
    'governed_by names a document of a type that may govern this one (a procedure by ' +
    'a policy; a standard by a policy or procedure; a form by a procedure or policy)',
  scope: 'register',
  check(doc, register) {
    const type = String(doc.data.type);
    const allowed = GOVERNORS[type];
    if (!allowed) return [];
    return list(doc.data, 'governed_by').flatMap((id, i) => {
      const targetType = register.byId.get(id)?.[0]?.data?.type;
      if (typeof targetType !== 'string' || (allowed as readonly string[]).includes(targetType)) return [];
      return [
        {
          at: `governed_by.${i}`,
          message:
            `a ${type} is governed by a ${allowed.join(' or ')}, but ${id} is a ` +
            `${targetType}; name its governing ${allowed[0]}`,
        },
      ];
    });
  },
} satisfies RegisterRule;
