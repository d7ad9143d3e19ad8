import type { LookupKind } from '@app/contracts';

/** Seed 000's page titles per certificate kind. */
export const KIND_TITLES: Readonly<Record<LookupKind, string>> = {
  qualification: '国家职业资格证书',
  skill_level: '职业技能等级证书',
};

/** The two national lookup systems (seed 000's entry boxes). */
export const KIND_SYSTEMS: Readonly<Record<LookupKind, string>> = {
  qualification: '技能人员职业资格证书全国联网查询系统',
  skill_level: '职业技能等级证书全国联网查询系统',
};

/** 查询本人… menu items of a person (seed 000 四(二)). */
export const MINE_TITLES: Readonly<Record<LookupKind, string>> = {
  qualification: '查询本人职业资格证书',
  skill_level: '查询本人职业技能等级证书',
};

/** 查询他人… menu items of a legal entity (seed 000 五(三)). */
export const OTHERS_TITLES: Readonly<Record<LookupKind, string>> = {
  qualification: '查询他人职业资格证书',
  skill_level: '查询他人职业技能等级证书',
};

/** R-27: the old mode's field rules as the 2013 rules and seed 001's page word them. */
export const OLD_MODE_RULES: Readonly<Record<LookupKind, string>> = {
  qualification: '注：证书编号、证件号码、姓名、准考证号四项中任意输入两项即可查询。',
  skill_level: '注：证书编号为必填，证件号码、姓名两项输入任意一项即可查询。',
};

/** Seed 000: what the occupation field is called on each kind's card. */
export const OCCUPATION_LABELS: Readonly<Record<LookupKind, string>> = {
  qualification: '职业资格',
  skill_level: '职业（工种）',
};

/**
 * A day as the public site writes it, in the real site's wording (seed 000: 2025年12月1日); the staff console writes
 * days as 2025-12-01 instead (common/dates.ts).
 */
export function formatPublicDay(value: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : (value ?? '');
}
