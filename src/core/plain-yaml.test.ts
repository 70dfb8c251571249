/**
 * The fast path must never disagree with the yaml package: for every text it accepts, yaml
 * must read the same data with the same positions and report nothing. Checked on every real
 * document, every template, hand-written edge cases, and thousands of random mutations.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWithYaml, positionOf, splitFrontMatter } from './front-matter.js';
import { parsePlainYaml } from './plain-yaml.js';

const ROOT = join(import.meta.dirname, '../..');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

const corpus = [...walk(join(ROOT, 'register/documents')), ...walk(join(ROOT, 'templates'))].map(
  (f) => splitFrontMatter(readFileSync(f, 'utf8')).yaml,
);

/** Fails when the fast path accepts text that yaml reads differently or rejects; returns whether it accepted. */
function agree(text: string): boolean {
  const fast = parsePlainYaml(text);
  if (!fast) return false;
  const ref = parseWithYaml(text, 2);
  expect(ref.findings, `yaml rejects what the fast path took:\n${text}`).toEqual([]);
  expect(fast.data, text).toEqual(ref.data);
  expect([...fast.offsets.keys()].sort(), text).toEqual([...ref.offsets.keys()].sort());
  for (const path of ref.offsets.keys()) {
    expect(fast.offsets.get(path), `${path} in\n${text}`).toEqual(ref.offsets.get(path));
    expect(positionOf({ ...ref, offsets: fast.offsets }, path)).toEqual(positionOf(ref, path));
  }
  return true;
}

it('takes nearly every real document, and agrees with yaml on each', () => {
  const taken = corpus.filter(agree).length;
  expect(corpus.length).toBeGreaterThan(50);
  expect(taken / corpus.length).toBeGreaterThan(0.9);
});

describe('edge cases', () => {
  it.each([
    ['plain', 'id: CS-POL-0001\ntitle: Values and principles\n'],
    ['quoted', 'version: "2.0"\ntitle: \'It\'\'s here\'\nx-a: "say \\"hi\\""\n'],
    ['comments', '# top\nid: A # trailing\n\n  # indented comment\ntitle: B#not a comment\n'],
    ['nested', 'approval:\n  route: ppp\n  approved_on: 2025-01-14\nreview: { cycle: 3 years, due: 2028-01-14 }\n'],
    ['block list', 'governed_by:\n  - CS-POL-0001\n  - CS-POL-0002\nread_with:\n- CS-PRO-0001\nnext: x\n'],
    ['list of maps', 'consultation:\n  - with: Police\n    on: 2024-11-02\n  - { with: Health, on: 2024-11-03 }\n'],
    ['empty things', 'a:\nb: []\nc: {}\nd: [ ]\ne:\n'],
    ['flow lists', 'a: [x, "y, z", \'w\']\nb: [ CS-A-0001 ,CS-B-0002 ]\n'],
    ['CRLF', 'id: A\r\ntitle: B\r\nlist:\r\n  - c\r\n'],
    ['deeper', 'impact:\n  systems:\n    - Mosaic form\n  training: Briefing\n'],
    ['same-indent list in a nested map', 'a:\n  b:\n  - c\n  d: e\n'],
    ['dates and ids', 'on: 2023-02-30\nid: CS-PRO-0007\nx-time: 10:00\n'],
    ['empty with comment or spaces', 'a: # nothing yet\nb:   \nc:\n'],
    ['folded', 'summary: >-\n  One sentence\n  goes on here.\ntitle: T\n'],
    ['folded, clipped, with a hash line', 'summary: >\n  One\n  # not a comment\n\n\ntitle: T\n'],
    ['literal', 'a:\n  note: |\n    line one\n    line two\n  b: c\n'],
    ['literal, stripped', 'note: |-\n  x: y\n  - z\n'],
  ])('%s', (_name, text) => {
    expect(agree(text)).toBe(true);
  });

  it.each([
    ['numbers', 'version: 2.0\n'],
    ['booleans', 'x-flag: yes\nx-real: true\n'],
    ['null words', 'a: ~\n'],
    ['anchors and aliases', 'a: &x b\nc: *x\n'],
    ['tags', 'a: !!str b\n'],
    ['block scalars with more-indented lines', 'summary: >\n  text\n    more\n'],
    ['block scalars with blank lines inside', 'summary: >\n  one\n\n  two\n'],
    ['block scalars with an indicator', 'summary: >2\n   text\n'],
    ['keep chomping', 'summary: |+\n  text\n'],
    ['a no-break space', 'title: abc\u00a0#def\n'],
    ['a leading no-break space', 'title: \u00a0abc\n'],
    ['a no-break space as indentation', 'approval:\n\u00a0\u00a0route: ppp\n'],
    ['a byte order mark inside', 'title: abc\ufeff\n'],
    ['a form feed', 'title: abc\f\n'],
    ['a line separator', 'title: a\u2029b\n'],
    ['a control character', 'title: a\u001bb\n'],
    ['a blank line before block content', 'a: |\n\n  text\nb: c\n'],
    ['a line of spaces in a block', 'a: |\n  x\n     \nb: c\n'],
    ['a more-indented blank line first', 'a: |\n     \n  x\n'],
    ['keyword keys', 'null: x\n'],
    ['keyword keys (True)', 'True: x\n'],
    ['duplicate keyword keys', 'true: a\nTrue: b\n'],
    ['keyword keys in a flow map', 'a: { null: x }\n'],
    ['a key over 1024 characters', `${'a'.repeat(2000)}: b\n`],
    ['multi-line plain', 'summary: one\n  two\n'],
    ['duplicate keys', 'a: 1x\na: 2x\n'],
    ['tabs', 'a:\n\tb: c\n'],
    ['directive', '%YAML 1.1\n---\na: b\n'],
    ['quoted key', '"a": b\n'],
    ['__proto__', '__proto__: x\n'],
    ['nested flow', 'a: [[b]]\n'],
    ['escape', 'a: "\\u0041"\n'],
    ['colon in value', 'a: b: c\n'],
    ['complex key', '? a\n: b\n'],
    ['document end', 'a: b\n...\n'],
  ])('leaves %s to yaml', (_name, text) => {
    expect(parsePlainYaml(text)).toBeUndefined();
  });
});

describe('never disagrees with yaml on 20,000 random mutations of real front matter', () => {
  // One sequence of mutations, run in four parts so that no single test runs long; the parts run in order.
  let seed = 12345;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const pieces = [
    '\u00a0',
    '\u00a0#',
    '\u2028',
    '\u2029',
    '\ufeff',
    '\f',
    '\v',
    '\u0085',
    '\u3000',
    '\u001b',
    'é',
    '’',
    '😀',
    ' |\n\n  ',
    '\n     \n',
    'null: ',
    'True: ',
    'true: ',
    '\n' + 'k'.repeat(1100) + ': v\n',
    ':',
    ': ',
    '-',
    '- ',
    '#',
    ' #',
    ' >-\n  ',
    ' |\n    ',
    '\n\n',
    '[',
    ']',
    '{',
    '}',
    ',',
    '"',
    "'",
    '&a ',
    '*a',
    '!',
    '|',
    '>',
    ' ',
    '  ',
    '\n',
    '\n  ',
    '?',
    '%',
    '@',
    '`',
    '\\',
    'x',
    '1',
    '.',
    'true',
    'null',
    '~',
    '0x1',
    '\t',
    '\r\n',
    '__proto__',
  ];
  let accepted = 0;
  it.each([1, 2, 3, 4])('part %i of 4: 5,000 mutations', () => {
    for (let n = 0; n < 5_000; n++) {
      let text = corpus[random(corpus.length)]!;
      for (let k = 1 + random(3); k > 0; k--) {
        const at = random(text.length + 1);
        const op = random(3);
        if (op === 0) text = text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at);
        else if (op === 1) text = text.slice(0, at) + text.slice(at + 1 + random(4));
        else {
          const lines = text.split('\n');
          const i = random(lines.length);
          lines.splice(i, 0, lines[random(lines.length)]!);
          text = lines.join('\n');
        }
      }
      if (agree(text)) accepted++;
    }
  });

  it('the mutations exercise the fast path, not only its refusals', () => {
    expect(accepted).toBeGreaterThan(2000);
  });
});
