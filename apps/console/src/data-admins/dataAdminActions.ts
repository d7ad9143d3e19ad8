import type { DataAdministratorRow } from '@app/contracts';
import { isAdminMobile, isLandline, isQqNumber, normalizeAdminMobile, normalizeLandline, type Role } from '@app/domain';

/**
 * what the console offers on a registration. Only the centre's head decides, and a head sees only its own
 * centre (jurisdiction), so a pending record a head can see is theirs to decide; the API checks again.
 */
export function dataAdminActions(record: Pick<DataAdministratorRow, 'status'>, roles: readonly Role[]) {
  const decide = record.status === 'pending' && roles.includes('municipal_head');
  return { approve: decide, reject: decide };
}

export const canRegisterDataAdmin = (roles: readonly Role[]) =>
  roles.includes('municipal_admin') || roles.includes('provincial_admin');

/** Form validators (the API checks the same rules, libs/domain): an i18n key for a problem, undefined when fine. */
export const validateOfficePhone = (value: unknown) =>
  !value || isLandline(normalizeLandline(value)) ? undefined : 'app.data_admins.invalid.office_phone';
export const validateMobile = (value: unknown) =>
  !value || isAdminMobile(normalizeAdminMobile(value)) ? undefined : 'app.data_admins.invalid.mobile';
export const validateQq = (value: unknown) =>
  !value || (typeof value === 'string' && isQqNumber(value.trim())) ? undefined : 'app.data_admins.invalid.qq';

/** The registration's body: the 附件2 fields, an empty QQ sent as null. */
export function registerBody(values: Record<string, unknown>) {
  const text = (key: string) => {
    const value = values[key];
    return typeof value === 'string' ? value.trim() : '';
  };
  return {
    userId: Number(values.userId),
    position: text('position'),
    officePhone: text('officePhone'),
    mobile: text('mobile'),
    qq: text('qq') || null,
    publicContact: text('publicContact'),
  };
}
