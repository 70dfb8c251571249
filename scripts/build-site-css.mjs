// Compiles GOV.UK Frontend's Sass into the one stylesheet the published site ships, site/assets/ppp.css.
// Run by hand (npm run build:site-css) after upgrading govuk-frontend; the output is committed, so
// neither the build nor `ppp publish` needs Sass. Settings, and why:
// - Arial, not "GDS Transport": that typeface is licensed for GOV.UK only, and the default
//   @font-face would make every page fetch fonts we may not ship.
// - Relative images path: the precompiled CSS points at /assets/images, which breaks a site
//   served from a sub-folder or opened from disk. URLs in CSS resolve against the CSS file, so
//   'images/' means site/assets/images next to ppp.css.
// - No crown or crest: they are for GOV.UK only. The one image the Sass refers to in v6 is the
//   crest behind the footer's "© Crown copyright" link, a class we never use; our image-url
//   function turns GOV.UK-only images into 'none' so the CSS names no file we do not ship.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const govukPackage = dirname(require.resolve('govuk-frontend/package.json'));
const govuk = join(govukPackage, 'dist', 'govuk');
const version = JSON.parse(readFileSync(join(govukPackage, 'package.json'), 'utf8')).version;
const out = join(root, 'site', 'assets');

// An in-memory module, since a function handed to \$govuk-image-url-function must live in a module of its own.
const urls = `
@use "sass:string";
@function image-url($filename) {
  @if string.index($filename, "crest") or string.index($filename, "crown") or string.index($filename, "govuk-") {
    @return none;
  }
  @return url("images/#{$filename}");
}
`;

const source = `
@use "sass:meta";
@use "ppp:urls";
@use "index" with (
  $govuk-image-url-function: meta.get-function("image-url", $module: "urls"),
  $govuk-font-family: (arial, sans-serif),
  $govuk-include-default-font-face: false,
  $govuk-images-path: "images/",
  $govuk-fonts-path: "fonts/"
);

// A wide table scrolls inside its own box, so the page itself reflows at 320px (WCAG 1.4.10). The box is focusable
// (tabindex="0" in layout.ts) so that keyboard users can scroll it too.
.ppp-table-container {
  overflow-x: auto;
  margin-bottom: 20px;
  .govuk-table { margin-bottom: 0; }
  &:focus { outline: 3px solid var(--govuk-focus-colour, #fd0); outline-offset: 0; }
}

// GOV.UK has no warning banner; the red of its error colour marks one, and its title says so in words as well. The
// success banner sets the same (private) property: a new govuk-frontend is checked by eye in the screenshot test.
.ppp-notification-banner--warning {
  --_govuk-notification-banner-colour: var(--govuk-error-colour, #ca3535);
  .govuk-notification-banner__link:link,
  .govuk-notification-banner__link:visited,
  .govuk-notification-banner__link:active { color: var(--govuk-error-colour, #ca3535); }
  .govuk-notification-banner__link:focus { color: var(--govuk-focus-text-colour, #0b0c0c); }
}
`;

const result = sass.compileString(source, {
  loadPaths: [govuk],
  style: 'compressed',
  quietDeps: true,
  sourceMap: false,
  // Sass marks non-ASCII output with a byte-order mark, which would land after our banner: we write @charset instead.
  charset: false,
  importers: [
    {
      canonicalize: (url) => (url === 'ppp:urls' ? new URL(url) : null),
      load: () => ({ contents: urls, syntax: 'scss' }),
    },
  ],
});

const banner = `/*! ppp site styles: GOV.UK Frontend ${version} (MIT), Arial. Made by scripts/build-site-css.mjs. */`;
const charset = /[^ -~\s]/.test(result.css) ? '@charset "UTF-8";\n' : '';
const css = `${charset}${banner}\n${result.css}\n`;

// Crown, crest and GOV.UK icons belong to GOV.UK only: copy just the images the CSS refers to.
const images = [...new Set([...css.matchAll(/url\((["']?)images\/([^"')]+)\1\)/g)].map((m) => m[2]))];
const fonts = [...css.matchAll(/url\((["']?)fonts\//g)];
if (fonts.length > 0) throw new Error('ppp.css still refers to fonts/: check $govuk-include-default-font-face');

mkdirSync(out, { recursive: true });
rmSync(join(out, 'images'), { recursive: true, force: true });
for (const image of images) {
  if (/crown|crest|govuk-icon|opengraph/.test(image)) throw new Error(`ppp.css refers to GOV.UK-only ${image}`);
  mkdirSync(join(out, 'images'), { recursive: true });
  copyFileSync(join(govuk, 'assets', 'images', image), join(out, 'images', image));
}
writeFileSync(join(out, 'ppp.css'), css);
console.log(
  `site/assets/ppp.css: ${css.length} bytes, govuk-frontend ${version}; images: ${images.join(', ') || 'none'}`,
);
