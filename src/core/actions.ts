/** The action tracker (actions.yaml: id, text, owner, raised meeting, due, done_on). Pure. */
import { isMap, isSeq, type Node } from 'yaml';
import { explainBadDate, isIsoDate } from './calendar.js';
import type { Member } from './members.js';
import type { Fault } from './problem.js';
import { readStrictYaml } from './strict-yaml.js';
import { describe } from './text.js';

export const ACTIONS_FILE = 'actions.yaml';

export interface Action {
  id: string;
  text: string;
  owner: string;
  raised: string;
  due: string;
  done_on: string | null;
}

const ID_RE = /^A-\d{4}-\d{2}-\d{2,}$/;

/** Returns the actions of an actions.yaml text and its problems. */
export function parseActions(
  text: string,
  members: ReadonlyMap<string, Member>,
): { actions: Action[]; problems: Fault[] } {
  const yaml = readStrictYaml(text);
  const problems: Fault[] = yaml.faults.map(({ line, column, message }) => ({
    file: ACTIONS_FILE,
    line,
    column,
    rule: 'actions/invalid',
    message,
  }));
  const report = (node: Node | null | undefined, message: string, rule = 'actions/invalid') =>
    problems.push({ file: ACTIONS_FILE, ...yaml.where(node), rule, message });
  if (problems.length) return { actions: [], problems };
  const doc = yaml.doc;
  const root = doc.contents;
  if (root === null) return { actions: [], problems };
  if (!isSeq(root)) {
    report(root, 'actions.yaml must be a list of actions, each { id, text, owner, raised, due, done_on }');
    return { actions: [], problems };
  }
  const actions: Action[] = [];
  const seen = new Set<string>();
  for (const item of root.items as Node[]) {
    if (!isMap(item)) {
      report(item, 'each action is { id, text, owner, raised, due, done_on }');
      continue;
    }
    const field = (k: string) => ({
      node: (item.get(k, true) as Node | undefined) ?? item,
      value: item.get(k) as unknown,
    });
    const id = field('id');
    let ok = true;
    if (typeof id.value !== 'string' || !ID_RE.test(id.value)) {
      report(
        id.node,
        `action id ${describe(id.value)} must be written like A-2026-11-01 (the ` +
          `meeting's year and month, then a number)`,
      );
      ok = false;
    } else if (seen.has(id.value)) {
      report(id.node, `action id ${id.value} is used twice; give each action its own id`, 'actions/duplicate-id');
      ok = false;
    } else seen.add(id.value);
    const txt = field('text');
    if (typeof txt.value !== 'string' || !txt.value.trim()) {
      report(txt.node, 'the action has no text; say what is to be done');
      ok = false;
    }
    const owner = field('owner');
    if (typeof owner.value !== 'string') {
      report(owner.node, 'the action has no owner; add owner: with a member id');
      ok = false;
    } else if (!members.has(owner.value))
      report(owner.node, `owner "${owner.value}" is not a member in members.yaml`, 'actions/unknown-owner');
    for (const k of ['raised', 'due'] as const) {
      const f = field(k);
      if (!isIsoDate(f.value)) {
        report(f.node, `${k}: ${explainBadDate(f.value)}; write a date YYYY-MM-DD`);
        ok = false;
      }
    }
    const done = field('done_on');
    if (done.value !== null && done.value !== undefined && !isIsoDate(done.value)) {
      report(done.node, `done_on: ${explainBadDate(done.value)}; write the date it was done, or null while open`);
      ok = false;
    }
    if (ok)
      actions.push({
        id: id.value as string,
        text: txt.value as string,
        owner: owner.value as string,
        raised: field('raised').value as string,
        due: field('due').value as string,
        done_on: (done.value as string | null | undefined) ?? null,
      });
  }
  return { actions, problems };
}
