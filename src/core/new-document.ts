/** Fills a template's front matter skeleton through the yaml Document API, so its comments survive. Pure. */
import { parseDocument, type YAMLSeq } from 'yaml';
import { YAML_OPTIONS } from './strict-yaml.js';
import type { Template } from './templates.js';

export interface NewFields {
  id: string;
  title: string;
  type: string;
  status: 'drafting' | 'proposed';
  owner: string;
  governedBy?: string;
  summary?: string;
}

/** Returns the text of a new document made from a template. */
export function renderNewDocument(template: Template, fields: NewFields): string {
  // A field given here takes the place of the template's commented-out placeholder line for it, which would otherwise
  // be left beside the real one (and an uncommented placeholder keeps its position among the fields).
  const source = fields.summary
    ? template.frontMatter.replace(/^#[ \t]*summary:.*$/m, 'summary: placeholder')
    : template.frontMatter;
  const doc = parseDocument(source, { ...YAML_OPTIONS, keepSourceTokens: false });
  const set = (key: string, value: unknown) => {
    if (doc.has(key)) doc.set(key, value);
    else doc.add(doc.createPair(key, value));
  };
  set('id', fields.id);
  set('title', fields.title);
  if (fields.summary) set('summary', fields.summary);
  set('type', fields.type);
  set('status', fields.status);
  const version = doc.createNode('0.1');
  version.type = 'QUOTE_DOUBLE';
  set('version', version);
  set('owner', fields.owner);
  if (fields.governedBy) {
    const list = doc.createNode([fields.governedBy]) as YAMLSeq;
    list.flow = true;
    set('governed_by', list);
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  // A function, not a string: "$&" or "$'" in a title must stay as written.
  const body = template.body.replace(/^# .*$/m, () => `# ${fields.title.replace(/\r?\n/g, ' ')}`);
  return `---\n${yaml}---\n${body.startsWith('\n') ? body : '\n' + body}`;
}
