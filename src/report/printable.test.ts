import { describe, expect, it } from 'vitest';
import { count, plural } from './count.js';
import { guardOutput, markdownText, printable, printableLines } from './printable.js';

describe('printable', () => {
  it.each([
    ['plain text', 'plain text'],
    ['a\nb', 'a\\nb'],
    ['tab\there', 'tab\\there'],
    ['cr\r', 'cr\\r'],
    ['\u001b[2Jclear', '\\u001b[2Jclear'],
    ['nul\u0000', 'nul\\u0000'],
    ['del\u007f', 'del\\u007f'],
    ['c1\u0085\u009b', 'c1\\u0085\\u009b'],
    ['bidi\u202eevil\u202c', 'bidi\\u202eevil\\u202c'],
    ['isolate\u2066x\u2069', 'isolate\\u2066x\\u2069'],
    ['marks\u200e\u200f\u061c', 'marks\\u200e\\u200f\\u061c'],
    ['line\u2028para\u2029', 'line\\u2028para\\u2029'],
    ['Siân — “quoted” 家族', 'Siân — “quoted” 家族'],
  ])('%j is shown as %j', (text, shown) => {
    expect(printable(text)).toBe(shown);
  });

  it('keeps the lines ppp laid out, escaping what is inside them', () => {
    expect(printableLines('refused:\n  - a\u001b[31m\n  - b')).toBe('refused:\n  - a\\u001b[31m\n  - b');
  });

  it('escapes markdown after control characters, so \\n stays visible', () => {
    expect(markdownText('1. *bold* [link](x) a|b <script>\nnext')).toBe(
      '1. \\*bold\\* \\[link\\](x) a\\|b \\<script\\>\\\\nnext',
    );
  });
});

describe('guardOutput', () => {
  const through = (text: string) => {
    let out = '';
    guardOutput({ write: (s: string) => (out += s) }).write(text);
    return out;
  };

  it("lets ppp's colour codes, line ends and tabs through and escapes everything else", () => {
    expect(through('\u001b[31mred\u001b[39m\tx\r\ny\n')).toBe('\u001b[31mred\u001b[39m\tx\r\ny\n');
    expect(through('a\u001b]0;title\u0007b\u001b[2J\rc\u202e')).toBe('a\\u001b]0;title\\u0007b\\u001b[2J\\rc\\u202e');
  });

  it('keeps JSON valid and its values the same', () => {
    const value = { title: 'a\u0085b\u202ec\u2028d' };
    const guarded = through(JSON.stringify(value, null, 2));
    expect(guarded).not.toMatch(/[\u0085\u202e\u2028]/);
    expect(JSON.parse(guarded)).toEqual(value);
  });
});

describe('count', () => {
  it.each([
    [0, 'document', '0 documents'],
    [1, 'document', '1 document'],
    [2, 'document', '2 documents'],
    [1, 'apology', '1 apology'],
    [3, 'apology', '3 apologies'],
    [1, 'day', '1 day'],
    [2, 'day', '2 days'],
    [2, 'working day', '2 working days'],
  ])('%i %s is %j', (n, noun, text) => {
    expect(count(n, noun)).toBe(text);
  });

  it('makes a y after a consonant ies', () => {
    expect(plural('entry')).toBe('entries');
  });
});
