/**
 * The one reader of ppp's own YAML files (ppp.yaml, members.yaml, attendance, actions and
 * virtual-approval responses): plain data only. Syntax errors, repeated keys, aliases, tags
 * and nesting too deep to read are faults with their line and column; each file's reader
 * turns them into its own problems. Front matter has its own, faster reader (front-matter.ts).
 * Pure.
 */
import { LineCounter, isAlias, parseDocument, visit, type Document, type Node } from 'yaml';

/**
 * Options that keep YAML plain data: the core schema (so no %YAML 1.1 directive brings back dates or yes=true), no
 * known tags, unique keys.
 */
export const YAML_OPTIONS = {
  schema: 'core',
  version: '1.2',
  resolveKnownTags: false,
  uniqueKeys: true,
  prettyErrors: false,
  strict: true,
  merge: false,
} as const;

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface YamlFault extends Position {
  kind: 'syntax' | 'duplicate-key' | 'alias' | 'tag';
  message: string;
}

export interface StrictYaml {
  /** The parsed document, for readers that report at a node. */
  doc: Document.Parsed;
  /** Returns the position of an offset in the text. */
  at(offset: number): Position;
  /** Returns the position where a node starts (the start of the text when there is none). */
  where(node: Node | null | undefined): Position;
  /** Every reason the text is not plain YAML data, in order. */
  faults: YamlFault[];
  /** The data, when there are no faults (null for an empty file). */
  data: unknown;
}

/** Returns the YAML text read as plain data, or its faults; a leading byte order mark is ignored. */
export function readStrictYaml(input: string): StrictYaml {
  // A BOM is invisible in an editor, so positions are counted without it.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  } catch (error) {
    // Thousands of nested brackets overflow the parser's stack: one fault, not a crash.
    if (!(error instanceof RangeError)) throw error;
    doc = parseDocument('', YAML_OPTIONS);
    return withFaults(doc, lineCounter, [{ kind: 'syntax', line: 1, column: 1, message: TOO_DEEP }]);
  }
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const faults: YamlFault[] = [];
  for (const e of doc.errors) {
    const first = firstLine(e.message);
    if (/call stack/i.test(e.message)) faults.push({ kind: 'syntax', ...at(e.pos[0]), message: TOO_DEEP });
    else if (e.code === 'DUPLICATE_KEY')
      faults.push({
        kind: 'duplicate-key',
        ...at(e.pos[0]),
        message: `not valid YAML: a key is written twice (${first}); keep one of them`,
      });
    else faults.push({ kind: 'syntax', ...at(e.pos[0]), message: `not valid YAML: ${first}` });
  }
  if (faults.length) return withFaults(doc, lineCounter, faults);
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') continue; // reported below for every explicit tag
    faults.push({ kind: 'syntax', ...at(w.pos[0]), message: `${firstLine(w.message)}; write plain YAML` });
  }
  visit(doc, {
    Alias(_key, node) {
      faults.push({
        kind: 'alias',
        ...at(node.range?.[0] ?? 0),
        message: `the alias *${node.source} is not allowed; write the value out in full`,
      });
    },
    Node(_key, node) {
      if (node.tag && !isAlias(node))
        faults.push({
          kind: 'tag',
          ...at(node.range?.[0] ?? 0),
          message: `the YAML tag ${shownTag(node.tag)} is not allowed; write a plain value`,
        });
    },
  });
  if (faults.length)
    return withFaults(
      doc,
      lineCounter,
      faults.sort((a, b) => a.line - b.line || a.column - b.column),
    );
  // Aliases were refused above, so toJS cannot expand anything; maxAliasCount guards anyway.
  return { doc, at, where: whereIn(at), faults, data: doc.toJS({ maxAliasCount: 0 }) as unknown };
}

const TOO_DEEP = 'the file is nested too deeply to read; it needs at most a few levels of fields and lists';

function withFaults(doc: Document.Parsed, lineCounter: LineCounter, faults: YamlFault[]): StrictYaml {
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  return { doc, at, where: whereIn(at), faults, data: undefined };
}

function whereIn(at: (offset: number) => Position): (node: Node | null | undefined) => Position {
  return (node) => at(node?.range?.[0] ?? 0);
}

/** Returns a tag as a person writes it: !!str rather than tag:yaml.org,2002:str. */
export function shownTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** Returns the first line of a yaml message, without its position (the caller gives that). */
export function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
