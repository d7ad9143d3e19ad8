// Coded fields of a certificate record. Numeric codes follow the 2013 data collection table
// (seed 003 附表) where it defines them: gender, education (91–99) and result. Labels are what the Excel
// template's drop-down lists show; every parser accepts the label, an alias or the numeric code.

export interface CodeEntry<C extends string | number> {
  readonly code: C;
  readonly label: string;
  /** Other spellings users type; matched after removing spaces and normalising the slash. */
  readonly aliases?: readonly string[];
}

export type CertificateKind = 'qualification' | 'skill_level' | 'special_ability';
export const CERTIFICATE_KINDS: readonly CodeEntry<CertificateKind>[] = [
  { code: 'qualification', label: '职业资格证书', aliases: ['职业资格', '技能人员职业资格证书'] },
  { code: 'skill_level', label: '职业技能等级证书', aliases: ['职业技能等级'] },
  { code: 'special_ability', label: '专项职业能力证书', aliases: ['专项职业能力'] },
];

/** 5 五级/初级工 … 1 一级/高级技师. */
export type CertificateLevel = 1 | 2 | 3 | 4 | 5;
export const CERTIFICATE_LEVELS: readonly CodeEntry<CertificateLevel>[] = [
  { code: 5, label: '五级/初级工', aliases: ['五级', '初级工', '初级', '五级/初级技能', '初级技能', '5级'] },
  { code: 4, label: '四级/中级工', aliases: ['四级', '中级工', '中级', '四级/中级技能', '中级技能', '4级'] },
  { code: 3, label: '三级/高级工', aliases: ['三级', '高级工', '高级', '三级/高级技能', '高级技能', '3级'] },
  { code: 2, label: '二级/技师', aliases: ['二级', '技师', '2级'] },
  { code: 1, label: '一级/高级技师', aliases: ['一级', '高级技师', '1级'] },
];

/**
 * R-7 ID types. The 2013 table has no ID-type codes (it only knows 身份证号), so these codes are the
 * platform's own (docs/decisions.md); 9 = other, mirroring the 2013 table's "9 = not stated" convention.
 */
export type IdTypeCode = 1 | 2 | 3 | 4 | 5 | 9;
export const ID_TYPE_RESIDENT: IdTypeCode = 1;
export const ID_TYPES: readonly CodeEntry<IdTypeCode>[] = [
  { code: 1, label: '居民身份证', aliases: ['身份证', '二代身份证', '居民身份证号', '身份证号'] },
  { code: 2, label: '港澳居民来往内地通行证', aliases: ['回乡证', '港澳居民来往内地通行证（回乡证）'] },
  { code: 3, label: '台湾居民来往大陆通行证', aliases: ['台胞证'] },
  { code: 4, label: '护照', aliases: ['外国护照', '中国护照'] },
  { code: 5, label: '外国人永久居留身份证', aliases: ['外国人永久居留证', '永久居留身份证', '永居证'] },
  { code: 9, label: '其他', aliases: ['其他证件', '其它'] },
];

/** GB/T 2261.1 as quoted by the 2013 table: 1=男；2=女；0=未知性别；9=未说明性别. */
export type GenderCode = 0 | 1 | 2 | 9;
export const GENDERS: readonly CodeEntry<GenderCode>[] = [
  { code: 1, label: '男', aliases: ['男性'] },
  { code: 2, label: '女', aliases: ['女性'] },
  { code: 0, label: '未知', aliases: ['未知性别', '未知的性别'] },
  { code: 9, label: '未说明', aliases: ['未说明性别', '未说明的性别'] },
];

/** 2013 table 文化程度: 91=研究生 … 99=文盲或半文盲. */
export type EducationCode = 91 | 92 | 93 | 94 | 95 | 96 | 97 | 98 | 99;
export const EDUCATION_LEVELS: readonly CodeEntry<EducationCode>[] = [
  { code: 91, label: '研究生', aliases: ['博士', '硕士', '博士研究生', '硕士研究生'] },
  { code: 92, label: '大学本科', aliases: ['本科'] },
  { code: 93, label: '大学专科和专科学校', aliases: ['大学专科', '大专', '专科', '高职'] },
  { code: 94, label: '中等专业学校', aliases: ['中专'] },
  { code: 95, label: '技工学校', aliases: ['技校'] },
  { code: 96, label: '高中', aliases: ['普通高中', '高级中学'] },
  { code: 97, label: '初中', aliases: ['初级中学'] },
  { code: 98, label: '小学' },
  { code: 99, label: '文盲或半文盲', aliases: ['文盲', '半文盲'] },
];

/** 2013 table 评定成绩: 1=不合格；2=合格；3=良好；4=优秀. */
export type AssessmentResultCode = 1 | 2 | 3 | 4;
export const ASSESSMENT_RESULTS: readonly CodeEntry<AssessmentResultCode>[] = [
  { code: 1, label: '不合格' },
  { code: 2, label: '合格' },
  { code: 3, label: '良好' },
  { code: 4, label: '优秀' },
];

function squeeze(text: string): string {
  return text.replace(/[\s\u3000]/g, '').replace(/[／\\]/g, '/');
}

const lookups = new WeakMap<readonly CodeEntry<string | number>[], Map<string, string | number>>();

function lookupOf<C extends string | number>(table: readonly CodeEntry<C>[]): Map<string, C> {
  let map = lookups.get(table) as Map<string, C> | undefined;
  if (!map) {
    map = new Map<string, C>();
    for (const entry of table) {
      for (const key of [String(entry.code), entry.label, ...(entry.aliases ?? [])]) {
        map.set(squeeze(key), entry.code);
      }
      if (typeof entry.code === 'number') {
        // '03' for 3, '1.0' from a numeric Excel cell.
        map.set(`0${entry.code}`, entry.code);
      }
    }
    lookups.set(table, map);
  }
  return map;
}

/** Label, alias or code → code; null when nothing matches (also for empty input). */
export function parseCode<C extends string | number>(
  table: readonly CodeEntry<C>[],
  raw: string | number | null | undefined,
): C | null {
  if (raw === null || raw === undefined) {
    return null;
  }
  const text = squeeze(String(raw));
  if (text === '') {
    return null;
  }
  const map = lookupOf(table);
  const hit = map.get(text);
  if (hit !== undefined) {
    return hit;
  }
  const numeric = /^(\d+)\.0+$/.exec(text);
  return numeric ? (map.get(String(Number(numeric[1]))) ?? null) : null;
}

export function labelOf<C extends string | number>(table: readonly CodeEntry<C>[], code: C | null | undefined): string {
  return table.find((e) => e.code === code)?.label ?? '';
}

/** '居民身份证、港澳居民来往内地通行证…' for error messages. */
export function listLabels(table: readonly CodeEntry<string | number>[]): string {
  return table.map((e) => e.label).join('、');
}

export const parseCertificateKind = (raw: string | number | null | undefined) => parseCode(CERTIFICATE_KINDS, raw);
export const parseCertificateLevel = (raw: string | number | null | undefined) => parseCode(CERTIFICATE_LEVELS, raw);
export const parseIdType = (raw: string | number | null | undefined) => parseCode(ID_TYPES, raw);
export const parseGender = (raw: string | number | null | undefined) => parseCode(GENDERS, raw);
export const parseEducation = (raw: string | number | null | undefined) => parseCode(EDUCATION_LEVELS, raw);
export const parseAssessmentResult = (raw: string | number | null | undefined) => parseCode(ASSESSMENT_RESULTS, raw);
