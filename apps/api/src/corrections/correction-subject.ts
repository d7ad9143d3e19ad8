import type { Organisation } from '../organisations/entities/organisation.entity';
import type { Certificate } from '../certificates/entities/certificate.entity';
import type { CorrectionOwner, CorrectionStage, CertificateRecordInput } from '@app/domain';
import { EDITABLE_CERTIFICATE_FIELDS } from '@app/domain';

/** The certificate a request is about, its issuing institution and the centres above it. */
export interface CorrectionSubject {
  certificate: Certificate;
  institution: Organisation;
  /** The institution's parent centre (municipal, or provincial for provincial institutions). */
  parent: Organisation;
  province: Organisation;
  national: Organisation;
}

export function ownerOf(s: CorrectionSubject): CorrectionOwner {
  return {
    institutionId: s.institution.id,
    institutionStatus: s.institution.status,
    parentId: s.parent.id,
    parentLevel: s.parent.level,
    provinceId: s.province.id,
  };
}

/** The organisation whose staff decide `stage`: the parent centre, the province or the national centre. */
export function deciderOf(stage: CorrectionStage, s: CorrectionSubject): Organisation {
  if (stage.level === 'national') return s.national;
  if (stage.level === 'provincial') return s.province;
  return s.parent;
}

/** The stored record in template values or codes, with the decrypted ID number (never logged or returned). */
export function recordInputOf(certificate: Certificate, idNumber: string): CertificateRecordInput {
  const input: CertificateRecordInput = { idNumber };
  for (const field of EDITABLE_CERTIFICATE_FIELDS) {
    const value = certificate[field];
    input[field] = value === null ? undefined : value;
  }
  return input;
}
