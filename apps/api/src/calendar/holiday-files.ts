import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HolidayYear, validateHolidayYear } from '@app/domain';
import { projectRoot } from '../config/app-config';

/** config/holidays/<year>.json, validated: the shipped source of the official calendar. */
export function readConfigHolidayYears(): HolidayYear[] {
  const dir = join(projectRoot(), 'config', 'holidays');
  return readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((f) => validateHolidayYear(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}
