/**
 * The page layout of the published site (a first, plain version; the GOV.UK layout replaces it). Pure: strings in,
 * HTML out, every value escaped, links relative to the site's root.
 */

export interface PageInput {
  title: string;
  /** The relative path from the page to the site's root: '' or '../'. */
  root: string;
  section: 'documents' | 'meetings' | 'archive' | 'accessibility' | 'search';
  group: string;
  /** The main content, already escaped. */
  body: string;
  breadcrumbs?: { text: string; href?: string }[];
  head?: string;
  scripts?: string[];
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Returns text safe inside an HTML element. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Returns text safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return escapeHtml(text);
}

/** Returns a whole page. */
export function renderPage(page: PageInput): string {
  return `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head><meta charset="utf-8"><title>${escapeHtml(page.title)} – ${escapeHtml(page.group)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">${page.head ?? ''}</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header><p><a href="${page.root}index.html">${escapeHtml(page.group)}</a></p></header>
<main id="main-content">${page.body}</main>
<footer><a href="${page.root}accessibility.html">Accessibility statement</a></footer>
</body></html>
`;
}

/** Returns a GOV.UK summary list of key and (escaped) value rows. */
export function summaryList(rows: readonly [string, string][]): string {
  return `<dl class="govuk-summary-list">${rows
    .map(
      ([k, v]) =>
        `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${escapeHtml(k)}</dt>` +
        `<dd class="govuk-summary-list__value">${v}</dd></div>`,
    )
    .join('')}</dl>`;
}

/** Returns a GOV.UK table; cells are already escaped HTML. */
export function table(caption: string, heads: readonly string[], rows: readonly (readonly string[])[]): string {
  return (
    `<table class="govuk-table"><caption class="govuk-table__caption">${escapeHtml(caption)}</caption>` +
    `<thead class="govuk-table__head"><tr class="govuk-table__row">${heads
      .map((h) => `<th scope="col" class="govuk-table__header">${escapeHtml(h)}</th>`)
      .join('')}</tr></thead><tbody class="govuk-table__body">${rows
      .map(
        (r) => `<tr class="govuk-table__row">${r.map((c) => `<td class="govuk-table__cell">${c}</td>`).join('')}</tr>`,
      )
      .join('')}</tbody></table>`
  );
}

/** Returns a GOV.UK tag: the text carries the meaning, the colour only repeats it. */
export function tag(text: string, colour: string): string {
  return `<strong class="govuk-tag govuk-tag--${escapeAttribute(colour)}">${escapeHtml(text)}</strong>`;
}

/** Returns a GOV.UK notification banner. */
export function notificationBanner(titleHtml: string, bodyHtml: string, kind: 'info' | 'success' | 'warning'): string {
  return (
    `<div class="govuk-notification-banner" role="region" aria-labelledby="banner-title" data-kind="${kind}">` +
    `<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">` +
    `${titleHtml}</h2></div><div class="govuk-notification-banner__content">${bodyHtml}</div></div>`
  );
}
