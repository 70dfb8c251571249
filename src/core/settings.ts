/** The group's settings, as ppp.yaml gives them once read (core/ppp-yaml.ts reads and checks the file). Pure. */
import type { MailSettings } from './mail-settings.js';
import type { DocumentType, Route } from './document.js';
import type { Duration } from './duration.js';

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
  review: {
    default_cycle: Duration;
    /** The default cycle of a type, where it differs from default_cycle. */
    cycles: Partial<Record<DocumentType, Duration>>;
    max_cycle: Duration;
    due_soon: Duration;
    escalate_after: Duration;
  };
  approval: {
    signing: 'required' | 'optional';
    authorities: Record<string, Route[]>;
    requires: ('eqia' | 'consultation')[];
  };
  roles: string[];
  quorum: { role: string; min: number }[];
  absence_exempt_roles: string[];
  /** How ppp remind and ppp notify send mail (ppp.yaml mail:), when the register sends any. */
  mail?: MailSettings;
}

/** Returns the routes that may approve a document type under these settings. */
export function routesFor(settings: Settings, type: string): Route[] {
  return settings.approval.authorities[type] ?? settings.approval.authorities['*'] ?? [];
}

/** Returns the review cycle a document of the type gets when none is agreed: the type's, else review.default_cycle. */
export function defaultCycleFor(settings: Settings, type: string): Duration {
  const cycles = settings.review.cycles;
  return (Object.hasOwn(cycles, type) ? cycles[type as DocumentType] : undefined) ?? settings.review.default_cycle;
}
