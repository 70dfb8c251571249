/**
 * The site kit in a real browser: pages made with renderPage and the shipped stylesheets, served over HTTP to
 * headless Chromium, must have no WCAG 2.1 A or AA violation axe-core can find, start with the skip link, reflow at
 * 320 CSS pixels (WCAG 1.4.10) and fetch nothing that is missing.
 */
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteAssetsDir } from '../../src/io/package-root.js';
import {
  escapeHtml,
  notificationBanner,
  renderAccessibilityStatement,
  renderPage,
  summaryList,
  table,
  tag,
} from '../../src/report/site/layout.js';
import {
  axeViolations,
  CHROMIUM,
  describeViolations,
  launchBrowser,
  openPage,
  serveFolder,
  type Served,
} from '../helpers/browser.js';
import { cleanup, tempDir, writeFiles } from '../helpers/register.js';

const GROUP = 'Children’s Services Policy & Procedure Group';

/** A small site: the documents table, one document page a folder down, and the accessibility statement. */
function writeSite(dir: string): string[] {
  const documents = [
    ['CS-POL-001', 'Safeguarding supervision policy', 'Policy', tag('In date', 'green'), '2028-01-05'],
    [
      'CS-PRO-014',
      'Missing from home and care <procedure>',
      'Procedure',
      tag('Review due soon', 'yellow'),
      '2027-02-01',
    ],
    ['CS-GUI-102', 'Allegations against staff (LADO)', 'Guidance', tag('Overdue', 'red'), '2026-11-30'],
  ];
  const index = renderPage({
    title: 'Documents',
    root: '',
    section: 'documents',
    group: GROUP,
    body: `<h1 class="govuk-heading-xl">Documents</h1>
<p class="govuk-body">Every published policy, procedure and guidance document of the group.</p>
${table(
  'Published documents',
  ['ID', 'Title', 'Type', 'Review', 'Review due'],
  documents.map(([id, title, type, state, due]) => [
    escapeHtml(id!),
    `<a class="govuk-link" href="documents/${id}.html">${escapeHtml(title!)}</a>`,
    escapeHtml(type!),
    state!,
    escapeHtml(due!),
  ]),
)}`,
  });
  const document = renderPage({
    title: 'CS-POL-001 Safeguarding supervision policy',
    root: '../',
    section: 'documents',
    group: GROUP,
    head: '<meta name="ppp-content-sha256" content="0f3a">',
    breadcrumbs: [{ text: 'Documents', href: '../index.html' }, { text: 'CS-POL-001' }],
    body: `${notificationBanner(
      'Review due soon',
      '<p class="govuk-notification-banner__heading">This policy is due for review on 1 February 2027.</p>',
      'warning',
    )}
${notificationBanner('Approved', '<p class="govuk-body">Approved at the meeting on 10 November 2026.</p>', 'success')}
<span class="govuk-caption-l">CS-POL-001</span>
<h1 class="govuk-heading-xl">Safeguarding supervision policy</h1>
${summaryList([
  ['Type', 'Policy'],
  ['Status', tag('Approved', 'green')],
  ['Owner', 'Head of Safeguarding'],
  ['Last reviewed', '10 November 2026'],
  ['Review due', '10 November 2028'],
  ['Content hash', '<code>0f3a9c1d5e7b2a4c6e8f0a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d</code>'],
])}
<h2 class="govuk-heading-l">Purpose</h2>
<p class="govuk-body">Supervision keeps practice safe. See the <a class="govuk-link" href="../index.html">list of \
documents</a>.</p>
${table(
  'Versions',
  ['Version', 'Approved on', 'Route', 'Meeting', 'Signer', 'Commit'],
  [['2.0', '10 November 2026', 'Group', '10 November 2026', 'Jo Bloggs', '<code>3f9a1c2</code>']],
)}`,
  });
  const accessibility = renderPage({
    title: 'Accessibility statement',
    root: '',
    section: 'accessibility',
    group: GROUP,
    body: renderAccessibilityStatement({
      group: GROUP,
      organisation: 'Example Borough Council',
      contact: 'policy@example.gov.uk',
      testedOn: '2027-01-05',
      tool: 'axe-core 4 in headless Chromium',
    }),
  });
  writeFiles(dir, {
    'index.html': index,
    'documents/CS-POL-001.html': document,
    'accessibility.html': accessibility,
  });
  cpSync(siteAssetsDir(), join(dir, 'assets'), { recursive: true });
  return ['index.html', 'documents/CS-POL-001.html', 'accessibility.html'];
}

describe.skipIf(!CHROMIUM)('the site kit in headless Chromium', () => {
  let browser: Browser;
  let served: Served;
  let site: string;
  let pages: string[];

  beforeAll(async () => {
    site = tempDir('ppp-site-');
    pages = writeSite(site);
    [browser, served] = await Promise.all([launchBrowser(), serveFolder(site)]);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    cleanup();
  });

  it('ships the stylesheets into the site', () => {
    expect(readdirSync(join(site, 'assets')).sort()).toEqual(['ppp.css', 'print.css', 'search.js']);
  });

  it.each([
    ['index.html', true],
    ['documents/CS-POL-001.html', true],
    ['accessibility.html', true],
    ['documents/CS-POL-001.html', false],
  ])('%s has no WCAG 2.1 AA violation axe finds (JavaScript %s)', async (path, javaScriptEnabled) => {
    const page = await openPage(browser, served.url + path, { javaScriptEnabled });
    try {
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it.each([true, false])(
    'finds violations on a broken page, so that none found means something (JavaScript %s)',
    async (javaScriptEnabled) => {
      writeFiles(site, {
        'broken.html':
          '<!DOCTYPE html><html><head><title>Broken</title></head><body>' +
          '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">' +
          '<p style="color:#ccc;background:#fff">Faint</p><a href="x.html"></a></body></html>',
      });
      const page = await openPage(browser, `${served.url}broken.html`, { javaScriptEnabled });
      try {
        const ids = (await axeViolations(page)).map((v) => v.id).sort();
        expect(ids).toEqual(['color-contrast', 'html-has-lang', 'image-alt', 'link-name']);
      } finally {
        await page.context().close();
      }
    },
  );

  it('makes the skip link the first thing Tab reaches, and it leads to the main content', async () => {
    const page = await openPage(browser, `${served.url}documents/CS-POL-001.html`);
    try {
      await page.keyboard.press('Tab');
      // Locators rather than functions run in the page: tsconfig has no DOM types, and src must not get them.
      const focused = page.locator(':focus');
      expect(await focused.getAttribute('class')).toBe('govuk-skip-link');
      expect(await focused.getAttribute('href')).toBe('#main-content');
      expect(await focused.textContent()).toBe('Skip to main content');
      // Visible when focused, as GOV.UK's skip link is.
      expect((await focused.boundingBox())?.height).toBeGreaterThan(10);
      await page.keyboard.press('Enter');
      expect(new URL(page.url()).hash).toBe('#main-content');
      // The next Tab lands inside <main>, past the header and navigation.
      await page.keyboard.press('Tab');
      expect(await page.locator('main :focus').count()).toBe(1);
    } finally {
      await page.context().close();
    }
  });

  it('reflows at 320 CSS pixels without scrolling sideways', async () => {
    for (const path of pages) {
      const page = await openPage(browser, served.url + path, { width: 320, height: 640 });
      try {
        const [scrollWidth, innerWidth] = await page.evaluate<number[]>(
          '[document.documentElement.scrollWidth, window.innerWidth]',
        );
        expect(innerWidth).toBe(320);
        expect(scrollWidth, path).toBeLessThanOrEqual(320);
      } finally {
        await page.context().close();
      }
    }
  });

  it('sets text in Arial, fetches nothing missing and no font, and can be screenshotted', async () => {
    const failed: string[] = [];
    const page = await openPage(browser, `${served.url}documents/CS-POL-001.html`);
    try {
      page.on('requestfailed', (request) => failed.push(request.url()));
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await page.reload({ waitUntil: 'load' });
      const style = (selector: string, property: string): Promise<string> =>
        page.evaluate<string>(
          `getComputedStyle(document.querySelector(${JSON.stringify(selector)}))[${JSON.stringify(property)}]`,
        );
      expect((await style('h1', 'fontFamily')).toLowerCase()).toBe('arial, sans-serif');
      const brand = await style('.govuk-service-navigation', 'borderBottomColor');
      // GOV.UK's styles are in force: the service navigation has its brand-coloured rule.
      expect(brand).not.toBe('rgba(0, 0, 0, 0)');
      const screenshot = join(tempDir('ppp-shot-'), 'document.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      expect(failed).toEqual([]);
      expect(served.requests.filter((p) => /\.(woff2?|ttf|otf)$/.test(p))).toEqual([]);
      if (process.env.SITE_SCREENSHOT) cpSync(screenshot, process.env.SITE_SCREENSHOT);
    } finally {
      await page.context().close();
    }
  });
});
