/** Group settings (ppp.yaml): their shape, the document types and approval routes. Parsing is in settings.ts. */
import type { Duration } from './duration.js';


export const DOCUMENT_TYPES = [
  'policy', 'procedure', 'standard', 'form', 'protocol', 'guideline', 'strategy', 'terms-of-reference', 'framework',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const ROUTES = ['ppp', 'director', 'interim', 'cabinet', 'partnership', 'virtual'] as const;
export type Route = (typeof ROUTES)[number];

export const REGIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;

export interface Settings {
  group: string;
  short_name: string;
  id_prefix: string;
  timezone: string;
  holidays: { region: (typeof REGIONS)[number]; add: string[]; remove: string[] };
  meetings: {
    rule: string;
    /** The anchor of a rule with an INTERVAL (every other month); 2000-01-01 when not set. */
    start?: string;
    add: string[];
    cancel: string[];
    submission_deadline: Duration;
    circulation_deadline: Duration;
    time?: string;
    /** Meeting length in minutes, when set. */
    duration?: number;
    location?: string;
  };
  review: { default_cycle: Duration; max_cycle: Duration; due_soon: Duration; escalate_after: Duration };
  approval: { signing: 'required' | 'optional'; authorities: Record<string, Route[]>; requires: ('eqia' | 'consultation')[] };
  roles: string[];
  quorum: { role: string; min: number }[];
  absence_exempt_roles: string[];
}

/** Returns the routes that may approve a document type under these settings. */
export function routesFor(settings: Settings, type: string): Route[] {
  return settings.approval.authorities[type] ?? settings.approval.authorities['*'] ?? [];
}

/** Returns the two-or-three letter code of a type used in ids (procedure: PRO). */
export const TYPE_CODES: Record<DocumentType, string> = {
  policy: 'POL',
  procedure: 'PRO',
  standard: 'STD',
  form: 'FRM',
  protocol: 'PRT',
  guideline: 'GDL',
  strategy: 'STR',
  'terms-of-reference': 'TOR',
  framework: 'QAF',
};

/** Returns true when the value names a document type. */
export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(value);
}
