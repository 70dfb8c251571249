import type { DocumentRule } from './types.js';
import { IN_FORCE, text } from '../core/document.js';

export default {
  id: 'eqia/missing',
  severity: 'error',
  description:
    'An approved new document has its equality impact assessment completed, or marked not required with a reason',
  scope: 'document',
  check(doc) {
    const status = text(doc.data, 'eqia', 'status');
    const findings = [];
    if (status === 'not-required' && !text(doc.data, 'eqia', 'reason')?.trim()) {
      findings.push({
        at: 'eqia.status',
        message: 'the equality impact assessment is marked not required without a reason; add eqia.reason saying why',
      });
    }
    if (status === 'completed' && text(doc.data, 'eqia', 'on') === undefined) {
      findings.push({
        at: 'eqia.status',
        message: 'the equality impact assessment is completed but has no date; add eqia.on: YYYY-MM-DD',
      });
    }
    if (!IN_FORCE.has(String(doc.data.status)) || !isFirstVersion(doc.data.version)) return findings;
    if (status === 'completed' || status === 'not-required') return findings;
    findings.push({
      at: doc.data.eqia === undefined ? 'status' : 'eqia.status',
      message:
        `a new document is ${String(doc.data.status)} without its equality impact ` +
        `assessment; set eqia to { status: completed, on: DATE } or { status: ` +
        `not-required, reason: ... }`,
    });
    return findings;
  },
} satisfies DocumentRule;

/** A new document is in its first approved version (1.x); later versions are revisions. */
function isFirstVersion(version: unknown): boolean {
  return typeof version === 'string' && /^[01]\./.test(version);
}
