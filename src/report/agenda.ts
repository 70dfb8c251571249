/** The agenda as markdown that reads well as it is and pasted into an e-mail or Word, and as JSON (SPEC section 11). */
import type { Agenda, AgendaItem } from '../core/agenda.js';
import { longDate } from '../core/calendar.js';
import type { Member } from '../core/members.js';

export { longDate };

/** Returns the agenda as the SPEC's JSON: ITEM fields as listed there, with notes added. */
export function agendaJson(agenda: Agenda): string {
  return JSON.stringify(agenda, null, 2) + '\n';
}

/** Returns the agenda as markdown. */
export function agendaMarkdown(agenda: Agenda, members: readonly Member[]): string {
  const names = new Map(members.map((m) => [m.id, m.name]));
  const who = (id: string) => (names.has(id) ? `${names.get(id)} (${id})` : id);
  const out: string[] = [];
  const item = (i: AgendaItem, n: number) => {
    const version = i.version ? `, version ${i.version}` : '';
    out.push(
      `${n}. ${md(i.label)}: **${i.id} ${md(i.title)}** (${i.type}${version}). ` +
        `Owner: ${who(i.owner)}.${i.note ? ` ${capital(i.note)}.` : ''}`,
    );
  };
  const list = (items: AgendaItem[], empty: string) => {
    if (items.length === 0) out.push(empty);
    else items.forEach((x, k) => item(x, k + 1));
    out.push('');
  };
  out.push(`# ${md(agenda.group)}`, '', `**Agenda for the meeting of ${longDate(agenda.meeting)}**`, '');
  out.push(
    `Items and drafts ${agenda.submission_deadline < agenda.today ? 'were' : 'are'} due by ` +
      `${longDate(agenda.submission_deadline)}. Papers go out by ${longDate(agenda.circulation_deadline)}.`,
    '',
  );
  if (agenda.papers_late)
    out.push(
      `> **The papers are late:** they were due out by ` +
        `${longDate(agenda.circulation_deadline)}, and today is ${longDate(agenda.today)}.`,
      '',
    );

  const p = agenda.progress;
  out.push('## 1. Progress report from the chair', '');
  out.push('**Actions**', '');
  if (p.actions.length === 0) out.push('No open actions.');
  for (const a of p.actions)
    out.push(`- ${a.id}: ${md(a.text)}. ${who(a.owner)}, due ${a.due}${a.overdue ? ' — **overdue**' : ''}.`);
  out.push('', '**Reviews to escalate** (more than the escalation period past due, no reviewed version submitted)', '');
  if (p.escalations.length === 0) out.push('None.');
  for (const r of p.escalations)
    out.push(
      `- ${r.id} ${md(r.title)}. ${who(r.owner)}; review was due ${r.review_due} (${r.days_past_due} days ago).`,
    );
  out.push('', '**Overdue reviews**', '');
  if (p.overdue_reviews.length === 0) out.push('None.');
  for (const r of p.overdue_reviews)
    out.push(
      `- ${r.id} ${md(r.title)}. ${who(r.owner)}; review was due ${r.review_due} (${r.days_past_due} days ago).`,
    );
  out.push('', '**Members to escalate for absence** (two or more successive meetings missed without a delegate)', '');
  if (p.absences.length === 0) out.push('None.');
  for (const a of p.absences) out.push(`- ${who(a.member)}: missed ${a.meetings.join(', ')}.`);
  const last = p.last_meeting;
  const lastMeeting = !last
    ? 'none in the past year.'
    : last.quorate === null
      ? `${longDate(last.date)}: attendance not recorded (ppp attendance ${last.date}).`
      : `${longDate(last.date)} was ${last.quorate ? 'quorate' : '**not quorate**'}.`;
  out.push('', `**Last meeting:** ${lastMeeting}`, '');

  out.push('## 2. New document proposals and drafts', '');
  list(agenda.proposals_and_drafts, 'None this month.');
  out.push('## 3. Reviews of existing documents', '');
  list(agenda.reviews, 'None this month.');
  out.push('## 4. Horizon scanning and future workstreams', '');
  list(agenda.horizon, 'Nothing on the horizon.');
  out.push('## For information', '');
  list(agenda.information, 'Nothing approved by a director since the last meeting.');
  if (agenda.deferred.length) {
    out.push('## Deferred to the next meeting', '');
    list(agenda.deferred, '');
  }
  const papers = [...agenda.proposals_and_drafts, ...agenda.reviews, ...agenda.information];
  out.push('## Papers', '');
  if (papers.length === 0) out.push('No papers.');
  else {
    out.push('| Item | Title | File | Version |', '|---|---|---|---|');
    for (const x of papers) out.push(`| ${x.id} | ${md(x.title).replace(/\|/g, '\\|')} | ${x.file} | ${x.version} |`);
  }
  return out.join('\n') + '\n';
}

function md(text: string): string {
  // Keep titles from being read as markdown (a title starting "1." or holding "*").
  return text.replace(/([\\`*_[\]])/g, '\\$1');
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
