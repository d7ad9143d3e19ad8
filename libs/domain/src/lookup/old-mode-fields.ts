// R-27: which fields the anonymous old-mode lookup accepts, per certificate kind (seed 003 第四条, seed 001's forms).
import { normalizeIdentifierText } from '../identifiers/normalize';
import type { LookupKind } from './query-mode';

export type OldModeField = 'certificateNumber' | 'idNumber' | 'name' | 'admissionTicket';
export const OLD_MODE_FIELDS: readonly OldModeField[] = ['certificateNumber', 'idNumber', 'name', 'admissionTicket'];

export const OLD_MODE_FIELD_LABELS: Readonly<Record<OldModeField, string>> = {
  certificateNumber: '证书编号',
  idNumber: '证件号码',
  name: '姓名',
  admissionTicket: '准考证号',
};

/** The longest value the old mode looks at (the stored columns' width); longer is refused, not searched. */
export const OLD_MODE_VALUE_MAX_LENGTH = 40;

/** The rule of each kind, as the forms state it (seed 001) — the 400 answer names it. */
export const OLD_MODE_RULES: Readonly<Record<LookupKind, string>> = {
  qualification: '技能人员职业资格证书查询：证书编号、证件号码、姓名、准考证号四项中任意填写两项即可查询',
  skill_level: '职业技能等级证书查询：证书编号为必填，证件号码、姓名两项中任意填写一项即可查询',
};

export type OldModeInput = Partial<Record<OldModeField, string | null | undefined>>;

export type OldModeCheck =
  | {
      ok: true;
      /** The fields given, in OLD_MODE_FIELDS order. */
      fields: OldModeField[];
      /** Their values as stored: identifiers half-width upper case, the name trimmed with single spaces. */
      values: Partial<Record<OldModeField, string>>;
    }
  | { ok: false; message: string };

/** A value as the import stores it; empty (or only spaces, half- or full-width) counts as not given. */
export function normalizeOldModeValue(field: OldModeField, raw: string | null | undefined): string {
  const text = (raw ?? '').trim();
  if (field === 'name') return text.replace(/\s+/g, ' ');
  return normalizeIdentifierText(text);
}

/**
 * Qualification: any two (or more) of certificate number, ID number, name and admission ticket — the six pairs
 * of the 2013 rules; skill level: the certificate number plus the ID number or the name (the admission ticket is not
 * one of its fields). Every field given must then match. Values are not format-checked beyond their length, so an
 * unknown or malformed number simply finds nothing.
 */
export function checkOldModeFields(kind: LookupKind, input: OldModeInput): OldModeCheck {
  const values: Partial<Record<OldModeField, string>> = {};
  for (const field of OLD_MODE_FIELDS) {
    const value = normalizeOldModeValue(field, input[field]);
    if (value === '') continue;
    if ([...value].length > OLD_MODE_VALUE_MAX_LENGTH) {
      return { ok: false, message: `${OLD_MODE_FIELD_LABELS[field]}不能超过${OLD_MODE_VALUE_MAX_LENGTH}个字符` };
    }
    values[field] = value;
  }
  const fields = OLD_MODE_FIELDS.filter((f) => values[f] !== undefined);
  const has = (f: OldModeField) => values[f] !== undefined;
  const allowed =
    kind === 'qualification'
      ? fields.length >= 2
      : has('certificateNumber') && (has('idNumber') || has('name')) && !has('admissionTicket');
  return allowed ? { ok: true, fields, values } : { ok: false, message: OLD_MODE_RULES[kind] };
}
