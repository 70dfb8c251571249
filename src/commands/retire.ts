/** ppp retire: record a document's withdrawal, archiving or supersession and make it one signed commit. */
import { isIsoDate } from '../core/calendar.js';
import { isProposal, RETIRED, text } from '../core/document.js';
import { GitError, RefusalError, UsageError } from '../core/errors.js';
import { scheduledMeeting } from '../core/meetings.js';
import {
  retirementChanges,
  retirementMessage,
  RETIREMENT_STATUSES,
  type RetirementRequest,
  type RetirementStatus,
} from '../core/retirement.js';
import { commitDates, realToday } from '../io/clock.js';
import { commitFile, fileStatus, isInsideWorkTree } from '../io/git.js';
import type { Io } from '../io/io.js';
import { editDocument, openDocument, restoreDocument, writeDocument } from './steps/edit-document.js';
import { findDocument, loadRegister } from './steps/load-register.js';
import { commitFailure, planSigning } from './steps/signing.js';
import { loadWorkingCalendar } from './steps/working-calendar.js';

export interface RetireOptions {
  register?: string;
  id: string;
  reason?: string;
  supersededBy?: string;
  meeting?: string;
  status?: string;
}

export interface RetireResult {
  id: string;
  file: string;
  version: string;
  status: RetirementStatus;
  retiredOn: string;
  reason: string;
  meeting?: string;
  supersededBy?: string;
  commit: string;
  signed: boolean;
}

/**
 * Retires the document in one commit and returns what was recorded; refuses (file, index and HEAD untouched) when it
 * may not.
 */
export async function retire(options: RetireOptions, io: Io): Promise<RetireResult> {
  const { reason, status } = checkFlags(options);
  const loaded = await loadRegister(io, { register: options.register, write: 'retire' });
  const { root, settings } = loaded;
  const record = findDocument(loaded, options.id);
  // The real date, never --today: a retirement is not recorded before it happened.
  const real = realToday(io, settings.timezone);
  if (options.meeting !== undefined) {
    scheduledMeeting(settings, await loadWorkingCalendar(settings), options.meeting);
    if (options.meeting > real)
      throw new RefusalError(
        `the meeting of ${options.meeting} has not taken place yet (today is ${real}); ` +
          `record the retirement once the meeting has decided it; nothing was changed`,
      );
  }
  if (!(await isInsideWorkTree(root)))
    throw new GitError(
      `${root} is not in a git repository; a retirement is a git commit, so run git init and commit the register first`,
    );
  const plan = await planSigning(loaded, io, 'ppp retire');
  const refusals: string[] = [];
  const current = String(record.data.status);
  if (RETIRED.has(current)) refusals.push(`${options.id} is already ${current}; a retired document is retired once`);
  else if (isProposal(record.data))
    refusals.push(
      `${options.id} is a proposal; the group declines a proposal with ppp decide ${options.id} decline ` +
        `--meeting DATE --reason "…"`,
    );
  const approvedOn = text(record.data, 'approval', 'approved_on');
  const on = options.meeting ?? real;
  if (approvedOn !== undefined && on < approvedOn)
    refusals.push(
      `the retirement would be dated ${on}, before ${options.id} was approved (${approvedOn}); ` +
        `name the meeting that retired it, or leave out --meeting to record it today`,
    );
  if (options.supersededBy !== undefined) {
    const successor = loaded.records.find((r) => r.data?.id === options.supersededBy);
    if (options.supersededBy === options.id) refusals.push(`${options.id} cannot supersede itself`);
    else if (!successor?.data)
      refusals.push(`--superseded-by ${options.supersededBy} is not a document in the register; check the id`);
    else if (RETIRED.has(String(successor.data.status)))
      refusals.push(
        `--superseded-by ${options.supersededBy} is itself ${String(successor.data.status)}; name the document in use`,
      );
  }
  const state = await fileStatus(root, record.file);
  if (state === '??') refusals.push(`${record.file} has never been committed; commit it (git add, git commit) first`);
  else if (state !== '')
    refusals.push(
      `${record.file} has uncommitted changes; a retirement records what is committed, so commit or discard ` +
        `them first (git diff shows them)`,
    );
  if (refusals.length)
    throw new RefusalError(
      `${options.id} cannot be retired; nothing was changed:\n${refusals.map((r) => `  - ${r}`).join('\n')}`,
    );

  const request: RetirementRequest = {
    status,
    on,
    reason,
    meeting: options.meeting,
    supersededBy: options.supersededBy,
  };
  const doc = openDocument(loaded, record);
  const after = await editDocument(loaded, doc, retirementChanges(request), {
    block: ['retirement'],
    refusal: `${options.id} would not validate once retired`,
  });
  const version = String(doc.data.version ?? '');
  const message = retirementMessage(
    String(doc.data.title ?? options.id),
    version,
    {
      'PPP-Document': options.id,
      'PPP-Retired-On': request.on,
      'PPP-Status': status,
      'PPP-Superseded-By': options.supersededBy,
      'PPP-Meeting': options.meeting,
    },
    reason,
  );
  writeDocument(doc, after);
  let commit: string;
  try {
    commit = await commitFile(root, doc.file, message, { sign: plan.sign, env: commitDates(io, settings.timezone) });
  } catch (error) {
    restoreDocument(doc);
    throw commitFailure('the retirement commit', plan, error, `${doc.file} was restored and no commit was made.`);
  }
  return {
    id: options.id,
    file: record.file,
    version,
    status,
    retiredOn: request.on,
    reason,
    meeting: options.meeting,
    supersededBy: options.supersededBy,
    commit,
    signed: plan.sign,
  };
}

/** Returns the reason and the status, once the flags are known to make sense together. */
function checkFlags(options: RetireOptions): { reason: string; status: RetirementStatus } {
  const reason = (options.reason ?? '').trim();
  if (reason === '')
    throw new UsageError(
      '--reason TEXT is required: say why the document is retired, for example ' +
        '--reason "Replaced by the joint partnership procedure"',
    );
  if (options.meeting !== undefined && !isIsoDate(options.meeting))
    throw new UsageError(`--meeting ${options.meeting} is not a real date written YYYY-MM-DD`);
  const given = options.status;
  if (given !== undefined && !(RETIREMENT_STATUSES as readonly string[]).includes(given))
    throw new UsageError(`--status ${given} is not one of: withdrawn, archived (superseded: use --superseded-by ID)`);
  if (options.supersededBy !== undefined) {
    if (given !== undefined && given !== 'superseded')
      throw new UsageError(`--superseded-by records status superseded; leave out --status ${given}`);
    return { reason, status: 'superseded' };
  }
  if (given === 'superseded') throw new UsageError('status superseded needs --superseded-by ID: name the successor');
  return { reason, status: (given as RetirementStatus | undefined) ?? 'withdrawn' };
}
