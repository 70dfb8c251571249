/** The one shape of a validation problem, and its order. */
import { escapeControl } from './text.js';

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Relative to the register root, forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based; 1 when only the line is known. */
  column: number;
  severity: Severity;
  /** Subject, then the fault: 'link/unresolved'. */
  rule: string;
  /** Names the value and says what to do. */
  message: string;
}

/** Returns problems sorted by file, line, column, then rule, so every formatter sees one order. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/** Returns counts of errors and warnings. */
export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}

/** A problem found before its severity is known: the rule registry (rules/index.ts) rates it. */
export type Fault = Omit<Problem, 'severity'>;

/** Returns problems as the indented lines of an error message: "  file:line:column: message (rule)". */
export function listProblems(problems: readonly Fault[]): string {
  // Each problem is one line whatever its message holds: a newline in a quoted value is shown as \n.
  return problems
    .map((p) => `  ${escapeControl(p.file)}:${p.line}:${p.column}: ${escapeControl(p.message)} (${p.rule})`)
    .join('\n');
}

/** What a validation run found (SPEC section 11: ppp validate --format json). */
export interface ValidationSummary {
  ok: boolean;
  documents: number;
  errors: number;
  warnings: number;
  problems: Problem[];
}
