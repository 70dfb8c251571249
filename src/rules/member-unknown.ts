import { closest } from '../core/text.js';
import type { RegisterRule } from './types.js';
import { list, text } from '../core/document.js';

export default {
  id: 'member/unknown',
  severity: 'error',
  description: 'owner, sponsor and authors are members listed in members.yaml',
  scope: 'register',
  check(doc, register) {
    const ids = [...register.members.keys()];
    const people: [string, string][] = [];
    for (const field of ['owner', 'sponsor'] as const) {
      const v = text(doc.data, field);
      if (v) people.push([field, v]);
    }
    list(doc.data, 'authors').forEach((a, i) => people.push([`authors.${i}`, a]));
    return people
      .filter(([, id]) => !register.members.has(id))
      .map(([at, id]) => {
        const guess = closest(id, ids);
        return {
          at,
          message:
            `the field "${at.replace(/\.\d+$/, '')}" names "${id}", who is not a member in ` +
            `members.yaml${guess ? `; did you mean "${guess}"?` : '; add them to members.yaml or correct the id'}`,
        };
      });
  },
} satisfies RegisterRule;
