import type { Organisation } from '../organisations/entities/organisation.entity';
import type { Certificate } from '../certificates/entities/certificate.entity';
import type {
  CertificateRecordInput,
  CorrectionOwner,
  CorrectionRoute,
  CorrectionRouteKind,
  CorrectionStage,
  OrganisationLevel,
  WorkOrderUrgency,
} from '@app/domain';
import { correctionRoute, EDITABLE_CERTIFICATE_FIELDS } from '@app/domain';
import type { Correction } from './entities/correction.entity';

/** The certificate a request is about, its issuing institution and the centres above it. */
export interface CorrectionSubject {
  certificate: Certificate;
  institution: Organisation;
  /** The institution's parent centre (municipal, or provincial for provincial institutions). */
  parent: Organisation;
  province: Organisation;
  national: Organisation;
  /** The stored record in template values or codes, ID number decrypted (never logged or returned). */
  current: CertificateRecordInput;
}

/** The phase of the certificate's data a route was chosen for: a work order is for data in review. */
export function phaseOfRoute(route: CorrectionRouteKind): 'in_review' | 'published' {
  return route === 'work_order' ? 'in_review' : 'published';
}

/** A filed request's stages, from what it stores (a resubmission may bring another urgency). */
export function routeOfRequest(
  c: Pick<Correction, 'type' | 'route' | 'urgency'>,
  parentLevel: OrganisationLevel,
  urgency: WorkOrderUrgency | null = c.urgency,
): CorrectionRoute {
  return correctionRoute({
    type: c.type,
    status: phaseOfRoute(c.route),
    institutionParentLevel: parentLevel,
    urgency,
  });
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
