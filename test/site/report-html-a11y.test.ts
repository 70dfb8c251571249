/**
 * The HTML report kit in a real browser: a sample report made with reportDocument, chart and the site kit's pieces,
 * with the shipped stylesheets inlined, opened by headless Chromium from disk and over HTTP. It must have no WCAG 2.1 A
 * or AA violation axe-core can find, make no request but for the page itself, reflow at 320 CSS pixels (WCAG 1.4.10),
 * and print without its header and skip link, as the published site does.
 *
 * REPORT_SCREENSHOT=/tmp/report.png and REPORT_HTML=/tmp/report.html keep the screenshot and the file, to look at.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteAssetsDir } from '../../src/io/package-root.js';
import { chart } from '../../src/report/reports/charts.js';
import { emptyNotice, keyFigures, reportDocument, section } from '../../src/report/reports/html-kit.js';
import { escapeHtml, table, tag } from '../../src/report/site/layout.js';
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

/** Returns a sample annual report: key figures, two charts, a table and a part with nothing in it. */
async function sampleReport(): Promise<string> {
  const states = ['In date', 'Due soon', 'Overdue'];
  const byType: [string, number[]][] = [
    ['Policy', [18, 4, 2]],
    ['Procedure', [11, 3, 1]],
    ['Guidance', [7, 1, 3]],
    ['Practice standard <draft> & notes', [3, 0, 1]],
  ];
  const stacked = await chart({
    title: 'Documents by type and review state',
    description:
      'Policies are the largest type, with 24 documents, 2 of them overdue. Guidance has the most overdue (3).',
    kind: 'stacked-bar',
    data: byType.flatMap(([category, values]) => values.map((value, i) => ({ category, series: states[i], value }))),
    xTitle: 'Type',
    yTitle: 'Documents',
  });
  const months = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'];
  const approved = [4, 6, 3, 8, 2, 5, 7, 9, 4, 6, 5, 11];
  const reviewed = [2, 3, 5, 4, 1, 6, 3, 5, 7, 2, 4, 6];
  const line = await chart({
    title: 'Approvals and reviews by month',
    description: 'Approvals peaked in March (11) and were fewest in August (2); reviews ranged from 1 to 7 a month.',
    kind: 'line',
    data: months.flatMap((category, i) => [
      { category, series: 'Approved', value: approved[i]! },
      { category, series: 'Reviewed', value: reviewed[i]! },
    ]),
    xTitle: 'Month',
    yTitle: 'Documents',
  });
  const overdue = table(
    'Documents overdue for review on 31 March 2027',
    ['ID', 'Title', 'Owner', 'Review due', 'State'],
    [
      ['CS-GUI-102', 'Allegations against staff (LADO)', 'Head of Safeguarding', '30 November 2026'],
      ['CS-PRO-014', 'Missing from home and care', 'Service Manager', '1 February 2027'],
    ].map((cells) => [...cells.map((c) => escapeHtml(c)), tag('Overdue', 'red')]),
  );
  const bodyHtml = [
    keyFigures([
      { label: 'Documents in the register', value: 54 },
      { label: 'Approved this year', value: 70 },
      { label: 'Overdue for review', value: 7 },
    ]),
    section('Documents', stacked),
    section('Approvals', line),
    section('Overdue documents', overdue),
    section('Withdrawn documents', emptyNotice('No document was withdrawn in this period.')),
  ].join('\n');
  return reportDocument({
    title: 'Annual report 2026 to 2027',
    subtitle: '1 April 2026 to 31 March 2027',
    group: GROUP,
    generatedOn: '2027-04-05',
    bodyHtml,
    css: {
      screen: readFileSync(join(siteAssetsDir(), 'ppp.css'), 'utf8'),
      print: readFileSync(join(siteAssetsDir(), 'print.css'), 'utf8'),
    },
  });
}

/** Returns the URLs the page requests while it loads from the URL, the page's own first. */
async function requestsWhileLoading(browser: Browser, url: string): Promise<string[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(url, { waitUntil: 'networkidle' });
    return requested;
  } finally {
    await context.close();
  }
}

function computed(page: Page, selector: string, property: string): Promise<string> {
  return page.evaluate<string>(
    `getComputedStyle(document.querySelector(${JSON.stringify(selector)}))[${JSON.stringify(property)}]`,
  );
}

describe.skipIf(!CHROMIUM)('the HTML report kit in headless Chromium', () => {
  let browser: Browser;
  let served: Served;
  let folder: string;

  beforeAll(async () => {
    folder = tempDir('ppp-report-');
    writeFiles(folder, { 'report.html': await sampleReport() });
    [browser, served] = await Promise.all([launchBrowser(), serveFolder(folder)]);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    cleanup();
  });

  it.each([true, false])('has no WCAG 2.1 AA violation axe finds (JavaScript %s)', async (javaScriptEnabled) => {
    const page = await openPage(browser, `${served.url}report.html`, { javaScriptEnabled });
    try {
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('requests nothing but the page, opened from disk or from a server', async () => {
    const file = pathToFileURL(join(folder, 'report.html')).href;
    expect(await requestsWhileLoading(browser, file)).toEqual([file]);
    const before = served.requests.length;
    const url = `${served.url}report.html`;
    expect(await requestsWhileLoading(browser, url)).toEqual([url]);
    expect(served.requests.slice(before)).toEqual(['/report.html']);
  });

  it('sees a request a page makes, so that seeing none means something', async () => {
    writeFiles(folder, { 'leaky.html': '<!DOCTYPE html><html lang="en"><title>x</title><img src="x.png" alt="">' });
    const url = `${served.url}leaky.html`;
    expect(await requestsWhileLoading(browser, url)).toEqual([url, `${served.url}x.png`]);
  });

  it('names each chart image by its caption and describes it, and shows its table', async () => {
    const page = await openPage(browser, `${served.url}report.html`);
    try {
      const images = page.getByRole('img');
      expect(await images.count()).toBe(2);
      const stacked = page.getByRole('img', { name: 'Documents by type and review state', exact: true });
      expect(await stacked.count()).toBe(1);
      const description = await stacked.getAttribute('aria-describedby');
      expect(await page.locator(`#${description}`).textContent()).toMatch(/^Policies are the largest type/);
      const tables = page.getByRole('table');
      expect(await tables.count()).toBe(3);
      for (const t of await tables.all()) expect(await t.isVisible()).toBe(true);
      expect(await page.getByRole('table', { name: 'Documents by type and review state (data table)' }).count()).toBe(
        1,
      );
      expect((await computed(page, '.ppp-chart__svg text', 'fontFamily')).toLowerCase()).toMatch(/^arial/);
    } finally {
      await page.context().close();
    }
  });

  it('reflows at 320 CSS pixels without scrolling sideways, the charts shrunk to fit', async () => {
    const page = await openPage(browser, `${served.url}report.html`, { width: 320, height: 640 });
    try {
      const [scrollWidth, innerWidth] = await page.evaluate<number[]>(
        '[document.documentElement.scrollWidth, window.innerWidth]',
      );
      expect(innerWidth).toBe(320);
      expect(scrollWidth).toBeLessThanOrEqual(320);
      for (const svg of await page.locator('svg.ppp-chart__svg').all()) {
        expect((await svg.boundingBox())!.width).toBeLessThanOrEqual(320);
      }
    } finally {
      await page.context().close();
    }
  });

  it('prints without the header and skip link but with the footer’s date, and keeps the charts', async () => {
    const page = await openPage(browser, `${served.url}report.html`);
    try {
      expect(await computed(page, '.govuk-generic-header', 'display')).not.toBe('none');
      await page.emulateMedia({ media: 'print' });
      expect(await computed(page, '.govuk-generic-header', 'display')).toBe('none');
      expect(await computed(page, '.govuk-skip-link', 'display')).toBe('none');
      expect(await computed(page, '.ppp-report-footer', 'display')).toBe('block');
      expect(await page.locator('.ppp-report-footer').isVisible()).toBe(true);
      expect(await computed(page, '.ppp-chart', 'breakInside')).toBe('avoid');
      for (const svg of await page.locator('svg.ppp-chart__svg').all()) expect(await svg.isVisible()).toBe(true);
      // The group's name is still on paper, in the caption over the title.
      expect(await page.locator('main .govuk-caption-l').textContent()).toBe(GROUP);
    } finally {
      await page.context().close();
    }
  });

  it('can be screenshotted at 1000 pixels wide', async () => {
    const page = await openPage(browser, `${served.url}report.html`, { width: 1000, height: 800 });
    try {
      const screenshot = join(tempDir('ppp-shot-'), 'report.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      if (process.env.REPORT_SCREENSHOT) cpSync(screenshot, process.env.REPORT_SCREENSHOT);
      if (process.env.REPORT_HTML) cpSync(join(folder, 'report.html'), process.env.REPORT_HTML);
      const print = join(tempDir('ppp-shot-'), 'report-print.png');
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: print, fullPage: true });
      if (process.env.REPORT_PRINT_SCREENSHOT) cpSync(print, process.env.REPORT_PRINT_SCREENSHOT);
    } finally {
      await page.context().close();
    }
  });
});
