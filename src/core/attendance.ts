/**
 * Attendance of a meeting (meetings/DATE/attendance.yaml: present, apologies with an optional
 * delegate, absent), quorum, and members to escalate for absence. Pure.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Member } from './members.js';
import type { Fault } from './problem.js';
import type { Settings } from './settings.js';
import { readStrictYaml } from './strict-yaml.js';
import { describe } from './text.js';

export interface Attendance {
  present: string[];
  apologies: { member: string; delegate: string | null }[];
  absent: string[];
}

/** Returns the attendance in a file's text and its problems (file is register-relative, for messages). */
export function parseAttendance(
  file: string,
  text: string,
  members: ReadonlyMap<string, Member>,
): { attendance: Attendance | null; problems: Fault[] } {
  const yaml = readStrictYaml(text);
  const problems: Fault[] = yaml.faults.map(({ line, column, message }) => ({
    file,
    line,
    column,
    rule: 'attendance/invalid',
    message,
  }));
  const report = (node: Node | null | undefined, message: string, rule = 'attendance/invalid') =>
    problems.push({ file, ...yaml.where(node), rule, message });
  if (problems.length) return { attendance: null, problems };
  const doc = yaml.doc;
  const root = doc.contents;
  if (!isMap(root)) {
    report(root, 'attendance.yaml must have present:, apologies: and absent: lists');
    return { attendance: null, problems };
  }
  const attendance: Attendance = { present: [], apologies: [], absent: [] };
  const seen = new Map<string, string>();
  const known = (id: unknown, node: Node | undefined, list: string): id is string => {
    if (typeof id !== 'string') {
      report(node, `${list} lists ${describe(id)}; write member ids from members.yaml`);
      return false;
    }
    if (!members.has(id))
      report(
        node,
        `${list} names "${id}", who is not a member in members.yaml; correct the id`,
        'attendance/unknown-member',
      );
    if (seen.has(id))
      report(node, `"${id}" is recorded twice (in ${seen.get(id)} and ${list}); keep one`, 'attendance/duplicate');
    seen.set(id, list);
    return true;
  };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (!['present', 'apologies', 'absent'].includes(key)) {
      report(pair.key as Node, `"${key}" is not part of attendance; use present, apologies and absent`);
      continue;
    }
    if (value === null || (isScalar(value) && value.value === null)) continue;
    if (!isSeq(value)) {
      report(value, `${key} must be a list`);
      continue;
    }
    for (const item of value.items as Node[]) {
      if (key === 'apologies') {
        if (isScalar(item)) {
          if (known(item.value, item, key)) attendance.apologies.push({ member: item.value as string, delegate: null });
          continue;
        }
        if (!isMap(item)) {
          report(item, 'each apology is { member: ID, delegate: name or null }');
          continue;
        }
        const member = item.get('member', true) as Node | undefined;
        const delegate = item.get('delegate');
        if (delegate !== undefined && delegate !== null && typeof delegate !== 'string')
          report(item, `delegate must be a name or null, not ${describe(delegate)}`);
        const id = isScalar(member) ? member.value : undefined;
        if (known(id, member ?? item, key))
          attendance.apologies.push({
            member: id as string,
            delegate: typeof delegate === 'string' && delegate.trim() ? delegate : null,
          });
      } else {
        const id = isScalar(item) ? item.value : undefined;
        if (known(id, item, key)) attendance[key as 'present' | 'absent'].push(id as string);
      }
    }
  }
  return { attendance, problems };
}

/**
 * Returns whether the meeting met its quorum (ppp.yaml quorum: minimum members present by role), and what was short.
 */
export function quorum(
  attendance: Attendance,
  members: ReadonlyMap<string, Member>,
  settings: Settings,
): { quorate: boolean; short: string[] } {
  const short: string[] = [];
  for (const q of settings.quorum) {
    const present = attendance.present.filter((id) => members.get(id)?.role === q.role).length;
    if (present < q.min) short.push(`${q.role}: ${present} of ${q.min}`);
  }
  return { quorate: short.length === 0, short };
}

export interface Absence {
  member: string;
  /** The successive meetings, latest last, that the member missed without a delegate. */
  meetings: string[];
}

/**
 * Returns the members, other than those of exempt roles, who missed two or more successive
 * meetings up to the latest one without sending a delegate (absent, or apologies without one).
 */
export function absencesToEscalate(
  history: readonly { date: string; attendance: Attendance | null }[],
  members: ReadonlyMap<string, Member>,
  settings: Settings,
): Absence[] {
  const exempt = new Set(settings.absence_exempt_roles);
  const ordered = [...history].sort((a, b) => (a.date < b.date ? -1 : 1));
  const out: Absence[] = [];
  for (const member of members.values()) {
    if (exempt.has(member.role)) continue;
    const missed: string[] = [];
    for (let i = ordered.length - 1; i >= 0; i--) {
      const a = ordered[i]!.attendance;
      // A meeting with no attendance recorded cannot count as missed: it ends the run.
      if (!a) break;
      const withoutDelegate =
        a.absent.includes(member.id) || a.apologies.some((x) => x.member === member.id && !x.delegate);
      if (!withoutDelegate) break;
      missed.unshift(ordered[i]!.date);
    }
    if (missed.length >= 2) out.push({ member: member.id, meetings: missed });
  }
  return out;
}
