/**
 * A fast path for the plain YAML that front matter is written in: block mappings and
 * sequences, one-line flow lists and maps, plain and quoted one-line scalars, comments.
 * Anything else (anchors, aliases, tags, block scalars, multi-line values, numbers, tabs,
 * duplicate keys, odd keys) returns undefined and the yaml package parses the text instead,
 * so the yaml package stays the authority: a differential test checks that whatever this
 * accepts, yaml reads the same, with the same positions. It exists because parsing front
 * matter with yaml is nine tenths of validating a register, and ten times slower than this.
 * Pure.
 */

export interface PlainYaml {
  data: Record<string, unknown>;
  /** Offsets of each path's key and value, as the yaml package reports them. */
  offsets: Map<string, [number, number]>;
}

interface Line {
  /** Offset of the line's first character in the text. */
  start: number;
  indent: number;
  /** The line without its indentation and line break. */
  text: string;
  /** Its index among all lines, blank and comment ones included. */
  raw: number;
}

interface RawLine {
  start: number;
  /** The line without its line break. */
  text: string;
}

class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?= |$)/;
const KEY_AT = /([A-Za-z_][A-Za-z0-9_-]*):(?= |$)/y;
// Core-schema plain scalars that are not strings: left to the yaml package to convert exactly.
const SPECIAL =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@` ]/;
// Characters this parser does not model: tabs, controls, and the Unicode spaces that JavaScript's
// trim and \s treat as white space but YAML does not (a no-break space pasted from Word, say).
// eslint-disable-next-line no-control-regex
const UNMODELLED = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
/** YAML limits an implicit key to 1024 characters. */
const MAX_KEY = 1000;

/** Returns the data and offsets of plain front matter, or undefined when yaml must parse it. */
export function parsePlainYaml(text: string): PlainYaml | undefined {
  if (UNMODELLED.test(text) || /\r(?!\n)/.test(text)) return undefined;
  const lines: Line[] = [];
  const raws: RawLine[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    const body = raw.trimStart();
    if (body !== '' && body[0] !== '#') {
      if (raw.startsWith('---') || raw.startsWith('...') || raw.startsWith('%')) return undefined;
      lines.push({ start, indent: raw.length - body.length, text: body.trimEnd(), raw: raws.length });
    }
    raws.push({ start, text: raw });
    start = end + 1;
  }
  const offsets = new Map<string, [number, number]>();
  try {
    if (lines.length === 0 || lines[0]!.indent !== 0) return undefined;
    const parser = new Parser(lines, raws, offsets);
    const data = parser.map(0, '');
    if (parser.at !== lines.length) return undefined;
    return { data, offsets };
  } catch (error) {
    if (error instanceof Bail) return undefined;
    throw error;
  }
}

class Parser {
  at = 0;
  constructor(
    private readonly lines: Line[],
    private readonly raws: RawLine[],
    private readonly offsets: Map<string, [number, number]>,
  ) {}

  /**
   * A literal (|) or folded (>) block scalar after a key at column indent, in its plainest form:
   * clip or strip chomping, every line at one indentation, no blank line inside.
   */
  block(header: string, indent: number, keyLine: Line): string {
    const literal = header[0] === '|';
    const strip = header.endsWith('-');
    const parts: string[] = [];
    let contentIndent = -1;
    let r = keyLine.raw + 1;
    let blankAfter = false;
    for (; r < this.raws.length; r++) {
      const raw = this.raws[r]!.text;
      const body = raw.trimStart();
      if (body === '') {
        // Blank lines before the content, or lines of spaces, are kept or refused by yaml in ways not modelled here.
        if (parts.length === 0 || raw !== '') bail();
        blankAfter = true;
        continue;
      }
      const lineIndent = raw.length - body.length;
      if (lineIndent <= indent) break;
      if (blankAfter && parts.length > 0) bail(); // a blank line inside changes the folding
      if (contentIndent === -1) contentIndent = lineIndent;
      else if (lineIndent !== contentIndent) bail(); // more-indented lines fold differently
      parts.push(body.trimEnd() === body ? body : bail());
    }
    if (parts.length === 0) bail();
    // Skip the logical lines the block took.
    while (this.at < this.lines.length && this.lines[this.at]!.raw < r) {
      if (this.lines[this.at]!.indent <= indent) break;
      this.at++;
    }
    return parts.join(literal ? '\n' : ' ') + (strip ? '' : '\n');
  }

  /**
   * A block mapping whose keys start at column indent; with midLine, its first key follows a "- " on the current line.
   */
  map(indent: number, path: string, midLine = false): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let first = true;
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      let text: string;
      if (first && midLine) text = line.text.slice(indent - line.indent);
      else {
        if (line.indent < indent) break;
        if (line.indent > indent) bail();
        text = line.text;
      }
      first = false;
      const m = KEY.exec(text) ?? bail();
      const key = checkKey(m[1]!, out);
      const keyOffset = line.start + indent;
      const keyPath = path + key;
      const afterColon = keyOffset + key.length + 1;
      const rest = stripComment(text.slice(key.length + 1));
      this.at++;
      if (/^[|>]-?$/.test(rest.value) && rest.value === text.slice(key.length + 1).trim()) {
        this.offsets.set(keyPath, [keyOffset, afterColon + rest.lead]);
        out[key] = this.block(rest.value, indent, line);
        continue;
      }
      if (rest.value !== '') {
        const valueOffset = afterColon + rest.lead;
        this.offsets.set(keyPath, [keyOffset, valueOffset]);
        out[key] = this.inline(rest.value, valueOffset, keyPath + '.');
        const next = this.lines[this.at];
        if (next && next.indent > indent) bail(); // a value continued on the next line
        continue;
      }
      const next = this.lines[this.at];
      const dash = next !== undefined && (next.text.startsWith('- ') || next.text === '-');
      if (next && next.indent > indent && !dash) {
        this.offsets.set(keyPath, [keyOffset, next.start + next.indent]);
        out[key] = this.map(next.indent, keyPath + '.');
      } else if (next && dash && next.indent >= indent) {
        this.offsets.set(keyPath, [keyOffset, next.start + next.indent]);
        out[key] = this.seq(next.indent, keyPath + '.');
      } else {
        // yaml puts an empty value at the first non-space after the colon: its comment, or the line's end.
        const raw = this.raws[line.raw]!.text;
        let p = indent + key.length + 1;
        while (raw[p] === ' ') p++;
        this.offsets.set(keyPath, [keyOffset, line.start + p]);
        out[key] = null;
      }
    }
    return out;
  }

  /** A block sequence whose dashes are at column indent. */
  seq(indent: number, path: string): unknown[] {
    const out: unknown[] = [];
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.indent < indent) break;
      if (line.indent > indent || !(line.text.startsWith('- ') || line.text === '-')) {
        if (line.indent === indent) break; // the parent mapping goes on ("key:\n- a\nnext: b")
        bail();
      }
      if (line.text === '-') bail();
      const after = line.text.slice(2);
      const lead = after.length - after.trimStart().length;
      const column = line.indent + 2 + lead;
      const itemOffset = line.start + column;
      const itemPath = path + out.length;
      const content = after.trimStart();
      if (KEY.test(content)) {
        this.offsets.set(itemPath, [itemOffset, itemOffset]);
        out.push(this.map(column, itemPath + '.', true));
      } else {
        const rest = stripComment(content);
        if (rest.value === '') bail();
        this.offsets.set(itemPath, [itemOffset, itemOffset]);
        out.push(this.inline(rest.value, itemOffset, itemPath + '.'));
        this.at++;
        const next = this.lines[this.at];
        if (next && next.indent > indent) bail();
      }
    }
    return out;
  }

  /** A value written on one line: a flow list or map, a quoted or a plain scalar. */
  inline(text: string, offset: number, path: string): unknown {
    const c = text[0];
    if (c === '[') return this.flowSeq(text, offset, path);
    if (c === '{') return this.flowMap(text, offset, path);
    if (c === '"' || c === "'") {
      const q = quoted(text, 0);
      if (q.end !== text.length) bail();
      return q.value;
    }
    return plain(text, false);
  }

  flowSeq(text: string, offset: number, path: string): unknown[] {
    if (!text.endsWith(']')) bail();
    const out: unknown[] = [];
    let i = 1;
    const close = text.length - 1;
    i = skipSpaces(text, i);
    if (i === close) return out;
    for (;;) {
      i = skipSpaces(text, i);
      const item = flowScalar(text, i, close);
      this.offsets.set(path + out.length, [offset + i, offset + i]);
      out.push(item.value);
      i = skipSpaces(text, item.end);
      if (i === close) return out;
      if (text[i] !== ',') bail();
      i++;
      if (skipSpaces(text, i) === close) bail(); // a trailing comma: left to yaml
    }
  }

  flowMap(text: string, offset: number, path: string): Record<string, unknown> {
    if (!text.endsWith('}')) bail();
    const out: Record<string, unknown> = {};
    const close = text.length - 1;
    let i = skipSpaces(text, 1);
    if (i === close) return out;
    for (;;) {
      i = skipSpaces(text, i);
      KEY_AT.lastIndex = i;
      const m = KEY_AT.exec(text) ?? bail();
      const key = checkKey(m[1]!, out);
      const keyAt = i;
      i = skipSpaces(text, i + key.length + 1);
      if (i === keyAt + key.length + 1) bail(); // "key:value" in a flow map: left to yaml
      const item = flowScalar(text, i, close);
      this.offsets.set(path + key, [offset + keyAt, offset + i]);
      out[key] = item.value;
      i = skipSpaces(text, item.end);
      if (i === close) return out;
      if (text[i] !== ',') bail();
      i++;
      if (skipSpaces(text, i) === close) bail();
    }
  }
}

/**
 * Returns the key, or bails when yaml would read it as something else (null, true, a number), refuse it, or see it
 * twice.
 */
function checkKey(key: string, out: Record<string, unknown>): string {
  if (
    key === '__proto__' ||
    key.length > MAX_KEY ||
    SPECIAL.test(key) ||
    Object.prototype.hasOwnProperty.call(out, key)
  )
    bail();
  return key;
}

function skipSpaces(text: string, i: number): number {
  while (text[i] === ' ') i++;
  return i;
}

/** A scalar inside a flow collection, ending at a comma or the closing bracket. */
function flowScalar(text: string, i: number, close: number): { value: unknown; end: number } {
  const c = text[i];
  if (c === '"' || c === "'") return quoted(text, i);
  let end = i;
  while (end < close && text[end] !== ',') end++;
  const raw = text.slice(i, end).trimEnd();
  if (raw === '' || /[[\]{}:#]/.test(raw)) bail();
  return { value: plain(raw, true), end: i + raw.length };
}

/** A quoted scalar starting at i; only the simplest escapes are handled here. */
function quoted(text: string, i: number): { value: string; end: number } {
  const q = text[i]!;
  let out = '';
  let j = i + 1;
  for (;;) {
    if (j >= text.length) bail();
    const c = text[j]!;
    if (q === "'" && c === "'") {
      if (text[j + 1] === "'") {
        out += "'";
        j += 2;
        continue;
      }
      return { value: out, end: j + 1 };
    }
    if (q === '"' && c === '"') return { value: out, end: j + 1 };
    if (q === '"' && c === '\\') {
      const e = text[j + 1];
      if (e === '"' || e === '\\' || e === '/') out += e;
      else bail();
      j += 2;
      continue;
    }
    out += c;
    j++;
  }
}

/** A plain scalar: a string unless the core schema would make it null, a boolean or a number. */
function plain(text: string, inFlow: boolean): string {
  if (!PLAIN_START.test(text) || SPECIAL.test(text)) bail();
  if (text.includes(': ') || text.endsWith(':') || text.includes(' #')) bail();
  if (inFlow && /[,[\]{}]/.test(text)) bail();
  return text;
}

/** Splits off a trailing comment; lead is the number of spaces before the value. */
function stripComment(rest: string): { value: string; lead: number } {
  const value = rest.trimStart();
  const lead = rest.length - value.length;
  if (value === '' || value[0] === '#') return { value: '', lead };
  // A comment starts at " #" outside quotes; quoted values are scanned to their closing quote.
  let end = value.length;
  if (value[0] === '"' || value[0] === "'") {
    const q = quoted(value, 0);
    const tail = value.slice(q.end);
    if (tail.trim() !== '' && !/^\s+#/.test(tail)) bail();
    end = q.end;
  } else {
    const hash = value.search(/\s#/);
    if (hash !== -1) end = hash;
  }
  return { value: value.slice(0, end).trimEnd(), lead };
}
