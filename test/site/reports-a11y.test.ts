/**
 * The sample register's HTML reports in real headless Chromium: each is one file that loads nothing else and has no
 * WCAG 2.1 A or AA violation axe-core can find; the annual report's charts are there with their data tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, CHROMIUM, describeViolations, launchBrowser, openPage } from '../helpers/browser.js';
import { run } from '../helpers/run.js';
import { cleanup, makeRegister, tempDir } from '../helpers/register.js';

afterAll(cleanup);

const REPORTS: [string, string[]][] = [
  ['meeting', ['meeting', '2026-11-10']],
  ['newsletter', ['newsletter', '--month', '2026-11']],
  ['annual', ['annual', '--year', '2025']],
  ['register', ['register', '--year', '2025']],
];

describe.skipIf(!CHROMIUM)('the HTML reports of the sample register in a real browser', () => {
  let browser: Browser;
  const files = new Map<string, string>();
  beforeAll(async () => {
    const now = () => Date.UTC(2026, 10, 25, 12);
    const dir = join(makeRegister(), 'example');
    expect((await run(['init', dir, '--example'], { now })).code).toBe(0);
    const out = tempDir();
    for (const [name, args] of REPORTS) {
      const file = join(out, `${name}.html`);
      const r = await run(['report', ...args, '--format', 'html', '--out', file], { cwd: dir, now });
      expect(r.code, r.stderr).toBe(0);
      files.set(name, file);
    }
    browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each(REPORTS.map(([name]) => name))(
    'the %s report has no WCAG 2.1 AA violation and loads nothing else',
    async (name) => {
      const requests: string[] = [];
      const page = await openPage(browser, `file://${files.get(name)}`);
      page.on('request', (r) => requests.push(r.url()));
      await page.reload();
      const violations = await axeViolations(page);
      await page.close();
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(requests).toEqual([`file://${files.get(name)}`]);
    },
  );

  it('the annual report has its charts, each with a data table and a text alternative', () => {
    const html = readFileSync(files.get('annual')!, 'utf8');
    const charts = html.match(/<svg[^>]*role="img"/g) ?? [];
    expect(charts.length).toBeGreaterThanOrEqual(5);
    expect(html).toContain('Approvals by month');
    expect((html.match(/\(data table\)/g) ?? []).length).toBeGreaterThanOrEqual(charts.length);
    expect(html).not.toMatch(/<script/);
  });
});
