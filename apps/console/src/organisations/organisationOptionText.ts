import { ORGANISATION_LEVEL_LABELS } from '@app/domain';
import type { OrganisationView } from '@app/contracts';

/** "广州市（市级技能中心）" — names repeat across levels, so pickers show the level too. */
export function organisationOptionText(record: Pick<OrganisationView, 'name' | 'level'> | undefined): string {
  if (!record) return '';
  return `${record.name}（${ORGANISATION_LEVEL_LABELS[record.level] ?? record.level}）`;
}
