/**
 * Approvals: what `ppp approve` checks before it acts, the front matter it writes, and the
 * commit message with its trailers (SPEC section 8). Pure: the caller reads the document,
 * the register and git, and writes the result.
 */
import { compareDates, isIsoDate, type IsoDate } from './calendar.js';
import { RETIRED, isProposal, text, type FrontMatter, type Route } from './document.js';
import { defaultCycleFor, routesFor, type Settings } from './settings.js';
import { addDuration, isLonger, parseDuration, type Duration } from './duration.js';

export interface ApprovalRequest {
  route: Route;
  /** The meeting that approved it (route ppp), or gave preliminary approval (route partnership). */
  meeting?: IsoDate;
  /** The date of the approval: the meeting's date unless given. */
  on: IsoDate;
  cycle?: string;
  version?: string;
  /** approval.approved_by: the body or person that approved it. */
  by?: string;
  /** Route virtual: the register-relative file of the members' responses. */
  responses?: string;
  /** A revised version's summary of changes, recorded in the document (changes) and the commit (PPP-Changes). */
  changes?: string;
}

export interface ApprovalPlan {
  status: 'approved' | 'interim';
  version: string;
  approval: Record<string, string>;
  review: { cycle: string; due: IsoDate };
  /** The front matter changes, for editFrontMatter: submission removed. */
  changes: FrontMatter;
}

/** Routes that may approve a document that was not submitted to a meeting (when the type allows them). */
export const UNSUBMITTED_ROUTES: readonly Route[] = ['director', 'interim'];

const VERSION_RE = /^(\d+)\.(\d+)$/;

/** Who approves by each route, as an example of --by: a partnership's approval is named after the partnership. */
const BY_EXAMPLE: Record<Route, string> = {
  ppp: 'Practice, Policy and Procedures Group',
  virtual: 'Kent and Medway Policy and Procedures Group',
  director: "Corporate Director, Children's Services",
  cabinet: 'Dorset Council Cabinet',
  interim: 'Head of Service, Children in Care',
  partnership: 'Merton Safeguarding Children Partnership Executive',
};

/** Returns why a proposal cannot be approved, and what to do instead. */
export function proposalRefusal(id: string): string {
  // The group agrees the need for a document before it is drafted: that is a decision, not an approval.
  return (
    `${id} is a proposal for a new document, not a draft: the group agrees it with ` +
    `ppp decide ${id} agree --meeting DATE (or declines it), and approves the document once it is drafted`
  );
}

/** Returns every reason the document may not be approved this way (empty when it may), each saying what to do. */
export function approvalRefusals(
  data: FrontMatter,
  settings: Settings,
  request: ApprovalRequest,
  today: IsoDate,
): string[] {
  const id = String(data.id);
  const type = String(data.type);
  const status = String(data.status);
  const reasons: string[] = [];
  if (isProposal(data)) return [proposalRefusal(id)];
  const allowed = routesFor(settings, type);
  if (!allowed.includes(request.route)) {
    reasons.push(
      `a ${type} may not be approved by route ${request.route} under ppp.yaml ` +
        `(approval.authorities allows: ${allowed.join(', ') || 'none'}); use --route ` +
        `${allowed[0] ?? '...'} or change approval.authorities`,
    );
  }
  if (
    status !== 'submitted' &&
    !(status === 'interim' && request.route !== 'interim') &&
    !UNSUBMITTED_ROUTES.includes(request.route)
  ) {
    reasons.push(
      `${id} is ${status}, not submitted; run ppp submit ${id} to put it on a ` +
        `meeting's agenda first (only routes ${UNSUBMITTED_ROUTES.join(' and ')} approve ` +
        `without a submission)`,
    );
  }
  if (RETIRED.has(status)) reasons.push(`${id} is ${status}; a retired document cannot be approved again`);
  if (status === 'interim' && request.route === 'interim')
    reasons.push(`${id} already has interim approval; its full approval goes to the next meeting (--route ppp)`);
  if (request.on > today)
    reasons.push(
      `the approval date ${request.on} is after today (${today}); record an approval once it has been given`,
    );
  if (request.meeting !== undefined && request.meeting > today)
    reasons.push(`the meeting of ${request.meeting} has not taken place yet (today is ${today})`);
  if (request.meeting !== undefined && compareDates(request.on, request.meeting) < 0)
    reasons.push(
      `--on ${request.on} is before the meeting of ${request.meeting}; approval cannot ` +
        `come before the meeting that gave it`,
    );
  const submission = (data.submission ?? {}) as FrontMatter;
  if (status === 'submitted' && isIsoDate(submission.on) && compareDates(request.on, submission.on) < 0) {
    reasons.push(
      `the approval date ${request.on} is before ${id} was received (${submission.on}); ` +
        `a document cannot be approved before it was submitted`,
    );
  }
  const submittedTo = isIsoDate(submission.meeting) ? submission.meeting : undefined;
  if (status === 'submitted' && submittedTo && request.meeting !== undefined && request.meeting < submittedTo) {
    if (request.route === 'ppp' || request.route === 'partnership') {
      reasons.push(
        `${id} was submitted to the meeting of ${submittedTo}; the group cannot have approved it ` +
          `at an earlier meeting (${request.meeting}): name that meeting or a later one`,
      );
    }
  }
  const cycle = cycleOf(data, settings, request);
  if (!cycle.ok) reasons.push(`--cycle: ${cycle.message}`);
  else if (cycle.value.workingDays)
    reasons.push(`a review cycle is counted in calendar time; write --cycle like "3 years" or "18 months"`);
  else if (isLonger(cycle.value, settings.review.max_cycle, request.on)) {
    reasons.push(
      `the review cycle ${cycle.value.text} is longer than the longest ppp.yaml allows ` +
        `(review.max_cycle: ${settings.review.max_cycle.text}); pass --cycle ` +
        `"${settings.review.max_cycle.text}" or shorter`,
    );
  }
  if (request.version !== undefined) {
    const current = VERSION_RE.exec(String(data.version ?? ''));
    const wanted = VERSION_RE.exec(request.version);
    if (!wanted) reasons.push(`--version ${request.version} is not a version; write it like 2.0`);
    else if (current && compareVersions(request.version, String(data.version)) < 0)
      reasons.push(`--version ${request.version} is lower than the document's version ${String(data.version)}`);
    else if (Number(wanted[1]) < 1)
      reasons.push(`--version ${request.version} is a draft number; an approved version is 1.0 or later`);
  }
  if (settings.approval.requires.includes('eqia')) {
    const eqia = data.eqia as FrontMatter | undefined;
    const done = eqia?.status === 'completed' && isIsoDate(eqia.on);
    const excused = eqia?.status === 'not-required' && typeof eqia.reason === 'string' && eqia.reason.trim() !== '';
    if (!done && !excused) {
      reasons.push(
        `${id} has no equality impact assessment, which ppp.yaml requires before ` +
          `approval (approval.requires: eqia); set eqia: { status: completed, on: ` +
          `YYYY-MM-DD } or eqia: { status: not-required, reason: ... } and commit it`,
      );
    }
  }
  if (settings.approval.requires.includes('consultation')) {
    const c = data.consultation;
    if (!Array.isArray(c) || c.length === 0)
      reasons.push(
        `${id} records no consultation, which ppp.yaml requires before approval ` +
          `(approval.requires: consultation); add consultation: [{ with: ..., on: ` +
          `YYYY-MM-DD }] and commit it`,
      );
  }
  if (request.route === 'partnership' && request.meeting === undefined) {
    reasons.push(
      "route partnership records the group's preliminary approval: pass --meeting DATE " +
        "(the group's meeting) and --on DATE (the partnership's final approval)",
    );
  }
  if (request.route === 'virtual' && request.responses === undefined)
    reasons.push("route virtual needs every voting member's response: pass --responses FILE");
  if (request.by === undefined)
    reasons.push(`say who approved it: pass --by "..." (for example --by "${BY_EXAMPLE[request.route]}")`);
  return reasons;
}

/** Returns the status, version, approval and review the document gets, and the front matter changes that write them. */
export function planApproval(data: FrontMatter, settings: Settings, request: ApprovalRequest): ApprovalPlan {
  const cycle = cycleOf(data, settings, request);
  if (!cycle.ok) throw new RangeError(cycle.message);
  const status = request.route === 'interim' ? 'interim' : 'approved';
  // A document on interim approval, submitted for its full approval, is the same version approved in full.
  const onInterim =
    data.status === 'submitted' &&
    text(data, 'approval', 'route') === 'interim' &&
    (text(data, 'submission', 'kind') ?? 'draft') === 'draft';
  const current = onInterim ? 'interim' : String(data.status);
  const version = request.version ?? nextVersion(String(data.version ?? '0.1'), current, request.route);
  const approval: Record<string, string> = {
    route: request.route,
    approved_on: request.on,
    approved_by: request.by ?? settings.group,
  };
  if (request.route === 'partnership') {
    approval.preliminary_on = request.meeting!;
    approval.preliminary_meeting = request.meeting!;
  } else if (request.meeting !== undefined) {
    approval.meeting = request.meeting;
  }
  if (request.responses !== undefined) approval.responses = request.responses;
  const review = { cycle: cycle.value.text, due: addDuration(request.on, cycle.value) };
  return {
    status,
    version,
    approval,
    review,
    changes: {
      status,
      version,
      approval,
      review,
      submission: undefined,
      ...(request.changes === undefined ? {} : { changes: request.changes }),
    },
  };
}

/**
 * Returns the version an approval gives: a draft (0.x) becomes 1.0; a document with interim
 * approval keeps its version when the group approves it in full; a revision of an approved
 * document goes to the next major version.
 */
export function nextVersion(current: string, status: string, route: Route): string {
  const m = VERSION_RE.exec(current);
  if (!m) return '1.0';
  const major = Number(m[1]);
  if (major === 0) return '1.0';
  if (status === 'interim' && route !== 'interim') return current;
  return `${major + 1}.0`;
}

/** Returns <0, 0 or >0 as version a is lower than, equal to or higher than b (major.minor). */
export function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

function cycleOf(
  data: FrontMatter,
  settings: Settings,
  request: ApprovalRequest,
): { ok: true; value: Duration } | { ok: false; message: string } {
  if (request.cycle !== undefined) return parseDuration(request.cycle);
  const current = (data.review as FrontMatter | undefined)?.cycle;
  if (current !== undefined) {
    const parsed = parseDuration(current);
    if (parsed.ok) return parsed;
  }
  return { ok: true, value: defaultCycleFor(settings, String(data.type)) };
}

/** The trailers of an approval commit, in the order they are written. */
export interface ApprovalTrailers {
  'PPP-Document': string;
  'PPP-Version': string;
  'PPP-Route': string;
  'PPP-Meeting'?: string;
  'PPP-Preliminary-Meeting'?: string;
  'PPP-Approved-On': string;
  'PPP-Responses'?: string;
  /** A revised version's summary of changes, on one line (the document's changes field holds it too). */
  'PPP-Changes'?: string;
  'PPP-Content-SHA256': string;
}

/** Returns the commit message of an approval: a subject, a sentence saying who approved it, and the trailers. */
export function approvalMessage(title: string, trailers: ApprovalTrailers, approvedBy: string): string {
  // A trailer is one line: line breaks and other control characters in a title are dropped.
  const oneLine = (s: string) =>
    [...s.replace(/[\r\n\t]+/g, ' ')]
      .filter((ch) => ch >= ' ' && ch !== '\u007f')
      .join('')
      .trim();
  const route = trailers['PPP-Route'];
  const at = trailers['PPP-Meeting'] ? ` at its meeting of ${trailers['PPP-Meeting']}` : '';
  const onAnotherDay =
    trailers['PPP-Meeting'] === trailers['PPP-Approved-On'] ? '' : ` on ${trailers['PPP-Approved-On']}`;
  const sentence =
    route === 'partnership'
      ? `Preliminary approval by the group on ${trailers['PPP-Preliminary-Meeting']}; ` +
        `final approval by ${oneLine(approvedBy)} on ${trailers['PPP-Approved-On']}.`
      : route === 'interim'
        ? `Interim approval by ${oneLine(approvedBy)} on ${trailers['PPP-Approved-On']}; ` +
          `full approval goes to the next meeting.`
        : route === 'virtual'
          ? `Approved virtually by ${oneLine(approvedBy)} on ${trailers['PPP-Approved-On']}, ` +
            `with every voting member's response recorded in ${trailers['PPP-Responses']}.`
          : `Approved by ${oneLine(approvedBy)}${at}${onAnotherDay} (route ${route}).`;
  const lines = Object.entries(trailers)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${oneLine(String(v))}`);
  return (
    `Approve ${trailers['PPP-Document']} v${trailers['PPP-Version']}: ` +
    `${oneLine(title)}\n\n${sentence}\n\n${lines.join('\n')}\n`
  );
}

/**
 * Returns the PPP-* trailers of a commit message (the last paragraph's "Key: value" lines), or undefined when it has
 * none.
 */
export function parseApprovalTrailers(message: string): Record<string, string> | undefined {
  const paragraphs = message
    .replace(/\r\n/g, '\n')
    .trimEnd()
    .split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  const trailers: Record<string, string> = {};
  for (const line of last.split('\n')) {
    const m = /^(PPP-[A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (m) trailers[m[1]!] = m[2]!.trim();
  }
  return trailers['PPP-Document'] ? trailers : undefined;
}

/**
 * Returns who approved it when --by is not given: the group for its own routes, else whoever approved the last version
 * by the same route.
 */
export function defaultApprovedBy(data: FrontMatter, settings: Settings, route: Route): string | undefined {
  if (route === 'ppp' || route === 'virtual') return settings.group;
  const last = data.approval as FrontMatter | undefined;
  return last?.route === route && typeof last.approved_by === 'string' && last.approved_by.trim()
    ? last.approved_by
    : undefined;
}
