import { normalizeIdentifierText } from '../identifiers/normalize';

// R-4, 附件2《地级市职业技能等级证书数据管理员信息表》: what a municipal centre records of its data administrator.

/** Mainland mobile numbers: 11 digits, 13x to 19x. */
const MOBILE = /^1[3-9]\d{9}$/;
/** A landline: area code 0 + 2–3 digits, a local number of 7–8 digits not starting 0 or 1, an optional extension. */
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}(-\d{1,6})?$/;
/** QQ numbers: 5–12 digits, no leading zero. */
const QQ = /^[1-9]\d{4,11}$/;

export const DATA_ADMIN_LIMITS = { position: 32, publicContact: 100, name: 64 } as const;

/** The form's fields as typed (the administrator's name comes from the account). */
export interface DataAdminRecordInput {
  position?: unknown;
  officePhone?: unknown;
  mobile?: unknown;
  qq?: unknown;
  publicContact?: unknown;
}

export interface DataAdminRecord {
  position: string;
  officePhone: string;
  mobile: string;
  qq: string | null;
  publicContact: string;
}

export type DataAdminRecordField = keyof DataAdminRecord;

/** The form's labels, as 附件2 names them. */
export const DATA_ADMIN_FIELD_LABELS: Record<DataAdminRecordField | 'name', string> = {
  name: '数据管理员',
  position: '职务',
  officePhone: '办公电话',
  mobile: '手机号码',
  qq: 'QQ号码',
  publicContact: '证书查询问题咨询联系方式',
};

export interface DataAdminProblem {
  field: DataAdminRecordField;
  message: string;
}

export type DataAdminRecordCheck = { ok: true; value: DataAdminRecord } | { ok: false; problems: DataAdminProblem[] };

/** Full-width digits and letters to ASCII, surrounding blanks trimmed. */
const clean = (value: unknown): string => (typeof value === 'string' ? normalizeIdentifierText(value).trim() : '');

/** A typed phone number without spaces, and a leading +86 / 0086 dropped from a mobile. */
const phoneDigits = (value: unknown): string => clean(value).replace(/\s/g, '');

/** Cleans a typed mobile number: blanks and dashes dropped, a leading +86 / 0086 removed. */
export function normalizeAdminMobile(value: unknown): string {
  return phoneDigits(value)
    .replace(/-/g, '')
    .replace(/^(\+86|0086)/, '');
}

/** A landline as typed, with 「（020）」 or 「(020)」 around the area code read as 「020-」. */
export function normalizeLandline(value: unknown): string {
  return phoneDigits(value)
    .replace(/^[（(](0\d{2,3})[）)]-?/, '$1-')
    .replace(/[—–]/g, '-');
}

export const isAdminMobile = (value: string): boolean => MOBILE.test(value);
export const isLandline = (value: string): boolean => LANDLINE.test(value);
export const isQqNumber = (value: string): boolean => QQ.test(value);

/** Checks the 附件2 fields; every problem is named by its field, in Chinese. */
export function checkDataAdminRecord(input: DataAdminRecordInput): DataAdminRecordCheck {
  const problems: DataAdminProblem[] = [];
  const text = (field: 'position' | 'publicContact', max: number): string => {
    const value = clean(input[field]);
    const label = DATA_ADMIN_FIELD_LABELS[field];
    if (!value) problems.push({ field, message: `${label}不能为空` });
    else if (Array.from(value).length > max) problems.push({ field, message: `${label}不能超过 ${max} 个字` });
    return value;
  };
  const position = text('position', DATA_ADMIN_LIMITS.position);

  const officePhone = normalizeLandline(input.officePhone);
  if (!officePhone) problems.push({ field: 'officePhone', message: '办公电话不能为空' });
  else if (!isLandline(officePhone)) {
    problems.push({
      field: 'officePhone',
      message: '办公电话应为区号加号码（如 020-83212345，分机号可用“-”接在后面）',
    });
  }

  const mobile = normalizeAdminMobile(input.mobile);
  if (!mobile) {
    problems.push({ field: 'mobile', message: '手机号码不能为空' });
  } else if (!isAdminMobile(mobile)) {
    problems.push({ field: 'mobile', message: '手机号码应为 11 位、以 13–19 开头的号码' });
  }

  const qqText = phoneDigits(input.qq);
  if (qqText && !isQqNumber(qqText)) {
    problems.push({ field: 'qq', message: 'QQ号码应为 5 至 12 位数字，且不以 0 开头' });
  }

  const publicContact = text('publicContact', DATA_ADMIN_LIMITS.publicContact);
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { position, officePhone, mobile, qq: qqText || null, publicContact } };
}

/** 138****5678: the first 3 and last 4 digits of a mobile number shown, as lists show it. */
export function maskMobile(mobile: string | null | undefined): string {
  const chars = Array.from(String(mobile ?? '').trim());
  if (chars.length < 8) return '*'.repeat(chars.length);
  return `${chars.slice(0, 3).join('')}${'*'.repeat(chars.length - 7)}${chars.slice(-4).join('')}`;
}
