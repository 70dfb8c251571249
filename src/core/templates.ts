/**
 * Templates: a front matter skeleton and the section headings a document of the type must
 * have. Every "## " heading of a template is required unless it ends with "(optional)".
 */
import { normaliseHeading, parseFrontMatter, splitFrontMatter } from './front-matter.js';

export interface Section {
  title: string;
  key: string;
  required: boolean;
}

export interface Template {
  type: string;
  /** The YAML text of the front matter skeleton. */
  frontMatter: string;
  /** The body that a new document starts with. */
  body: string;
  sections: Section[];
  /** Where the template came from, for messages: built-in or templates/TYPE.md of the register. */
  source: string;
}

/** Returns what is wrong with a template's text (its front matter skeleton must be YAML fields), or undefined. */
export function templateFault(text: string): string | undefined {
  const split = splitFrontMatter(text.replace(/\r\n/g, '\n'));
  if (split.kind !== 'ok') return 'it must start with front matter between "---" lines, like the built-in templates';
  const parsed = parseFrontMatter(split.yaml, split.yamlLine);
  const finding = parsed.findings[0];
  if (finding) return `line ${finding.line}: ${finding.message}`;
  return undefined;
}

/** Returns a template parsed from its markdown text. */
export function parseTemplate(type: string, text: string, source: string): Template {
  const split = splitFrontMatter(text.replace(/\r\n/g, '\n'));
  const sections: Section[] = [];
  for (const line of split.body.split('\n')) {
    const m = /^##\s+(.*?)\s*$/.exec(line);
    if (!m) continue;
    const optional = /\(optional\)\s*$/i.test(m[1]!);
    const title = m[1]!.replace(/\s*\(optional\)\s*$/i, '');
    sections.push({ title, key: normaliseHeading(title), required: !optional });
  }
  return {
    type,
    frontMatter: split.kind === 'ok' ? split.yaml : '',
    body: split.body.replace(/^\s*\(optional\)/gm, '').replace(/ \(optional\)$/gm, ''),
    sections,
    source,
  };
}
