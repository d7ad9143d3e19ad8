import { maskIdNumber } from '../masking/masking';
import type { RawCellValue } from '../certificates/record';
import { CORRECTABLE_FIELDS, sameFieldValue, type CorrectableField } from './correction-refusal';

// what one certificate version changed against the one before, for the versions view.

export interface FieldChange {
  field: CorrectableField;
  /** ID numbers masked: plaintext never leaves the service in JSON. */
  before: string | null;
  after: string | null;
}

export type VersionSnapshot = Partial<Record<CorrectableField, RawCellValue>>;

function shown(field: CorrectableField, v: RawCellValue): string | null {
  if (v === null || v === undefined || String(v).trim() === '') return null;
  return field === 'idNumber' ? maskIdNumber(String(v)) : String(v).trim();
}

/** The changed fields in template column order; ID numbers compared canonically (15/18 digits, case). */
export function changedFields(before: VersionSnapshot, after: VersionSnapshot): FieldChange[] {
  return CORRECTABLE_FIELDS.filter((f) => !sameFieldValue(f, before[f], after[f])).map((field) => ({
    field,
    before: shown(field, before[field]),
    after: shown(field, after[field]),
  }));
}
