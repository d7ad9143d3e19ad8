import { CertificateRecord, maskIdNumber } from '@app/domain';
import type { FieldCipher } from '../crypto/field-cipher';
import type { Certificate } from './entities/certificate.entity';

/**
 * The stored columns of a validated record — the one place that turns a CertificateRecord into a row: the ID
 * number only as ciphertext, blind index and masked form. Import, re-upload, edits and the demo use it.
 */
export function certificateFields(record: CertificateRecord, cipher: Pick<FieldCipher, 'encrypt' | 'blindIndex'>) {
  return {
    kind: record.kind,
    holderName: record.holderName,
    idType: record.idType,
    idNumberEnc: cipher.encrypt(record.idNumber),
    idNumberHash: cipher.blindIndex(record.idNumberCanonical),
    idNumberMasked: maskIdNumber(record.idNumber),
    gender: record.gender,
    birthDate: record.birthDate,
    education: record.education,
    occupationCode: record.occupationCode,
    occupationName: record.occupationName,
    workType: record.workType,
    level: record.level,
    certificateNumber: record.certificateNumber,
    issueDate: record.issueDate,
    admissionTicket: record.admissionTicket,
    theoryScore: record.theoryScore,
    practicalScore: record.practicalScore,
    comprehensiveScore: record.comprehensiveScore,
    result: record.result,
  } satisfies Partial<Certificate>;
}

/**
 * Leaves the ID number in `idNumberEnc` and its canonical form in `idNumberHash`, for rows that a SealingWorker
 * seals before they are stored (CertificatesRepository.sealRows). Such rows must never be written as they are.
 */
export const PLAIN_SEAL: Pick<FieldCipher, 'encrypt' | 'blindIndex'> = {
  encrypt: (plain) => plain,
  blindIndex: (plain) => plain,
};
