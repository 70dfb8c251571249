/** ppp minutes: meetings/DATE/minutes.md from the meeting's agenda, never over minutes that exist. */
import { join } from 'node:path';
import type { Agenda, AgendaItem } from '../core/agenda.js';
import { quorum, type Attendance } from '../core/attendance.js';
import { parseApprovalTrailers } from '../core/approval.js';
import { compareDates } from '../core/calendar.js';
import type { Decision, DecisionRecord } from '../core/decisions.js';
import { RefusalError } from '../core/errors.js';
import type { Member } from '../core/members.js';
import { realToday, today as todayOf } from '../io/clock.js';
import { pathExists, writeFileAtomic } from '../io/fs.js';
import { approvalCommits, isInsideWorkTree } from '../io/git.js';
import type { Io } from '../io/io.js';
import { readActions } from '../io/register-files.js';
import { longDate } from '../report/agenda.js';
import { markdownText as md } from '../report/printable.js';
import { loadRegister, type LoadedRegister } from './steps/load-register.js';
import { agendaOf } from './steps/meeting-agenda.js';

const DECISION = 'Decision: approved / approved with changes / deferred / not approved (delete as appropriate)';

/** Writes the minutes skeleton of a meeting and returns its path. */
export async function writeMinutes(
  options: { register?: string; today?: string; date: string },
  io: Io,
): Promise<{ file: string; path: string }> {
  const loaded = await loadRegister(io, { register: options.register, write: 'minutes' });
  const members = loaded.members;
  const today = todayOf(io, loaded.settings.timezone, options.today);
  const real = realToday(io, loaded.settings.timezone);
  const latest = compareDates(today, real) < 0 ? today : real;
  const agenda = await agendaOf(loaded, { today: latest, meeting: options.date });
  // Minutes record what happened: never for a meeting that has not taken place, by --today or by the real date.
  if (compareDates(agenda.meeting, latest) > 0) {
    throw new RefusalError(
      `the meeting of ${agenda.meeting} has not taken place yet (today is ${latest}); nothing was written`,
    );
  }
  const file = `meetings/${agenda.meeting}/minutes.md`;
  const path = join(loaded.root, file);
  if (pathExists(path)) throw new RefusalError(`${file} exists; ppp minutes never overwrites minutes`);
  const record = loaded.meetingRecords.find((m) => m.date === agenda.meeting);
  const byId = new Map(members.map((m) => [m.id, m]));
  const actions = readActions(loaded.root, byId).actions.filter((a) => a.raised === agenda.meeting);
  const outcomes = await outcomesOf(loaded, agenda.meeting, record?.decisions ?? []);
  const text = minutesMarkdown(
    agenda,
    members,
    record?.attendance ?? null,
    record?.attendance ? quorum(record.attendance, byId, loaded.settings).quorate : null,
    actions,
    outcomes,
  );
  writeFileAtomic(path, text, { exclusive: true });
  return { file, path };
}

function minutesMarkdown(
  agenda: Agenda,
  members: readonly Member[],
  attendance: Attendance | null,
  quorate: boolean | null,
  actions: { id: string; text: string; owner: string; due: string }[],
  outcomes: ReadonlyMap<string, string[]>,
): string {
  const names = new Map(members.map((m) => [m.id, m.name]));
  // Every value from the register is shown escaped: control characters and markdown markup never pass raw.
  const who = (id: string) => md(names.get(id) ?? id);
  const out: string[] = [`# ${md(agenda.group)}: minutes of ${longDate(agenda.meeting)}`, ''];
  out.push('## Attendance', '');
  if (!attendance)
    out.push(`Not recorded yet: run ppp attendance ${agenda.meeting} --present … --apologies … --absent …`, '');
  else {
    out.push(`**Present:** ${attendance.present.map(who).join(', ') || 'none'}.`, '');
    const apology = (a: Attendance['apologies'][number]) =>
      a.delegate ? `${who(a.member)} (${md(a.delegate)} attended in their place)` : who(a.member);
    out.push(`**Apologies:** ${attendance.apologies.map(apology).join(', ') || 'none'}.`, '');
    out.push(`**Absent:** ${attendance.absent.map(who).join(', ') || 'none'}.`, '');
    out.push(
      `The meeting was ` +
        `${quorate ? 'quorate' : '**not quorate**: decisions below are for ratification at the next quorate meeting'}.`,
      '',
    );
  }
  out.push('## 1. Progress report from the chair', '');
  out.push(
    `Open actions: ${agenda.progress.actions.length} ` +
      `(${agenda.progress.actions.filter((a) => a.overdue).length} overdue). Reviews ` +
      `to escalate: ` +
      `${md(agenda.progress.escalations.map((r) => r.id).join(', ')) || 'none'}. Members ` +
      `to escalate for absence: ${agenda.progress.absences.map((a) => who(a.member)).join(', ') || 'none'}.`,
    '',
  );
  out.push('Notes:', '');
  const items = (title: string, list: AgendaItem[]) => {
    out.push(title, '');
    if (list.length === 0) out.push('None.', '');
    for (const i of list)
      out.push(
        `### ${md(i.id)} ${md(i.title)} (${md(i.type)}, version ${md(i.version)})`,
        '',
        `Presented by ${who(i.owner)}.`,
        '',
        outcomes.has(i.id) ? `Decision: ${md(outcomes.get(i.id)!.join('; '))}.` : DECISION,
        '',
        'Notes:',
        '',
      );
  };
  items('## 2. New document proposals and drafts', agenda.proposals_and_drafts);
  items('## 3. Reviews of existing documents', agenda.reviews);
  out.push('## 4. Horizon scanning and future workstreams', '');
  for (const i of agenda.horizon) out.push(`- ${md(i.id)} ${md(i.title)}${i.note ? `: ${md(i.note)}` : ''}.`);
  out.push('', 'Notes:', '');
  out.push('## For information', '');
  for (const i of agenda.information)
    out.push(`- ${md(i.id)} ${md(i.title)}${i.note ? `: ${md(i.note)}` : ''}. Noted.`);
  if (agenda.information.length === 0) out.push('None.');
  const listed = new Set([...agenda.proposals_and_drafts, ...agenda.reviews, ...agenda.information].map((i) => i.id));
  const others = [...outcomes].filter(([id]) => !listed.has(id));
  if (others.length) {
    out.push('', '## Other decisions and approvals recorded for this meeting', '');
    for (const [id, lines] of others) out.push(`- ${md(id)}: ${md(lines.join('; '))}.`);
  }
  out.push('', '## Actions raised', '');
  if (actions.length === 0)
    out.push('None recorded yet (ppp action add "…" --owner ID --due DATE --meeting ' + agenda.meeting + ').');
  for (const a of actions) out.push(`- ${md(a.id)}: ${md(a.text)}. ${who(a.owner)}, by ${md(a.due)}.`);
  return out.join('\n') + '\n';
}

const OUTCOME: Record<Decision, (d: DecisionRecord) => string> = {
  agree: (d) => `proposal agreed, to be drafted${d.reason ? ` (${d.reason})` : ''}`,
  decline: (d) => `proposal declined (${d.reason ?? 'no reason recorded'})`,
  return: (d) => `returned to the author (${d.reason ?? 'no reason recorded'})`,
  defer: (d) => `deferred to the meeting of ${d.deferred_to ?? 'the next meeting'}${d.reason ? ` (${d.reason})` : ''}`,
  note: (d) => `noted${d.reason ? ` (${d.reason})` : ''}`,
};

/**
 * Returns what was decided for each document at the meeting: the decisions recorded for it, and every approval that
 * names it (in the document, or in an approval commit's trailers: also approvals recorded after the day).
 */
async function outcomesOf(loaded: LoadedRegister, meeting: string, decisions: readonly DecisionRecord[]) {
  const outcomes = new Map<string, string[]>();
  const add = (id: string, line: string) => {
    const lines = outcomes.get(id) ?? [];
    if (!lines.includes(line)) lines.push(line);
    outcomes.set(id, lines);
  };
  for (const d of decisions) add(d.id, OUTCOME[d.decision](d));
  const approved = (version: string, on: string, route: string) =>
    route === 'partnership'
      ? `preliminary approval of version ${version} (final approval by the partnership on ${on})`
      : `approved, version ${version}, on ${on} (route ${route})`;
  if (await isInsideWorkTree(loaded.root)) {
    for (const c of [...(await approvalCommits(loaded.root))].reverse()) {
      const t = parseApprovalTrailers(c.message);
      // A retirement commit names a meeting too, but approves nothing.
      if (!t || t['PPP-Retired-On'] !== undefined) continue;
      if (t['PPP-Meeting'] !== meeting && t['PPP-Preliminary-Meeting'] !== meeting) continue;
      add(t['PPP-Document']!, approved(t['PPP-Version'] ?? '', t['PPP-Approved-On'] ?? '', t['PPP-Route'] ?? ''));
    }
  }
  for (const r of loaded.records) {
    const d = r.data;
    if (!d || typeof d.id !== 'string') continue;
    const a = (d.approval ?? {}) as Record<string, unknown>;
    if (a.meeting !== meeting && a.preliminary_meeting !== meeting) continue;
    add(d.id, approved(String(d.version ?? ''), String(a.approved_on ?? ''), String(a.route ?? '')));
  }
  return outcomes;
}
