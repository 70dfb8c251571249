import { normaliseHeading } from '../core/front-matter.js';
import type { DocumentRule } from './types.js';
import { RETIRED, isProposal } from '../core/document.js';

export default {
  id: 'template/missing-section',
  severity: 'error',
  description: "The body has every required section of its type's template (proposals excepted)",
  scope: 'document',
  check(doc, { templates }) {
    const status = String(doc.data.status);
    if (isProposal(doc.data) || RETIRED.has(status)) return [];
    const template = templates.get(String(doc.data.type));
    if (!template) return [];
    const present = new Set(doc.headings.map((h) => normaliseHeading(h.text)));
    return template.sections
      .filter((s) => s.required && !present.has(s.key))
      .map((s) => ({
        line: doc.bodyLine,
        column: 1,
        message:
          `the section "${s.title}" is missing; add a heading "## ${s.title}" (required by ` +
          `the ${template.type} template${template.source === 'built-in' ? '' : ` in ${template.source}`})`,
      }));
  },
} satisfies DocumentRule;
