import { describe, expect, it } from 'vitest';
import { readStrictYaml } from './strict-yaml.js';

describe('readStrictYaml', () => {
  it.each([
    ['a syntax error', 'a: [1, 2\nb: 3\n', 'syntax', 'not valid YAML'],
    ['a key written twice', 'a: 1\nb: 2\na: 3\n', 'duplicate-key', 'written twice'],
    ['an alias', 'a: &x 1\nb: *x\n', 'alias', 'the alias *x'],
    ['a tag', 'a: !!str 1\n', 'tag', 'the YAML tag !!str'],
    ['a custom tag on a key', '!k a: 1\n', 'tag', 'the YAML tag !k'],
  ])('refuses %s with its position', (_name, text, kind, message) => {
    const r = readStrictYaml(text);
    expect(r.data).toBeUndefined();
    expect(r.faults[0]).toMatchObject({ kind });
    expect(r.faults[0]!.message).toContain(message);
    expect(r.faults[0]!.line).toBeGreaterThanOrEqual(1);
  });

  it('places a fault at its line and column', () => {
    expect(readStrictYaml('a: 1\nb: &x 2\nc: *x\n').faults[0]).toMatchObject({ kind: 'alias', line: 3, column: 4 });
  });

  it('reads plain data: dates stay text, yes stays text, a BOM is ignored', () => {
    const r = readStrictYaml('\ufeffon: 2027-01-12\nanswer: yes\nn: 3\nlist: [a, b]\n');
    expect(r.faults).toEqual([]);
    expect(r.data).toEqual({ on: '2027-01-12', answer: 'yes', n: 3, list: ['a', 'b'] });
    expect(r.where(null)).toEqual({ line: 1, column: 1 });
    expect(readStrictYaml('%YAML 1.1\n---\nanswer: yes\non: 2027-01-12\n').data).toEqual({
      answer: 'yes',
      on: '2027-01-12',
    });
  });

  it('an empty file is no data and no fault; quoted "*" and "!!" are text', () => {
    expect(readStrictYaml('')).toMatchObject({ data: null, faults: [] });
    expect(readStrictYaml('a: "*x"\nb: "!!str"\n').data).toEqual({ a: '*x', b: '!!str' });
  });

  it('thousands of nested brackets are one fault, not a crash', () => {
    const r = readStrictYaml(`a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`);
    expect(r.faults.length).toBeGreaterThan(0);
    expect(r.data).toBeUndefined();
  });
});
