/** The register's working-day calendar; date-holidays is loaded here, only by the commands that count working days. */
import type { Settings } from '../../core/settings.js';
import type { WorkingCalendar } from '../../core/working-days.js';

/** Returns the working-day calendar of the register's region, with its own closure days. */
export async function loadWorkingCalendar(settings: Settings): Promise<WorkingCalendar> {
  const [{ bankHolidays }, { workingCalendar }] = await Promise.all([
    import('../../core/bank-holidays.js'),
    import('../../core/working-days.js'),
  ]);
  return workingCalendar(bankHolidays(settings.holidays.region), settings.holidays.add, settings.holidays.remove);
}
