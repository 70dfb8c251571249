/** members.yaml: the group's members and their roles, checked into problems like documents are. */
import { isMap, isSeq, isScalar, isPair, type Node } from 'yaml';
import { UsageError } from './errors.js';
import type { Fault } from './problem.js';
import { readStrictYaml } from './strict-yaml.js';
import { describe, firstControlCharacter } from './text.js';

export interface Member {
  id: string;
  name: string;
  role: string;
  title?: string;
  organisation?: string;
  email?: string;
  voting: boolean;
  signing_key?: string;
}

export const MEMBERS_FILE = 'members.yaml';

/** Returns true for an address a mail server takes: one @, a dotted domain, no spaces or angle brackets. */
export function isEmail(text: string): boolean {
  return /^[^\s@<>(),;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(text);
}

/**
 * Returns the member id a flag names, or throws the usage error that lists the members. `named` are ids the data being
 * filtered still names (the owner of a document or action who has left members.yaml), accepted for filtering.
 */
export function requireMember(
  flag: string,
  id: string,
  members: Iterable<{ id: string }>,
  named: Iterable<string> = [],
): string {
  const ids = [...members].map((m) => m.id);
  if (ids.includes(id) || [...named].includes(id)) return id;
  throw new UsageError(
    `${flag} ${id} is not a member in members.yaml; use one of: ` +
      `${ids.join(', ') || '(members.yaml lists nobody yet)'} (ppp members lists them)`,
  );
}

/** The fields a member may have (templates/schema/editor/members.schema.json, for editors, lists the same). */
export const MEMBER_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'role',
  'title',
  'organisation',
  'email',
  'voting',
  'signing_key',
]);
const ID_RE = /^[a-z0-9][a-z0-9-]*$/;

/** Returns the members of a members.yaml text and the problems found in it (rated by the caller). */
export function parseMembers(text: string, roles: readonly string[]): { members: Member[]; problems: Fault[] } {
  const yaml = readStrictYaml(text);
  const problems: Fault[] = yaml.faults.map(({ line, column, message }) => ({
    file: MEMBERS_FILE,
    line,
    column,
    rule: 'members/invalid',
    message,
  }));
  const at = yaml.where;
  const report = (rule: string, node: Node | null | undefined, message: string) =>
    problems.push({ file: MEMBERS_FILE, ...at(node), rule, message });
  if (problems.length) return { members: [], problems };
  const doc = yaml.doc;
  const root = doc.contents;
  const list = isMap(root) ? (root.get('members', true) as Node | undefined) : undefined;
  if (!isSeq(list)) {
    report(
      'members/invalid',
      root ?? null,
      'members.yaml must have a list "members:" with one entry per member (id, name, role)',
    );
    return { members: [], problems };
  }
  const members: Member[] = [];
  const seen = new Map<string, number>();
  const knownRoles = new Set(roles);
  for (const item of list.items as Node[]) {
    if (!isMap(item)) {
      report('members/invalid', item, 'each member must be written as fields: { id: ..., name: ..., role: ... }');
      continue;
    }
    const value = (key: string) => {
      const v = item.get(key, true) as Node | undefined;
      return { node: v, value: isScalar(v) ? v.value : v === undefined ? undefined : v };
    };
    for (const pair of item.items) {
      if (isPair(pair) && isScalar(pair.key) && !MEMBER_FIELDS.has(String(pair.key.value))) {
        report(
          'members/invalid',
          pair.key as Node,
          `"${String(pair.key.value)}" is not a member field; use ${[...MEMBER_FIELDS].join(', ')}`,
        );
      }
    }
    const id = value('id');
    const name = value('name');
    const role = value('role');
    const voting = value('voting');
    let ok = true;
    if (typeof id.value !== 'string' || !ID_RE.test(id.value)) {
      report(
        'members/invalid',
        id.node ?? item,
        `member id is ${describe(id.value)}; use lower-case letters, digits and hyphens, like hos-north`,
      );
      ok = false;
    } else if (seen.has(id.value)) {
      report(
        'members/duplicate-id',
        id.node,
        `member id "${id.value}" is used twice (first on line ${seen.get(id.value)}); give each member their own id`,
      );
      ok = false;
    } else seen.set(id.value, at(id.node).line);
    if (typeof name.value !== 'string' || !name.value.trim()) {
      report(
        'members/invalid',
        name.node ?? item,
        `member ${describe(id.value)} has no name; add name: with the person's name`,
      );
      ok = false;
    }
    if (typeof role.value !== 'string') {
      const what =
        role.node === undefined
          ? 'has no role; add role:'
          : `has a role that is not a single word (${describe(role.value)}); write role:`;
      report(
        'members/invalid',
        role.node ?? item,
        `member ${describe(id.value)} ${what} with one of ${roles.join(', ')}`,
      );
      ok = false;
    } else if (!knownRoles.has(role.value)) {
      report(
        'members/unknown-role',
        role.node,
        `role "${role.value}" is not one of the roles in ppp.yaml (${roles.join(', ')}); correct it or add it to roles`,
      );
    }
    if (voting.value !== undefined && typeof voting.value !== 'boolean') {
      report('members/invalid', voting.node, `voting must be true or false, not ${describe(voting.value)}`);
    }
    for (const key of ['title', 'organisation', 'email', 'signing_key'] as const) {
      const v = value(key);
      if (v.value !== undefined && v.value !== null && typeof v.value !== 'string')
        report('members/invalid', v.node, `${key} must be text, not ${describe(v.value)}`);
    }
    // A newline, an escape code or a bidirectional override in a name would garble every table, agenda and minutes.
    for (const key of ['name', 'title', 'organisation', 'email', 'signing_key'] as const) {
      const v = value(key);
      const found = typeof v.value === 'string' ? firstControlCharacter(v.value) : undefined;
      if (found)
        report(
          'members/control-character',
          v.node,
          `member ${describe(id.value)}: ${key} holds a control character (${found}); ` +
            'write it as plain text on one line',
        );
    }
    const email = value('email');
    if (typeof email.value === 'string' && email.value.trim() !== '' && !isEmail(email.value.trim()))
      report(
        'members/email',
        email.node,
        `member ${describe(id.value)}: "${email.value}" is not an e-mail address; write it like ` +
          'jo.bloggs@council.gov.uk (ppp remind and ppp notify send to it)',
      );
    if (!ok) continue;
    const text = (key: string) => {
      const v = value(key).value;
      return typeof v === 'string' ? v : undefined;
    };
    members.push({
      id: id.value as string,
      name: name.value as string,
      role: String(role.value),
      title: text('title'),
      organisation: text('organisation'),
      email: text('email'),
      voting: voting.value !== false,
      signing_key: text('signing_key'),
    });
  }
  return { members, problems };
}
