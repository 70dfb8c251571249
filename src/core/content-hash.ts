/**
 * PPP-Content-SHA256: the hash of what was approved. It covers the front matter as data,
 * less the workflow fields that change legitimately after approval (status, submission), and
 * the body. The front matter enters as canonical JSON (keys sorted at every level), so a
 * change of YAML layout (quotes, flow or block style, comments) does not change the hash, and
 * the body enters with line endings made LF and without a byte order mark; any change of a
 * word, a value or a field does. Pure.
 */
import { createHash } from 'node:crypto';
import { splitFrontMatter, parseFrontMatter } from './front-matter.js';

/** Front matter fields left out of the hash: they change after approval without changing what was approved. */
export const WORKFLOW_FIELDS = ['status', 'submission'] as const;

/** Returns the canonical text that is hashed, or undefined when the document's front matter cannot be read. */
export function canonicalContent(text: string): string | undefined {
  const split = splitFrontMatter(text.replace(/\r\n/g, '\n'));
  if (split.kind !== 'ok') return undefined;
  const data = parseFrontMatter(split.yaml, split.yamlLine).data;
  if (!data) return undefined;
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (!(WORKFLOW_FIELDS as readonly string[]).includes(k)) kept[k] = v;
  return `${canonicalJson(kept)}\n---\n${split.body}`;
}

/**
 * Returns the PPP-Content-SHA256 of a document's text (lower-case hex), or undefined when its front matter cannot be
 * read.
 */
export function contentHash(text: string): string | undefined {
  const canonical = canonicalContent(text);
  return canonical === undefined ? undefined : createHash('sha256').update(canonical, 'utf8').digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
