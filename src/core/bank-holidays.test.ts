import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, weekday } from './calendar.js';
import { bankHolidays } from './bank-holidays.js';
import { REGIONS } from './settings.js';
import { workingCalendar } from './working-days.js';

const govuk = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../test/fixtures/govuk-bank-holidays.json'), 'utf8'),
) as Record<string, string[]>;

describe.each(REGIONS)('%s', (region) => {
  const calendar = workingCalendar(bankHolidays(region));
  it('closes exactly the weekdays GOV.UK lists as bank holidays, 2019 to 2027', () => {
    const closed: string[] = [];
    for (let d = '2019-01-01'; d <= '2027-12-31'; d = addDays(d, 1))
      if (weekday(d) <= 5 && !calendar.isWorkingDay(d)) closed.push(d);
    expect(closed).toEqual(govuk[region]);
  });

  it('still has bank holidays in years beyond the published list', () => {
    for (const year of [1995, 2035, 2060]) {
      const days = calendar.closures(year);
      expect(days.length, String(year)).toBeGreaterThanOrEqual(8);
      expect(days).toContain(`${year}-12-25`);
    }
  });
});

it('includes the one-off days: 2020-05-08, 2022-06-03, 2022-09-19, 2023-05-08', () => {
  const calendar = workingCalendar(bankHolidays('england-and-wales'));
  for (const d of ['2020-05-08', '2022-06-03', '2022-09-19', '2023-05-08'])
    expect(calendar.isWorkingDay(d), d).toBe(false);
});
