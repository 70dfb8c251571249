/**
 * The pages of the published register: the index and its filtered lists, a page per document (front sheet, body,
 * governance links both ways, review banner, proof), and a page per earlier approved version. Pure: the model in,
 * HTML out. Markdown is rendered by markdown-it with its defaults: raw HTML is escaped and unsafe links dropped.
 */
import MarkdownIt from 'markdown-it';
import type { SiteDocument, SiteVersion } from '../../core/site.js';
import {
  escapeAttribute,
  escapeHtml,
  notificationBanner,
  renderPage,
  summaryList,
  table,
  tag,
  type TagColour,
} from './layout.js';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
// The body in the GOV.UK styles: each element gets the class the design system gives it.
const CLASSES: Record<string, string> = {
  paragraph_open: 'govuk-body',
  bullet_list_open: 'govuk-list govuk-list--bullet',
  ordered_list_open: 'govuk-list govuk-list--number',
  link_open: 'govuk-link',
  table_open: 'govuk-table',
  blockquote_open: 'govuk-inset-text',
};
const HEADINGS: Record<string, string> = { h2: 'govuk-heading-l', h3: 'govuk-heading-m', h4: 'govuk-heading-s' };
// The page has one h1, the document's title: the body's headings sit one level below it.
const DEEPER: Record<string, string> = { h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6' };
markdown.renderer.rules.heading_close = (tokens, i, options, _env, self) => {
  tokens[i]!.tag = DEEPER[tokens[i]!.tag] ?? tokens[i]!.tag;
  return self.renderToken(tokens, i, options);
};
for (const rule of [...Object.keys(CLASSES), 'heading_open']) {
  markdown.renderer.rules[rule] = (tokens, i, options, _env, self) => {
    const token = tokens[i]!;
    if (rule === 'heading_open') token.tag = DEEPER[token.tag] ?? token.tag;
    const cls = rule === 'heading_open' ? (HEADINGS[token.tag] ?? 'govuk-heading-s') : CLASSES[rule]!;
    token.attrJoin('class', cls);
    return self.renderToken(tokens, i, options);
  };
}

/** Returns a document's markdown body as HTML: raw HTML escaped, unsafe links dropped, in the GOV.UK styles. */
export function renderMarkdown(text: string): string {
  return markdown.render(text);
}

/** The markers around a rendered body, which ppp publish --check reads the published text between. */
export const BODY_START = '<div class="ppp-document-body">';
export const BODY_END = '</div><!-- end of the approved text -->';

function documentBody(text: string): string {
  return `${BODY_START}${markdown.render(text)}${BODY_END}\n`;
}

export interface SitePage {
  /** Relative to the site's root, forward slashes. */
  path: string;
  html: string;
}

const REVIEW_WORDS: Record<string, [string, TagColour]> = {
  ok: ['In date', 'green'],
  'due-soon': ['Review due soon', 'yellow'],
  overdue: ['Review overdue', 'red'],
  escalate: ['Review overdue: escalated', 'red'],
};

/** What every page is rendered with: the published documents by id, the group's name, and people's names by id. */
export interface SiteContext {
  all: ReadonlyMap<string, SiteDocument>;
  group: string;
  /** A member's id to their name and post. Ids not in members.yaml are shown as they are. */
  people: ReadonlyMap<string, { name: string; post?: string }>;
}

/** Returns the page of a document in force (or retired), at documents/ID.html. */
export function documentPage(doc: SiteDocument, site: SiteContext): SitePage {
  const { all, group } = site;
  const root = '../';
  const parts: string[] = [
    `<span class="govuk-caption-l">${escapeHtml(doc.id)} · ${escapeHtml(doc.type)}</span>`,
    `<h1 class="govuk-heading-l" data-pagefind-meta="title">${escapeHtml(doc.title)}</h1>`,
  ];
  // Search finds documents in force: their title, front sheet and text (not banners, links or proof).
  const indexed = (html: string) =>
    doc.retired
      ? html
      : `<div data-pagefind-body data-pagefind-meta="reference:${escapeAttribute(doc.id)}">${html}</div>`;
  if (doc.retired) {
    const by = doc.retired.supersededBy;
    parts.push(
      notificationBanner(
        `This document is ${escapeHtml(doc.retired.status)}`,
        `<p class="govuk-notification-banner__heading">It is no longer in use${
          doc.retired.on ? ` since ${escapeHtml(doc.retired.on)}` : ''
        }.${by ? ` It was replaced by ${docLink(by, all, root)}.` : ''}</p>`,
        'warning',
      ),
    );
  } else if (doc.reviewState) {
    const [words, colour] = REVIEW_WORDS[doc.reviewState]!;
    parts.push(`<p class="govuk-body">${tag(words, colour)} Review due ${escapeHtml(doc.reviewDue ?? '')}</p>`);
  }
  parts.push(indexed(frontSheet(doc, doc, site, root) + documentBody(doc.body)));
  parts.push(governance(doc, all, root));
  if (doc.earlier.length) {
    parts.push(
      `<h2 class="govuk-heading-m">Earlier approved versions</h2><ul class="govuk-list">${doc.earlier
        .map(
          (v) =>
            `<li><a class="govuk-link" href="${root}${archivePath(doc.id, v.version, v.approvedOn)}">` +
            `Version ${escapeHtml(v.version)}, approved ${escapeHtml(v.approvedOn)}</a></li>`,
        )
        .join('')}</ul>`,
    );
  }
  parts.push(proof(doc));
  return {
    path: documentPath(doc.id),
    html: renderPage({
      title: `${doc.id} ${doc.title}`,
      root,
      section: 'documents',
      group,
      body: parts.join('\n'),
      head: proofMeta(doc),
      breadcrumbs: [{ text: 'Documents', href: `${root}index.html` }, { text: doc.id }],
    }),
  };
}

/** Returns the page of an earlier approved version, at archive/ID/VERSION.html, saying which version replaced it. */
export function archivePage(
  doc: SiteDocument,
  version: SiteVersion,
  replacedBy: SiteVersion,
  site: SiteContext,
): SitePage {
  const { group } = site;
  const root = '../../';
  const title = String(version.data.title ?? doc.title);
  const parts = [
    `<span class="govuk-caption-l">${escapeHtml(doc.id)} · version ${escapeHtml(version.version)}</span>`,
    `<h1 class="govuk-heading-l">${escapeHtml(title)}</h1>`,
    notificationBanner(
      'This version is no longer in force',
      `<p class="govuk-notification-banner__heading">Version ${escapeHtml(replacedBy.version)}, approved ${escapeHtml(
        replacedBy.approvedOn,
      )}, replaced it. <a class="govuk-notification-banner__link" href="${root}${documentPath(doc.id)}">` +
        `Read the current version</a>.</p>`,
      'warning',
    ),
    frontSheet(doc, version, site, root),
    documentBody(version.body),
    proof(version),
  ];
  return {
    path: archivePath(doc.id, version.version, version.approvedOn),
    html: renderPage({
      title: `${doc.id} version ${version.version}`,
      root,
      section: 'archive',
      group,
      body: parts.join('\n'),
      head: proofMeta(version, doc.id),
    }),
  };
}

/** Returns the index (every document in force, a table that needs no JavaScript) and its filtered lists. */
export function indexPages(documents: readonly SiteDocument[], site: SiteContext): SitePage[] {
  const { group } = site;
  const inForce = documents.filter((d) => !d.retired);
  const filters: { name: string; key: (d: SiteDocument) => string | undefined }[] = [
    { name: 'type', key: (d) => d.type },
    { name: 'status', key: (d) => d.status },
    { name: 'owner', key: (d) => d.owner },
    { name: 'review', key: (d) => d.reviewState },
  ];
  const pages: SitePage[] = [];
  const links: string[] = [];
  for (const f of filters) {
    const values = [...new Set(inForce.map(f.key).filter((v): v is string => !!v))].sort();
    links.push(
      `<h2 class="govuk-heading-s">By ${f.name}</h2><ul class="govuk-list govuk-list--inline">${values
        .map(
          (v) =>
            `<li><a class="govuk-link" href="${filterPath(f.name, v)}">` +
            `${escapeHtml(filterWord(f.name, v, site))}</a></li>`,
        )
        .join('')}</ul>`,
    );
    for (const v of values) {
      const rows = inForce.filter((d) => f.key(d) === v);
      pages.push({
        path: filterPath(f.name, v),
        html: renderPage({
          title: `Documents by ${f.name}: ${filterWord(f.name, v, site)}`,
          root: '../',
          section: 'documents',
          group,
          body:
            `<h1 class="govuk-heading-l">Documents by ${escapeHtml(f.name)}: ` +
            `${escapeHtml(filterWord(f.name, v, site))}</h1>` +
            `<p class="govuk-body"><a class="govuk-link" href="../index.html">All documents</a></p>` +
            documentsTable(rows, site, '../', `${rows.length} ${rows.length === 1 ? 'document' : 'documents'}`),
        }),
      });
    }
  }
  pages.unshift({
    path: 'index.html',
    html: renderPage({
      title: 'Documents',
      root: '',
      section: 'documents',
      group,
      scripts: ['assets/search.js'],
      body:
        `<h1 class="govuk-heading-l">Policies, procedures and guidance</h1>` +
        `<p class="govuk-body">Every document here is the text as approved: each page shows the approval it ` +
        `was published from.</p>` +
        searchForm(true) +
        // Folded away (a native details element: no JavaScript needed), so the table comes first.
        `<details class="govuk-details"><summary class="govuk-details__summary">` +
        `<span class="govuk-details__summary-text">Lists by type, status, owner and review</span></summary>` +
        `<div class="govuk-details__text">${links.join('')}</div></details>` +
        documentsTable(
          inForce,
          site,
          '',
          `${inForce.length} ${inForce.length === 1 ? 'document' : 'documents'} in force`,
        ),
    }),
  });
  return pages;
}

/**
 * The search form. On the index it is hidden until the search script finds the site served over HTTP, and goes to the
 * search page; on the search page it searches in place.
 */
function searchForm(hidden: boolean): string {
  return (
    `<form class="ppp-search" action="search.html" method="get" role="search" aria-label="Documents" ` +
    `data-ppp-search${hidden ? ' hidden' : ''}>` +
    `<div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="ppp-search-input">` +
    `Search the text of every document</label>` +
    `<input class="govuk-input govuk-!-width-two-thirds" id="ppp-search-input" name="q" type="search" ` +
    `spellcheck="false" autocomplete="off"> ` +
    `<button type="submit" class="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">Search</button>` +
    `</div></form>`
  );
}

/** Returns the search page: the form, the result count (read out as it changes) and the results. */
export function searchPage({ group }: SiteContext): SitePage {
  return {
    path: 'search.html',
    html: renderPage({
      title: 'Search',
      root: '',
      section: 'documents',
      group,
      scripts: ['assets/search.js'],
      body:
        `<h1 class="govuk-heading-l">Search the documents</h1>` +
        `<div class="govuk-inset-text" id="ppp-search-unavailable">Search works when the site is served from a ` +
        `web server, with JavaScript on. From a file share, use the <a class="govuk-link" href="index.html">list ` +
        `of documents</a> and its lists by type, status, owner and review.</div>` +
        searchForm(true) +
        `<p class="govuk-body" id="ppp-search-status" role="status" aria-live="polite"></p>` +
        `<ol class="govuk-list" id="ppp-search-results"></ol>`,
    }),
  };
}

/** Returns the archive's index: retired documents, and every earlier approved version. */
export function archiveIndex(documents: readonly SiteDocument[], { group }: SiteContext): SitePage {
  const retired = documents.filter((d) => d.retired);
  const earlier = documents.flatMap((d) => d.earlier.map((v) => ({ d, v })));
  const body =
    `<h1 class="govuk-heading-l">Archive</h1>` +
    table(
      'Documents no longer in use',
      ['Document', 'Title', 'Status', 'Since'],
      retired.map((d) => [
        `<a class="govuk-link" href="../${documentPath(d.id)}">${escapeHtml(d.id)}</a>`,
        escapeHtml(d.title),
        escapeHtml(d.retired!.status),
        escapeHtml(d.retired!.on),
      ]),
    ) +
    table(
      'Earlier approved versions',
      ['Document', 'Version', 'Approved', 'Title'],
      earlier.map(({ d, v }) => [
        `<a class="govuk-link" href="../${archivePath(d.id, v.version, v.approvedOn)}">${escapeHtml(d.id)}</a>`,
        escapeHtml(v.version),
        escapeHtml(v.approvedOn),
        escapeHtml(String(v.data.title ?? d.title)),
      ]),
    );
  return {
    path: 'archive/index.html',
    html: renderPage({ title: 'Archive', root: '../', section: 'archive', group, body }),
  };
}

export function documentPath(id: string): string {
  return `documents/${safeName(id)}.html`;
}

export function archivePath(id: string, version: string, approvedOn: string): string {
  // Version and date: a version approved twice (on interim approval, then in full) keeps both pages.
  return `archive/${safeName(id)}/${safeName(version)}-${safeName(approvedOn)}.html`;
}

function filterPath(name: string, value: string): string {
  return `lists/${name}-${safeName(value)}.html`;
}

function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_');
}

function filterWord(filter: string, value: string, site: SiteContext): string {
  if (filter === 'review') return REVIEW_WORDS[value]?.[0] ?? value;
  return filter === 'owner' ? (site.people.get(value)?.name ?? value) : value;
}

function documentsTable(rows: readonly SiteDocument[], site: SiteContext, root: string, caption: string): string {
  return table(
    caption,
    ['Document', 'Title', 'Type', 'Version', 'Owner', 'Review due'],
    rows.map((d) => [
      // An id or a date is never broken across lines.
      `<a class="govuk-link" style="white-space: nowrap" href="${root}${documentPath(d.id)}">${escapeHtml(d.id)}</a>`,
      escapeHtml(d.title),
      escapeHtml(d.type),
      escapeHtml(d.version),
      escapeHtml(site.people.get(d.owner)?.name ?? d.owner),
      `<span style="white-space: nowrap">${escapeHtml(d.reviewDue ?? '')}</span>` +
        `${d.reviewState ? ` (${escapeHtml(REVIEW_WORDS[d.reviewState]![0])})` : ''}`,
    ]),
  );
}

function frontSheet(doc: SiteDocument, version: SiteVersion, site: SiteContext, root: string): string {
  const { all } = site;
  const d = version.data;
  const field = (...path: string[]) => {
    let v: unknown = d;
    for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    return v === undefined || v === null ? '' : escapeHtml(String(v));
  };
  const consulted = Array.isArray(d.consultation)
    ? d.consultation.map((c) => escapeHtml(String((c as Record<string, unknown>)?.with ?? ''))).join('<br>')
    : '';
  const readWith = Array.isArray(d.read_with) ? d.read_with.map((id) => docLink(String(id), all, root)).join(', ') : '';
  return summaryList([
    ['Purpose', field('summary')],
    ['Type', field('type')],
    ['Reference', escapeHtml(doc.id)],
    ['Version', escapeHtml(version.version)],
    ['Approving body', field('approval', 'approved_by')],
    ['Date approved (last reviewed)', escapeHtml(version.approvedOn)],
    ['Review due', field('review', 'due')],
    ['Text last changed', escapeHtml(version.textChangedOn)],
    ['Sponsor', person(d.sponsor, site)],
    ['Manager', person(d.owner, site)],
    ['Consulted', consulted],
    ['Read with', readWith],
    ['Applies to', field('scope')],
  ]);
}

function person(id: unknown, site: SiteContext): string {
  if (typeof id !== 'string' || id === '') return '';
  const who = site.people.get(id);
  return escapeHtml(who ? (who.post ? `${who.name}, ${who.post}` : who.name) : id);
}

function governance(doc: SiteDocument, all: ReadonlyMap<string, SiteDocument>, root: string): string {
  const rows: [string, string][] = [];
  if (doc.governedBy.length) rows.push(['Governed by', doc.governedBy.map((id) => docLink(id, all, root)).join(', ')]);
  if (doc.governs.length) rows.push(['Governs', doc.governs.map((id) => docLink(id, all, root)).join(', ')]);
  if (doc.forms.length) rows.push(['Forms', doc.forms.map((id) => docLink(id, all, root)).join(', ')]);
  return rows.length ? `<h2 class="govuk-heading-m">Related documents</h2>${summaryList(rows)}` : '';
}

function proof(v: SiteVersion): string {
  return (
    `<h2 class="govuk-heading-m">Proof of approval</h2>` +
    summaryList([
      [v.adopted ? 'Adoption commit' : 'Approval commit', `<code>${escapeHtml(v.commit)}</code>`],
      ['Approved on', escapeHtml(v.approvedOn)],
      ['Route', escapeHtml(v.route)],
      ['Meeting', escapeHtml(v.meeting ?? '')],
      ['Signed by', escapeHtml(v.signer)],
      ['Content hash (SHA-256)', `<code>${escapeHtml(v.contentSha256)}</code>`],
    ])
  );
}

function proofMeta(v: SiteVersion, id?: string): string {
  const doc = id ?? (v as SiteDocument).id;
  return (
    `<meta name="ppp-document" content="${escapeAttribute(doc)}">` +
    `<meta name="ppp-version" content="${escapeAttribute(v.version)}">` +
    `<meta name="ppp-content-sha256" content="${escapeAttribute(v.contentSha256)}">`
  );
}

function docLink(id: string, all: ReadonlyMap<string, SiteDocument>, root: string): string {
  const d = all.get(id);
  return d
    ? `<a class="govuk-link" href="${root}${documentPath(id)}">${escapeHtml(id)} ${escapeHtml(d.title)}</a>`
    : escapeHtml(id);
}

export interface MeetingsInput {
  /** The coming meetings with their deadlines. */
  upcoming: readonly { date: string; submission_deadline: string; circulation_deadline: string }[];
  /** Meetings with records in meetings/: the markdown of the issued agenda and of the minutes, where there are any. */
  records: readonly { date: string; agenda?: string; minutes?: string }[];
}

/** Returns the meetings page (schedule, deadlines, the calendar feed) and a page per issued agenda and minutes. */
export function meetingsPages(input: MeetingsInput, group: string): SitePage[] {
  const pages: SitePage[] = [];
  const rows: string[][] = [];
  for (const r of [...input.records].sort((a, b) => (a.date < b.date ? 1 : -1))) {
    const links: string[] = [];
    for (const [kind, text] of [
      ['agenda', r.agenda],
      ['minutes', r.minutes],
    ] as const) {
      if (text === undefined) continue;
      const path = `meetings/${safeName(r.date)}/${kind}.html`;
      links.push(`<a class="govuk-link" href="${path}">${kind === 'agenda' ? 'Agenda' : 'Minutes'}</a>`);
      pages.push({
        path,
        html: renderPage({
          title: `${kind === 'agenda' ? 'Agenda' : 'Minutes'} of ${r.date}`,
          root: '../../',
          section: 'meetings',
          group,
          body: `<div class="ppp-meeting-record">${markdown.render(text)}</div>`,
          breadcrumbs: [{ text: 'Meetings', href: '../../meetings.html' }, { text: r.date }],
        }),
      });
    }
    if (links.length) rows.push([escapeHtml(r.date), links.join(' · ')]);
  }
  const body =
    `<h1 class="govuk-heading-l">Meetings</h1>` +
    `<p class="govuk-body"><a class="govuk-link" href="meetings.ics">Subscribe to the meetings and their deadlines ` +
    `(calendar file)</a></p>` +
    table(
      'Coming meetings and their deadlines',
      ['Meeting', 'Items and drafts by', 'Papers out by'],
      input.upcoming.map((m) => [
        escapeHtml(m.date),
        escapeHtml(m.submission_deadline),
        escapeHtml(m.circulation_deadline),
      ]),
    ) +
    table('Agendas and minutes', ['Meeting', 'Papers'], rows);
  pages.unshift({
    path: 'meetings.html',
    html: renderPage({ title: 'Meetings', root: '', section: 'meetings', group, body }),
  });
  return pages;
}
