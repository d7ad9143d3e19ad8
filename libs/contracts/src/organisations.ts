import type { OrganisationLevel } from '@app/domain';

// The organisation tree's JSON shapes (`/api/admin/organisations…`).

export type InstitutionKind = 'employer' | 'technical_school' | 'social_training';
export type InstitutionStatus = 'active' | 'ceased' | 'dissolved';
export type DeadlineProfileName = 'national' | 'guangdong';

export const INSTITUTION_KIND_LABELS: Record<InstitutionKind, string> = {
  employer: '用人单位',
  technical_school: '技工院校',
  social_training: '社会培训评价组织',
};

// ceased institutions still maintain their data; a dissolved one's data passes to its parent centre.
export const INSTITUTION_STATUS_LABELS: Record<InstitutionStatus, string> = {
  active: '正常',
  ceased: '停止认定',
  dissolved: '主体灭失',
};

/** The names the organisation form gives each deadline profile. */
export const DEADLINE_PROFILE_LABELS: Record<DeadlineProfileName, string> = {
  national: '国家指南',
  guangdong: '广东省',
};

/** one registered (备案) occupation and its levels, valid over a period. */
export interface ScopeEntry {
  occupationCode: string;
  occupationName: string;
  levels: number[];
  validFrom: string;
  validTo: string | null;
}

/** `GET /api/admin/organisations` row and `GET /api/admin/organisations/:id`. */
export interface OrganisationView<Time = string> {
  id: number;
  level: OrganisationLevel;
  parentId: number | null;
  parentName: string | null;
  regionCode: string | null;
  name: string;
  creditCode?: string | null;
  kind?: InstitutionKind | null;
  status?: InstitutionStatus | null;
  registeredAt?: string | null;
  deadlineProfile: DeadlineProfileName;
  scope?: ScopeEntry[] | null;
  childCount: number;
  version: number;
  createdAt: Time;
  updatedAt: Time;
}
