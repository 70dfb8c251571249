/**
 * ppp remind: the daily digests, one per person, sent through the SMTP server of ppp.yaml mail: (or written as .eml
 * files with --out, or only shown with --dry-run). What the server accepts (or what is written) is added to
 * mail/sent.yaml, and only that: a message refused is sent again on the next run.
 */
import { resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { text } from '../core/document.js';
import { nextMeeting } from '../core/meetings.js';
import { plan, type Digest } from '../core/reminders.js';
import { reviewState } from '../core/reviews.js';
import { SENT_FILE } from '../core/sent-record.js';
import { realToday, recordingToday, today as todayOf } from '../io/clock.js';
import type { Io } from '../io/io.js';
import { readActions } from '../io/register-files.js';
import { loadRegister } from './steps/load-register.js';
import { readSentRecord } from './steps/sent-mail.js';
import { loadWorkingCalendar } from './steps/working-calendar.js';

export interface RemindOptions {
  register?: string;
  today?: string;
  dryRun?: boolean;
  out?: string;
}

export interface RemindResult {
  today: string;
  digests: { to: string; subject: string; items: { kind: string; id: string }[] }[];
  /** Addresses the server accepted (or the .eml files were written for). */
  sent: string[];
  failed: { to: string; error: string }[];
  unreachable: { member: string; why: string }[];
}

/** Plans today's digests and sends them (unless --dry-run), recording what was accepted. */
export async function remind(options: RemindOptions, io: Io): Promise<RemindResult> {
  const loaded = await loadRegister(io, { register: options.register, write: options.dryRun ? undefined : 'remind' });
  const { root, settings } = loaded;
  const today = options.dryRun
    ? todayOf(io, settings.timezone, options.today)
    : recordingToday(io, settings.timezone, options.today);
  const mail = settings.mail;
  if (!mail && !options.dryRun)
    throw new ConfigError(
      'ppp.yaml has no mail: settings, so ppp cannot send or write mail; add mail: (host, from, auth) — the ' +
        'README says how — or run ppp remind --dry-run to see what would be sent',
    );
  const record = readSentRecord(root, realToday(io, settings.timezone));
  if (record.faults) throw new ConfigError(`${SENT_FILE} cannot be trusted, so nothing was sent:\n${record.faults}`);
  const calendar = await loadWorkingCalendar(settings);
  const byId = new Map(loaded.members.map((m) => [m.id, m]));
  const documents = loaded.records.flatMap((r) => {
    const d = r.data;
    if (!d || typeof d.id !== 'string') return [];
    return [
      {
        id: d.id,
        title: text(d, 'title') ?? d.id,
        owner: text(d, 'owner') ?? '',
        status: String(d.status ?? ''),
        reviewDue: text(d, 'review', 'due'),
      },
    ];
  });
  const planned = plan({
    today,
    calendar,
    notice: mail?.notice ?? [60, 30, 7],
    escalates: (due) => reviewState(due, today, settings.review, false).state === 'escalate',
    escalateTo: mail?.escalate_to,
    deadlineNoticeDays: 3,
    members: loaded.members,
    documents,
    meeting: nextMeeting(settings, calendar, today),
    actions: readActions(root, byId).actions,
    sent: record.sent,
  });
  // A digest with a meeting's deadline carries the meeting as a calendar file, under the UID of meetings.ics.
  const meeting = nextMeeting(settings, calendar, today);
  const { meetingsIcs } = await import('../report/meetings.js');
  const ics = meeting
    ? {
        filename: `meeting-${meeting.date}.ics`,
        content: meetingsIcs([meeting], settings, { cancelled: [], generatedAt: io.now() }),
      }
    : undefined;
  const messages = await Promise.all(
    planned.digests.map(async (d) => {
      const m = await message(d, settings.group, today);
      return d.items.some((x) => x.kind.endsWith('-deadline')) && ics ? { ...m, ics } : m;
    }),
  );
  const result: RemindResult = {
    today,
    digests: planned.digests.map((d, i) => ({
      to: d.to,
      subject: messages[i]!.subject,
      items: d.items.map((x) => ({ kind: x.kind, id: x.id })),
    })),
    sent: [],
    failed: [],
    unreachable: planned.unreachable,
  };
  if (options.dryRun || messages.length === 0) return result;
  const { sendMessages } = await import('../io/mail.js');
  const outcome = await sendMessages(mail!, messages, io.env, {
    out: options.out === undefined ? undefined : resolve(io.cwd, options.out),
  });
  const accepted = new Set(outcome.accepted.map((a) => a.id));
  const entries = planned.digests.flatMap((d, i) =>
    accepted.has(messages[i]!.id) ? d.items.map((x) => ({ key: x.key, to: d.to, sent_on: today })) : [],
  );
  record.add(entries);
  result.sent = planned.digests.filter((_, i) => accepted.has(messages[i]!.id)).map((d) => d.to);
  result.failed = outcome.failed.map((f) => ({ to: f.message.to.join(', '), error: f.error }));
  return result;
}

async function message(d: Digest, group: string, today: string) {
  const { mailHtml } = await import('../report/mail-html.js');
  const n = d.items.length;
  const subject = `${group}: ${n} ${n === 1 ? 'reminder' : 'reminders'} for ${d.name}`;
  const body = mailHtml(subject, [
    `What the register of ${group} has for you on ${today}.`,
    { items: d.items.map((x) => x.text) },
    'This message was sent by ppp from the policy register. Reply to the chair with any question.',
  ]);
  return { id: `remind-${today}-${d.member}`, to: [d.to], subject, text: body.text, html: body.html };
}
