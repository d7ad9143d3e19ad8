import {
  createOccupationCatalogue,
  parseHistoricalOccupationsCsv,
  parseOccupationCatalogueCsv,
  parseOccupationHistoryConfig,
  type OccupationCatalogue,
} from '@app/domain';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** Default location of the occupation catalogue shipped with the product (copied from the 2022 大典 subset). */
export const DEFAULT_OCCUPATIONS_CSV = resolve(process.cwd(), 'config/occupations.csv');

/** Beside occupations.csv: the qualification catalogues and classification dates, and codes of earlier classifications. */
export const QUALIFICATION_CATALOGUES_FILE = 'qualification-catalogues.yaml';
export const HISTORICAL_OCCUPATIONS_FILE = 'occupations-historical.csv';

/**
 * Reads config/occupations.csv once at start-up, with config/qualification-catalogues.yaml and
 * config/occupations-historical.csv from the same folder when present; a broken file stops start-up with the line named.
 */
export function loadOccupationCatalogue(path: string = DEFAULT_OCCUPATIONS_CSV): OccupationCatalogue {
  const dir = dirname(path);
  const cataloguesPath = join(dir, QUALIFICATION_CATALOGUES_FILE);
  const historicalPath = join(dir, HISTORICAL_OCCUPATIONS_FILE);
  const history = existsSync(cataloguesPath)
    ? parseOccupationHistoryConfig(parseYaml(readFileSync(cataloguesPath, 'utf8')))
    : {};
  const historical = existsSync(historicalPath)
    ? parseHistoricalOccupationsCsv(readFileSync(historicalPath, 'utf8'))
    : [];
  return createOccupationCatalogue(parseOccupationCatalogueCsv(readFileSync(path, 'utf8')), { ...history, historical });
}
