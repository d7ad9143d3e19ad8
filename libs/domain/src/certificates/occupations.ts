import { DomainError } from '../errors';
import { isIsoDate, type IsoDate } from '../calendar/iso-date';
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
  /**
   * Keys of the CSV's `source` column (D22, Q17, Q21 …; `unsure:` notes left out). A key equal to a qualification
   * catalogue's id marks membership of that catalogue (the data README: Q17 = the 2017 catalogue).
   */
  sourceKeys?: readonly string[];
}

export type CatalogueMembership = 'yes' | 'partial' | 'no';

/** A national qualification catalogue (国家职业资格目录) and the day it took effect (config/qualification-catalogues.yaml). */
export interface QualificationCatalogueInfo {
  id: string;
  title: string;
  notice: string;
  effective: IsoDate;
}

/** The occupation classification (职业分类大典) whose codes config/occupations.csv holds, and when it was published. */
export interface ClassificationInfo {
  id: string;
  title: string;
  published: IsoDate;
}

/** A code of an earlier classification (config/occupations-historical.csv), mapped to today's occupation. */
export interface HistoricalOccupationCode {
  code: string;
  name: string;
  /** Classification key, e.g. D99 (1999 大典), D15 (2015 大典). */
  classification: string;
  /** The 2022 code of the same occupation (must be in config/occupations.csv). */
  currentCode: string;
  source: string;
}

export interface OccupationHistory {
  historical?: readonly HistoricalOccupationCode[];
  qualificationCatalogues?: readonly QualificationCatalogueInfo[];
  /** The classification of `entries`; historical codes are accepted for issue dates before its publication. */
  classification?: ClassificationInfo | null;
}

/** What an occupation code and name denote on an issue date. */
export type OccupationResolution =
  | { ok: true; occupation: OccupationEntry; historical: HistoricalOccupationCode | null }
  | { ok: false; reason: 'unknown_code' }
  | { ok: false; reason: 'name_mismatch'; expectedName: string; historical: boolean }
  | {
      ok: false;
      reason: 'historical_code_expired';
      historical: HistoricalOccupationCode;
      until: IsoDate;
      title: string;
    };

export interface OccupationCatalogue {
  readonly entries: readonly OccupationEntry[];
  byCode(code: string): OccupationEntry | undefined;
  byName(name: string): OccupationEntry | undefined;
  readonly historical: readonly HistoricalOccupationCode[];
  readonly qualificationCatalogues: readonly QualificationCatalogueInfo[];
  readonly classification: ClassificationInfo | null;
  /**
   * the occupation a code and name denote for a record issued on `issueDate` (null = unknown): a current code,
   * or a code of an earlier classification when the record was issued before the current one was published.
   */
  resolve(code: string, name: string, issueDate: IsoDate | null): OccupationResolution;
  /** the qualification catalogue in force on a day (the latest effective on or before it), or null before the first. */
  qualificationCatalogueOn(date: IsoDate): QualificationCatalogueInfo | null;
  membership(entry: OccupationEntry, catalogueId: string): CatalogueMembership;
}

export function createOccupationCatalogue(
  entries: readonly OccupationEntry[],
  history: OccupationHistory = {},
): OccupationCatalogue {
  const codes = new Map(entries.map((e) => [e.code, e]));
  const names = new Map(entries.map((e) => [e.name, e]));
  const historical = history.historical ?? [];
  for (const h of historical) {
    if (!codes.has(h.currentCode)) {
      throw new DomainError(
        OCCUPATION_CATALOGUE_INVALID,
        `历史职业编码 ${h.code} ${h.name} 对应的现行编码 ${h.currentCode} 不在职业目录中`,
      );
    }
  }
  const catalogues = [...(history.qualificationCatalogues ?? [])].sort((a, b) => (a.effective < b.effective ? -1 : 1));
  const classification = history.classification ?? null;
  return {
    entries,
    historical,
    qualificationCatalogues: catalogues,
    classification,
    byCode: (code) => codes.get(code.trim()),
    byName: (name) => names.get(name.trim()),
    resolve(code, name, issueDate) {
      const current = codes.get(code.trim());
      const older = historical.filter((h) => h.code === code.trim());
      if (!current && older.length === 0) return { ok: false, reason: 'unknown_code' };
      if (current && (name === '' || current.name === name)) return { ok: true, occupation: current, historical: null };
      const hit = older.find((h) => h.name === name) ?? (name === '' ? older[0] : undefined);
      if (!hit) {
        return {
          ok: false,
          reason: 'name_mismatch',
          expectedName: current ? current.name : older[0].name,
          historical: !current,
        };
      }
      if (classification && issueDate !== null && issueDate >= classification.published) {
        return {
          ok: false,
          reason: 'historical_code_expired',
          historical: hit,
          until: classification.published,
          title: classification.title,
        };
      }
      return { ok: true, occupation: codes.get(hit.currentCode)!, historical: hit };
    },
    qualificationCatalogueOn(date) {
      let found: QualificationCatalogueInfo | null = null;
      for (const c of catalogues) if (c.effective <= date) found = c;
      return found;
    },
    membership(entry, catalogueId) {
      // The 2021 column is the README's authoritative reading of Q21 (it knows `partial`).
      if (catalogueId === 'Q21') return entry.inQualificationCatalogue2021;
      return entry.sourceKeys?.includes(catalogueId) ? 'yes' : 'no';
    },
  };
}

/** `source` column → keys: 'D22;Q21(as X);Q17;unsure:…' → ['D22', 'Q21', 'Q17']. */
export function parseSourceKeys(source: string): string[] {
  return source
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !part.startsWith('unsure:'))
    .map((part) => part.replace(/\(.*$/, '').trim());
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
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  const [iCode, iName, iLevels, iQual, iSource] = [
    'code',
    'name',
    'levels',
    'in_qualification_catalogue_2021',
    'source',
  ].map(col);
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
      sourceKeys: iSource >= 0 ? parseSourceKeys(f[iSource] ?? '') : [],
    };
  });
}

/** Parses config/occupations-historical.csv (code,name,classification,current_code,source). */
export function parseHistoricalOccupationsCsv(text: string): HistoricalOccupationCode[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim());
  const idx = ['code', 'name', 'classification', 'current_code', 'source'].map((n) => header.indexOf(n));
  if (idx.slice(0, 4).some((i) => i < 0)) {
    throw new DomainError(
      OCCUPATION_CATALOGUE_INVALID,
      '历史职业编码文件缺少 code、name、classification 或 current_code 列',
    );
  }
  return lines.slice(1).map((line, index) => {
    const f = splitCsvLine(line).map((v) => v.trim());
    const [code, name, classification, currentCode] = idx.slice(0, 4).map((i) => f[i] ?? '');
    if (
      !OCCUPATION_CODE_PATTERN.test(code) ||
      !OCCUPATION_CODE_PATTERN.test(currentCode) ||
      name === '' ||
      classification === ''
    ) {
      throw new DomainError(OCCUPATION_CATALOGUE_INVALID, `历史职业编码第${index + 2}行无效（${code} ${name}）`);
    }
    return { code, name, classification, currentCode, source: idx[4] >= 0 ? (f[idx[4]] ?? '') : '' };
  });
}

/** Validates the parsed config/qualification-catalogues.yaml (the caller parses the YAML; dates may arrive as strings). */
export function parseOccupationHistoryConfig(
  raw: unknown,
): Pick<OccupationHistory, 'qualificationCatalogues' | 'classification'> {
  const bad = (what: string) => new DomainError(OCCUPATION_CATALOGUE_INVALID, `职业资格目录配置无效：${what}`);
  const obj = (raw ?? {}) as { catalogues?: unknown; classifications?: unknown };
  const date = (v: unknown, what: string): IsoDate => {
    const s: string = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v : '';
    const shown = s;
    if (!isIsoDate(s)) throw bad(`${what} 日期无效（${shown}）`);
    return s;
  };
  const list = (v: unknown, what: string) => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw bad(`${what} 应为列表`);
    return v as Record<string, unknown>[];
  };
  const qualificationCatalogues = list(obj.catalogues, 'catalogues').map((c) => {
    if (typeof c.id !== 'string' || typeof c.title !== 'string' || typeof c.notice !== 'string') {
      throw bad('目录缺少 id、title 或 notice');
    }
    return { id: c.id, title: c.title, notice: c.notice, effective: date(c.effective, c.id) };
  });
  const classifications = list(obj.classifications, 'classifications').map((c) => {
    if (typeof c.id !== 'string' || typeof c.title !== 'string') throw bad('职业分类缺少 id 或 title');
    return { id: c.id, title: c.title, published: date(c.published, c.id) };
  });
  // The newest classification is the one config/occupations.csv holds.
  const sorted = classifications.sort((a, b) => (a.published < b.published ? -1 : 1));
  const classification = sorted.length ? sorted[sorted.length - 1] : null;
  return { qualificationCatalogues, classification };
}
