import { describe, expect, it } from 'vitest';
import { mailHtml } from './mail-html.js';

describe('mailHtml', () => {
  const { html, text } = mailHtml('Reviews due <soon>', [
    'Two documents are due for review.',
    { heading: 'Due in 30 days' },
    {
      items: [
        'CS-POL-001 Safeguarding & you',
        { text: 'CS-PRO-002 Missing children', href: 'https://x.example/CS-PRO-002' },
      ],
    },
    { items: [] },
    { items: [{ text: 'Bad link', href: 'javascript:alert(1)' }] },
  ]);

  it('is a whole English document with one h1, a section heading and a list, and no images or tables', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html.match(/<h1\b/g)).toHaveLength(1);
    expect(html).toContain('<h1 style="font-size: 24px">Reviews due &lt;soon&gt;</h1>');
    expect(html).toContain('<h2 style="font-size: 19px">Due in 30 days</h2>');
    expect(html).toContain('<li>CS-POL-001 Safeguarding &amp; you</li>');
    expect(html).toContain('<li><a href="https://x.example/CS-PRO-002">CS-PRO-002 Missing children</a></li>');
    expect(html).toContain('<li>Bad link</li>');
    expect(html).not.toMatch(/<img|<table|javascript:/);
    expect(html.match(/<ul>/g)).toHaveLength(2);
  });

  it('gives the same content as plain text', () => {
    expect(text).toBe(
      [
        'Reviews due <soon>',
        '==================',
        '',
        'Two documents are due for review.',
        '',
        'Due in 30 days',
        '--------------',
        '',
        '- CS-POL-001 Safeguarding & you',
        '- CS-PRO-002 Missing children (https://x.example/CS-PRO-002)',
        '',
        '- Bad link',
        '',
      ].join('\n'),
    );
  });
});
