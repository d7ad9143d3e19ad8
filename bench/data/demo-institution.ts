// A demo institution (apps/api/src/seeds/demo-organisations.ts) in the generator's shape, so a generated sheet
// imports as that institution's batch: the same certificate-number parts as the demo data's own certificates.
import { DEMO_ORGANISATIONS } from '../../apps/api/src/seeds/demo-organisations';
import type { GeneratedInstitution } from './generate';

const KIND_LABELS = {
  employer: '用人单位',
  technical_school: '技工院校',
  social_training: '社会培训评价组织',
} as const;

/** Serials of generated demo rows start here, far above the demo data's own (a few hundred per year and level). */
export const DEMO_SAMPLE_FIRST_SERIAL = 500_001;

export const demoInstitutionKeys = (): string[] =>
  DEMO_ORGANISATIONS.filter((o) => o.institution).map((o) => o.key);

export function demoInstitution(key: string): GeneratedInstitution | undefined {
  const org = DEMO_ORGANISATIONS.find((o) => o.key === key);
  if (!org?.institution) return undefined;
  const provinceCode = org.regionCode.slice(0, 2);
  if (provinceCode !== '44' && provinceCode !== '51') return undefined;
  return {
    index: 0,
    name: org.name,
    creditCode: org.institution.creditCode,
    institutionKind: KIND_LABELS[org.institution.kind],
    provinceCode,
    cityCode: `${org.regionCode.slice(0, 4)}00`,
    registeredAt: org.institution.registeredAt,
    institutionCode: org.institution.creditCode.slice(10, 14),
    siteCode: `${org.regionCode.slice(2)}01`,
    scope: org.institution.scope,
  };
}
