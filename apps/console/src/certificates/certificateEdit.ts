import { EDITABLE_CERTIFICATE_FIELDS, type CertificateRecord } from '@app/contracts';

/** The fields a record edit sends, as the API declares them. */
export const EDITABLE_FIELDS = EDITABLE_CERTIFICATE_FIELDS;

const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const clean = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/**
 * `PUT /api/admin/certificates/:id` body. A cleared field is sent as null (emptied); the ID number
 * only when retyped, since the list never holds the real one.
 */
export function certificateEditBody(values: Record<string, unknown>, record: Pick<CertificateRecord, 'version'>) {
  const body: Record<string, unknown> = { version: record.version, reason: clean(values.editReason) };
  for (const field of EDITABLE_FIELDS) body[field] = blank(values[field]) ? null : clean(values[field]);
  if (!blank(values.idNumber)) body.idNumber = clean(values.idNumber);
  return body;
}
