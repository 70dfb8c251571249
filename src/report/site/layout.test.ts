import { describe, expect, it } from 'vitest';
import {
  escapeAttribute,
  escapeHtml,
  notificationBanner,
  renderAccessibilityStatement,
  renderPage,
  summaryList,
  table,
  tag,
  type SitePage,
} from './layout.js';

const HOSTILE = `<script>alert("x")</script><img src=x onerror='alert(1)'>&amp;\u0000`;

function page(overrides: Partial<SitePage> = {}): SitePage {
  return {
    title: 'Documents',
    root: '',
    section: 'documents',
    group: 'Children’s Services Policy Group',
    body: '<h1 class="govuk-heading-xl">Documents</h1>',
    ...overrides,
  };
}

/** The names of every attribute of every tag, read as a browser would given that values are double-quoted. */
function attributeNames(html: string): string[] {
  return [...html.matchAll(/<[a-z][a-z0-9]*((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/gi)].flatMap((tag) =>
    [...tag[1]!.matchAll(/\s+([^\s=>]+)(?:="[^"]*")?/g)].map((m) => m[1]!),
  );
}

/** Every href and src in the HTML. */
function urls(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
}

describe('escapeHtml and escapeAttribute', () => {
  it.each([
    ['plain', 'plain'],
    ['a & b', 'a &amp; b'],
    ['<b>', '&lt;b&gt;'],
    [`"quoted" 'single'`, '&quot;quoted&quot; &#39;single&#39;'],
    ['&amp;', '&amp;amp;'],
    ['nul\u0000 bell\u0007 del\u007f', 'nul\ufffd bell\ufffd del\ufffd'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
  ])('escapeHtml(%j) is %j', (text, html) => {
    expect(escapeHtml(text)).toBe(html);
  });

  it.each([
    ['a"b', 'a&quot;b'],
    ["a'b", 'a&#39;b'],
    ['a`b', 'a&#96;b'],
    ['one\ntwo\r\tthree', 'one&#10;two&#13;&#9;three'],
    ['<x>&', '&lt;x&gt;&amp;'],
  ])('escapeAttribute(%j) is %j', (text, html) => {
    expect(escapeAttribute(text)).toBe(html);
  });
});

describe('renderPage', () => {
  it('is a whole HTML5 document in English with the GOV.UK template classes', () => {
    const html = renderPage(page());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en" class="govuk-template">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">');
    expect(html).toContain('<body class="govuk-template__body">');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<title>Documents – Children’s Services Policy Group</title>');
  });

  it('opens with a skip link to the main content, which it names', () => {
    const html = renderPage(page());
    const body = html.slice(html.indexOf('<body'));
    const firstLink = /<a\s[^>]*>/.exec(body)![0];
    expect(firstLink).toContain('href="#main-content"');
    expect(firstLink).toContain('class="govuk-skip-link"');
    expect(html).toContain('<main class="govuk-main-wrapper" id="main-content">');
    expect(html.match(/id="main-content"/g)).toHaveLength(1);
  });

  it('shows the group as the service name in a generic header with no GOV.UK crown or logo', () => {
    const html = renderPage(page());
    expect(html).toContain('class="govuk-generic-header__homepage-link">Children’s Services Policy Group</a>');
    expect(html).not.toMatch(/crown|crest|GOV\.UK/i);
    expect(html).not.toContain('<svg');
  });

  it.each([
    ['documents', 'index.html', 'Documents'],
    ['meetings', 'meetings.html', 'Meetings'],
    ['archive', 'archive/index.html', 'Archive'],
    ['accessibility', 'accessibility.html', 'Accessibility'],
  ] as const)('marks %s as the current section, and only it', (section, href, text) => {
    const html = renderPage(page({ section }));
    const current = [...html.matchAll(/<a [^>]*aria-current="page"[^>]*>.*?<\/a>/g)].map((m) => m[0]);
    expect(current).toHaveLength(1);
    expect(current[0]).toContain(`href="${href}"`);
    expect(current[0]).toContain(`<strong class="govuk-service-navigation__active-fallback">${text}</strong>`);
  });

  it('marks no section current on the search page', () => {
    expect(renderPage(page({ section: 'search' }))).not.toContain('aria-current');
  });

  it('lists the four sections in the service navigation, in order', () => {
    const html = renderPage(page());
    const nav = html.slice(html.indexOf('<nav aria-label="Sections"'), html.indexOf('</nav>'));
    expect([...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'index.html',
      'meetings.html',
      'archive/index.html',
      'accessibility.html',
    ]);
  });

  it.each(['', '../', '../../'])('makes every link relative to the site root %j', (root) => {
    const html = renderPage(
      page({
        root,
        scripts: ['pagefind/pagefind-ui.js'],
        breadcrumbs: [{ text: 'Documents', href: `${root}index.html` }, { text: 'Here' }],
      }),
    );
    for (const url of urls(html)) {
      expect(url, url).not.toMatch(/^(\/|[a-z]+:(?!,))/i);
      if (!url.startsWith('#') && url !== 'data:,') expect(url.startsWith(root), url).toBe(true);
    }
    expect(html).toContain(`<link rel="stylesheet" href="${root}assets/ppp.css">`);
    expect(html).toContain(`<link rel="stylesheet" href="${root}assets/print.css" media="print">`);
    expect(html).toContain(
      `<a class="govuk-footer__link" href="${root}accessibility.html">Accessibility statement</a>`,
    );
    expect(html).toContain(`<script src="${root}pagefind/pagefind-ui.js" defer></script>`);
    expect(html).toContain(`href="${root}index.html" class="govuk-generic-header__homepage-link"`);
  });

  it.each(['/', './', 'docs/', '..', 'https://example.org/', '..\\'])('refuses root %j', (root) => {
    expect(() => renderPage(page({ root }))).toThrow(/root must be/);
  });

  it.each(['/pagefind.js', 'https://cdn.example/x.js', 'javascript:alert(1)', '//cdn.example/x.js'])(
    'refuses the script URL %j: the site must work from any folder',
    (src) => {
      expect(() => renderPage(page({ scripts: [src] }))).toThrow(/relative URL/);
    },
  );

  it('renders breadcrumbs with the current page as text', () => {
    const html = renderPage(
      page({ root: '../', breadcrumbs: [{ text: 'Documents', href: '../index.html' }, { text: 'CS-POL-001' }] }),
    );
    expect(html).toContain('<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">');
    expect(html).toContain('<a class="govuk-breadcrumbs__link" href="../index.html">Documents</a>');
    expect(html).toContain('<li class="govuk-breadcrumbs__list-item" aria-current="page">CS-POL-001</li>');
    expect(renderPage(page())).not.toContain('govuk-breadcrumbs');
  });

  it('puts extra head HTML inside <head>', () => {
    const html = renderPage(page({ head: '<meta name="ppp-content-sha256" content="abc">' }));
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
    expect(head).toContain('<meta name="ppp-content-sha256" content="abc">');
  });

  it('keeps hostile titles, group names and breadcrumbs inert', () => {
    const html = renderPage(
      page({ title: HOSTILE, group: HOSTILE, breadcrumbs: [{ text: HOSTILE, href: `x" onclick="alert(1)` }] }),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(attributeNames(html).filter((name) => /^on/i.test(name))).toEqual([]);
    expect(attributeNames(html)).toContain('aria-current');
    expect(html).not.toContain('\u0000');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('href="x&quot; onclick=&quot;alert(1)"');
    // The body is the caller's escaped HTML, passed through untouched.
    expect(renderPage(page({ body: '<p>ok</p>' }))).toContain('<p>ok</p>');
  });
});

describe('components', () => {
  it('summaryList escapes keys and keeps value HTML', () => {
    const html = summaryList([
      ['Owner <Head of Service>', '<a class="govuk-link" href="x.html">Jo</a>'],
      ['Status', tag('Approved', 'green')],
    ]);
    expect(html.startsWith('<dl class="govuk-summary-list">')).toBe(true);
    expect(html).toContain('<dt class="govuk-summary-list__key">Owner &lt;Head of Service&gt;</dt>');
    expect(html).toContain('<dd class="govuk-summary-list__value"><a class="govuk-link" href="x.html">Jo</a></dd>');
    expect(html.match(/govuk-summary-list__row/g)).toHaveLength(2);
  });

  it('table heads columns and rows with scope, and labels its scrolling box with the caption', () => {
    const html = table('Documents & forms', ['ID', 'Title'], [['CS-1', '<a href="documents/CS-1.html">One</a>']]);
    expect(html).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--m">Documents &amp; forms</caption>',
    );
    expect(html).toContain('<th scope="col" class="govuk-table__header">ID</th>');
    expect(html).toContain('<th scope="col" class="govuk-table__header">Title</th>');
    expect(html).toContain(
      '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">CS-1</th>' +
        '<td class="govuk-table__cell"><a href="documents/CS-1.html">One</a></td></tr>',
    );
    expect(html).toContain('role="region" aria-label="Documents &amp; forms" tabindex="0"');
  });

  it('table renders an empty body and escapes hostile heads', () => {
    const html = table('Empty', [HOSTILE], []);
    expect(html).toContain('<tbody class="govuk-table__body">\n\n</tbody>');
    expect(html).not.toContain('<script>');
  });

  it('table aligns numeric columns right, head and cells, and takes a smaller caption', () => {
    const html = table('Documents by type', ['Type', 'Count'], [['Policy', '12']], {
      captionSize: 's',
      numericColumns: [1],
    });
    expect(html).toContain('<caption class="govuk-table__caption govuk-table__caption--s">');
    expect(html).toContain('<th scope="col" class="govuk-table__header">Type</th>');
    expect(html).toContain('<th scope="col" class="govuk-table__header govuk-table__header--numeric">Count</th>');
    expect(html).toContain(
      '<th scope="row" class="govuk-table__header">Policy</th>' +
        '<td class="govuk-table__cell govuk-table__cell--numeric">12</td>',
    );
  });

  it.each([
    ['blue', '<strong class="govuk-tag">Due soon</strong>'],
    ['green', '<strong class="govuk-tag govuk-tag--green">Due soon</strong>'],
    ['red', '<strong class="govuk-tag govuk-tag--red">Due soon</strong>'],
  ] as const)('tag in %s says its meaning in text', (colour, html) => {
    expect(tag('Due soon', colour)).toBe(html);
  });

  it('tag escapes its text', () => {
    expect(tag('<b>', 'grey')).toBe('<strong class="govuk-tag govuk-tag--grey">&lt;b&gt;</strong>');
  });

  it.each([
    ['info', 'class="govuk-notification-banner"'],
    ['success', 'class="govuk-notification-banner govuk-notification-banner--success"'],
    ['warning', 'class="govuk-notification-banner ppp-notification-banner--warning"'],
  ] as const)('notificationBanner %s is a region labelled by its title', (kind, cls) => {
    const html = notificationBanner('Important', '<p class="govuk-notification-banner__heading">Review due</p>', kind);
    expect(html).toContain(cls);
    expect(html).toContain('role="region"');
    expect(html).not.toContain('role="alert"');
    const id = /aria-labelledby="([^"]+)"/.exec(html)![1]!;
    expect(html).toContain(`<h2 class="govuk-notification-banner__title" id="${id}">Important</h2>`);
    expect(html).toContain('<p class="govuk-notification-banner__heading">Review due</p>');
  });

  it('notificationBanner gives two different banners on one page different ids', () => {
    const ids = [notificationBanner('A', 'one', 'info'), notificationBanner('A', 'two', 'info')].map(
      (html) => /id="([^"]+)"/.exec(html)![1],
    );
    expect(ids[0]).not.toBe(ids[1]);
    expect(notificationBanner('A', 'one', 'info')).toBe(notificationBanner('A', 'one', 'info'));
  });
});

describe('renderAccessibilityStatement', () => {
  const input = {
    group: 'Children’s Services Policy Group',
    organisation: 'Example Borough Council',
    contact: 'policy@example.gov.uk',
    testedOn: '2027-01-05',
    tool: 'axe-core 4.14 in headless Chromium',
  };

  it('follows the sections of the GOV.UK sample statement', () => {
    const html = renderAccessibilityStatement(input);
    const headings = [...html.matchAll(/<h([1-4])[^>]*>([^<]*)</g)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings).toEqual([
      '1 Accessibility statement for the policy register of Children’s Services Policy Group',
      '2 How accessible this website is',
      '2 Feedback and contact information',
      '2 Enforcement procedure',
      '2 Technical information about this website’s accessibility',
      '3 Compliance status',
      '3 Non-accessible content',
      '4 Non-compliance with the accessibility regulations',
      '4 Content that’s not within the scope of the accessibility regulations',
      '2 What we’re doing to improve accessibility',
      '2 Preparation of this accessibility statement',
    ]);
  });

  it('says partially compliant, never fully, and names EHRC and ECNI', () => {
    const html = renderAccessibilityStatement(input);
    expect(html).toContain('This website is partially compliant with the');
    expect(html).not.toMatch(/fully compliant/);
    expect(html).toContain('Equality and Human Rights Commission (EHRC)');
    expect(html).toContain('Equality Commission for Northern Ireland (ECNI)');
  });

  it('says what was tested, with what and when, and when it was prepared', () => {
    const html = renderAccessibilityStatement({ ...input, preparedOn: '2026-12-01' });
    expect(html).toContain('This website was last tested on 5 January 2027: the software that builds it (ppp)');
    expect(html).toContain('axe-core 4.14 in headless Chromium');
    expect(html).toContain('This statement was prepared on 1 December 2026.');
    expect(renderAccessibilityStatement(input)).toContain('This statement was prepared on 5 January 2027.');
  });

  it('links an e-mail contact, prints any other contact as text, and falls back without one', () => {
    expect(renderAccessibilityStatement(input)).toContain(
      '<a class="govuk-link" href="mailto:policy@example.gov.uk">policy@example.gov.uk</a>',
    );
    expect(renderAccessibilityStatement({ ...input, contact: 'Ring 01234 567890' })).toContain(
      '<p class="govuk-body">Ring 01234 567890</p>',
    );
    const without = renderAccessibilityStatement({ ...input, contact: undefined, organisation: undefined });
    expect(without).not.toContain('mailto:');
    expect(without).toContain('This website is run by Children’s Services Policy Group.');
  });

  it('keeps hostile values inert', () => {
    const html = renderAccessibilityStatement({
      group: HOSTILE,
      organisation: HOSTILE,
      contact: `"><script>x</script>@a.b`,
      testedOn: HOSTILE,
      tool: HOSTILE,
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('mailto:');
  });
});
