import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { OccupationCatalogue as DomainCatalogue } from '@app/domain';
import { projectRoot } from '../config/app-config';
import { loadOccupationCatalogue } from './occupation-catalogue.loader';
import type { Occupation } from '@app/contracts';

export type { Occupation } from '@app/contracts';

/**
 * The occupations of the 2022 职业分类大典 for which certificates are issued (config/occupations.csv), read
 * once at start-up. Used for registered scopes and record validation.
 */
@Injectable()
export class OccupationCatalogue {
  readonly catalogue: DomainCatalogue;
  readonly all: Occupation[];

  constructor() {
    this.catalogue = loadOccupationCatalogue(join(projectRoot(), 'config', 'occupations.csv'));
    this.all = this.catalogue.entries.map((e) => ({
      code: e.code,
      name: e.name,
      // No level listed by the sources: the national standard's five levels apply.
      levels: e.levels.length ? [...e.levels] : [5, 4, 3, 2, 1],
      inQualificationCatalogue: e.inQualificationCatalogue2021,
    }));
  }

  find(code: string): Occupation | undefined {
    return this.all.find((o) => o.code === code.trim());
  }
}
