import { createOccupationCatalogue, parseOccupationCatalogueCsv, type OccupationCatalogue } from '@app/domain';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Default location of the occupation catalogue shipped with the product (copied from the 2022 大典 subset). */
export const DEFAULT_OCCUPATIONS_CSV = resolve(process.cwd(), 'config/occupations.csv');

/** Reads config/occupations.csv once at start-up; a broken file stops start-up with the line named. */
export function loadOccupationCatalogue(path: string = DEFAULT_OCCUPATIONS_CSV): OccupationCatalogue {
  return createOccupationCatalogue(parseOccupationCatalogueCsv(readFileSync(path, 'utf8')));
}
