/**
 * The validation runner: one file at a time (parse, schema, document rules; cacheable), then
 * the register as a whole (ids, links, governance, members; always run again). Pure.
 */
import { extractHeadings, parseFrontMatter, positionOf, splitFrontMatter, type Positions } from './front-matter.js';
import type { Member } from './members.js';
import type { Problem } from './problem.js';
import { documentRules, registerRules, rulesById } from '../rules/index.js';
import type { DocRecord, DocView, Finding, FrontMatter, RegisterView, RuleContext } from '../rules/types.js';

/** Top-level fields whose positions the register rules need; the rest are dropped before caching. */
const KEPT_POSITIONS = new Set(['id', 'type', 'status', 'owner', 'sponsor', 'authors', 'governed_by', 'read_with', 'supersedes', 'related_forms']);

/**
 * The front matter a record keeps: what register rules and the register's listings read. The
 * rest is read from the file by the commands that need it, which keeps the cache small enough
 * to load in a fraction of the time it takes to read the files.
 */
export const INDEX_FIELDS = [
  'id', 'title', 'type', 'status', 'version', 'owner', 'sponsor', 'authors', 'scope',
  'governed_by', 'read_with', 'supersedes', 'related_forms', 'approval', 'review', 'submission',
] as const;

/** Returns a problem for rule at a file position, with the rule's severity. */
export function problemAt(file: string, rule: string, line: number, column: number, message: string): Problem {
  const severity = rulesById.get(rule)?.severity ?? 'error';
  return { file, line, column, severity, rule, message };
}

/** Returns the record of one document: its front matter, key positions and its own problems. */
export function checkFile(file: string, text: string, hash: string, context: RuleContext): DocRecord {
  const split = splitFrontMatter(text);
  const record: DocRecord = { file, hash, data: null, positions: {}, problems: [] };
  if (split.kind === 'missing') {
    record.problems.push(problemAt(file, 'frontmatter/missing', 1, 1, 'the file has no front matter; start it with a line "---", the fields (id:, title:, type: ...), then another "---" (ppp new writes one for you)'));
    return record;
  }
  if (split.kind === 'engine') {
    record.problems.push(problemAt(file, 'frontmatter/engine', 1, 4, `front matter in "${split.engine}" is refused and was not run; write it as YAML between plain "---" lines`));
    return record;
  }
  if (split.kind === 'unclosed') {
    record.problems.push(problemAt(file, 'frontmatter/unclosed', 1, 1, `the front matter opened on line 1 is never closed; add a line "---" after the last field`));
    return record;
  }
  const parsed = parseFrontMatter(split.yaml, split.yamlLine);
  for (const f of parsed.findings) record.problems.push(problemAt(file, f.rule, f.line, f.column, f.message));
  if (!parsed.data) return record;
  record.data = parsed.data;
  const lookup = (path: string) => positionOf(parsed, path);
  for (const f of context.schemas.check(parsed.data)) {
    record.problems.push(locate(file, lookup, f.rule, { at: f.path || undefined, atKey: f.atKey, message: f.message }));
  }
  const view: DocView = { ...record, data: parsed.data, headings: extractHeadings(split.body, split.bodyLine), bodyLine: split.bodyLine };
  for (const rule of documentRules) {
    let findings: Finding[];
    try {
      findings = rule.check(view, context);
    } catch (error) {
      findings = [crashFinding(rule.id, error)];
    }
    for (const finding of findings) record.problems.push(locate(file, lookup, rule.id, finding));
  }
  const kept: Positions = {};
  for (const key of parsed.offsets.keys()) {
    const dot = key.indexOf('.');
    if (KEPT_POSITIONS.has(dot === -1 ? key : key.slice(0, dot))) kept[key] = positionOf(parsed, key)!;
  }
  record.positions = kept;
  const index: FrontMatter = {};
  for (const field of INDEX_FIELDS) if (Object.prototype.hasOwnProperty.call(parsed.data, field)) index[field] = parsed.data[field];
  record.data = index;
  return record;
}

/** Returns a record's key positions, parsing them on first use when they came from the cache as text. */
export function positionsOf(record: DocRecord): Positions {
  if (typeof record.positions === 'string') record.positions = JSON.parse(record.positions) as Positions;
  return record.positions;
}

/** Returns the register view that register rules check documents against. */
export function buildRegisterView(records: readonly DocRecord[], members: readonly Member[]): RegisterView {
  const byId = new Map<string, DocRecord[]>();
  for (const r of records) {
    const id = r.data?.id;
    if (typeof id !== 'string') continue;
    const list = byId.get(id);
    if (list) list.push(r);
    else byId.set(id, [r]);
  }
  return { docs: records, byId, members: new Map(members.map((m) => [m.id, m])), cycles: findCycles(byId) };
}

/** Returns the problems found by checking every document against the whole register. */
export function checkRegister(view: RegisterView, context: RuleContext, only?: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const record of view.docs) {
    if (!record.data || (only && !only.has(record.file))) continue;
    const doc = record as DocRecord & { data: FrontMatter };
    for (const rule of registerRules) {
      let findings: Finding[];
      try {
        findings = rule.check(doc, view, context);
      } catch (error) {
        findings = [crashFinding(rule.id, error)];
      }
      for (const finding of findings) problems.push(locate(record.file, (path) => positionsOf(record)[path], rule.id, finding));
    }
  }
  return problems;
}

/** A rule must never stop the run: its crash is reported as the rule's own finding. */
function crashFinding(id: string, error: unknown): Finding {
  return { message: `the check ${id} failed on this document (${(error as Error).message}); please report this` };
}

type Lookup = (path: string) => [number, number, number, number] | undefined;

/** Returns the problem for a finding, at the position of its front matter path (or the nearest parent). */
function locate(file: string, lookup: Lookup, rule: string, finding: Finding): Problem {
  if (finding.line !== undefined) return problemAt(file, rule, finding.line, finding.column ?? 1, finding.message);
  let path = finding.at;
  while (path) {
    const pos = lookup(path);
    if (pos) {
      const [line, column] = finding.atKey || path !== finding.at ? [pos[0], pos[1]] : [pos[2], pos[3]];
      return problemAt(file, rule, line, column, finding.message);
    }
    const dot = path.lastIndexOf('.');
    path = dot === -1 ? undefined : path.slice(0, dot);
  }
  return problemAt(file, rule, 1, 1, finding.message);
}

function findCycles(byId: ReadonlyMap<string, readonly DocRecord[]>): Map<string, string> {
  // Tarjan's strongly connected components over governed_by edges.
  const none: string[] = [];
  const edges = (id: string): string[] => {
    const list = byId.get(id)?.[0]?.data?.governed_by;
    if (!Array.isArray(list) || list.length === 0) return none;
    return list.filter((x): x is string => typeof x === 'string' && x !== id && byId.has(x));
  };
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out = new Map<string, string>();
  let counter = 0;
  for (const start of byId.keys()) {
    if (index.has(start)) continue;
    // Iterative DFS so that a long chain cannot overflow the call stack.
    const work: { id: string; next: number; targets: string[] }[] = [];
    const push = (id: string) => {
      index.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: 0, targets: edges(id) });
    };
    push(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      if (top.next < top.targets.length) {
        const t = top.targets[top.next++]!;
        if (!index.has(t)) push(t);
        else if (onStack.has(t)) low.set(top.id, Math.min(low.get(top.id)!, index.get(t)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!;
        low.set(parent.id, Math.min(low.get(parent.id)!, low.get(top.id)!));
      }
      if (low.get(top.id) === index.get(top.id)) {
        const component: string[] = [];
        let x: string;
        do {
          x = stack.pop()!;
          onStack.delete(x);
          component.push(x);
        } while (x !== top.id);
        if (component.length > 1) {
          const text = describeCycle(component, edges);
          for (const id of component) out.set(id, text);
        }
      }
    }
  }
  return out;
}

/** Returns a cycle through a strongly connected component as "A → B → A", following real governed_by links from the smallest id. */
function describeCycle(component: string[], edges: (id: string) => string[]): string {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const path = [start];
  const visited = new Set([start]);
  const walk = (id: string): boolean => {
    for (const next of edges(id)) {
      if (next === start) return true;
      if (!members.has(next) || visited.has(next)) continue;
      visited.add(next);
      path.push(next);
      if (walk(next)) return true;
      path.pop();
    }
    return false;
  };
  walk(start);
  return [...path, start].join(' → ');
}

