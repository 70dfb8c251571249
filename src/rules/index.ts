/** Every rule, by name, in one list. A retired id is never reused. */
import approvalInterim from './approval-interim.js';
import approvalMissing from './approval-missing.js';
import approvalRouteNotAllowed from './approval-route-not-allowed.js';
import consultationMissing from './consultation-missing.js';
import documentIncomplete from './document-incomplete.js';
import eqiaMissing from './eqia-missing.js';
import governanceCycle from './governance-cycle.js';
import governanceMissing from './governance-missing.js';
import governanceWrongType from './governance-wrong-type.js';
import idDuplicate from './id-duplicate.js';
import idFileName from './id-file-name.js';
import idPrefix from './id-prefix.js';
import idTypeCode from './id-type-code.js';
import linkRetired from './link-retired.js';
import linkSelf from './link-self.js';
import linkUnresolved from './link-unresolved.js';
import memberUnknown from './member-unknown.js';
import meetingsClosedDay from './meetings-closed-day.js';
import meetingsUnscheduledFolder from './meetings-unscheduled-folder.js';
import { parseRules } from './parse-rules.js';
import reviewBeforeApproval from './review-before-approval.js';
import reviewBeyondMaxCycle from './review-beyond-max-cycle.js';
import reviewCycleTooLong from './review-cycle-too-long.js';
import reviewDueMismatch from './review-due-mismatch.js';
import reviewMissing from './review-missing.js';
import signersInvalid from './signers-invalid.js';
import submissionMissing from './submission-missing.js';
import supersedesStatus from './supersedes-status.js';
import templateMissingSection from './template-missing-section.js';
import titleControlCharacter from './title-control-character.js';
import type { Fault, Problem } from '../core/problem.js';
import type { DocumentRule, RegisterRule, Rule } from './types.js';

export const rules: readonly Rule[] = [
  ...parseRules,
  signersInvalid,
  meetingsClosedDay,
  meetingsUnscheduledFolder,
  idFileName,
  idTypeCode,
  idPrefix,
  titleControlCharacter,
  documentIncomplete,
  approvalMissing,
  approvalRouteNotAllowed,
  approvalInterim,
  reviewMissing,
  reviewBeforeApproval,
  reviewBeyondMaxCycle,
  reviewCycleTooLong,
  reviewDueMismatch,
  eqiaMissing,
  consultationMissing,
  submissionMissing,
  templateMissingSection,
  governanceMissing,
  idDuplicate,
  linkUnresolved,
  linkSelf,
  linkRetired,
  supersedesStatus,
  governanceWrongType,
  governanceCycle,
  memberUnknown,
];

const seen = new Set<string>();
for (const rule of rules) {
  if (seen.has(rule.id)) throw new Error(`rule id ${rule.id} is listed twice`);
  seen.add(rule.id);
}

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));
export const documentRules = rules.filter((r): r is DocumentRule => r.scope === 'document');
export const registerRules = rules.filter((r): r is RegisterRule => r.scope === 'register');

/** Returns a fault as a problem with its rule's severity: the registry is the only place a severity is set. */
export function rate(fault: Fault): Problem {
  const rule = rulesById.get(fault.rule);
  if (!rule) throw new Error(`no rule ${fault.rule} in the registry (src/rules/index.ts)`);
  return { ...fault, severity: rule.severity };
}
