/** ppp approve: record an approval in the document and make it one signed commit; all of it or nothing. */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import {
  approvalMessage,
  approvalRefusals,
  defaultApprovedBy,
  planApproval,
  proposalRefusal,
  type ApprovalRequest,
} from '../core/approval.js';
import { isIsoDate } from '../core/calendar.js';
import { contentHash } from '../core/content-hash.js';
import { parsePeriod } from '../core/duration.js';
import { isProposal, RETIRED, ROUTES, type DocRecord, type FrontMatter, type Route } from '../core/document.js';
import { GitError, RefusalError, UsageError } from '../core/errors.js';
import { scheduledMeeting } from '../core/meetings.js';
import { routesFor } from '../core/settings.js';
import { listProblems } from '../core/problem.js';
import { checkResponses } from '../core/responses.js';
import { retirementChanges } from '../core/retirement.js';
import { commitDates, recordingToday } from '../io/clock.js';
import { readTextIfExists } from '../io/fs.js';
import { commitFile, fileStatus, isInsideWorkTree } from '../io/git.js';
import type { Io } from '../io/io.js';
import {
  editDocument,
  openDocument,
  restoreDocument,
  writeDocument,
  type OpenDocument,
} from './steps/edit-document.js';
import { findDocument, loadRegister, problemsOf, type LoadedRegister } from './steps/load-register.js';
import { commitFailure, planSigning, type SigningPlan } from './steps/signing.js';
import { loadWorkingCalendar } from './steps/working-calendar.js';

export interface ApproveOptions {
  register?: string;
  today?: string;
  id: string;
  route: string;
  meeting?: string;
  on?: string;
  cycle?: string;
  version?: string;
  by?: string;
  responses?: string;
  /** A revised version's summary of changes. */
  changes?: string;
}

export interface ApproveResult {
  id: string;
  file: string;
  version: string;
  status: 'approved' | 'interim';
  route: Route;
  approvedOn: string;
  meeting?: string;
  reviewDue: string;
  /** The documents this approval retired as superseded, in the same commit. */
  superseded: string[];
  commit: string;
  signed: boolean;
  contentHash: string;
}

/**
 * Approves the document in one commit and returns what was recorded; refuses (file, index and HEAD untouched) when it
 * may not.
 */
export async function approve(options: ApproveOptions, io: Io): Promise<ApproveResult> {
  const route = checkFlags(options);
  const loaded = await loadRegister(io, { register: options.register, write: 'approve' });
  const record = findDocument(loaded, options.id);
  if (isProposal(record.data)) throw new RefusalError(`${proposalRefusal(options.id)}; nothing was changed`);
  await checkCommitted(loaded.root, record.file);
  // Set-up mistakes (no key, a missing or malformed allowed_signers) come first, before the document's own refusals.
  const signing = await planSigning(loaded, io, 'ppp approve');
  const problems = problemsOf(loaded, record).filter((p) => p.severity === 'error');
  if (problems.length)
    throw new RefusalError(
      `${options.id} does not validate; nothing was changed. Fix these first:\n${listProblems(problems)}`,
    );

  const doc = openDocument(loaded, record);
  const today = recordingToday(io, loaded.settings.timezone, options.today);
  const meeting = await approvingMeeting(loaded, doc.data, route, options);
  const responses =
    options.responses === undefined
      ? undefined
      : await readResponses(loaded, options.id, route, options.responses, io.cwd);
  const on = options.on ?? responses?.lastOn ?? (route === 'ppp' ? meeting : undefined) ?? today;
  const request: ApprovalRequest = {
    route,
    meeting,
    on,
    cycle: options.cycle,
    version: options.version,
    by: options.by ?? defaultApprovedBy(doc.data, loaded.settings, route),
    responses: responses?.file,
    changes: options.changes?.trim(),
  };
  const refusals = [...approvalRefusals(doc.data, loaded.settings, request, today), ...(responses?.refusals ?? [])];
  if (refusals.length)
    throw new RefusalError(
      `${options.id} cannot be approved; nothing was changed:\n${refusals.map((r) => `  - ${r}`).join('\n')}`,
    );

  const plan = planApproval(doc.data, loaded.settings, request);
  const after = await editDocument(loaded, doc, plan.changes, {
    block: ['approval', 'review'],
    refusal: `${options.id} would not validate once approved`,
  });
  const hash = contentHash(after)!;
  const message = approvalMessage(
    String(doc.data.title ?? options.id),
    {
      'PPP-Document': options.id,
      'PPP-Version': plan.version,
      'PPP-Route': route,
      'PPP-Meeting': route === 'partnership' ? undefined : meeting,
      'PPP-Preliminary-Meeting': route === 'partnership' ? meeting : undefined,
      'PPP-Approved-On': on,
      'PPP-Responses': request.responses,
      'PPP-Changes': request.changes,
      'PPP-Content-SHA256': hash,
    },
    plan.approval.approved_by!,
  );
  // The documents it supersedes are retired in the same commit, one PPP-Supersedes trailer each (SPEC section 8).
  const superseded = await supersededEdits(loaded, options.id, doc.data, plan.version, on, route, meeting);
  const { commit, signed } = await commitApproval(
    loaded,
    signing,
    [{ doc, after }, ...superseded],
    message + superseded.map((s) => `PPP-Supersedes: ${s.id}\n`).join(''),
    commitDates(io, loaded.settings.timezone),
  );
  return {
    id: options.id,
    file: record.file,
    version: plan.version,
    status: plan.status,
    route,
    approvedOn: on,
    meeting,
    reviewDue: plan.review.due,
    superseded: superseded.map((s) => s.id),
    commit,
    signed,
    contentHash: hash,
  };
}

/** Returns the routes that may approve the document (approval.authorities for its type), for the route prompt. */
export async function routeChoices(options: { register?: string; id: string }, io: Io): Promise<Route[]> {
  const loaded = await loadRegister(io, { register: options.register });
  const record = findDocument(loaded, options.id);
  const routes = routesFor(loaded.settings, String(record.data.type));
  // A document on interim approval goes on to its full approval, not to another interim one.
  return record.data.status === 'interim' ? routes.filter((r) => r !== 'interim') : routes;
}

/** Returns the route, once the route and the dates given are known to be well formed. */
function checkFlags(options: ApproveOptions): Route {
  if (!(ROUTES as readonly string[]).includes(options.route))
    throw new UsageError(`--route ${options.route} is not a route; choose one of: ${ROUTES.join(', ')}`);
  for (const [flag, value] of [
    ['--meeting', options.meeting],
    ['--on', options.on],
  ] as const) {
    if (value !== undefined && !isIsoDate(value))
      throw new UsageError(`${flag} ${value} is not a real date written YYYY-MM-DD`);
  }
  if (options.cycle !== undefined) {
    const cycle = parsePeriod(options.cycle);
    if (!cycle.ok) throw new UsageError(`--cycle: ${cycle.message}`);
    if (cycle.value.workingDays)
      throw new UsageError(
        '--cycle: a review cycle is counted in calendar time; write it like "3 years" or "18 months"',
      );
  }
  if (options.changes !== undefined && options.changes.trim() === '')
    throw new UsageError('--changes is empty; say in a sentence or two what this version changes');
  if (options.version !== undefined && !/^\d+\.\d+$/.test(options.version))
    throw new UsageError(`--version ${options.version} is not a version; write it like 2.0`);
  return options.route as Route;
}

/**
 * Refuses unless the register is in git and the document is committed as it stands: an approval records exactly what is
 * committed.
 */
async function checkCommitted(root: string, file: DocRecord['file']): Promise<void> {
  if (!(await isInsideWorkTree(root)))
    throw new GitError(
      `${root} is not in a git repository; approvals are git commits, so run git init and commit the register first`,
    );
  const state = await fileStatus(root, file);
  if (state === '??')
    throw new RefusalError(
      `${file} has never been committed; commit it (git add, git commit) before it is approved; nothing was changed`,
    );
  if (state !== '')
    throw new RefusalError(
      `${file} has uncommitted changes; an approval records exactly what is committed, ` +
        `so commit or discard them first (git diff shows them); nothing was changed`,
    );
}

/**
 * Returns the meeting that approved (or, for partnership, preliminarily approved) the document: --meeting, else the one
 * it was submitted to.
 */
async function approvingMeeting(
  loaded: LoadedRegister,
  data: FrontMatter,
  route: Route,
  options: ApproveOptions,
): Promise<string | undefined> {
  const submission = (data.submission ?? {}) as Record<string, unknown>;
  let meeting = options.meeting;
  if (meeting === undefined && (route === 'ppp' || route === 'partnership') && typeof submission.meeting === 'string')
    meeting = submission.meeting;
  if (meeting === undefined && route === 'ppp')
    throw new RefusalError(`say which meeting approved ${options.id}: pass --meeting DATE; nothing was changed`);
  if (meeting !== undefined && (route === 'ppp' || route === 'partnership'))
    scheduledMeeting(loaded.settings, await loadWorkingCalendar(loaded.settings), meeting);
  return meeting;
}

/**
 * Returns the virtual approval's responses file (register-relative), the date of its last response, and why it does not
 * amount to approval.
 */
async function readResponses(
  loaded: LoadedRegister,
  id: string,
  route: Route,
  given: string,
  cwd: string,
): Promise<{ file: string; lastOn?: string; refusals: string[] }> {
  if (route !== 'virtual') throw new UsageError('--responses is for --route virtual only');
  const abs = resolve(cwd, given);
  const rel = relative(loaded.root, abs);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new UsageError(
      `--responses ${given} is outside the register; keep the responses in the ` +
        `register (for example meetings/virtual/${id}.yaml) so the approval can point to them`,
    );
  }
  const text = readTextIfExists(abs);
  if (text === undefined) throw new UsageError(`--responses ${given}: no such file`);
  const file = rel.split(sep).join('/');
  const refusals: string[] = [];
  if ((await fileStatus(loaded.root, file)) !== '')
    refusals.push(
      `${file} is not committed as it stands; commit the responses first, so the ` +
        `approval points to a record that cannot change unseen`,
    );
  const checked = checkResponses(file, text, id, loaded.members);
  return { file, lastOn: checked.lastOn, refusals: [...refusals, ...checked.refusals] };
}

/**
 * Writes the approved document and commits it alone, signed as the settings require; on failure puts back the exact
 * bytes and leaves no commit.
 */
async function commitApproval(
  loaded: LoadedRegister,
  plan: SigningPlan,
  edits: readonly { doc: OpenDocument; after: string }[],
  message: string,
  dates: Record<string, string>,
): Promise<{ commit: string; signed: boolean }> {
  for (const e of edits) writeDocument(e.doc, e.after);
  const files = edits.map((e) => e.doc.file);
  try {
    return {
      commit: await commitFile(loaded.root, files, message, {
        sign: plan.sign,
        env: dates,
      }),
      signed: plan.sign,
    };
  } catch (error) {
    for (const e of edits) restoreDocument(e.doc);
    throw commitFailure(
      'the approval commit',
      plan,
      error,
      `${files.join(' and ')} ${files.length === 1 ? 'was' : 'were'} restored and no commit was made.`,
    );
  }
}

/**
 * Returns the edits that retire, as superseded by this approval, each document its supersedes field names that is not
 * retired yet; refuses (nothing written) when one of them is not committed as it stands.
 */
async function supersededEdits(
  loaded: LoadedRegister,
  id: string,
  data: FrontMatter,
  version: string,
  on: string,
  route: Route,
  meeting: string | undefined,
): Promise<{ doc: OpenDocument; after: string; id: string }[]> {
  const named = Array.isArray(data.supersedes) ? data.supersedes.filter((x): x is string => typeof x === 'string') : [];
  const records = named
    .map((other) => loaded.records.find((r) => r.data?.id === other))
    .filter((r) => r?.data && !RETIRED.has(String(r.data.status)));
  const refusals: string[] = [];
  for (const r of records) {
    if ((await fileStatus(loaded.root, r!.file)) !== '')
      refusals.push(
        `${r!.file}, which ${id} supersedes and this approval retires, is not committed as it stands; ` +
          `commit or discard its changes first`,
      );
  }
  if (refusals.length)
    throw new RefusalError(
      `${id} cannot be approved; nothing was changed:\n${refusals.map((r) => `  - ${r}`).join('\n')}`,
    );
  return Promise.all(
    records.map(async (r) => {
      const other = String(r!.data!.id);
      const doc = openDocument(loaded, r as DocRecord & { data: NonNullable<DocRecord['data']> });
      const changes = retirementChanges({
        status: 'superseded',
        on,
        reason: `Superseded by ${id} v${version}`,
        meeting: route === 'ppp' ? meeting : undefined,
        supersededBy: id,
      });
      const after = await editDocument(loaded, doc, changes, {
        block: ['retirement'],
        refusal: `${other}, which ${id} supersedes, would not validate once superseded`,
      });
      return { doc, after, id: other };
    }),
  );
}
