import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from './document.js';
import { renderNewDocument } from './new-document.js';
import { parseTemplate } from './templates.js';

const templateOf = (type: string) =>
  parseTemplate(type, readFileSync(new URL(`../../templates/${type}.md`, import.meta.url), 'utf8'), 'built-in');

const fields = { id: 'CS-XXX-0001', title: 'A title', status: 'drafting', owner: 'chair' } as const;

describe('renderNewDocument', () => {
  it.each(DOCUMENT_TYPES)('a %s with --summary has the summary in place of the placeholder line', (type) => {
    const text = renderNewDocument(templateOf(type), { ...fields, type, summary: 'What it is for.' });
    const front = text.split('\n---\n')[0]!;
    expect(front).not.toMatch(/^#\s*summary:/m);
    expect(front.match(/^summary:.*$/gm)).toEqual(['summary: What it is for.']);
    // Where the placeholder stood: after the title, before the type.
    expect(front.indexOf('summary:')).toBeGreaterThan(front.indexOf('title:'));
    expect(front.indexOf('summary:')).toBeLessThan(front.indexOf('type:'));
  });

  it('without --summary keeps the placeholder as a comment', () => {
    const text = renderNewDocument(templateOf('policy'), { ...fields, type: 'policy' });
    expect(text).toMatch(/^# summary: The purpose/m);
    expect(text).not.toMatch(/^summary:/m);
  });
});
