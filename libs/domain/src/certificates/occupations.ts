import { DomainError } from '../errors';
import type { CertificateLevel } from './code-tables';

/** 《职业分类大典（2022年版）》 occupation code, e.g. 6-18-01-01 (车工). */
export const OCCUPATION_CODE_PATTERN = /^\d-\d{2}-\d{2}-\d{2}$/;

export const OCCUPATION_CATALOGUE_INVALID = 'OCCUPATION_CATALOGUE_INVALID';

export interface OccupationEntry {
  code: string;
  name: string;
  /** Levels the sources list (not necessarily every level the national standard defines); may be empty. */
  levels: CertificateLevel[];
  /** In 《国家职业资格目录（2021年版）》 as a 技能人员职业资格: 'yes' | 'no' | 'partial'. */
  inQualificationCatalogue2021: 'yes' | 'no' | 'partial';
}

export interface OccupationCatalogue {
  readonly entries: readonly OccupationEntry[];
  byCode(code: string): OccupationEntry | undefined;
  byName(name: string): OccupationEntry | undefined;
}

export function createOccupationCatalogue(entries: readonly OccupationEntry[]): OccupationCatalogue {
  const codes = new Map(entries.map((e) => [e.code, e]));
  const names = new Map(entries.map((e) => [e.name, e]));
  return {
    entries,
    byCode: (code) => codes.get(code.trim()),
    byName: (name) => names.get(name.trim()),
  };
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      out.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  out.push(field);
  return out;
}

/**
 * Parses config/occupations.csv (columns code,name,levels,in_qualification_catalogue_2021[,source]).
 * The caller reads the file; this stays pure so the API, the console and bench share it.
 */
export function parseOccupationCatalogueCsv(text: string): OccupationEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  const [iCode, iName, iLevels, iQual] = ['code', 'name', 'levels', 'in_qualification_catalogue_2021'].map(col);
  if (iCode < 0 || iName < 0 || iLevels < 0) {
    throw new DomainError(OCCUPATION_CATALOGUE_INVALID, '职业目录文件缺少 code、name 或 levels 列');
  }
  const seen = new Set<string>();
  return lines.slice(1).map((line, index) => {
    const f = splitCsvLine(line).map((v) => v.trim());
    const code = f[iCode] ?? '';
    const name = f[iName] ?? '';
    const where = `职业目录第${index + 2}行`;
    if (!OCCUPATION_CODE_PATTERN.test(code) || name === '') {
      throw new DomainError(OCCUPATION_CATALOGUE_INVALID, `${where}：职业编码或名称无效（${code} ${name}）`);
    }
    if (seen.has(code)) {
      throw new DomainError(OCCUPATION_CATALOGUE_INVALID, `${where}：职业编码重复（${code}）`);
    }
    seen.add(code);
    const levels = (f[iLevels] ?? '')
      .split('|')
      .filter((v) => v !== '')
      .map((v) => {
        const n = Number(v);
        if (![1, 2, 3, 4, 5].includes(n)) {
          throw new DomainError(OCCUPATION_CATALOGUE_INVALID, `${where}：等级无效（${v}）`);
        }
        return n as CertificateLevel;
      });
    const qual = iQual >= 0 ? f[iQual] : 'no';
    return {
      code,
      name,
      levels,
      inQualificationCatalogue2021: qual === 'yes' || qual === 'partial' ? qual : 'no',
    };
  });
}
