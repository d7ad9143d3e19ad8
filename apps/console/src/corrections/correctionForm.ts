import {
  correctionRoute,
  CORRECTABLE_FIELDS,
  sameFieldValue,
  type AttachmentPurpose,
  type CorrectableField,
  type CorrectionChanges,
  type CorrectionRouteKind,
  type CorrectionType,
  type RawCellValue,
} from '@app/domain';
import {
  WORK_ORDER_CHANGE_TYPES,
  WORK_ORDER_DEFAULT_MODULE,
  WORK_ORDER_URGENCIES,
  type CertificateRecord,
  type CertificateStatus,
  type CorrectionChangeView,
  type CorrectionResubmitBody,
  type CreateCorrectionBody,
  type WorkOrderFields,
} from '@app/contracts';
import { fieldInputValue } from './correctionFields';

export interface CorrectionFormRoute {
  kind: CorrectionRouteKind;
  /** What the form's attachments are (附件4, 附件5-1, 附件5-2); null for a direct edit. */
  purpose: AttachmentPurpose | null;
  /** The API refuses the request without an attachment of `purpose`. */
  attachmentRequired: boolean;
  /** The certificate is in review: the request is a work order with 附件4's own fields (R-21). */
  workOrder: boolean;
}

const PURPOSE: Record<CorrectionRouteKind, AttachmentPurpose | null> = {
  direct_edit: null,
  work_order: 'work_order',
  published_modification: 'erratum_statement',
  published_deletion: 'holder_commitment',
};

/** What a route's form is (附件4, 附件5-1, 附件5-2); null for a direct edit. */
export function routePurpose(kind: CorrectionRouteKind): AttachmentPurpose | null {
  return PURPOSE[kind];
}

/**
 * The form's route by the certificate's status (correctionRoute): drafts and returned batches are edited in place,
 * data in review goes by work order, published data by erratum statement or deletion commitment.
 */
export function correctionFormRoute(status: CertificateStatus, type: CorrectionType): CorrectionFormRoute {
  // The parent's level changes only the stages, not the kind of route the form needs.
  const { kind } = correctionRoute({ type, status, institutionParentLevel: 'municipal' });
  return {
    kind,
    purpose: PURPOSE[kind],
    attachmentRequired: kind === 'published_modification' || kind === 'published_deletion',
    workOrder: kind === 'work_order',
  };
}

/** The request form's values (react-hook-form): the fields picked, their new values, and the request's own fields. */
export interface CorrectionFormValues {
  fields?: CorrectableField[];
  after?: Partial<Record<CorrectableField, unknown>>;
  reason?: string;
  attachmentIds?: number[];
  workOrder?: Partial<WorkOrderFields>;
}

const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const clean = (value: unknown): RawCellValue =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? value : null;

/** What the record holds for a field (the ID number never: the console has only its masked form). */
function currentValue(record: CertificateRecord, field: CorrectableField): RawCellValue {
  if (field === 'idNumber') return null;
  return record[field];
}

/**
 * The `changes` of the request: the picked fields, in the template's column order, whose typed value differs from the
 * record's (a cleared field as null). The ID number is sent when typed, since the console cannot compare it.
 */
export function correctionChanges(record: CertificateRecord, values: CorrectionFormValues): CorrectionChanges {
  const picked = new Set(values.fields ?? []);
  const after = values.after ?? {};
  const changes: CorrectionChanges = {};
  for (const field of CORRECTABLE_FIELDS) {
    if (!picked.has(field)) continue;
    const typed = after[field];
    if (field === 'idNumber') {
      if (!blank(typed)) changes.idNumber = clean(typed);
      continue;
    }
    const value = blank(typed) ? null : clean(typed);
    if (!sameFieldValue(field, currentValue(record, field), value)) changes[field] = value;
  }
  return changes;
}

/** The form starts from the record's values, a 普通 data-modification work order on the printed module. */
export function correctionFormDefaults(record: CertificateRecord): CorrectionFormValues {
  const after: Partial<Record<CorrectableField, unknown>> = {};
  for (const field of CORRECTABLE_FIELDS) if (field !== 'idNumber') after[field] = currentValue(record, field);
  return {
    fields: [],
    after,
    reason: '',
    attachmentIds: [],
    workOrder: { urgency: 'normal', changeType: 'data_modification', module: WORK_ORDER_DEFAULT_MODULE },
  };
}

/** 附件4's fields as sent: the typed ones, the printed defaults otherwise, the request's reason as 变更理由. */
export function workOrderFields(values: Partial<WorkOrderFields> | undefined, reason: string): WorkOrderFields {
  const urgency = WORK_ORDER_URGENCIES.find((u) => u === values?.urgency) ?? 'normal';
  const changeType = WORK_ORDER_CHANGE_TYPES.find((t) => t === values?.changeType) ?? 'data_modification';
  const module = typeof values?.module === 'string' && values.module.trim() ? values.module.trim() : null;
  return { urgency, changeType, module: module ?? WORK_ORDER_DEFAULT_MODULE, reason };
}

/** `POST /api/admin/corrections` body. */
export function createCorrectionBody(
  record: CertificateRecord,
  type: CorrectionType,
  values: CorrectionFormValues,
): CreateCorrectionBody {
  const route = correctionFormRoute(record.status, type);
  const reason = typeof values.reason === 'string' ? values.reason.trim() : '';
  return {
    certificateId: record.id,
    type,
    ...(type === 'modify' ? { changes: correctionChanges(record, values) } : {}),
    reason,
    attachmentIds: [...(values.attachmentIds ?? [])],
    ...(route.workOrder ? { workOrder: workOrderFields(values.workOrder, reason) } : {}),
  };
}

/** A returned request's form starts from what was asked: its fields, their new values, reason and attachments. */
export function resubmitDefaults(correction: {
  changes: CorrectionChangeView[];
  reason: string;
  attachments: Array<{ id: number }>;
  workOrder: WorkOrderFields | null;
}): CorrectionFormValues {
  const after: Partial<Record<CorrectableField, unknown>> = {};
  for (const change of correction.changes) {
    // The ID number comes masked: left empty, it keeps the number asked for before.
    after[change.field] = change.field === 'idNumber' ? null : fieldInputValue(change.field, change.after);
  }
  return {
    fields: correction.changes.map((c) => c.field),
    after,
    reason: correction.reason,
    attachmentIds: correction.attachments.map((a) => a.id),
    workOrder: correction.workOrder ?? undefined,
  };
}

interface ResubmitSubject {
  version: number;
  type: CorrectionType;
  changes: CorrectionChangeView[];
  workOrder: WorkOrderFields | null;
}

/** Whether the amended form changes what was asked (fields added or dropped, or a value retyped). */
export function resubmitAltersChanges(correction: ResubmitSubject, values: CorrectionFormValues): boolean {
  if (correction.type !== 'modify') return false;
  const before = resubmitDefaults({ ...correction, reason: '', attachments: [] });
  const earlier = before.fields ?? [];
  const after = values.after ?? {};
  const picked = values.fields ?? [];
  if (picked.length !== earlier.length || picked.some((field) => !earlier.includes(field))) return true;
  return picked.some((field) => {
    const typed = after[field];
    if (field === 'idNumber') return !blank(typed);
    return !sameFieldValue(field, clean(before.after?.[field]), blank(typed) ? null : clean(typed));
  });
}

/**
 * The ID number asked before comes back masked, so it cannot be resent as it was: once the changes are amended
 * (which replaces them as a whole), an ID number still picked must be typed again.
 */
export function idNumberNeededAgain(correction: ResubmitSubject, values: CorrectionFormValues): boolean {
  return (
    (values.fields ?? []).includes('idNumber') &&
    blank(values.after?.idNumber) &&
    resubmitAltersChanges(correction, values)
  );
}

/**
 * `POST …/resubmit` body: the amended reason, attachments and 附件4 fields, and the changes only when they were
 * altered (omitted, the request keeps the earlier ones, the ID number included).
 */
export function resubmitBody(correction: ResubmitSubject, values: CorrectionFormValues): CorrectionResubmitBody {
  const reason = typeof values.reason === 'string' ? values.reason.trim() : '';
  const body: CorrectionResubmitBody = {
    version: correction.version,
    attachmentIds: [...(values.attachmentIds ?? [])],
  };
  if (reason) body.reason = reason;
  if (resubmitAltersChanges(correction, values)) {
    const after = values.after ?? {};
    const picked = values.fields ?? [];
    const changes: CorrectionChanges = {};
    for (const field of CORRECTABLE_FIELDS) {
      if (!picked.includes(field)) continue;
      const typed = after[field];
      if (field === 'idNumber' && blank(typed)) continue;
      changes[field] = blank(typed) ? null : clean(typed);
    }
    body.changes = changes;
  }
  if (correction.workOrder) body.workOrder = workOrderFields(values.workOrder, reason || correction.workOrder.reason);
  return body;
}
