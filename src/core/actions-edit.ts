/** Changes to actions.yaml through the yaml Document API, so its comments survive. Pure. */
import { isMap, isSeq, parseDocument, YAMLSeq, type Document } from 'yaml';
import type { Action } from './actions.js';
import { YAML_OPTIONS } from './strict-yaml.js';

/** Returns the next action id of a meeting: A-YYYY-MM-NN, one above the highest of that month. */
export function nextActionId(meeting: string, actions: readonly Action[]): string {
  const stem = `A-${meeting.slice(0, 7)}-`;
  const max = Math.max(
    0,
    ...actions.filter((a) => a.id.startsWith(stem)).map((a) => Number(a.id.slice(stem.length)) || 0),
  );
  return `${stem}${String(max + 1).padStart(2, '0')}`;
}

/** Returns text with the line endings of the original (a CRLF file stays CRLF). */
function sameEndings(original: string, text: string): string {
  return /\r\n/.test(original) ? text.replace(/\r?\n/g, '\r\n') : text;
}

/** Returns actions.yaml's text with an action added at the end. */
export function addAction(text: string, action: Action): string {
  // A Document of plain nodes, not a parsed one: new items are added to it.
  const doc = parseDocument(text || '[]\n', YAML_OPTIONS) as unknown as Document;
  if (doc.contents === null) doc.contents = new YAMLSeq();
  const list = doc.contents;
  if (!isSeq(list)) throw new Error('actions.yaml is not a list of actions; run ppp validate actions.yaml');
  list.flow = false;
  list.add(doc.createNode(action));
  return sameEndings(text, doc.toString({ lineWidth: 0 }));
}

/** Returns actions.yaml's text with an action marked done on a date. */
export function markDone(text: string, id: string, on: string): string {
  const doc = parseDocument(text, YAML_OPTIONS) as unknown as Document;
  if (!isSeq(doc.contents)) throw new Error('actions.yaml is not a list of actions; run ppp validate actions.yaml');
  const item = doc.contents.items.find((i) => isMap(i) && i.get('id') === id);
  if (!isMap(item)) throw new Error(`no action ${id} in actions.yaml`);
  item.set('done_on', on);
  return sameEndings(text, doc.toString({ lineWidth: 0 }));
}
