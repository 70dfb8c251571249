/**
 * Edits a document's front matter in place: each changed top-level field is rewritten where
 * it stands (or added at the end, or removed), and every other byte of the file (comments,
 * key order, other fields' formatting, line endings, the body) is kept exactly. The result is
 * parsed again and checked before it is returned, so a write can never leave a broken file.
 * Pure: the caller reads and writes the file.
 */
import { Document, isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import { parseFrontMatter, splitFrontMatter } from './front-matter.js';
import { YAML_OPTIONS } from './strict-yaml.js';

/** New values of top-level fields; undefined removes the field. */
export type FieldChanges = Record<string, unknown>;

export class EditError extends Error {
  override name = 'EditError';
}

/** Returns the document's text with the fields changed, or throws an EditError saying why it cannot be edited. */
export function editFrontMatter(
  text: string,
  changes: FieldChanges,
  options: { block?: readonly string[] } = {},
): string {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const body = bom ? text.slice(1) : text;
  const split = splitFrontMatter(body);
  if (split.kind !== 'ok') throw new EditError('the file has no front matter between "---" lines to edit');
  const yamlStart = body.indexOf('\n') + 1;
  const yamlEnd = yamlStart + split.yaml.length;
  const eol = /\r\n/.test(split.yaml) || body.slice(0, yamlStart).endsWith('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(split.yaml, YAML_OPTIONS);
  if (doc.errors.length || !isMap(doc.contents))
    throw new EditError('the front matter is not valid YAML fields; run ppp validate and fix it first');

  // Edits are applied from the end of the text backwards, so earlier offsets stay right.
  const edits: { start: number; end: number; insert: string }[] = [];
  let appended = '';
  for (const [key, value] of Object.entries(changes)) {
    const pair = doc.contents.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as
      Pair<Node, Node | null> | undefined;
    const rendered =
      value === undefined ? '' : renderField(key, value, options.block?.includes(key) ?? false).replace(/\n/g, eol);
    if (!pair) {
      if (value !== undefined) appended += rendered + eol;
      continue;
    }
    const start = lineStart(split.yaml, pair.key.range![0]);
    const end = fieldEnd(split.yaml, pair);
    if (value === undefined) edits.push({ start, end: afterLineBreak(split.yaml, end), insert: '' });
    else edits.push({ start, end, insert: rendered });
  }
  let yaml = split.yaml;
  for (const e of edits.sort((a, b) => b.start - a.start)) yaml = yaml.slice(0, e.start) + e.insert + yaml.slice(e.end);
  if (appended) yaml = (yaml === '' || yaml.endsWith('\n') ? yaml : yaml + eol) + appended;
  const result = bom + body.slice(0, yamlStart) + yaml + body.slice(yamlEnd);
  check(result, changes);
  return result;
}

/** Returns a field as YAML text on its own lines: nested groups and lists of plain values in flow style. */
function renderField(key: string, value: unknown, block: boolean): string {
  const doc = new Document({ [key]: value }, YAML_OPTIONS);
  const pair = (doc.contents as { items: Pair[] }).items[0]!;
  const node = pair.value as Node & { flow?: boolean; items?: unknown[] };
  if (node && typeof node === 'object' && 'items' in node && shallow(value) && !block) node.flow = true;
  const rendered = doc.toString({ lineWidth: 0, flowCollectionPadding: true }).replace(/\n$/, '');
  // Padded braces read well ({ status: completed }); a list reads as the registers write it: [CS-POL-0001].
  return node.flow && Array.isArray(value) ? rendered.replace(/^([^:]+): \[ (.*) \]$/, '$1: [$2]') : rendered;
}

function shallow(value: unknown): boolean {
  const parts = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : [];
  return parts.every((v) => v === null || typeof v !== 'object');
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of a field's value, before any comment on its last line and before the line break. */
function fieldEnd(text: string, pair: Pair<Node, Node | null>): number {
  const v = pair.value;
  // An empty value ("key:" or "key: # comment") ends at the colon; its comment stays after the new value.
  const empty = !v || !v.range || (isScalar(v) && v.value === null && v.range[0] === v.range[1]);
  const valueEnd = empty ? text.indexOf(':', pair.key.range![1]) + 1 : v!.range![1];
  let end = valueEnd;
  // A block value's range ends after its last line break; step back over it.
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end;
}

function afterLineBreak(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** Throws unless the edited text parses and holds exactly the new values. */
function check(result: string, changes: FieldChanges): void {
  const split = splitFrontMatter(result);
  const parsed = split.kind === 'ok' ? parseFrontMatter(split.yaml, split.yamlLine) : undefined;
  if (!parsed?.data) throw new EditError('the edit would leave front matter that does not parse; nothing was changed');
  for (const [key, value] of Object.entries(changes)) {
    const now = parsed.data[key];
    if (JSON.stringify(now) !== JSON.stringify(value))
      throw new EditError(`the edit of ${key} did not hold; nothing was changed`);
  }
}
