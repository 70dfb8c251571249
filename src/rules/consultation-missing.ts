import type { DocumentRule } from './types.js';
import { IN_FORCE } from '../core/document.js';

export default {
  id: 'consultation/missing',
  severity: 'error',
  description:
    'Where ppp.yaml requires it (approval.requires: [consultation]), an approved document records who was consulted',
  scope: 'document',
  check(doc, { settings }) {
    if (!settings.approval.requires.includes('consultation') || !IN_FORCE.has(String(doc.data.status))) return [];
    const c = doc.data.consultation;
    if (Array.isArray(c) && c.length > 0) return [];
    return [
      {
        at: c === undefined ? 'status' : 'consultation',
        message:
          'this register requires consultation before approval, and none is recorded; add ' +
          'consultation: [{ with: ..., on: YYYY-MM-DD }]',
      },
    ];
  },
} satisfies DocumentRule;
