/**
 * Splits a document into front matter and body, and parses the front matter with the yaml
 * package. gray-matter is deliberately not used: it evaluates `---js` front matter, caches
 * inputs and turns dates into Date objects. Here a fence that names any language other
 * than YAML is refused before anything is parsed, and nothing is ever executed.
 */
import { LineCounter, parseDocument, isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { parsePlainYaml } from './plain-yaml.js';
import { YAML_OPTIONS, firstLine, shownTag } from './strict-yaml.js';

export interface Split {
  kind: 'ok' | 'missing' | 'engine' | 'unclosed';
  /** The language after the opening fence (`js` in `---js`), when kind is 'engine'. */
  engine?: string;
  /** The YAML text between the fences. */
  yaml: string;
  /** File line (1-based) on which the YAML text starts. */
  yamlLine: number;
  body: string;
  /** File line (1-based) on which the body starts. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;
const FENCE_END = /^(?:---|\.\.\.)[ \t]*$/;
const FENCE_LANG = /^---[ \t]*([A-Za-z][\w-]*)[ \t]*$/;

/** Returns the front matter and body of a document's text (a leading BOM is ignored). */
export function splitFrontMatter(input: string): Split {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const firstEnd = lineEnd(text, 0);
  const first = text.slice(0, firstEnd.end);
  if (!FENCE.test(first)) {
    const lang = FENCE_LANG.exec(first);
    if (lang && lang[1]!.toLowerCase() !== 'yaml' && lang[1]!.toLowerCase() !== 'yml') {
      return { kind: 'engine', engine: lang[1]!, yaml: '', yamlLine: 2, body: text, bodyLine: 1 };
    }
    if (!lang) return { kind: 'missing', yaml: '', yamlLine: 1, body: text, bodyLine: 1 };
  }
  let pos = firstEnd.next;
  let line = 2;
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    if (FENCE_END.test(text.slice(pos, end.end))) {
      return {
        kind: 'ok',
        yaml: text.slice(firstEnd.next, pos),
        yamlLine: 2,
        body: text.slice(end.next),
        bodyLine: line + 1,
      };
    }
    pos = end.next;
    line++;
  }
  return { kind: 'unclosed', yaml: text.slice(firstEnd.next), yamlLine: 2, body: '', bodyLine: line };
}

function lineEnd(text: string, from: number): { end: number; next: number } {
  const nl = text.indexOf('\n', from);
  if (nl === -1) return { end: text.length, next: text.length };
  return { end: nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl, next: nl + 1 };
}

/** A problem found while parsing, before any rule runs. */
export interface ParseFinding {
  rule: 'yaml/syntax' | 'yaml/duplicate-key' | 'yaml/alias' | 'yaml/tag' | 'yaml/not-a-mapping';
  line: number;
  column: number;
  message: string;
}

/**
 * Positions of a front matter path ('approval.route', 'governed_by.0'): key line, key column, value line, value column.
 */
export type Positions = Record<string, [number, number, number, number]>;

export interface ParsedFrontMatter {
  data: Record<string, unknown> | null;
  /** Offsets in the YAML text of each path's key and value; turned into lines only when needed (it costs). */
  offsets: ReadonlyMap<string, [number, number]>;
  /** Returns the file line and column of an offset in the YAML text. */
  lineCol(offset: number): [number, number];
  findings: ParseFinding[];
}

/** Returns the file position (key line, key column, value line, value column) of a path, or undefined. */
export function positionOf(parsed: ParsedFrontMatter, path: string): [number, number, number, number] | undefined {
  const o = parsed.offsets.get(path);
  if (!o) return undefined;
  const [kl, kc] = parsed.lineCol(o[0]);
  const [vl, vc] = parsed.lineCol(o[1]);
  return [kl, kc, vl, vc];
}

/** Returns why a document's front matter cannot be read, in a few words with its line, or undefined when it can. */
export function frontMatterFault(text: string): string | undefined {
  const split = splitFrontMatter(text.replace(/\r\n/g, '\n'));
  if (split.kind === 'missing') return 'it has no front matter';
  if (split.kind === 'unclosed') return 'its front matter is not closed';
  if (split.kind === 'engine') return `its front matter is marked ---${split.engine}, not YAML`;
  const parsed = parseFrontMatter(split.yaml, split.yamlLine);
  const fault = parsed.findings[0];
  if (fault) return `line ${fault.line}: ${fault.message}`;
  return parsed.data ? undefined : 'its front matter is not a mapping of fields';
}

/**
 * Returns a whole document's front matter as data, or undefined when it has none or it cannot be read (the problems are
 * ppp validate's to report).
 */
export function frontMatterData(text: string): Record<string, unknown> | undefined {
  const split = splitFrontMatter(text.replace(/\r\n/g, '\n'));
  return split.kind === 'ok' ? (parseFrontMatter(split.yaml, split.yamlLine).data ?? undefined) : undefined;
}

/**
 * Returns the front matter as plain data with the file position of every key, or findings when it is not plain YAML
 * data.
 */
export function parseFrontMatter(yamlText: string, yamlLine: number): ParsedFrontMatter {
  const plain = parsePlainYaml(yamlText);
  if (plain)
    return { data: plain.data, offsets: plain.offsets, lineCol: lineColumns(yamlText, yamlLine), findings: [] };
  return parseWithYaml(yamlText, yamlLine);
}

/** Returns a function from an offset in text to its file line and 1-based column. */
function lineColumns(text: string, firstLine: number): (offset: number) => [number, number] {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + firstLine, offset - starts[lo]! + 1];
  };
}

/** The same as parseFrontMatter, always through the yaml package (the reference the fast path is tested against). */
export function parseWithYaml(yamlText: string, yamlLine: number): ParsedFrontMatter {
  try {
    return parseWithYamlUnguarded(yamlText, yamlLine);
  } catch (error) {
    // Thousands of nested brackets overflow the parser's stack: one plain finding, not a crash.
    if (!(error instanceof RangeError)) throw error;
    return { data: null, offsets: new Map(), lineCol: () => [yamlLine, 1], findings: [tooDeep(yamlLine, 1)] };
  }
}

function tooDeep(line: number, column: number): ParseFinding {
  return {
    rule: 'yaml/syntax',
    line,
    column,
    message:
      'the front matter is nested too deeply to read; front matter needs at most a few levels of fields and lists',
  };
}

function parseWithYamlUnguarded(yamlText: string, yamlLine: number): ParsedFrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { ...YAML_OPTIONS, lineCounter });
  const at = (offset: number): [number, number] => {
    const p = lineCounter.linePos(offset);
    return [p.line + yamlLine - 1, p.col];
  };
  const findings: ParseFinding[] = [];
  const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
  if (overflow) {
    const [line, column] = at(overflow.pos[0]);
    return { data: null, offsets: new Map(), lineCol: at, findings: [tooDeep(line, column)] };
  }
  for (const error of doc.errors) {
    const [line, column] = at(error.pos[0]);
    const rule = error.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax';
    const message =
      rule === 'yaml/duplicate-key'
        ? `a field is written twice: ${firstLine(error.message)}; keep one of them`
        : `the front matter is not valid YAML: ${firstLine(error.message)}; check ` +
          `indentation, colons and quotes on this line`;
    findings.push({ rule, line, column, message });
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') continue; // reported below for every explicit tag
    const [line, column] = at(warning.pos[0]);
    findings.push({
      rule: 'yaml/syntax',
      line,
      column,
      message: `${firstLine(warning.message)}; rewrite this line as plain YAML`,
    });
  }
  const offsets = new Map<string, [number, number]>();
  const contents = doc.contents;
  // One walk over the tree: refuse aliases and tags, and note where every key and value is.
  const inspect = (node: Node, path: string): void => {
    if (isAlias(node)) {
      const [line, column] = at(node.range?.[0] ?? 0);
      findings.push({
        rule: 'yaml/alias',
        line,
        column,
        message: `the alias *${node.source} is not allowed in front matter; write the value out in full`,
      });
      return;
    }
    if (node.tag) findings.push(tagFinding(node, yamlText, at));
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key)) {
          if (key) inspect(key, path);
          continue;
        }
        if (key.tag) findings.push(tagFinding(key, yamlText, at));
        const keyPath = path + String(key.value);
        const keyOffset = key.range?.[0] ?? 0;
        const value = pair.value as Node | null;
        offsets.set(keyPath, [keyOffset, value && value.range ? value.range[0] : keyOffset]);
        if (value) inspect(value, keyPath + '.');
      }
    } else if (isSeq(node)) {
      const items = node.items as (Node | null)[];
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (!item) continue;
        const offset = item.range?.[0] ?? 0;
        offsets.set(path + i, [offset, offset]);
        inspect(item, `${path}${i}.`);
      }
    }
  };
  if (contents) inspect(contents, '');
  if (findings.length > 0) return { data: null, offsets: new Map(), lineCol: at, findings };
  if (!isMap(contents)) {
    const [line, column] = contents?.range ? at(contents.range[0]) : [yamlLine, 1];
    const what = contents === null ? 'empty' : isSeq(contents) ? 'a list' : 'a single value';
    findings.push({
      rule: 'yaml/not-a-mapping',
      line,
      column,
      message: `the front matter is ${what}; it must be fields written "name: value", starting with id:`,
    });
    return { data: null, offsets: new Map(), lineCol: at, findings };
  }
  return { data: toPlainData(doc), offsets, lineCol: at, findings };
}

function tagFinding(node: Node, yamlText: string, at: (o: number) => [number, number]): ParseFinding {
  const start = node.range?.[0] ?? 0;
  // The node's range starts after its tag; point at the tag itself when it is on the same line.
  const lineStart = yamlText.lastIndexOf('\n', start - 1) + 1;
  const bang = yamlText.slice(lineStart, start).search(/!\S*\s*$/);
  const [line, column] = at(bang === -1 ? start : lineStart + bang);
  return {
    rule: 'yaml/tag',
    line,
    column,
    message:
      `the YAML tag ${shownTag(node.tag ?? '')} is not allowed in front matter; remove ` +
      `it and write a plain value (dates are written 2027-01-12)`,
  };
}

function toPlainData(doc: Document): Record<string, unknown> {
  // Aliases were refused above, so toJS cannot expand anything; maxAliasCount guards anyway.
  return doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown>;
}

export interface Heading {
  level: number;
  text: string;
  line: number;
}

/** Returns the markdown headings of a body (ATX style, outside code fences), with file lines. */
export function extractHeadings(body: string, bodyLine: number): Heading[] {
  const headings: Heading[] = [];
  const lines = body.split('\n');
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fenceMatch) {
      const mark = fenceMatch[1]!;
      if (fence === null) fence = mark[0]!.repeat(mark.length);
      else if (mark[0] === fence[0] && mark.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const m = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(raw);
    if (m) headings.push({ level: m[1]!.length, text: m[2]!, line: bodyLine + i });
  }
  return headings;
}

/** Returns a heading reduced for comparison: no numbering, case, punctuation or "&". */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^\s*(?:appendix\s+)?[\divx]+(?:\.\d+)*[.)]?\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
