/**
 * Retirement: withdrawal, archiving or supersession of a document recorded as one signed commit (SPEC section 8). What
 * ppp retire checks before it acts, the front matter it writes, the commit message with its trailers, and what verify
 * makes of such a commit. Pure: the caller reads the document, the register and git.
 */
import { parseApprovalTrailers } from './approval.js';
import { RETIRED, type FrontMatter } from './document.js';
import { frontMatterData } from './front-matter.js';
import { signatureFailure, SIGNERS_FILE, type CommitInput, type Signature, type VerifyState } from './verify.js';

/** The statuses ppp retire records; superseded only with --superseded-by. */
export const RETIREMENT_STATUSES = ['withdrawn', 'archived', 'superseded'] as const;
export type RetirementStatus = (typeof RETIREMENT_STATUSES)[number];

export interface RetirementRequest {
  status: RetirementStatus;
  on: string;
  reason: string;
  meeting?: string;
  supersededBy?: string;
}

/** The trailers of a retirement commit, in the order they are written. */
export interface RetirementTrailers {
  'PPP-Document': string;
  'PPP-Retired-On': string;
  'PPP-Status': RetirementStatus;
  'PPP-Superseded-By'?: string;
  'PPP-Meeting'?: string;
}

/** Returns the front matter changes that retire a document: its status and retirement block; submission removed. */
export function retirementChanges(request: RetirementRequest): FrontMatter {
  const retirement: Record<string, string> = { on: request.on, reason: request.reason };
  if (request.meeting !== undefined) retirement.meeting = request.meeting;
  if (request.supersededBy !== undefined) retirement.superseded_by = request.supersededBy;
  return { status: request.status, retirement, submission: undefined };
}

/** Returns the commit message of a retirement: a subject, the reason, and the trailers. */
export function retirementMessage(
  title: string,
  version: string,
  trailers: RetirementTrailers,
  reason: string,
): string {
  const what =
    trailers['PPP-Status'] === 'superseded'
      ? `Superseded by ${trailers['PPP-Superseded-By']}`
      : trailers['PPP-Status'] === 'archived'
        ? 'Archived'
        : 'Withdrawn';
  const at = trailers['PPP-Meeting'] ? ` by the meeting of ${trailers['PPP-Meeting']}` : '';
  const lines = Object.entries(trailers)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${oneLine(String(v))}`);
  return (
    `Retire ${trailers['PPP-Document']} v${version}: ${oneLine(title)}\n\n` +
    `${what}${at} on ${trailers['PPP-Retired-On']}: ${oneLine(reason)}\n\n${lines.join('\n')}\n`
  );
}

/** Returns the trailers of a retirement commit (PPP-Document with PPP-Retired-On), or undefined when it is not one. */
export function parseRetirementTrailers(message: string): RetirementTrailers | undefined {
  const t = parseApprovalTrailers(message);
  if (!t || t['PPP-Retired-On'] === undefined) return undefined;
  return t as unknown as RetirementTrailers;
}

/** Returns the ids an approval commit retires by supersession: one PPP-Supersedes trailer each. */
export function supersededIn(message: string): string[] {
  const paragraphs = message
    .replace(/\r\n/g, '\n')
    .trimEnd()
    .split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  const ids: string[] = [];
  for (const line of last.split('\n')) {
    const m = /^PPP-Supersedes:\s*(\S+)\s*$/.exec(line);
    if (m && !ids.includes(m[1]!)) ids.push(m[1]!);
  }
  return ids;
}

/** What a retirement commit proves of the document it names. */
export interface RetirementVerdict {
  commit: string;
  document: string;
  status: string;
  retiredOn: string;
  signature: Signature;
  state: VerifyState;
  detail?: string;
}

/**
 * Returns the verdict of a retirement commit: its signature as git judged it, that it changes its document alone
 * (never allowed_signers), and that the document there is the one named, with the status and date the trailers give.
 */
export function judgeRetirement(
  commit: CommitInput,
  signature: Signature,
  blobText: string | undefined,
): RetirementVerdict {
  const t = parseRetirementTrailers(commit.message);
  const verdict: RetirementVerdict = {
    commit: commit.commit,
    document: t?.['PPP-Document'] ?? '',
    status: t?.['PPP-Status'] ?? '',
    retiredOn: t?.['PPP-Retired-On'] ?? '',
    signature,
    state: 'verified',
  };
  const fail = (state: VerifyState, detail: string) => ({ ...verdict, state, detail });
  const unproven = signatureFailure(signature, 'retirement commit');
  if (unproven) return fail(unproven.state, unproven.detail);
  if (commit.files.some((f) => f.path === SIGNERS_FILE))
    return fail(
      'untrusted-signer',
      `the retirement commit also changes ${SIGNERS_FILE}, so its signer could have vouched for their own key`,
    );
  const data = blobText === undefined ? undefined : frontMatterData(blobText);
  const problems: string[] = [];
  if (commit.files.length !== 1) problems.push(`it changes ${commit.files.map((f) => f.path).join(', ') || 'no file'}`);
  if (!data) problems.push('the document cannot be read at that commit');
  else {
    if (data.id !== verdict.document) problems.push(`the file it changes is ${String(data.id)}`);
    if (String(data.status) !== verdict.status || !RETIRED.has(verdict.status))
      problems.push(`PPP-Status ${verdict.status} but the document's status is ${String(data.status)}`);
    const retirement = (data.retirement ?? {}) as Record<string, unknown>;
    if (retirement.on !== verdict.retiredOn)
      problems.push(`PPP-Retired-On ${verdict.retiredOn} but retirement.on is ${String(retirement.on)}`);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(verdict.retiredOn) && verdict.retiredOn > commit.date.slice(0, 10))
    problems.push(`PPP-Retired-On ${verdict.retiredOn} is after the commit's own date`);
  if (problems.length)
    return fail(
      'removed-without-retirement',
      `retirement commit ${commit.commit.slice(0, 12)} does not match ${verdict.document}: ${problems.join('; ')}`,
    );
  return verdict;
}

// A trailer is one line: line breaks and other control characters are dropped.
function oneLine(s: string): string {
  return [...s.replace(/[\r\n\t]+/g, ' ')]
    .filter((ch) => ch >= ' ' && ch !== '\u007f')
    .join('')
    .trim();
}
