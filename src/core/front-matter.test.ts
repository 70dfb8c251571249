import { describe, expect, it } from 'vitest';
import { extractHeadings, normaliseHeading, parseFrontMatter, positionOf, splitFrontMatter } from './front-matter.js';

describe('splitFrontMatter', () => {
  it('splits plain, BOM and CRLF documents alike', () => {
    for (const text of [
      '---\nid: A\n---\nbody\n',
      '\uFEFF---\nid: A\n---\nbody\n',
      '---\r\nid: A\r\n---\r\nbody\r\n',
    ]) {
      const s = splitFrontMatter(text);
      expect(s.kind).toBe('ok');
      expect(s.yaml.replace(/\r/g, '')).toBe('id: A\n');
      expect(s.body.replace(/\r/g, '')).toBe('body\n');
      expect(s.bodyLine).toBe(4);
    }
  });

  it.each(['js', 'javascript', 'coffee', 'toml', 'json'])('refuses ---%s without running it', (engine) => {
    const s = splitFrontMatter(`---${engine}\nmodule.exports = (function(){ throw new Error('ran') })()\n---\n`);
    expect(s.kind).toBe('engine');
    expect(s.engine).toBe(engine);
  });

  it('accepts ---yaml, reports a missing or unclosed fence', () => {
    expect(splitFrontMatter('---yaml\nid: A\n---\n').kind).toBe('ok');
    expect(splitFrontMatter('# Just markdown\n').kind).toBe('missing');
    expect(splitFrontMatter('').kind).toBe('missing');
    expect(splitFrontMatter('---\nid: A\n').kind).toBe('unclosed');
  });

  it('accepts ... as the closing fence', () => {
    expect(splitFrontMatter('---\nid: A\n...\nbody').body).toBe('body');
  });
});

describe('parseFrontMatter', () => {
  it('keeps dates as strings, even under a %YAML 1.1 directive', () => {
    const p = parseFrontMatter('%YAML 1.1\n---\nd: 2023-02-03\nb: yes\nt: 2023-02-03T10:00:00Z\n', 2);
    expect(p.findings).toEqual([]);
    expect(p.data).toEqual({ d: '2023-02-03', b: 'yes', t: '2023-02-03T10:00:00Z' });
  });

  it('keeps an impossible date as a string for the schema to reject', () => {
    expect(parseFrontMatter('d: 2023-02-30\n', 2).data).toEqual({ d: '2023-02-30' });
  });

  it('refuses explicit tags, including !!timestamp, at their line', () => {
    const p = parseFrontMatter('id: A\nd: !!timestamp 2023-01-01\ne: !js/function "x"\n', 2);
    expect(p.data).toBeNull();
    expect(p.findings.map((f) => [f.rule, f.line])).toEqual([
      ['yaml/tag', 3],
      ['yaml/tag', 4],
    ]);
  });

  it('refuses aliases at their line, and a billion laughs quickly', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghij'.split('').map(
        (k, i) =>
          `${k}: &${k} [${Array(9)
            .fill('*' + 'abcdefghij'[i])
            .join(',')}]`,
      ),
    ].join('\n');
    const start = performance.now();
    const p = parseFrontMatter(bomb, 2);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(p.data).toBeNull();
    expect(p.findings[0]).toMatchObject({ rule: 'yaml/alias', line: 3 });
  });

  it('reports duplicate keys and syntax errors with file lines', () => {
    const dup = parseFrontMatter('id: A\ntitle: x\nid: B\n', 2);
    expect(dup.findings[0]).toMatchObject({ rule: 'yaml/duplicate-key', line: 4, column: 1 });
    const bad = parseFrontMatter('id: A\ntitle: [unclosed\nowner: x\n', 2);
    expect(bad.findings[0]?.rule).toBe('yaml/syntax');
    expect(bad.findings[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('keeps __proto__ and constructor as plain own fields', () => {
    const p = parseFrontMatter('__proto__: { polluted: yes }\nconstructor: x\n', 2);
    expect(Object.getPrototypeOf(p.data)).toBe(Object.prototype);
    expect(Object.keys(p.data!)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses front matter that is not a mapping', () => {
    expect(parseFrontMatter('- a\n- b\n', 2).findings[0]?.rule).toBe('yaml/not-a-mapping');
    expect(parseFrontMatter('', 2).findings[0]?.rule).toBe('yaml/not-a-mapping');
  });

  it('records key and value positions in file coordinates', () => {
    const p = parseFrontMatter('id: A\ngoverned_by:\n  - CS-POL-0001\napproval: { route: ppp }\n', 2);
    expect(positionOf(p, 'id')).toEqual([2, 1, 2, 5]);
    expect(positionOf(p, 'governed_by.0')).toEqual([4, 5, 4, 5]);
    expect(positionOf(p, 'approval.route')).toEqual([5, 13, 5, 20]);
    expect(positionOf(p, 'nothing')).toBeUndefined();
  });
});

describe('headings', () => {
  it('finds ATX headings outside code fences, with file lines', () => {
    const h = extractHeadings('# T\n\n## 1. Purpose\n```\n## not a heading\n```\n## Scope ##\n', 10);
    expect(h).toEqual([
      { level: 1, text: 'T', line: 10 },
      { level: 2, text: '1. Purpose', line: 12 },
      { level: 2, text: 'Scope', line: 16 },
    ]);
  });

  it.each([
    ['1. Purpose', 'purpose'],
    ['7 Main Body', 'main body'],
    ['Roles & Responsibilities', 'roles and responsibilities'],
    ['iv) Horizon scanning', 'horizon scanning'],
    ['Consultation and engagement:', 'consultation and engagement'],
  ])('normalises %s', (text, expected) => expect(normaliseHeading(text)).toBe(expected));
});
