/**
 * The published site's page frame and the GOV.UK components its pages share, as pure functions from data to HTML
 * strings. Markup follows GOV.UK Frontend 6 (the styles are site/assets/ppp.css); there is no crown, crest or GOV.UK
 * logo, since those belong to GOV.UK alone. Every URL is relative, so the site works from any folder or from disk.
 *
 * Text parameters are escaped here; parameters named ...Html are trusted HTML the caller has already escaped.
 */
import { isIsoDate, writtenDate } from '../../core/calendar.js';

export type SiteSection = 'documents' | 'meetings' | 'archive' | 'accessibility' | 'search';

export interface Breadcrumb {
  text: string;
  /** Relative to the page; absent for the current page. */
  href?: string;
}

export interface SitePage {
  title: string;
  /** The relative path from this page to the site root: '' for a page at the root, '../' one folder down. */
  root: string;
  section: SiteSection;
  /** The group's name from ppp.yaml, shown as the service name. */
  group: string;
  /** Already-escaped HTML of the main content. */
  body: string;
  breadcrumbs?: Breadcrumb[];
  /** Extra trusted HTML for <head>, such as meta tags. */
  head?: string;
  /** Script URLs relative to the site root (root is put in front), such as 'pagefind/pagefind-ui.js'. */
  scripts?: string[];
}

/** The sections in the service navigation, in order, with their pages relative to the site root. */
export const SITE_NAVIGATION: readonly { section: SiteSection; text: string; href: string }[] = [
  { section: 'documents', text: 'Documents', href: 'index.html' },
  { section: 'meetings', text: 'Meetings', href: 'meetings.html' },
  { section: 'archive', text: 'Archive', href: 'archive/index.html' },
  { section: 'accessibility', text: 'Accessibility', href: 'accessibility.html' },
];

/** The shipped stylesheets, relative to the site root. */
export const SITE_STYLESHEETS = { screen: 'assets/ppp.css', print: 'assets/print.css' } as const;

// Characters HTML forbids in text (C0 controls other than tab, line feed, form feed and carriage return, and DEL)
// become U+FFFD, so a hostile title cannot make the page malformed.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Returns text safe to place between HTML tags: & < > " ' become entities, forbidden control characters U+FFFD. */
export function escapeHtml(text: string): string {
  return text.replace(FORBIDDEN, '\ufffd').replace(/[&<>"']/g, (c) => TEXT_ENTITIES[c]!);
}

/**
 * Returns text safe inside a quoted attribute value (either quote): escapeHtml, and also ` and line breaks and tabs
 * as character references, so a value stays on one line and old parsers cannot end it early.
 */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/[`\t\n\r\f]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Returns the path as given when it is a relative URL reference, and throws when it has a scheme or starts with /. */
function requireRelative(url: string, what: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url.startsWith('\\')) {
    throw new Error(`${what} must be a relative URL, not ${JSON.stringify(url)}: the site is served from any folder`);
  }
  return url;
}

function requireRoot(root: string): string {
  if (!/^(\.\.\/)*$/.test(root)) {
    throw new Error(`root must be '' or a run of '../', not ${JSON.stringify(root)}`);
  }
  return root;
}

function breadcrumbsHtml(crumbs: Breadcrumb[]): string {
  const items = crumbs.map((crumb) =>
    crumb.href === undefined
      ? `<li class="govuk-breadcrumbs__list-item" aria-current="page">${escapeHtml(crumb.text)}</li>`
      : `<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="${escapeAttribute(
          requireRelative(crumb.href, 'A breadcrumb link'),
        )}">${escapeHtml(crumb.text)}</a></li>`,
  );
  return `<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
<ol class="govuk-breadcrumbs__list">
${items.join('\n')}
</ol>
</nav>`;
}

function navigationHtml(root: string, current: SiteSection): string {
  const items = SITE_NAVIGATION.map((item) => {
    const href = escapeAttribute(`${root}${item.href}`);
    if (item.section !== current) {
      return `<li class="govuk-service-navigation__item">
<a class="govuk-service-navigation__link" href="${href}">${item.text}</a>
</li>`;
    }
    // The <strong> is GOV.UK's fallback, so the current section shows without colour too.
    return `<li class="govuk-service-navigation__item govuk-service-navigation__item--active">
<a class="govuk-service-navigation__link" href="${href}" aria-current="page">\
<strong class="govuk-service-navigation__active-fallback">${item.text}</strong></a>
</li>`;
  });
  // No menu toggle button: the site runs without GOV.UK's JavaScript, and a list that is always open needs none.
  return `<div class="govuk-service-navigation">
<div class="govuk-width-container">
<div class="govuk-service-navigation__container">
<nav aria-label="Sections" class="govuk-service-navigation__wrapper">
<ul class="govuk-service-navigation__list">
${items.join('\n')}
</ul>
</nav>
</div>
</div>
</div>`;
}

/** Returns a whole HTML5 document: head, skip link, header with the group's name, sections, main content, footer. */
export function renderPage(page: SitePage): string {
  const root = requireRoot(page.root);
  const group = escapeHtml(page.group);
  const scripts = (page.scripts ?? []).map(
    (src) => `<script src="${escapeAttribute(root + requireRelative(src, 'A script URL'))}" defer></script>`,
  );
  const crumbs = page.breadcrumbs && page.breadcrumbs.length > 0 ? `${breadcrumbsHtml(page.breadcrumbs)}\n` : '';
  return `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<title>${escapeHtml(page.title)} – ${group}</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${root}${SITE_STYLESHEETS.screen}">
<link rel="stylesheet" href="${root}${SITE_STYLESHEETS.print}" media="print">
${page.head ? `${page.head}\n` : ''}${scripts.length > 0 ? `${scripts.join('\n')}\n` : ''}</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="govuk-template__header">
<div class="govuk-generic-header">
<div class="govuk-generic-header__container govuk-width-container">
<div class="govuk-generic-header__logo">
<a href="${root}index.html" class="govuk-generic-header__homepage-link">${group}</a>
</div>
</div>
</div>
${navigationHtml(root, page.section)}
</header>
<div class="govuk-width-container">
${crumbs}<main class="govuk-main-wrapper" id="main-content">
${page.body}
</main>
</div>
<footer class="govuk-footer">
<div class="govuk-width-container">
<div class="govuk-footer__meta">
<div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
<h2 class="govuk-visually-hidden">Support links</h2>
<ul class="govuk-footer__inline-list">
<li class="govuk-footer__inline-list-item">\
<a class="govuk-footer__link" href="${root}accessibility.html">Accessibility statement</a></li>
</ul>
<p class="govuk-body-s">The policy register of ${group}.</p>
</div>
</div>
</div>
</footer>
</body>
</html>
`;
}

/** Returns a GOV.UK summary list: each row's key is text (escaped here), its value trusted HTML. */
export function summaryList(rows: [key: string, valueHtml: string][]): string {
  const items = rows.map(
    ([key, value]) => `<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">${escapeHtml(key)}</dt>
<dd class="govuk-summary-list__value">${value}</dd>
</div>`,
  );
  return `<dl class="govuk-summary-list">\n${items.join('\n')}\n</dl>`;
}

export interface TableOptions {
  /** The caption's size: 'm' (the default) for a table of its own, 's' for one that supports a chart. */
  captionSize?: 's' | 'm' | 'l';
  /** Indexes of the columns that hold numbers, aligned right as GOV.UK aligns numbers, so digits line up. */
  numericColumns?: number[];
}

/**
 * Returns a GOV.UK table with a caption and column headings (text, escaped here); each row is a list of trusted cell
 * HTML whose first cell is the row's heading. The table scrolls in its own focusable box, so the page reflows.
 */
export function table(caption: string, heads: string[], rowsHtml: string[][], options: TableOptions = {}): string {
  const numeric = new Set(options.numericColumns ?? []);
  const headerClass = (i: number): string =>
    numeric.has(i) ? 'govuk-table__header govuk-table__header--numeric' : 'govuk-table__header';
  const head = heads.map((h, i) => `<th scope="col" class="${headerClass(i)}">${escapeHtml(h)}</th>`).join('');
  const rows = rowsHtml.map((cells) => {
    const [first = '', ...rest] = cells;
    const others = rest
      .map((c, i) => {
        const cellClass = numeric.has(i + 1) ? 'govuk-table__cell govuk-table__cell--numeric' : 'govuk-table__cell';
        return `<td class="${cellClass}">${c}</td>`;
      })
      .join('');
    return `<tr class="govuk-table__row"><th scope="row" class="${headerClass(0)}">${first}</th>${others}</tr>`;
  });
  const captionSize = options.captionSize ?? 'm';
  return `<div class="ppp-table-container" role="region" aria-label="${escapeAttribute(caption)}" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--${captionSize}">${escapeHtml(caption)}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">${head}</tr></thead>
<tbody class="govuk-table__body">
${rows.join('\n')}
</tbody>
</table>
</div>`;
}

export type TagColour =
  'blue' | 'grey' | 'green' | 'turquoise' | 'teal' | 'purple' | 'magenta' | 'pink' | 'red' | 'orange' | 'yellow';

/** Returns a GOV.UK tag. The text carries the meaning; the colour only repeats it (WCAG 1.4.1). Blue is the default. */
export function tag(text: string, colour: TagColour = 'blue'): string {
  const modifier = colour === 'blue' ? '' : ` govuk-tag--${colour}`;
  return `<strong class="govuk-tag${modifier}">${escapeHtml(text)}</strong>`;
}

export type BannerKind = 'info' | 'success' | 'warning';

/** A short stable id from the banner's content, so that two banners on one page never share an id. */
function bannerId(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `ppp-banner-${hash.toString(36)}`;
}

/**
 * Returns a GOV.UK notification banner titled with trusted titleHtml. Every kind is a labelled region, never
 * role="alert": on a static page nothing has just happened, and an alert would interrupt a screen reader on load.
 */
export function notificationBanner(titleHtml: string, bodyHtml: string, kind: BannerKind): string {
  const id = bannerId(`${kind}\n${titleHtml}\n${bodyHtml}`);
  const modifier =
    kind === 'success'
      ? ' govuk-notification-banner--success'
      : kind === 'warning'
        ? ' ppp-notification-banner--warning'
        : '';
  return `<div class="govuk-notification-banner${modifier}" role="region" aria-labelledby="${id}">
<div class="govuk-notification-banner__header">
<h2 class="govuk-notification-banner__title" id="${id}">${titleHtml}</h2>
</div>
<div class="govuk-notification-banner__content">
${bodyHtml}
</div>
</div>`;
}

export interface AccessibilityStatementInput {
  group: string;
  /** The council or body that runs the site; the group's name stands in when absent. */
  organisation?: string;
  /** How to reach the group about accessibility: an e-mail address, or a sentence. */
  contact?: string;
  /** The date of the last automated check, 'YYYY-MM-DD'. */
  testedOn: string;
  /** What checked it, such as 'axe-core 4.x in headless Chromium'. */
  tool: string;
  /** The date the statement was prepared, 'YYYY-MM-DD'; testedOn when absent. */
  preparedOn?: string;
}

/** Returns a 'YYYY-MM-DD' date as GOV.UK writes dates ('5 January 2027'), or the text unchanged if it is not one. */
function longDate(date: string): string {
  return isIsoDate(date) ? writtenDate(date) : date;
}

function contactHtml(contact: string | undefined): string {
  if (contact === undefined || contact.trim() === '') {
    return '<p class="govuk-body">Contact the group through the council’s usual contact details.</p>';
  }
  const text = contact.trim();
  if (/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(text)) {
    const address = escapeAttribute(text);
    return `<ul class="govuk-list govuk-list--bullet">
<li>email <a class="govuk-link" href="mailto:${address}">${escapeHtml(text)}</a></li>
</ul>`;
  }
  return `<p class="govuk-body">${escapeHtml(text)}</p>`;
}

/**
 * Returns the body HTML of an accessibility statement in the structure of GOV.UK's sample statement. It says
 * "partially compliant": an automated check finds only some failures, so only a person's audit may claim more.
 */
export function renderAccessibilityStatement(input: AccessibilityStatementInput): string {
  const group = escapeHtml(input.group);
  const organisation = escapeHtml(input.organisation?.trim() || input.group);
  const tested = escapeHtml(longDate(input.testedOn));
  const prepared = escapeHtml(longDate(input.preparedOn ?? input.testedOn));
  const tool = escapeHtml(input.tool);
  return `<h1 class="govuk-heading-xl">Accessibility statement for the policy register of ${group}</h1>
<p class="govuk-body">This accessibility statement applies to this website, the published policy register of \
${group}: its documents, earlier approved versions, meetings and search.</p>
<p class="govuk-body">This website is run by ${organisation}. We want as many people as possible to be able to use \
it. For example, that means you should be able to:</p>
<ul class="govuk-list govuk-list--bullet">
<li>change colours, contrast levels and fonts using browser or device settings</li>
<li>zoom in up to 400% without the text spilling off the screen</li>
<li>navigate most of the website using a keyboard or speech recognition software</li>
<li>listen to most of the website using a screen reader</li>
<li>read every page without JavaScript (search needs JavaScript)</li>
</ul>
<p class="govuk-body"><a class="govuk-link" href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on \
making your device easier to use if you have a disability.</p>

<h2 class="govuk-heading-l">How accessible this website is</h2>
<p class="govuk-body">We know some parts of this website are not fully accessible:</p>
<ul class="govuk-list govuk-list--bullet">
<li>documents are published as their authors wrote them, so some may have unclear headings, link text or tables</li>
<li>some older documents may be attached in formats such as PDF or Word that are not fully accessible</li>
<li>search does not work without JavaScript or when the website is opened from a file rather than a web server</li>
</ul>

<h2 class="govuk-heading-l">Feedback and contact information</h2>
<p class="govuk-body">If you need information on this website in a different format like accessible PDF, large \
print, easy read, audio recording or braille, or if you find a problem not listed on this page, contact \
${group}:</p>
${contactHtml(input.contact)}
<p class="govuk-body">We’ll consider your request and get back to you.</p>

<h2 class="govuk-heading-l">Enforcement procedure</h2>
<p class="govuk-body">The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public \
Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility \
regulations’). If you’re not happy with how we respond to your complaint, \
<a class="govuk-link" href="https://www.equalityadvisoryservice.com/">contact the Equality Advisory and Support \
Service (EASS)</a>.</p>
<p class="govuk-body">If you are in Northern Ireland and are not happy with how we respond to your complaint you \
can contact the <a class="govuk-link" href="https://www.equalityni.org/Home">Equality Commission for Northern \
Ireland (ECNI)</a>.</p>

<h2 class="govuk-heading-l">Technical information about this website’s accessibility</h2>
<p class="govuk-body">${organisation} is committed to making its website accessible, in accordance with the Public \
Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.</p>

<h3 class="govuk-heading-m">Compliance status</h3>
<p class="govuk-body">This website is partially compliant with the \
<a class="govuk-link" href="https://www.w3.org/TR/WCAG21/">Web Content Accessibility Guidelines version 2.1</a> AA \
standard, due to the non-compliances listed below.</p>

<h3 class="govuk-heading-m">Non-accessible content</h3>
<p class="govuk-body">The content listed below is non-accessible for the following reasons.</p>
<h4 class="govuk-heading-s">Non-compliance with the accessibility regulations</h4>
<p class="govuk-body">Documents are written by many authors. Where a document has headings out of order, links \
whose text does not say where they go, or tables without headings, it may fail WCAG 2.1 success criteria 1.3.1 \
(info and relationships) and 2.4.4 (link purpose).</p>
<p class="govuk-body">The pages have not yet been audited by a person against every WCAG 2.1 AA success criterion, so \
there may be failures we do not know about.</p>
<h4 class="govuk-heading-s">Content that’s not within the scope of the accessibility regulations</h4>
<p class="govuk-body">PDFs and other documents published before 23 September 2018 that are not essential to \
providing our services need not be fixed.</p>

<h2 class="govuk-heading-l">What we’re doing to improve accessibility</h2>
<p class="govuk-body">The page designs are checked automatically with ${tool} whenever they change. We plan to \
have the website audited by a person.</p>

<h2 class="govuk-heading-l">Preparation of this accessibility statement</h2>
<p class="govuk-body">This statement was prepared on ${prepared}. It was last reviewed on ${tested}.</p>
<p class="govuk-body">This website was last tested on ${tested}: the software that builds it (ppp) checks its page \
designs with ${tool}, against WCAG 2.1 levels A and AA, on each kind of page: the list of documents, a document, an \
earlier version and meetings. An automated test finds only some accessibility problems; it is not an audit, and \
${organisation} has not yet had this website audited by a person.</p>
`;
}
