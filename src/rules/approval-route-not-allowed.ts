import { routesFor } from '../core/settings.js';
import type { DocumentRule } from './types.js';
import { text } from '../core/document.js';

export default {
  id: 'approval/route-not-allowed',
  severity: 'error',
  description: 'The approval route is one that ppp.yaml (approval.authorities) allows for the type',
  scope: 'document',
  check(doc, { settings }) {
    const route = text(doc.data, 'approval', 'route');
    const type = String(doc.data.type);
    if (!route) return [];
    const allowed = routesFor(settings, type);
    if (allowed.includes(route as never)) return [];
    return [
      {
        at: 'approval.route',
        message:
          `a ${type} may not be approved by route "${route}" in this register; allowed: ` +
          `${allowed.join(', ') || 'none'} (approval.authorities in ppp.yaml)`,
      },
    ];
  },
} satisfies DocumentRule;
