/** The one shape of a validation problem, and its order. */

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
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/** Returns counts of errors and warnings. */
export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}
