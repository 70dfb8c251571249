/**
 * Retirement: withdrawal, archiving or supersession of a document recorded as one signed commit (SPEC section 8). What
 * ppp retire checks before it acts, the front matter it writes, the commit message with its trailers, and what verify
 * makes of such a commit. Pure: the caller reads the document, the register and git.
 */
import { parseApprovalTrailers } from './approval.js';
import { RETIRED, type FrontMatter } from './document.js';
import { frontMatterData } from './front-matter.js';
import {
  signatureFailure,
  SIGNERS_FILE,
  type CommitInput,
  type Signature,
  type VerifyRow,
  type VerifyState,
} from './verify.js';

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

/** What a retirement commit (or an approval commit superseding the document) proves of the document it retires. */
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
 * Returns the verdict of a commit that retires a document: a retirement commit (its trailers name the document, status
 * and date; it changes that document alone, never allowed_signers) or an approval commit whose PPP-Supersedes trailer
 * names it (the document there is superseded by the approved one, on the approval's date). Its signature is judged as
 * an approval's; the document's text at the commit (texts: every document the commit changed) must match.
 */
export function judgeRetirement(
  commit: CommitInput,
  signature: Signature,
  id: string,
  texts: readonly (string | undefined)[],
): RetirementVerdict {
  const t = parseRetirementTrailers(commit.message);
  const approval = t ? undefined : parseApprovalTrailers(commit.message);
  const verdict: RetirementVerdict = {
    commit: commit.commit,
    document: id,
    status: t ? t['PPP-Status'] : 'superseded',
    retiredOn: t ? t['PPP-Retired-On'] : (approval?.['PPP-Approved-On'] ?? ''),
    signature,
    state: 'verified',
  };
  const what = t ? 'retirement commit' : 'approval commit that supersedes it';
  const fail = (state: VerifyState, detail: string) => ({ ...verdict, state, detail });
  const unproven = signatureFailure(signature, what);
  if (unproven) return fail(unproven.state, unproven.detail);
  if (commit.files.some((f) => f.path === SIGNERS_FILE))
    return fail(
      'untrusted-signer',
      `the ${what} also changes ${SIGNERS_FILE}, so its signer could have vouched for their own key`,
    );
  const found = texts
    .map((text) => (text === undefined ? undefined : frontMatterData(text)))
    .find((data) => data?.id === id);
  const problems: string[] = [];
  if (t && commit.files.length !== 1)
    problems.push(`it changes ${commit.files.map((f) => f.path).join(', ') || 'no file'}, not the document alone`);
  if (t && t['PPP-Document'] !== id) problems.push(`it names ${t['PPP-Document']}`);
  if (!found) problems.push(`it does not change ${id}`);
  else {
    const retirement = (found.retirement ?? {}) as Record<string, unknown>;
    if (String(found.status) !== verdict.status || !RETIRED.has(verdict.status))
      problems.push(`the status it records is ${verdict.status} but the document's is ${String(found.status)}`);
    if (retirement.on !== verdict.retiredOn)
      problems.push(`it is dated ${verdict.retiredOn} but retirement.on is ${String(retirement.on)}`);
    if (!t && retirement.superseded_by !== approval?.['PPP-Document'])
      problems.push(`retirement.superseded_by is ${String(retirement.superseded_by)}`);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(verdict.retiredOn) && verdict.retiredOn > commit.date.slice(0, 10))
    problems.push(`it is dated ${verdict.retiredOn}, after the commit's own date`);
  if (problems.length)
    return fail(
      'removed-without-retirement',
      `the ${what} ${commit.commit.slice(0, 12)} does not record the retirement of ${id}: ${problems.join('; ')}`,
    );
  return verdict;
}

/** A row of ppp verify for a document ever approved that is now retired or gone, with the retirement's date. */
export type RetiredRow = VerifyRow & { retired_on?: string; retired_status?: string };

/**
 * Returns the row of a document ever approved (row: its row by its last approval) whose file is gone or whose status
 * is retired: the retirement's verdict when a commit after that approval retired it, else removed-without-retirement.
 */
export function retiredRow(
  row: VerifyRow,
  isGone: boolean,
  retirement: RetirementVerdict | undefined,
  signing: 'required' | 'optional',
): RetiredRow {
  const base = { ...row, pending_version: undefined };
  delete base.pending_version;
  if (!retirement)
    return {
      ...base,
      state: 'removed-without-retirement',
      severity: 'error',
      detail:
        `${row.id} was approved (${row.commit?.slice(0, 12) ?? 'no commit'}) but ` +
        `${isGone ? `its file ${row.file} has gone` : 'its status is now retired'} without a retirement commit; ` +
        `${isGone ? 'restore the file (git checkout) and ' : 'put the status back and '}` +
        `retire it with ppp retire ${row.id} --reason "…"`,
    };
  const severity =
    retirement.state === 'verified'
      ? 'ok'
      : retirement.state === 'unsigned' && signing === 'optional'
        ? 'warning'
        : 'error';
  return {
    ...base,
    state: retirement.state,
    severity,
    commit: retirement.commit,
    signer: retirement.signature.signer || retirement.signature.key || null,
    detail: retirement.detail,
    retired_on: retirement.retiredOn,
    retired_status: retirement.status,
  };
}

// A trailer is one line: line breaks and other control characters are dropped.
function oneLine(s: string): string {
  return [...s.replace(/[\r\n\t]+/g, ' ')]
    .filter((ch) => ch >= ' ' && ch !== '\u007f')
    .join('')
    .trim();
}
