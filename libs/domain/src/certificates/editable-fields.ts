// The record fields an edit sends back as values: every template column except the ID number, which travels apart
// (stored encrypted and never echoed in JSON, R-9).

/** The fields a record edit sends (`PUT /api/admin/certificates/:id`); each is the template's value or its code. */
export const EDITABLE_CERTIFICATE_FIELDS = [
  'holderName',
  'idType',
  'gender',
  'birthDate',
  'education',
  'occupationCode',
  'occupationName',
  'workType',
  'level',
  'certificateNumber',
  'issueDate',
  'admissionTicket',
  'theoryScore',
  'practicalScore',
  'comprehensiveScore',
  'result',
] as const;

export type EditableCertificateField = (typeof EDITABLE_CERTIFICATE_FIELDS)[number];
