/**
 * Bank holidays of England and Wales, Scotland, and Northern Ireland, from the date-holidays
 * library (checked against GOV.UK's published list in bank-holidays.test.ts). It computes
 * them by rule, so years beyond any published list still get their holidays. Loaded only by
 * the commands that count working days: its data of every country takes a while to load.
 */
import Holidays from 'date-holidays';
import type { IsoDate } from './calendar.js';
import type { REGIONS } from './settings.js';

const STATES: Record<(typeof REGIONS)[number], string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

/** Returns a function from a year to the region's bank holidays (including substitute days), as dates. */
export function bankHolidays(region: (typeof REGIONS)[number]): (year: number) => IsoDate[] {
  const holidays = new Holidays('GB', STATES[region], { types: ['public', 'bank'] });
  return (year) =>
    (holidays.getHolidays(year) || [])
      .filter((h) => h.type === 'public' || h.type === 'bank')
      .map((h) => h.date.slice(0, 10))
      .sort();
}
