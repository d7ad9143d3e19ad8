import type { OccupationEntry } from '@app/domain';
import type { LookupStatus } from './screening';

// The certificate records' JSON shapes (`/api/admin/certificates…`).

export type CertificateStatus = 'draft' | 'in_review' | 'returned' | 'published';

export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  draft: '草稿',
  in_review: '审核中',
  returned: '已退回',
  published: '已发布',
};

/** `GET /api/admin/certificates` row: the ID number only masked. */
export interface CertificateRecord {
  id: number;
  batchId: number;
  holderName: string;
  idType: number;
  idNumberMasked: string;
  gender: number;
  birthDate: string;
  education: number | null;
  occupationCode: string;
  occupationName: string;
  workType: string | null;
  level: number | null;
  certificateNumber: string;
  issueDate: string;
  admissionTicket: string | null;
  theoryScore: number | null;
  practicalScore: number | null;
  comprehensiveScore: number | null;
  result: number | null;
  status: CertificateStatus;
  rowNumber: number;
  uploadDue: string | null;
  returnReason: string | null;
  publishedOn: string | null;
  /** whether lookup may find it (null until published); `suspended` by national. */
  lookupStatus: LookupStatus | null;
  lookupStatusLabel: string | null;
  version: number;
}

/** `GET /api/admin/occupations` entry: the 2022 职业分类大典 occupations certificates are issued for. */
export interface Occupation {
  code: string;
  name: string;
  levels: number[];
  /** In the 国家职业资格目录: the whole occupation, some of its work types, or none. */
  inQualificationCatalogue: OccupationEntry['inQualificationCatalogue2021'];
}

/** The fields a record edit sends (`PUT /api/admin/certificates/:id`); the list lives in the domain. */
export { EDITABLE_CERTIFICATE_FIELDS, type EditableCertificateField } from '@app/domain';
