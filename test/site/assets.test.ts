/** The shipped site assets: made from the installed GOV.UK Frontend, Arial only, nothing absolute, nothing GOV.UK's. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { siteAssetsDir } from '../../src/io/package-root.js';
import { ROOT } from '../helpers/register.js';

const css = readFileSync(join(siteAssetsDir(), 'ppp.css'), 'utf8');
const print = readFileSync(join(siteAssetsDir(), 'print.css'), 'utf8');

it('lives in site/assets, which the package ships', () => {
  expect(siteAssetsDir()).toBe(join(ROOT, 'site', 'assets'));
  expect(readdirSync(siteAssetsDir()).sort()).toEqual(['ppp.css', 'print.css', 'search.js']);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
  expect(pkg.files).toContain('site');
});

it('was compiled from the installed govuk-frontend: after an upgrade, run npm run build:site-css', () => {
  const require = createRequire(import.meta.url);
  const { version } = require('govuk-frontend/package.json') as { version: string };
  expect(css).toContain(`GOV.UK Frontend ${version} (MIT)`);
  expect(css).toContain(`--govuk-frontend-version: "${version}"`);
});

it('sets type in Arial, with no GDS Transport and no font files', () => {
  expect(css).not.toMatch(/GDS Transport|@font-face|\.woff/i);
  expect(css).toContain('font-family:arial,sans-serif');
});

it('refers to no absolute URL and no GOV.UK crown or crest', () => {
  expect([...css.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1])).toEqual([]);
  expect(css).not.toMatch(/\/assets\/|crest\.svg|crown\.svg/);
});

it('has the print rules: no navigation or search, link addresses shown, black on white', () => {
  expect(print).toMatch(/\.govuk-service-navigation,[^{]*\.ppp-search,[^{]*\{\s*display: none !important;/);
  expect(print).toContain("content: ' (' attr(href) ')'");
  expect(print).toContain('color: #000 !important');
});
