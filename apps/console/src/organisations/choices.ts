import { ORGANISATION_LEVEL_LABELS, ORGANISATION_LEVELS, type OrganisationLevel, type Role } from '@app/domain';
import {
  DEADLINE_PROFILE_LABELS,
  INSTITUTION_KIND_LABELS,
  INSTITUTION_STATUS_LABELS,
  type DeadlineProfileName,
  type InstitutionKind,
  type InstitutionStatus,
} from '@app/contracts';

export const levelChoices = ORGANISATION_LEVELS.map((id) => ({ id, name: ORGANISATION_LEVEL_LABELS[id] }));

const choicesOf = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((id) => ({ id, name: labels[id] }));

export const kindChoices = choicesOf<InstitutionKind>(INSTITUTION_KIND_LABELS);

const STATUS_COLORS: Record<InstitutionStatus, 'success' | 'warning' | 'default'> = {
  active: 'success',
  ceased: 'warning',
  dissolved: 'default',
};

// ceased institutions still maintain their data; a dissolved one's data passes to its parent centre.
export const statusChoices = choicesOf<InstitutionStatus>(INSTITUTION_STATUS_LABELS).map((c) => ({
  ...c,
  color: STATUS_COLORS[c.id],
}));

export const deadlineProfileChoices = choicesOf<DeadlineProfileName>(DEADLINE_PROFILE_LABELS);

// 5 五级/初级工 … 1 一级/高级技师; listed from the entry level up.
export const skillLevelChoices = [
  { id: 5, name: '五级/初级工', short: '五级' },
  { id: 4, name: '四级/中级工', short: '四级' },
  { id: 3, name: '三级/高级工', short: '三级' },
  { id: 2, name: '二级/技师', short: '二级' },
  { id: 1, name: '一级/高级技师', short: '一级' },
];

export function choiceName<T extends { id: unknown; name: string }>(choices: readonly T[], id: unknown): string {
  return choices.find((c) => c.id === id)?.name ?? (typeof id === 'string' || typeof id === 'number' ? String(id) : '');
}

/** Levels a user may create, by role: centres below one's own, and municipal admins institutions only. */
export function creatableLevels(roles: readonly Role[]): OrganisationLevel[] {
  if (roles.includes('national_admin')) return ['provincial', 'municipal', 'institution'];
  if (roles.includes('provincial_admin')) return ['municipal', 'institution'];
  if (roles.includes('municipal_admin')) return ['institution'];
  return [];
}
