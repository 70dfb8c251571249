/** ppp approve: record an approval in the document and make it one signed commit; all of it or nothing. */
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isIsoDate } from '../core/calendar.js';
import { approvalMessage, approvalRefusals, defaultApprovedBy, planApproval, type ApprovalRequest } from '../core/approval.js';
import { checkFile } from '../core/check.js';
import { ROUTES, type Route } from '../core/config.js';
import { contentHash } from '../core/content-hash.js';
import { makeContext } from '../core/context.js';
import { GitError, RefusalError, UsageError } from '../core/errors.js';
import { EditError, editFrontMatter } from '../core/front-matter-edit.js';
import { frontMatterData } from '../core/front-matter.js';
import { checkResponses } from '../core/responses.js';
import { today as todayOf } from '../io/clock.js';
import { decodeUtf8, pathExists, readDocument, readTextIfExists, writeFileAtomic } from '../io/fs.js';
import { commitFile, fileStatus, isInsideWorkTree, signingSetup, type SigningSetup } from '../io/git.js';
import type { Io } from '../io/io.js';
import { readSchemas, readTemplates } from '../io/register-files.js';
import { scheduledMeeting } from './agenda.js';
import { registerCalendar } from './calendar.js';
import { findDocument, loadRegister } from './load-register.js';
import { validate } from './validate.js';

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
  commit: string;
  signed: boolean;
  contentHash: string;
}

/** Approves the document in one commit and returns what was recorded; refuses (file, index and HEAD untouched) when it may not. */
export async function approve(options: ApproveOptions, io: Io): Promise<ApproveResult> {
  if (!(ROUTES as readonly string[]).includes(options.route)) throw new UsageError(`--route ${options.route} is not a route; choose one of: ${ROUTES.join(', ')}`);
  const route = options.route as Route;
  for (const [flag, value] of [['--meeting', options.meeting], ['--on', options.on]] as const) {
    if (value !== undefined && !isIsoDate(value)) throw new UsageError(`${flag} ${value} is not a real date written YYYY-MM-DD`);
  }
  const loaded = await loadRegister(io, { register: options.register });
  const { root, settings } = loaded;
  const record = findDocument(loaded, options.id);
  if (!(await isInsideWorkTree(root))) throw new GitError(`${root} is not in a git repository; approvals are git commits, so run git init and commit the register first`);
  const state = await fileStatus(root, record.file);
  if (state === '??') throw new RefusalError(`${record.file} has never been committed; commit it (git add, git commit) before it is approved; nothing was changed`);
  if (state !== '') throw new RefusalError(`${record.file} has uncommitted changes; an approval records exactly what is committed, so commit or discard them first (git diff shows them); nothing was changed`);

  const problems = (await validate({ register: root, paths: [join(root, record.file)] }, io)).problems.filter((p) => p.severity === 'error' && p.file === record.file);
  if (problems.length) throw new RefusalError(`${options.id} does not validate; nothing was changed. Fix these first:\n${problems.map((p) => `  ${p.file}:${p.line}:${p.column}: ${p.message} (${p.rule})`).join('\n')}`);

  // The record may come from the cache, which keeps only the index fields: read the whole front matter.
  const path = join(root, record.file);
  const read = readDocument(path);
  const before = read.kind === 'bytes' ? decodeUtf8(read.bytes) : undefined;
  if (read.kind !== 'bytes' || before === undefined) throw new RefusalError(`${record.file} cannot be read as text; run ppp validate`);
  const data = frontMatterData(before);
  if (!data) throw new RefusalError(`${record.file}: its front matter cannot be read; run ppp validate`);

  const today = todayOf(io, settings.timezone, options.today);
  const submission = (data.submission ?? {}) as Record<string, unknown>;
  let meeting = options.meeting;
  if (meeting === undefined && (route === 'ppp' || route === 'partnership') && typeof submission.meeting === 'string') meeting = submission.meeting;
  if (meeting === undefined && route === 'ppp') throw new RefusalError(`say which meeting approved ${options.id}: pass --meeting DATE; nothing was changed`);
  if (meeting !== undefined && (route === 'ppp' || route === 'partnership')) scheduledMeeting(settings, await registerCalendar(settings), meeting);

  const refusals: string[] = [];
  let responses: string | undefined;
  let lastResponse: string | undefined;
  if (options.responses !== undefined) {
    if (route !== 'virtual') throw new UsageError('--responses is for --route virtual only');
    const abs = resolve(io.cwd, options.responses);
    const rel = relative(root, abs);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`--responses ${options.responses} is outside the register; keep the responses in the register (for example meetings/virtual/${options.id}.yaml) so the approval can point to them`);
    const text = readTextIfExists(abs);
    if (text === undefined) throw new UsageError(`--responses ${options.responses}: no such file`);
    responses = rel.split(sep).join('/');
    const responsesState = await fileStatus(root, responses);
    if (responsesState !== '') refusals.push(`${responses} is not committed as it stands; commit the responses first, so the approval points to a record that cannot change unseen`);
    const checked = checkResponses(responses, text, options.id, loaded.members);
    refusals.push(...checked.refusals);
    lastResponse = checked.lastOn;
  }
  const on = options.on ?? lastResponse ?? (route === 'ppp' ? meeting : undefined) ?? today;
  const request: ApprovalRequest = { route, meeting, on, cycle: options.cycle, version: options.version, by: options.by ?? defaultApprovedBy(data, settings, route), responses };
  refusals.unshift(...approvalRefusals(data, settings, request, today));
  if (refusals.length) throw new RefusalError(`${options.id} cannot be approved; nothing was changed:\n${refusals.map((r) => `  - ${r}`).join('\n')}`);

  const plan = planApproval(data, settings, request);
  let after: string;
  try {
    after = editFrontMatter(before, plan.changes, { block: ['approval', 'review'] });
  } catch (error) {
    if (error instanceof EditError) throw new RefusalError(`${record.file}: ${error.message}`, { cause: error });
    throw error;
  }
  const context = makeContext({ settings, templates: readTemplates(root), schemas: readSchemas().sources }, (await import('../core/schema.js')).compileSchemas);
  const errors = checkFile(record.file, after, '', context).problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    throw new RefusalError(`${options.id} would not validate once approved; nothing was changed. Fix these first:\n${errors.map((p) => `  ${p.file}:${p.line}:${p.column}: ${p.message} (${p.rule})`).join('\n')}`);
  }
  const hash = contentHash(after)!;
  const message = approvalMessage(
    String(data.title ?? options.id),
    {
      'PPP-Document': options.id,
      'PPP-Version': plan.version,
      'PPP-Route': route,
      'PPP-Meeting': route === 'partnership' ? undefined : meeting,
      'PPP-Preliminary-Meeting': route === 'partnership' ? meeting : undefined,
      'PPP-Approved-On': on,
      'PPP-Responses': responses,
      'PPP-Content-SHA256': hash,
    },
    plan.approval.approved_by!,
  );

  const setup = await signingSetup(root);
  const sign = settings.approval.signing === 'required' || hasSigningKey(setup);
  if (sign) {
    const problem = signingProblem(setup, root);
    if (problem) throw new RefusalError(`${problem}; nothing was changed${settings.approval.signing === 'required' ? ' (ppp.yaml: approval.signing: required)' : ''}`);
  }

  writeFileAtomic(path, after);
  let commit: string;
  try {
    commit = await commitFile(root, record.file, message, { sign });
  } catch (error) {
    // Put back the exact bytes that were there, so nothing half-done is left.
    writeFileAtomic(path, read.bytes);
    const reason = (error as Error).message;
    throw new GitError(`the approval commit could not be made${sign ? ' (signing failed)' : ''}: ${reason}. ${sign ? signingHint(setup) + ' ' : ''}${record.file} was restored and no commit was made.`, { cause: error });
  }
  return {
    id: options.id,
    file: record.file,
    version: plan.version,
    status: plan.status,
    route,
    approvedOn: on,
    meeting,
    reviewDue: plan.review.due,
    commit,
    signed: sign,
    contentHash: hash,
  };
}

function hasSigningKey(setup: SigningSetup): boolean {
  return setup.key !== undefined || setup.keyCommand !== undefined;
}

/** Returns why the configured signing cannot work, when that can be told before trying. */
function signingProblem(setup: SigningSetup, root: string): string | undefined {
  if (setup.format !== 'ssh') return undefined;
  if (!hasSigningKey(setup)) {
    return 'no signing key is configured for git; set one with git config user.signingkey ~/.ssh/id_ed25519.pub (and git config gpg.format ssh), and add its line to allowed_signers';
  }
  const key = setup.key;
  if (key === undefined || key.startsWith('key::') || /^(ssh|ecdsa|sk)-/.test(key)) return undefined;
  const path = key.startsWith('~/') ? join(homedir(), key.slice(2)) : resolve(root, key);
  if (!pathExists(path)) return `the signing key file ${key} (git config user.signingkey) does not exist; point user.signingkey at your key, for example ~/.ssh/id_ed25519.pub`;
  return undefined;
}

function signingHint(setup: SigningSetup): string {
  return setup.format === 'ssh'
    ? 'Check that git config user.signingkey names your SSH key and that ssh-agent holds it (ssh-add -l) or the key file is readable.'
    : 'Check that gpg has your secret key (gpg --list-secret-keys) and that git config user.signingkey names it.';
}
