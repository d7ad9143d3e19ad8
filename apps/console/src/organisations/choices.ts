import { ORGANISATION_LEVEL_LABELS, ORGANISATION_LEVELS, type OrganisationLevel, type Role } from '@app/domain';

export interface Organisation {
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
  deadlineProfile: DeadlineProfile;
  scope?: ScopeEntry[] | null;
  childCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ScopeEntry {
  occupationCode: string;
  occupationName: string;
  levels: number[];
  validFrom: string;
  validTo: string | null;
}

export type InstitutionKind = 'employer' | 'technical_school' | 'social_training';
export type InstitutionStatus = 'active' | 'ceased' | 'dissolved';
export type DeadlineProfile = 'national' | 'guangdong';

export const levelChoices = ORGANISATION_LEVELS.map((id) => ({ id, name: ORGANISATION_LEVEL_LABELS[id] }));

export const kindChoices: Array<{ id: InstitutionKind; name: string }> = [
  { id: 'employer', name: '用人单位' },
  { id: 'technical_school', name: '技工院校' },
  { id: 'social_training', name: '社会培训评价组织' },
];

// ceased institutions still maintain their data; a dissolved one's data passes to its parent centre.
export const statusChoices: Array<{ id: InstitutionStatus; name: string; color: 'success' | 'warning' | 'default' }> = [
  { id: 'active', name: '正常', color: 'success' },
  { id: 'ceased', name: '停止认定', color: 'warning' },
  { id: 'dissolved', name: '主体灭失', color: 'default' },
];

export const deadlineProfileChoices: Array<{ id: DeadlineProfile; name: string }> = [
  { id: 'national', name: '国家指南' },
  { id: 'guangdong', name: '广东省' },
];

// 5 五级/初级工 … 1 一级/高级技师; listed from the entry level up.
export const skillLevelChoices = [
  { id: 5, name: '五级/初级工', short: '五级' },
  { id: 4, name: '四级/中级工', short: '四级' },
  { id: 3, name: '三级/高级工', short: '三级' },
  { id: 2, name: '二级/技师', short: '二级' },
  { id: 1, name: '一级/高级技师', short: '一级' },
];

export function choiceName<T extends { id: unknown; name: string }>(choices: readonly T[], id: unknown): string {
  return choices.find((c) => c.id === id)?.name ?? (id == null ? '' : String(id));
}

/** Levels a user may create, by role: centres below one's own, and municipal admins institutions only. */
export function creatableLevels(roles: readonly Role[]): OrganisationLevel[] {
  if (roles.includes('national_admin')) return ['provincial', 'municipal', 'institution'];
  if (roles.includes('provincial_admin')) return ['municipal', 'institution'];
  if (roles.includes('municipal_admin')) return ['institution'];
  return [];
}
