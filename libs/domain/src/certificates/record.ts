import type { IsoDate } from '../calendar/iso-date';
import {
  validateForeignPermanentResidentId,
  validateHkMacaoPermit,
  validateOtherDocumentNumber,
  validatePassportNumber,
  validateTaiwanPermit,
  type DocumentNumberResult,
} from '../identifiers/travel-documents';
import { validateResidentId } from '../identifiers/resident-id';
import { normalizeIdentifierText } from '../identifiers/normalize';
import {
  ASSESSMENT_RESULTS,
  CERTIFICATE_LEVELS,
  EDUCATION_LEVELS,
  GENDERS,
  ID_TYPES,
  labelOf,
  listLabels,
  parseAssessmentResult,
  parseCertificateLevel,
  parseEducation,
  parseGender,
  parseIdType,
  type AssessmentResultCode,
  type CertificateKind,
  type CertificateLevel,
  type EducationCode,
  type GenderCode,
  type IdTypeCode,
} from './code-tables';
import { analyzeCertificateNumber, CERTIFICATE_NUMBER_MAX_LENGTH, expectedLayout } from './certificate-number';
import { addYearsIso, parseDateInput } from './date-input';
import { checkHolderName, holderNameWidth } from './holder-name';
import { OCCUPATION_CODE_PATTERN, type OccupationCatalogue, type OccupationEntry } from './occupations';

/** Template columns in order: record field ↔ Chinese header the user sees. */
export const CERTIFICATE_RECORD_COLUMNS = [
  { field: 'holderName', header: '姓名' },
  { field: 'idType', header: '证件类型' },
  { field: 'idNumber', header: '证件号码' },
  { field: 'gender', header: '性别' },
  { field: 'birthDate', header: '出生日期' },
  { field: 'education', header: '文化程度' },
  { field: 'occupationCode', header: '职业编码' },
  { field: 'occupationName', header: '职业名称' },
  { field: 'workType', header: '工种/职业方向' },
  { field: 'level', header: '职业技能等级' },
  { field: 'certificateNumber', header: '证书编号' },
  { field: 'issueDate', header: '发证日期' },
  { field: 'admissionTicket', header: '准考证号' },
  { field: 'theoryScore', header: '理论知识考试成绩' },
  { field: 'practicalScore', header: '操作技能考核成绩' },
  { field: 'comprehensiveScore', header: '综合评审成绩' },
  { field: 'result', header: '评定成绩' },
] as const;

export type CertificateRecordField = (typeof CERTIFICATE_RECORD_COLUMNS)[number]['field'];

export const CERTIFICATE_COLUMN_HEADER = Object.fromEntries(
  CERTIFICATE_RECORD_COLUMNS.map((c) => [c.field, c.header]),
) as Record<CertificateRecordField, string>;

const H = CERTIFICATE_COLUMN_HEADER;

export type RawCellValue = string | number | null | undefined;

/** One row as typed (Excel cells as text, or JSON); every field is parsed and checked by validation. */
export type CertificateRecordInput = {
  [K in CertificateRecordField]?: RawCellValue;
};

/**
 * First-generation resident ID cards (and so 15-digit numbers) lost validity on this day (居民身份证法: the
 * first-generation cards stopped being valid from 2013-01-01); a 15-digit number is accepted only on certificates
 * issued before it.
 */
export const LEGACY_ID_VALID_UNTIL: IsoDate = '2013-01-01';

/** A validated record with coded values and ISO dates, ready to store. */
export interface CertificateRecord {
  kind: CertificateKind;
  holderName: string;
  idType: IdTypeCode;
  /** As entered, cleaned (upper-case, ASCII). */
  idNumber: string;
  /** For matching and de-duplication: resident IDs in 18-character form, others as `idNumber`. */
  idNumberCanonical: string;
  gender: GenderCode;
  birthDate: IsoDate;
  education: EducationCode | null;
  occupationCode: string;
  occupationName: string;
  workType: string | null;
  /** Null only for special-ability certificates, which have no level. */
  level: CertificateLevel | null;
  certificateNumber: string;
  issueDate: IsoDate;
  admissionTicket: string | null;
  theoryScore: number | null;
  practicalScore: number | null;
  comprehensiveScore: number | null;
  result: AssessmentResultCode | null;
}

export type IssueSeverity = 'error' | 'warning';

/** A problem with one cell: `column` is the Chinese header (R-8: every failure names row, column and reason). */
export interface RecordIssue {
  column: string;
  message: string;
  severity: IssueSeverity;
}

/** An institution's registered scope entry: occupation, levels, validity. */
export interface InstitutionScopeEntry {
  occupationCode: string;
  occupationName: string;
  levels: readonly number[];
  validFrom: IsoDate;
  /** Null = open-ended. */
  validTo: IsoDate | null;
}

export interface CertificateValidationContext {
  /** Today in Beijing (injected clock). */
  today: IsoDate;
  kind: CertificateKind;
  institution: { registeredAt: IsoDate; scope: readonly InstitutionScopeEntry[] };
  /** The occupation catalogue (config/occupations.csv): codes must exist and names match. */
  catalogue: OccupationCatalogue;
  /** at least 16 years old on the issue date. */
  minHolderAge?: number;
}

export interface ParsedCertificateRecord {
  issues: RecordIssue[];
  /** Present when no issue has severity 'error'. */
  record: CertificateRecord | null;
}

const MIN_AGE = 16;

function text(v: RawCellValue): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

function documentValidator(idType: IdTypeCode): (v: string) => DocumentNumberResult {
  switch (idType) {
    case 2:
      return validateHkMacaoPermit;
    case 3:
      return validateTaiwanPermit;
    case 4:
      return validatePassportNumber;
    case 5:
      return validateForeignPermanentResidentId;
    default:
      return validateOtherDocumentNumber;
  }
}

/** Score: 0–100 with at most one decimal (2013 table: 4 characters incl. one decimal). */
export function parseScore(raw: RawCellValue): { ok: true; value: number | null } | { ok: false } {
  if (typeof raw === 'number') {
    const tenths = Math.round(raw * 10);
    return Number.isFinite(raw) && raw >= 0 && raw <= 100 && Math.abs(raw * 10 - tenths) < 1e-9
      ? { ok: true, value: tenths / 10 }
      : { ok: false };
  }
  const s = text(raw);
  if (s === '') {
    return { ok: true, value: null };
  }
  if (!/^\d{1,3}(\.\d)?$/.test(s) || Number(s) > 100) {
    return { ok: false };
  }
  return { ok: true, value: Number(s) };
}

/**
 * R-8 validation of one record, with the parsed record when it passes. Checks only what one row can show;
 * duplicates inside a batch are BatchDuplicateDetector's, national certificate-number uniqueness the database's.
 */
export function parseCertificateRecord(
  input: CertificateRecordInput,
  ctx: CertificateValidationContext,
): ParsedCertificateRecord {
  const issues: RecordIssue[] = [];
  const error = (column: string, message: string) => issues.push({ column, message, severity: 'error' });
  const warn = (column: string, message: string) => issues.push({ column, message, severity: 'warning' });

  // 姓名
  const holderName = text(input.holderName).replace(/\s+/g, ' ');
  const nameProblem = checkHolderName(holderName);
  if (nameProblem) {
    error(H.holderName, nameProblem);
  }

  // 证件类型 + 证件号码
  const idTypeText = text(input.idType);
  const idType = parseIdType(idTypeText);
  if (idTypeText === '') {
    error(H.idType, '证件类型不能为空');
  } else if (idType === null) {
    error(H.idType, `证件类型“${idTypeText}”无效，应为${listLabels(ID_TYPES)}之一或其代码`);
  }
  // The issue date decides which rules apply (legacy ID numbers, classification, catalogue); its own errors are
  // reported below with the 发证日期 column.
  const issueParsed = parseDateInput(input.issueDate);
  const issuedOn = issueParsed.ok ? issueParsed.value : null;

  const idText = text(input.idNumber);
  let idNumber = normalizeIdentifierText(idText);
  let idNumberCanonical = idNumber;
  let idBirthDate: IsoDate | null = null;
  let idGender: 1 | 2 | null = null;
  if (idText === '') {
    error(H.idNumber, '证件号码不能为空');
  } else if (idType === 1) {
    const r = validateResidentId(idText, { allowLegacy15: true });
    if (r.ok && r.legacy && issuedOn !== null && issuedOn >= LEGACY_ID_VALID_UNTIL) {
      error(
        H.idNumber,
        '15位旧版居民身份证号码（第一代居民身份证）自2013年1月1日起停止使用，2013年1月1日及以后发证的证书请填写18位号码',
      );
    } else if (r.ok) {
      idNumber = r.normalized;
      idNumberCanonical = r.canonical;
      idBirthDate = r.birthDate;
      idGender = r.gender;
    } else {
      error(H.idNumber, r.reason);
    }
  } else if (idType !== null) {
    const r = documentValidator(idType)(idText);
    if (r.ok) {
      idNumber = r.normalized;
      idNumberCanonical = r.normalized;
    } else {
      error(H.idNumber, r.reason);
    }
  }

  // 性别: must agree with the resident ID; derived from it when left empty.
  const genderText = text(input.gender);
  let gender = parseGender(genderText);
  if (genderText !== '' && gender === null) {
    error(H.gender, `性别“${genderText}”无效，应为${listLabels(GENDERS)}之一或代码1、2、0、9`);
  } else if (gender === null) {
    if (idGender !== null) {
      gender = idGender;
    } else if (idType !== 1) {
      error(H.gender, '性别不能为空');
    }
  } else if (idGender !== null && (gender === 1 || gender === 2) && gender !== idGender) {
    error(H.gender, `性别与证件号码不一致（证件号码显示为${labelOf(GENDERS, idGender)}）`);
  } else if (idGender !== null && (gender === 0 || gender === 9)) {
    // A resident ID number states the gender (GB 11643-1999 sequence code); 未知/未说明 would contradict it.
    error(
      H.gender,
      `性别不能为“${labelOf(GENDERS, gender)}”：居民身份证号码已表明性别为${labelOf(GENDERS, idGender)}，请填写${labelOf(GENDERS, idGender)}或留空`,
    );
  }

  // 出生日期: must agree with the resident ID; derived from it when left empty.
  const birth = parseDateInput(input.birthDate);
  let birthDate: IsoDate | null = null;
  if (!birth.ok) {
    error(H.birthDate, `出生日期“${text(input.birthDate)}”格式错误，应为YYYY-MM-DD格式的有效日期`);
  } else if (birth.value === null) {
    birthDate = idBirthDate;
    if (birthDate === null && idType !== 1) {
      error(H.birthDate, '出生日期不能为空');
    }
  } else if (idBirthDate !== null && birth.value !== idBirthDate) {
    error(H.birthDate, `出生日期与证件号码不一致（证件号码显示为${idBirthDate}）`);
  } else if (birth.value > ctx.today) {
    error(H.birthDate, '出生日期不能晚于今天');
  } else {
    birthDate = birth.value;
  }

  // 文化程度 (optional)
  const educationText = text(input.education);
  const education = parseEducation(educationText);
  if (educationText !== '' && education === null) {
    error(H.education, `文化程度“${educationText}”无效，应为${listLabels(EDUCATION_LEVELS)}之一或代码91—99`);
  }

  // 职业编码 + 职业名称: the code exists in the catalogue and the name is the catalogue's.
  const occupationCode = text(input.occupationCode);
  const occupationName = text(input.occupationName);
  // Codes of an earlier classification (e.g. 6-04-01-01 车工 of the 2013 table) are accepted for records issued before
  // the 2022 大典 was published, and stand for today's occupation in the scope and catalogue checks.
  let occupation: OccupationEntry | undefined;
  const resolved = OCCUPATION_CODE_PATTERN.test(occupationCode)
    ? ctx.catalogue.resolve(occupationCode, occupationName, issuedOn)
    : null;
  if (occupationCode === '') {
    error(H.occupationCode, '职业编码不能为空');
  } else if (!resolved) {
    error(H.occupationCode, `职业编码“${occupationCode}”格式错误，应形如6-18-01-01`);
  } else if (resolved.ok) {
    occupation = resolved.occupation;
  } else if (resolved.reason === 'unknown_code') {
    error(H.occupationCode, `职业编码“${occupationCode}”不在平台职业目录（职业分类大典2022年版）中`);
  } else if (resolved.reason === 'historical_code_expired') {
    const h = resolved.historical;
    error(
      H.occupationCode,
      `职业编码“${h.code} ${h.name}”是旧版职业分类的编码，只适用于${resolved.until}（《${resolved.title}》颁布）之前发证的证书，请改用现行编码${h.currentCode}`,
    );
  }
  if (occupationName === '') {
    error(H.occupationName, '职业名称不能为空');
  } else if (resolved && !resolved.ok && resolved.reason === 'name_mismatch') {
    error(
      H.occupationName,
      `职业名称与职业编码不符：${occupationCode}对应“${resolved.expectedName}”${resolved.historical ? '（旧版职业分类编码）' : ''}`,
    );
  }

  // 工种/职业方向 (optional): 60 English or 30 Chinese characters, like 职业名称 in the 2013 table.
  const workType = text(input.workType);
  if (holderNameWidth(workType) > 60) {
    error(H.workType, '工种/职业方向过长：最多30个汉字或60个英文字符');
  }

  // 职业技能等级 (none for special-ability certificates)
  const levelText = text(input.level);
  const level = parseCertificateLevel(levelText);
  if (levelText === '') {
    if (ctx.kind !== 'special_ability') {
      error(H.level, '职业技能等级不能为空');
    }
  } else if (level === null) {
    error(H.level, `职业技能等级“${levelText}”无效，应为${listLabels(CERTIFICATE_LEVELS)}之一或代码1—5`);
  }

  // 发证日期: not in the future, not before registration, holder at least 16 on that day.
  const issue = issueParsed;
  let issueDate: IsoDate | null = null;
  if (!issue.ok) {
    error(H.issueDate, `发证日期“${text(input.issueDate)}”格式错误，应为YYYY-MM-DD格式的有效日期`);
  } else if (issue.value === null) {
    error(H.issueDate, '发证日期不能为空');
  } else if (issue.value > ctx.today) {
    error(H.issueDate, `发证日期不能晚于今天（${ctx.today}）`);
  } else if (issue.value < ctx.institution.registeredAt) {
    error(H.issueDate, `发证日期早于本机构备案日期（${ctx.institution.registeredAt}）`);
  } else {
    issueDate = issue.value;
  }
  const minAge = ctx.minHolderAge ?? MIN_AGE;
  if (issueDate !== null && birthDate !== null && addYearsIso(birthDate, minAge) > issueDate) {
    error(H.issueDate, `发证日期时持证人未满${minAge}周岁（出生日期${birthDate}）`);
  }

  // occupation and level inside the registered scope on the issue date.
  if (occupation && issueDate !== null && (level !== null || ctx.kind === 'special_ability')) {
    const sameOccupation = ctx.institution.scope.filter((s) => s.occupationCode === occupation.code);
    const valid = sameOccupation.filter(
      (s) => s.validFrom <= issueDate && (s.validTo === null || issueDate <= s.validTo),
    );
    if (sameOccupation.length === 0) {
      error(H.occupationCode, `职业“${occupation.code} ${occupation.name}”不在本机构备案的评价范围内`);
    } else if (valid.length === 0) {
      const spans = sameOccupation.map((s) => `${s.validFrom}至${s.validTo ?? '长期'}`).join('、');
      error(H.issueDate, `发证日期不在该职业备案有效期内（${spans}）`);
    } else if (level !== null && !valid.some((s) => s.levels.includes(level))) {
      error(H.level, `职业技能等级“${labelOf(CERTIFICATE_LEVELS, level)}”不在本机构该职业备案的等级范围内`);
    }
  }

  // a qualification certificate only for an occupation of the national qualification catalogue in force on the
  // issue date; before the first catalogue (2017) there was none to check against.
  if (ctx.kind === 'qualification' && occupation && issuedOn !== null) {
    const catalogue = ctx.catalogue.qualificationCatalogueOn(issuedOn);
    const membership = catalogue ? ctx.catalogue.membership(occupation, catalogue.id) : 'yes';
    if (catalogue && membership === 'no') {
      error(
        H.occupationCode,
        `职业“${occupation.code} ${occupation.name}”不在发证日期（${issuedOn}）施行的《${catalogue.title}》（${catalogue.effective}起施行）中，不能颁发职业资格证书；目录外的职业应按职业技能等级证书上报`,
      );
    } else if (catalogue && membership === 'partial') {
      warn(
        H.occupationCode,
        `《${catalogue.title}》只收录职业“${occupation.name}”的部分工种，请核对本证书的工种/职业方向属于目录范围`,
      );
    }
  }

  // 证书编号: charset error; an unknown layout is only a warning (Appendix B).
  const certText = text(input.certificateNumber);
  const cert = analyzeCertificateNumber(certText);
  if (certText === '') {
    error(H.certificateNumber, '证书编号不能为空');
  } else if (!cert.charsetOk) {
    error(H.certificateNumber, `证书编号只能包含字母、数字和“-”，且不超过${CERTIFICATE_NUMBER_MAX_LENGTH}个字符`);
  } else {
    const expected = expectedLayout(ctx.kind);
    if (expected === 'skill_level_22' && cert.layout !== 'skill_level_22') {
      warn(H.certificateNumber, '证书编号不是常见的22位职业技能等级证书编号格式，请核对');
    } else if (expected === 'qualification_16' && cert.layout !== 'qualification_16') {
      warn(H.certificateNumber, '证书编号不是常见的16位职业资格证书编号格式，请核对');
    }
    if (expected === 'skill_level_22' && cert.parts) {
      if (level !== null && cert.parts.level !== level) {
        warn(H.certificateNumber, `证书编号中的等级位（${cert.parts.level}）与职业技能等级不一致，请核对`);
      }
      if (issueDate !== null && cert.parts.year2 !== issueDate.slice(2, 4)) {
        warn(H.certificateNumber, `证书编号中的年份位（${cert.parts.year2}）与发证年份不一致，请核对`);
      }
    }
  }

  // 准考证号 (optional)
  const admissionTicket = normalizeIdentifierText(text(input.admissionTicket));
  if (admissionTicket !== '' && !/^[0-9A-Z-]{1,30}$/.test(admissionTicket)) {
    error(H.admissionTicket, '准考证号只能包含字母、数字和“-”，且不超过30个字符');
  }

  // Scores and 评定成绩 (optional)
  const scores = (['theoryScore', 'practicalScore', 'comprehensiveScore'] as const).map((field) => {
    const r = parseScore(input[field]);
    if (!r.ok) {
      error(H[field], `${H[field]}“${text(input[field])}”无效，应为0—100之间、最多一位小数的数值`);
      return null;
    }
    return r.value;
  });
  const resultText = text(input.result);
  const result = parseAssessmentResult(resultText);
  if (resultText !== '' && result === null) {
    error(H.result, `评定成绩“${resultText}”无效，应为${listLabels(ASSESSMENT_RESULTS)}之一或代码1—4`);
  } else if (result === 1) {
    // Seed 003 第二条: a certificate is granted to those who pass (对合格者所授予); a failed assessment is no certificate.
    error(H.result, '评定成绩为“不合格”：考核不合格者不颁发证书，该记录不能作为证书数据上报');
  }

  if (issues.some((i) => i.severity === 'error')) {
    return { issues, record: null };
  }
  return {
    issues,
    record: {
      kind: ctx.kind,
      holderName,
      idType: idType!,
      idNumber,
      idNumberCanonical,
      gender: gender!,
      birthDate: birthDate!,
      education,
      occupationCode,
      occupationName,
      workType: workType === '' ? null : workType,
      level,
      certificateNumber: cert.normalized,
      issueDate: issueDate!,
      admissionTicket: admissionTicket === '' ? null : admissionTicket,
      theoryScore: scores[0],
      practicalScore: scores[1],
      comprehensiveScore: scores[2],
      result,
    },
  };
}

/** the problems of one record (errors and warnings), each naming the column in Chinese. */
export function validateCertificateRecord(
  input: CertificateRecordInput,
  ctx: CertificateValidationContext,
): RecordIssue[] {
  return parseCertificateRecord(input, ctx).issues;
}
