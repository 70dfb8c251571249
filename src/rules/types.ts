/** The shapes every validation rule shares. Rules are pure: no I/O, no clock. */
import type { CheckContext } from '../core/context.js';
import type { DocRecord, FrontMatter, ReadableRecord } from '../core/document.js';
import type { Heading } from '../core/front-matter.js';
import type { Severity } from '../core/problem.js';
import type { RegisterView } from '../core/register-view.js';

export type RuleContext = CheckContext;
export type { RegisterView };

/** A document as the document rules see it: also its headings. */
export interface DocView extends Omit<DocRecord, 'data'> {
  /** The whole front matter, not only the index fields a cached record keeps. */
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
  check(doc: ReadableRecord, register: RegisterView, context: RuleContext): Finding[];
}

export type Rule = ParseRule | DocumentRule | RegisterRule;
