/**
 * The validation runner: one file at a time (parse, schema, document rules; cacheable), then
 * the register as a whole (ids, links, governance, members; always run again). It fills in
 * each problem's file, rule and severity from the registry, so a rule cannot get them wrong.
 * Pure.
 */
import type { CheckContext } from '../core/context.js';
import { indexFields, positionsOf, type DocRecord, type ReadableRecord } from '../core/document.js';
import {
  extractHeadings,
  parseFrontMatter,
  positionOf,
  splitFrontMatter,
  type Positions,
} from '../core/front-matter.js';
import type { Problem } from '../core/problem.js';
import type { RegisterView } from '../core/register-view.js';
import { documentRules, registerRules, rate } from './index.js';
import type { DocView, Finding } from './types.js';

/** Top-level fields whose positions the register rules need; the rest are dropped before caching. */
const KEPT_POSITIONS = new Set([
  'id',
  'type',
  'status',
  'owner',
  'sponsor',
  'authors',
  'governed_by',
  'read_with',
  'supersedes',
  'related_forms',
]);

/** Returns a problem for rule at a file position, with the rule's severity. */
export function problemAt(file: string, rule: string, line: number, column: number, message: string): Problem {
  return rate({ file, line, column, rule, message });
}

/** Returns the record of one document: its front matter, key positions and its own problems. */
export function checkFile(file: string, text: string, hash: string, context: CheckContext): DocRecord {
  const split = splitFrontMatter(text);
  const record: DocRecord = { file, hash, data: null, positions: {}, problems: [] };
  if (split.kind === 'missing') {
    record.problems.push(
      problemAt(
        file,
        'frontmatter/missing',
        1,
        1,
        'the file has no front matter; start it with a line "---", the fields (id:, ' +
          'title:, type: ...), then another "---" (ppp new writes one for you)',
      ),
    );
    return record;
  }
  if (split.kind === 'engine') {
    record.problems.push(
      problemAt(
        file,
        'frontmatter/engine',
        1,
        4,
        `front matter in "${split.engine}" is refused and was not run; write it as YAML between plain "---" lines`,
      ),
    );
    return record;
  }
  if (split.kind === 'unclosed') {
    record.problems.push(
      problemAt(
        file,
        'frontmatter/unclosed',
        1,
        1,
        `the front matter opened on line 1 is never closed; add a line "---" after the last field`,
      ),
    );
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
  const view: DocView = {
    ...record,
    data: parsed.data,
    headings: extractHeadings(split.body, split.bodyLine),
    bodyLine: split.bodyLine,
  };
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
  record.data = indexFields(parsed.data);
  return record;
}

/** Returns the problems found by checking every document against the whole register. */
export function checkRegister(view: RegisterView, context: CheckContext, only?: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const record of view.docs) {
    if (!record.data || (only && !only.has(record.file))) continue;
    const doc = record as ReadableRecord;
    for (const rule of registerRules) {
      let findings: Finding[];
      try {
        findings = rule.check(doc, view, context);
      } catch (error) {
        findings = [crashFinding(rule.id, error)];
      }
      for (const finding of findings)
        problems.push(locate(record.file, (path) => positionsOf(record)[path], rule.id, finding));
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
