import {
  ASSESSMENT_RESULTS,
  CERTIFICATE_COLUMN_HEADER,
  CERTIFICATE_LEVELS,
  CORRECTABLE_FIELDS,
  EDUCATION_LEVELS,
  GENDERS,
  ID_TYPES,
  type CodeEntry,
  type CorrectableField,
} from '@app/domain';
import type { CertificateRecord } from '@app/contracts';

// How the correctable fields read on screen: the template's Chinese headers, coded values as their labels.

/** The fields whose value is a code of a table (sent as the code, shown as its label). */
export const CODED_FIELDS: Partial<Record<CorrectableField, readonly CodeEntry<number>[]>> = {
  idType: ID_TYPES,
  gender: GENDERS,
  education: EDUCATION_LEVELS,
  level: CERTIFICATE_LEVELS,
  result: ASSESSMENT_RESULTS,
};

export const DATE_FIELDS: readonly CorrectableField[] = ['birthDate', 'issueDate'];
export const SCORE_FIELDS: readonly CorrectableField[] = ['theoryScore', 'practicalScore', 'comprehensiveScore'];

/** The template's column header (姓名, 证件号码, …): what the institution's own sheet calls the field. */
export function fieldHeader(field: CorrectableField): string {
  return CERTIFICATE_COLUMN_HEADER[field] ?? field;
}

/** Choices of a picker of fields, in the template's column order. */
export const correctableFieldChoices = CORRECTABLE_FIELDS.map((field) => ({ id: field, name: fieldHeader(field) }));

/**
 * A field's value as a reader expects it: a code (number, or its digits as text) as the table's label, anything else
 * as given. Values that already are labels pass through.
 */
export function fieldValueText(field: CorrectableField, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value).trim();
  const table = CODED_FIELDS[field];
  if (!table || text === '') return text;
  return table.find((entry) => String(entry.code) === text)?.label ?? text;
}

/** A shown value back into what the field's input holds: codes and scores as numbers, the rest as text. */
export function fieldInputValue(field: CorrectableField, value: string | number | null | undefined): unknown {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  const table = CODED_FIELDS[field];
  if (table) {
    const text = String(value).trim();
    const entry = table.find((e) => String(e.code) === text || e.label === text);
    return entry ? entry.code : null;
  }
  if (SCORE_FIELDS.includes(field)) {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return typeof value === 'string' ? value.trim() : value;
}

/** What a certificate holds now in each field, as a reader expects it (the ID number only masked, R-9). */
export const currentTextOf =
  (record: CertificateRecord) =>
  (field: CorrectableField): string =>
    field === 'idNumber' ? record.idNumberMasked : fieldValueText(field, record[field]);
