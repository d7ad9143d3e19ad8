import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { projectRoot } from '../config/app-config';

export interface Occupation {
  code: string;
  name: string;
  levels: number[];
  inQualificationCatalogue: 'yes' | 'no' | 'partial';
}

/**
 * The occupations of the 2022 职业分类大典 for which certificates are issued (config/occupations.csv,
 * from shared/data). Used for registered scopes and record validation.
 */
@Injectable()
export class OccupationCatalogue {
  readonly all: Occupation[];
  private readonly byCode: Map<string, Occupation>;

  constructor() {
    this.all = parseOccupationsCsv(readFileSync(join(projectRoot(), 'config', 'occupations.csv'), 'utf8'));
    this.byCode = new Map(this.all.map((o) => [o.code, o]));
  }

  find(code: string): Occupation | undefined {
    return this.byCode.get(code);
  }
}

/** The file has a header row and no quoted fields (checked by its spec). */
export function parseOccupationsCsv(text: string): Occupation[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = header.split(',');
  const at = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`config/occupations.csv lacks column ${name}`);
    return index;
  };
  const [code, name, levels, catalogue] = ['code', 'name', 'levels', 'in_qualification_catalogue_2021'].map(at);
  return lines.map((line) => {
    const cells = line.split(',');
    return {
      code: cells[code],
      name: cells[name],
      // No level listed in the sources: the national standard's five levels apply.
      levels: cells[levels] ? cells[levels].split('|').map(Number) : [5, 4, 3, 2, 1],
      inQualificationCatalogue: cells[catalogue] as Occupation['inQualificationCatalogue'],
    };
  });
}
