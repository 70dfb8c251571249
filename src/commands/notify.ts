/**
 * ppp notify approvals: notice of the new and revised documents approved (since a date, or at a meeting) to the
 * distribution list of ppp.yaml mail.lists.approvals, with their summaries, what changed and links to the published
 * pages. Each approval is announced once: mail/sent.yaml records it when the server accepts the message.
 */
import { resolve } from 'node:path';
import { isIsoDate } from '../core/calendar.js';
import { ConfigError, UsageError } from '../core/errors.js';
import { scheduledMeeting } from '../core/meetings.js';
import { reported } from '../core/reports.js';
import { SENT_FILE } from '../core/sent-record.js';
import { realToday, recordingToday } from '../io/clock.js';
import type { Io } from '../io/io.js';
import { approvalHistory } from './steps/approval-history.js';
import { refuseShallow } from './steps/full-history.js';
import { loadRegister } from './steps/load-register.js';
import { readSentRecord } from './steps/sent-mail.js';
import { loadWorkingCalendar } from './steps/working-calendar.js';

export interface NotifyOptions {
  register?: string;
  today?: string;
  since?: string;
  meeting?: string;
  baseUrl?: string;
  dryRun?: boolean;
  out?: string;
}

export interface NotifyResult {
  to: string[];
  subject: string;
  items: { kind: 'new' | 'revised'; id: string }[];
  sent: boolean;
  error?: string;
}

/** Announces the approvals not announced before; returns the message (or none when there is nothing new). */
export async function notifyApprovals(options: NotifyOptions, io: Io): Promise<NotifyResult | undefined> {
  if ((options.since === undefined) === (options.meeting === undefined))
    throw new UsageError('say which approvals: --since DATE, or --meeting DATE (one of them)');
  if (options.since !== undefined && !isIsoDate(options.since))
    throw new UsageError(`--since ${options.since} is not a real date written YYYY-MM-DD`);
  const loaded = await loadRegister(io, { register: options.register, write: options.dryRun ? undefined : 'notify' });
  const { root, settings } = loaded;
  const mail = settings.mail;
  if (!mail && !options.dryRun)
    throw new ConfigError('ppp.yaml has no mail: settings; add mail: with lists.approvals, or run with --dry-run');
  const to = mail?.lists.approvals ?? [];
  if (mail && to.length === 0 && !options.dryRun)
    throw new ConfigError('ppp.yaml mail.lists.approvals is empty; list the addresses the notice goes to');
  const today = options.dryRun
    ? realToday(io, settings.timezone)
    : recordingToday(io, settings.timezone, options.today);
  if (options.meeting !== undefined) scheduledMeeting(settings, await loadWorkingCalendar(settings), options.meeting);
  await refuseShallow(root, 'ppp notify', 'approvals in its history may be missing');
  const record = readSentRecord(root, realToday(io, settings.timezone));
  if (record.faults) throw new ConfigError(`${SENT_FILE} cannot be trusted, so nothing was sent:\n${record.faults}`);
  const sent = record.sent;
  const { approvals } = await approvalHistory(root);
  const chosen = approvals.filter(
    (a) =>
      !a.confirmsInterim &&
      !sent.has(`approval:${a.commit}`) &&
      (options.meeting !== undefined ? a.meeting === options.meeting : a.approvedOn >= options.since!),
  );
  if (chosen.length === 0) return undefined;
  const baseUrl = options.baseUrl === undefined ? undefined : options.baseUrl.replace(/\/?$/, '/');
  const items = chosen.map((a) => reported(a, { members: loaded.members, baseUrl }));
  const n = items.length;
  const subject = `${settings.group}: ${n} new and revised ${n === 1 ? 'document' : 'documents'} approved`;
  const { mailHtml } = await import('../report/mail-html.js');
  const body = mailHtml(subject, [
    `${settings.group} approved these documents. Please read those that apply to your work.`,
    ...items.flatMap((i) => [
      { heading: `${i.kind === 'new' ? 'New' : 'Revised'}: ${i.title} (${i.id})` },
      `${i.summary ?? ''}${i.kind === 'revised' ? ` What changed: ${i.changes ?? 'see the document.'}` : ''}`,
      { items: [i.url ? { text: `Read ${i.id}`, href: i.url } : `Approved on ${i.approved_on}.`] },
    ]),
  ]);
  const result: NotifyResult = {
    to,
    subject,
    items: items.map((i) => ({ kind: i.kind, id: i.id })),
    sent: false,
  };
  if (options.dryRun) return result;
  const { sendMessages } = await import('../io/mail.js');
  const outcome = await sendMessages(
    mail!,
    [{ id: `notify-${today}-${chosen[0]!.commit.slice(0, 12)}`, to, subject, text: body.text, html: body.html }],
    io.env,
    { out: options.out === undefined ? undefined : resolve(io.cwd, options.out) },
  );
  if (outcome.accepted.length) {
    record.add(chosen.map((a) => ({ key: `approval:${a.commit}`, to: to.join(', '), sent_on: today })));
    result.sent = true;
  } else result.error = outcome.failed[0]?.error;
  return result;
}
