/**
 * Decisions of a meeting that are not approvals (ppp decide): the group agrees or declines a
 * proposal for a new document (the Dorset terms of reference have it agree the need for a
 * document before it is drafted), returns a draft or review to its author, defers an item to
 * the next meeting, or notes an information item. Each is recorded in the meeting's
 * meetings/DATE/decisions.yaml, and changes the document's front matter where it moves it on.
 * Pure.
 */
import { isMap, isScalar, isSeq, parseDocument, YAMLSeq, type Document, type Node } from 'yaml';
import { compareDates, isIsoDate, type IsoDate } from './calendar.js';
import { GOVERNORS, isProposal, RETIRED, text, type FrontMatter } from './document.js';
import { extractHeadings, normaliseHeading, splitFrontMatter } from './front-matter.js';
import type { Template } from './templates.js';
import type { FieldChanges } from './front-matter-edit.js';
import type { Fault } from './problem.js';
import { readStrictYaml, YAML_OPTIONS } from './strict-yaml.js';
import { describe } from './text.js';

export const DECISIONS = ['agree', 'decline', 'return', 'defer', 'note'] as const;
export type Decision = (typeof DECISIONS)[number];

/** What a decision needs besides --reason. */
export const NEEDS_REASON: ReadonlySet<Decision> = new Set(['decline', 'return']);

/** One decision as the meeting's decisions.yaml records it. */
export interface DecisionRecord {
  id: string;
  decision: Decision;
  /** The document's version when the decision was made. */
  version: string;
  reason?: string;
  /** For defer: the meeting the item goes to. */
  deferred_to?: IsoDate;
  /** The real date it was recorded (never after it). */
  recorded_on: IsoDate;
}

/** Returns the register-relative file of a meeting's decisions. */
export function decisionsFile(meeting: IsoDate): string {
  return `meetings/${meeting}/decisions.yaml`;
}

export interface DecisionRequest {
  decision: Decision;
  meeting: IsoDate;
  reason?: string;
  /** The meeting after this one: where a deferred item goes. */
  nextMeeting?: IsoDate;
  /** The real date, for recorded_on. */
  recordedOn: IsoDate;
  /** For agree: the document that governs the new one, where its type needs one and it names none. */
  governedBy?: string;
}

export type DecisionPlan =
  { ok: false; refusals: string[] } | { ok: true; changes: FieldChanges; status: string; record: DecisionRecord };

/** Returns what the decision changes in the document and the record it leaves, or every reason it cannot be made. */
export function planDecision(data: FrontMatter, request: DecisionRequest): DecisionPlan {
  const id = String(data.id);
  const status = String(data.status);
  const { decision, meeting } = request;
  const submission = (data.submission ?? {}) as FrontMatter;
  const submittedTo = text(submission, 'meeting');
  const receivedOn = text(submission, 'on');
  const refusals: string[] = [];
  if (RETIRED.has(status)) refusals.push(`${id} is ${status}; no decision can be recorded on a retired document`);
  if (status === 'submitted') {
    if (submittedTo && compareDates(submittedTo, meeting) > 0) {
      refusals.push(
        `${id} is on the agenda of the meeting of ${submittedTo}, not of ${meeting}; ` +
          `record the decision at that meeting (or a later one)`,
      );
    }
    if (receivedOn && compareDates(receivedOn, meeting) > 0) {
      refusals.push(`${id} was received on ${receivedOn}, after the meeting of ${meeting}, so it was not before it`);
    }
  }
  const proposal = isProposal(data);
  if ((decision === 'agree' || decision === 'decline') && !proposal) {
    refusals.push(
      `${id} is ${status === 'submitted' ? `submitted as a ${text(submission, 'kind') ?? 'draft'}` : status}, ` +
        `not a proposal; ${decision} is for a proposal for a new document ` +
        `(a draft or review is approved with ppp approve, or returned with ppp decide ${id} return)`,
    );
  }
  if (decision === 'return') {
    if (status !== 'submitted')
      refusals.push(`${id} is ${status}, not submitted; only an item on an agenda is returned`);
    else if (proposal) refusals.push(`${id} is a proposal; agree it, decline it with the reason, or defer it`);
  }
  if (decision === 'defer') {
    if (status !== 'submitted')
      refusals.push(`${id} is ${status}, not submitted; only an item on an agenda is deferred`);
    if (!request.nextMeeting) refusals.push(`no meeting is scheduled after ${meeting} to defer ${id} to`);
  }
  const governors = GOVERNORS[String(data.type)];
  const governed = Array.isArray(data.governed_by) && data.governed_by.length > 0;
  if (decision === 'agree' && proposal && governors && !governed && !request.governedBy) {
    refusals.push(
      `a ${String(data.type)} in drafting is governed by a ${governors.join(' or ')}: ` +
        `say which with --governed-by ID, as the group agreed`,
    );
  }
  if (NEEDS_REASON.has(decision) && !request.reason?.trim()) {
    refusals.push(`say why: ${decision} records the reason for the author (--reason "…")`);
  }
  if (refusals.length) return { ok: false, refusals };

  const record: DecisionRecord = {
    id,
    decision,
    version: typeof data.version === 'string' ? data.version : String(data.version ?? ''),
    ...(request.reason?.trim() ? { reason: request.reason.replace(/\s+/g, ' ').trim() } : {}),
    ...(decision === 'defer' ? { deferred_to: request.nextMeeting } : {}),
    recorded_on: request.recordedOn,
  };
  switch (decision) {
    case 'agree':
      return {
        ok: true,
        status: 'drafting',
        record,
        changes: {
          status: 'drafting',
          submission: undefined,
          proposal: { agreed_on: meeting, meeting },
          ...(request.governedBy && !governed ? { governed_by: [request.governedBy] } : {}),
        },
      };
    case 'decline':
      return {
        ok: true,
        status: 'withdrawn',
        record,
        changes: {
          status: 'withdrawn',
          submission: undefined,
          proposal: { declined_on: meeting, meeting, reason: record.reason },
        },
      };
    case 'return': {
      // Back to its author; a document in force stays in force while its revision is reworked.
      const approval = (data.approval ?? {}) as FrontMatter;
      const back =
        approval.route === 'interim' ? 'interim' : isIsoDate(approval.approved_on) ? 'under-review' : 'drafting';
      return { ok: true, status: back, record, changes: { status: back, submission: undefined } };
    }
    case 'defer':
      // The date it was first received is kept: it is not late at the next meeting for being deferred.
      return {
        ok: true,
        status,
        record,
        changes: { submission: { ...submission, meeting: request.nextMeeting } },
      };
    case 'note':
      return { ok: true, status, record, changes: {} };
  }
}

/** Returns the decisions in a meeting's decisions.yaml and its problems (rated by the caller). */
export function parseDecisions(file: string, text: string): { decisions: DecisionRecord[]; problems: Fault[] } {
  const yaml = readStrictYaml(text);
  const problems: Fault[] = yaml.faults.map(({ line, column, message }) => ({
    file,
    line,
    column,
    rule: 'decisions/invalid',
    message,
  }));
  const report = (node: Node | null | undefined, message: string): false => {
    problems.push({ file, ...yaml.where(node), rule: 'decisions/invalid', message });
    return false;
  };
  if (problems.length) return { decisions: [], problems };
  const root = yaml.doc.contents;
  if (root === null) return { decisions: [], problems };
  if (!isSeq(root)) {
    report(root, 'decisions.yaml must be a list of decisions, each { id, decision, version, recorded_on }');
    return { decisions: [], problems };
  }
  const decisions: DecisionRecord[] = [];
  for (const item of root.items as Node[]) {
    if (!isMap(item)) {
      report(item, 'each decision is { id, decision, version, reason, recorded_on }');
      continue;
    }
    const field = (k: string) => {
      const node = item.get(k, true) as Node | undefined;
      return { node: node ?? item, value: isScalar(node) ? node.value : node };
    };
    const id = field('id');
    const decision = field('decision');
    const recorded = field('recorded_on');
    let ok = true;
    if (typeof id.value !== 'string' || !id.value) ok = report(id.node, 'the decision names no document; add id:');
    if (!(DECISIONS as readonly unknown[]).includes(decision.value)) {
      ok = report(decision.node, `decision ${describe(decision.value)} is not one of: ${DECISIONS.join(', ')}`);
    }
    if (!isIsoDate(recorded.value))
      ok = report(recorded.node, 'recorded_on must be the date it was recorded, YYYY-MM-DD');
    const deferred = field('deferred_to');
    if (deferred.value !== undefined && !isIsoDate(deferred.value)) {
      ok = report(deferred.node, 'deferred_to must be the meeting it was deferred to, YYYY-MM-DD');
    }
    if (!ok) continue;
    const reason = field('reason').value;
    decisions.push({
      id: id.value as string,
      decision: decision.value as Decision,
      version: String(field('version').value ?? ''),
      ...(typeof reason === 'string' ? { reason } : {}),
      ...(typeof deferred.value === 'string' ? { deferred_to: deferred.value } : {}),
      recorded_on: recorded.value as string,
    });
  }
  return { decisions, problems };
}

/** Returns decisions.yaml's text with a decision added at the end (comments kept; a new file gets a heading). */
export function appendDecision(text: string, meeting: IsoDate, record: DecisionRecord): string {
  const start =
    text || `# Decisions of the meeting of ${meeting} other than approvals, recorded with ppp decide.\n[]\n`;
  const doc = parseDocument(start, YAML_OPTIONS) as unknown as Document;
  if (doc.contents === null) doc.contents = new YAMLSeq();
  if (!isSeq(doc.contents)) throw new Error('decisions.yaml is not a list of decisions; run ppp validate');
  doc.contents.flow = false;
  doc.contents.add(doc.createNode(record));
  const out = doc.toString({ lineWidth: 0 });
  return /\r\n/.test(text) ? out.replace(/\r?\n/g, '\r\n') : out;
}

/**
 * Returns a document's text with the template's required sections it lacks added at the end, as headings to be
 * drafted: an agreed proposal becomes a draft with the sections its type needs, as ppp new scaffolds one.
 */
export function withTemplateSections(text: string, template: Template): string {
  const split = splitFrontMatter(text);
  if (split.kind !== 'ok') return text;
  const present = new Set(extractHeadings(split.body, split.bodyLine).map((h) => normaliseHeading(h.text)));
  const missing = template.sections.filter((s) => s.required && !present.has(s.key));
  if (missing.length === 0) return text;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const end = text.endsWith('\n') ? '' : eol;
  return text + end + missing.map((s) => `${eol}## ${s.title}${eol}${eol}To be drafted.${eol}`).join('');
}
