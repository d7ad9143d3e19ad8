import type { AttachmentPurpose } from '../attachments/attachment-file';
import type { Refusal } from '../batches/workflow-rules';
import type { DomainErrorCode } from '../errors';
import { canonicalIdNumberForSearch } from '../identifiers/resident-id';
import { EDITABLE_CERTIFICATE_FIELDS, type EditableCertificateField } from '../certificates/editable-fields';
import {
  CERTIFICATE_RECORD_COLUMNS,
  parseCertificateRecord,
  type CertificateRecordField,
  type CertificateRecordInput,
  type CertificateValidationContext,
  type RawCellValue,
} from '../certificates/record';

// whether a correction or deletion request may be filed, as the first refusal in a fixed order.

export const CORRECTION_TYPES = ['modify', 'delete'] as const;
export type CorrectionType = (typeof CORRECTION_TYPES)[number];

/** What a modification may change: the fields of a record edit plus the ID number, in the template's column order. */
export type CorrectableField = EditableCertificateField | 'idNumber';
export const CORRECTABLE_FIELDS: readonly CorrectableField[] = CERTIFICATE_RECORD_COLUMNS.map((c) => c.field).filter(
  (f): f is CorrectableField => f === 'idNumber' || (EDITABLE_CERTIFICATE_FIELDS as readonly string[]).includes(f),
);

/** The requested new values, by field (template values or codes, as a record edit sends them). */
export type CorrectionChanges = Partial<Record<CorrectableField, RawCellValue>>;

/** Where the certificate's data stands (its batch's phase). */
export type CertificateDataStatus = 'draft' | 'in_review' | 'returned' | 'published';

export function isCorrectableField(x: unknown): x is CorrectableField {
  return typeof x === 'string' && (CORRECTABLE_FIELDS as readonly string[]).includes(x);
}

/** Plain data the service gathers before a request is filed. */
export interface CorrectionFacts {
  type: CorrectionType;
  status: CertificateDataStatus;
  /** The certificate as stored, in template values or codes (ID number decrypted, never logged). */
  current: CertificateRecordInput;
  /** Modifications only. */
  changes?: CorrectionChanges | null;
  /** A request for this certificate is open (not yet applied, rejected or withdrawn). */
  openRequestExists: boolean;
  /** Modifications applied to this certificate so far (work orders and published modifications alike). */
  modificationsApplied: number;
  /** Overrides the provincial centre recorded for this certificate, each allowing one more modification. */
  overridesRecorded: number;
  /** Whether an applied modification already changed the holder's name / the ID number (compared canonically). */
  holderNameChangedBefore: boolean;
  idNumberChangedBefore: boolean;
  /** Purposes of the attachments given with the request. */
  attachmentPurposes: readonly AttachmentPurpose[];
  /** The import's validation context for the certificate's institution and kind, today from the clock. */
  validation: CertificateValidationContext;
}

export type CorrectionRefusalCode = Extract<
  DomainErrorCode,
  | 'CORRECTION_PENDING'
  | 'CORRECTION_ALREADY_USED'
  | 'CORRECTION_NAME_AND_ID'
  | 'CORRECTION_STATEMENT_REQUIRED'
  | 'DELETION_COMMITMENT_REQUIRED'
  | 'CORRECTION_INVALID'
>;

export interface CorrectionRefusal extends Refusal {
  code: CorrectionRefusalCode;
  /** CORRECTION_INVALID: the field at fault (null when the request as a whole is), and the reason alone. */
  field?: CorrectableField | null;
  reason?: string;
}

const FIELD_OF_HEADER = new Map<string, CertificateRecordField>(
  CERTIFICATE_RECORD_COLUMNS.map((c) => [c.header, c.field]),
);
const HEADER_OF_FIELD = new Map<string, string>(CERTIFICATE_RECORD_COLUMNS.map((c) => [c.field, c.header]));

function cell(v: RawCellValue): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/** Whether two values of `field` are the same: ID numbers compared canonically (15- and 18-digit forms alike). */
export function sameFieldValue(field: string, a: RawCellValue, b: RawCellValue): boolean {
  if (field === 'idNumber') return canonicalIdNumberForSearch(cell(a)) === canonicalIdNumberForSearch(cell(b));
  return cell(a) === cell(b);
}

/** The fields `changes` really changes against `current`, in the template's column order. */
export function effectiveChanges(current: CertificateRecordInput, changes: CorrectionChanges): CorrectableField[] {
  return CORRECTABLE_FIELDS.filter((f) => f in changes && !sameFieldValue(f, current[f], changes[f]));
}

function invalid(field: CorrectableField | null, reason: string): CorrectionRefusal {
  const where = field ? `（${HEADER_OF_FIELD.get(field) ?? field}）` : '';
  return { code: 'CORRECTION_INVALID', message: `修改后的证书数据不符合校验规则${where}：${reason}`, field, reason };
}

/**
 * The first refusal in the order of the rules (issue order: pending, already used, name and ID, statement or
 * commitment, record validation), or null when the request may be filed. Routing (direct edit of drafts) and who
 * may ask are separate questions (correctionRoute, correctionRequesterRefusal).
 */
export function correctionRefusal(facts: CorrectionFacts): CorrectionRefusal | null {
  if (facts.openRequestExists) {
    return {
      code: 'CORRECTION_PENDING',
      message: '该证书已有一项正在处理的修改或删除申请，请待其办结后再提出',
    };
  }
  const modify = facts.type === 'modify';
  const changes = facts.changes ?? {};
  const changed = modify ? effectiveChanges(facts.current, changes) : [];

  // one modification per certificate in principle; each provincial override allows one more.
  if (modify && facts.modificationsApplied > facts.overridesRecorded) {
    return {
      code: 'CORRECTION_ALREADY_USED',
      message: '该证书已修改过一次，原则上不再受理修改申请；确需再次修改的，须由省级技能中心登记理由后方可提出',
    };
  }

  // name and ID number — only one of the two in the certificate's life.
  const name = changed.includes('holderName');
  const id = changed.includes('idNumber');
  if ((name && id) || (name && facts.idNumberChangedBefore) || (id && facts.holderNameChangedBefore)) {
    return {
      code: 'CORRECTION_NAME_AND_ID',
      message:
        name && id
          ? '姓名和证件号码不能同时修改：一本证书在其有效期内只能修改两者之一'
          : `该证书已修改过${name ? '证件号码' : '姓名'}，不能再修改${name ? '姓名' : '证件号码'}：姓名和证件号码只能修改其一`,
    };
  }

  // the paper statement (附件5-1) or commitment (附件5-2) must be attached.
  if (modify && facts.status === 'published' && !facts.attachmentPurposes.includes('erratum_statement')) {
    return {
      code: 'CORRECTION_STATEMENT_REQUIRED',
      message: '修改已发布的证书数据，须上传评价机构的《数据勘误说明》（附件5-1）',
    };
  }
  if (!modify && !facts.attachmentPurposes.includes('holder_commitment')) {
    return {
      code: 'DELETION_COMMITMENT_REQUIRED',
      message: '删除证书数据，须上传《证书持有人承诺书》（附件5-2），证明持证人已放弃与证书挂钩的相关待遇',
    };
  }

  return modify ? modificationInvalid(facts, changes, changed) : deletionInvalid(changes);
}

function deletionInvalid(changes: CorrectionChanges): CorrectionRefusal | null {
  return Object.keys(changes).length > 0 ? invalid(null, '删除申请不能同时修改证书数据') : null;
}

/**
 * R-8 on the certificate with the changes applied. Only problems the change brings are refused: a rule that moved
 * since import (an expired scope, a new catalogue) must not block the correction of another field.
 */
function modificationInvalid(
  facts: CorrectionFacts,
  changes: CorrectionChanges,
  changed: CorrectableField[],
): CorrectionRefusal | null {
  const unknown = Object.keys(changes).find((k) => !isCorrectableField(k));
  if (unknown !== undefined) return invalid(null, `字段“${unknown}”不能通过修改申请变更`);
  if (changed.length === 0) return invalid(null, '申请没有改变任何字段');
  const key = (i: { column: string; message: string }) => `${i.column}\u0000${i.message}`;
  const errors = (input: CertificateRecordInput) =>
    parseCertificateRecord(input, facts.validation).issues.filter((i) => i.severity === 'error');
  const before = new Set(errors(facts.current).map(key));
  const after: CertificateRecordInput = { ...facts.current };
  for (const field of changed) after[field] = changes[field];
  const fresh = errors(after).find((i) => !before.has(key(i)));
  if (!fresh) return null;
  return invalid(FIELD_OF_HEADER.get(fresh.column) ?? null, fresh.message);
}
