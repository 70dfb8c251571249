/** The shapes every validation rule shares. Rules are pure: no I/O, no clock. */
import type { Settings } from '../core/config.js';
import type { Heading, Positions } from '../core/front-matter.js';
import type { Member } from '../core/members.js';
import type { Problem, Severity } from '../core/problem.js';
import type { SchemaSet } from '../core/schema.js';
import type { Template } from '../core/templates.js';

export type FrontMatter = Record<string, unknown>;

/** A document as the register rules see it: parsed front matter and where each key is. */
export interface DocRecord {
  file: string;
  /** sha1 of the file's bytes. */
  hash: string;
  /** The front matter's index fields (INDEX_FIELDS in core/check.ts), or null when it could not be read as plain YAML data. */
  data: FrontMatter | null;
  /** As JSON text when read from the cache: parsed only when a register rule reports (positionsOf). */
  positions: Positions | string;
  /** Problems of the file alone (parse, schema and document rules); cached with the file. */
  problems: Problem[];
}

/** A document as the document rules see it: also its headings. */
export interface DocView extends DocRecord {
  data: FrontMatter;
  headings: Heading[];
  /** File line on which the body starts. */
  bodyLine: number;
}

/** What a rule reports; the runner adds file, rule and severity. */
export interface Finding {
  /** Front matter path ('governed_by.0'); omitted for the whole document. */
  at?: string;
  /** Point at the key rather than the value. */
  atKey?: boolean;
  /** An explicit position (for headings in the body). */
  line?: number;
  column?: number;
  message: string;
}

export interface RuleContext {
  settings: Settings;
  schemas: SchemaSet;
  templates: ReadonlyMap<string, Template>;
}

export interface RegisterView {
  docs: readonly DocRecord[];
  /** Documents by id; more than one when an id is used twice. */
  byId: ReadonlyMap<string, readonly DocRecord[]>;
  members: ReadonlyMap<string, Member>;
  /** Ids of documents that sit on a governed_by cycle, with the cycle as text. */
  cycles: ReadonlyMap<string, string>;
}

interface RuleBase {
  id: string;
  severity: Severity;
  description: string;
}

/** Found by the reader or the parser; listed so that --list-rules and the README show it. */
export interface ParseRule extends RuleBase {
  scope: 'parse';
}

/** Checks one document against the settings and templates; its results are cached with the file. */
export interface DocumentRule extends RuleBase {
  scope: 'document';
  check(doc: DocView, context: RuleContext): Finding[];
}

/** Checks one document against the rest of the register; always run again. */
export interface RegisterRule extends RuleBase {
  scope: 'register';
  check(doc: DocRecord & { data: FrontMatter }, register: RegisterView, context: RuleContext): Finding[];
}

export type Rule = ParseRule | DocumentRule | RegisterRule;
