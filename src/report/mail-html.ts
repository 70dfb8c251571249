/**
 * The body of a message ppp sends, as simple semantic HTML and the matching plain text: a heading, paragraphs,
 * headed sections and lists; no images, no layout tables, and only a few inline styles, so it reads the same in a
 * screen reader, in a client that strips CSS and as text. Pure.
 */
import { escapeAttribute, escapeHtml } from './site/layout.js';

/** A list item: text, or text that links to a page (the register's site). */
export type MailItem = string | { text: string; href: string };

/** One block of a message: a paragraph, a section heading, or a bulleted list. */
export type MailBlock = string | { heading: string } | { items: readonly MailItem[] };

const BODY_STYLE = 'font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c; max-width: 40em';

function isSafeHref(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href);
}

function itemHtml(item: MailItem): string {
  if (typeof item === 'string') return escapeHtml(item);
  if (!isSafeHref(item.href)) return escapeHtml(item.text);
  return `<a href="${escapeAttribute(item.href)}">${escapeHtml(item.text)}</a>`;
}

function itemText(item: MailItem): string {
  if (typeof item === 'string') return item;
  return isSafeHref(item.href) ? `${item.text} (${item.href})` : item.text;
}

/** Returns the HTML (a whole document, lang="en") and the plain text of a message with this title and blocks. */
export function mailHtml(title: string, blocks: readonly MailBlock[]): { html: string; text: string } {
  const html: string[] = [];
  const text: string[] = [title, '='.repeat(Math.min(title.length, 72))];
  for (const block of blocks) {
    if (typeof block === 'string') {
      html.push(`<p>${escapeHtml(block)}</p>`);
      text.push('', block);
    } else if ('heading' in block) {
      html.push(`<h2 style="font-size: 19px">${escapeHtml(block.heading)}</h2>`);
      text.push('', block.heading, '-'.repeat(Math.min(block.heading.length, 72)));
    } else if (block.items.length > 0) {
      html.push(`<ul>\n${block.items.map((item) => `<li>${itemHtml(item)}</li>`).join('\n')}\n</ul>`);
      text.push('', ...block.items.map((item) => `- ${itemText(item)}`));
    }
  }
  const page = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    `<body style="${BODY_STYLE}">`,
    '<main>',
    `<h1 style="font-size: 24px">${escapeHtml(title)}</h1>`,
    ...html,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { html: page, text: text.join('\n') + '\n' };
}
