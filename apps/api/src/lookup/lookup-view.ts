import { CERTIFICATE_LEVELS, GENDERS, labelOf, maskCertificateNumber, maskName } from '@app/domain';
import type { LookupCertificate } from '@app/contracts';
import type { FieldCipher } from '../crypto/field-cipher';
import type { LookupCertificateRow } from './lookup-certificates.repository';

/**
 * One certificate as the public lookup shows it. Masked (R-10: name, ID number and certificate number, one `*` per
 * hidden character) for the old mode and the three-field query of others — from the stored masked ID number, never
 * decrypting; full (pass `cipher`: FieldCipher decrypts the ID number) for the holder's own view and by code.
 */
export function toLookupCertificate(
  row: LookupCertificateRow,
  options: { masked: boolean; cipher?: Pick<FieldCipher, 'decrypt'> },
): LookupCertificate {
  if (!options.masked && !options.cipher) throw new Error('toLookupCertificate: a full view needs the FieldCipher');
  return {
    kind: row.kind,
    holderName: options.masked ? maskName(row.holderName) : row.holderName,
    gender: labelOf(GENDERS, row.gender as never) || '未说明',
    idNumber: options.masked ? row.idNumberMasked : options.cipher!.decrypt(row.idNumberEnc),
    certificateNumber: options.masked ? maskCertificateNumber(row.certificateNumber) : row.certificateNumber,
    occupationName: row.occupationName,
    workType: row.workType,
    levelLabel: row.level === null ? null : labelOf(CERTIFICATE_LEVELS, row.level as never) || null,
    issueDate: row.issueDate,
    institutionName: row.institutionName,
    dataResponsibleUnit: row.dataResponsibleUnit,
    masked: options.masked,
  };
}
