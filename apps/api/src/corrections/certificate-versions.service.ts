import { Injectable } from '@nestjs/common';
import {
  ASSESSMENT_RESULTS,
  CERTIFICATE_LEVELS,
  CORRECTABLE_FIELDS,
  changedFields,
  EDUCATION_LEVELS,
  GENDERS,
  ID_TYPES,
  labelOf,
  type CodeEntry,
  type CorrectableField,
  type VersionSnapshot,
} from '@app/domain';
import type { CertificateVersionView } from '@app/contracts';
import type { Actor } from '../common/actor/actor';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { CertificatesService } from '../certificates/certificates.service';
import type { Certificate } from '../certificates/entities/certificate.entity';
import { FieldCipher } from '../crypto/field-cipher';
import { UsersRepository } from '../users/users.repository';
import { fieldLabel } from './correction-views';

/** Coded fields are shown by their labels (男, 三级/高级工 …), as the template writes them. */
const CODE_TABLES: Partial<Record<CorrectableField, readonly CodeEntry<string | number>[]>> = {
  idType: ID_TYPES,
  gender: GENDERS,
  education: EDUCATION_LEVELS,
  level: CERTIFICATE_LEVELS,
  result: ASSESSMENT_RESULTS,
};

/** A version's stored row: the certificate as it is, or a superseded one parsed from its history snapshot. */
type StoredRow = Certificate;

/**
 * every version of a certificate, oldest first — the superseded ones from its history, the last as it stands —
 * each with its values (ID number masked) and the fields it changed against the one before.
 */
@Injectable()
export class CertificateVersionsService {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly certificatesService: CertificatesService,
    private readonly users: UsersRepository,
    private readonly cipher: FieldCipher,
  ) {}

  async versions(actor: Actor, certificateId: number): Promise<CertificateVersionView[]> {
    const { certificate } = await this.certificatesService.within(actor, certificateId);
    const history = await this.certificates.historyOf(certificateId);
    const rows: StoredRow[] = [...history.map((h) => JSON.parse(h.snapshot) as StoredRow), certificate];
    const people = await this.users.labelsByIds(history.map((h) => h.changedById));
    let previous: VersionSnapshot | null = null;
    return rows.map((row, index): CertificateVersionView => {
      const raw = rawOf(row, this.cipher.decrypt(row.idNumberEnc));
      const made = index === 0 ? null : history[index - 1];
      const view: CertificateVersionView = {
        version: index + 1,
        correctionId: made?.correctionId ?? null,
        changes: previous
          ? changedFields(previous, raw).map((c) => ({ ...c, fieldLabel: fieldLabel(c.field), ...labelled(c) }))
          : [],
        values: valuesOf(row),
        source: made ? made.change : 'import',
        createdByName: made ? (people.get(made.changedById) ?? null) : null,
        createdAt: made ? made.createdAt.toISOString() : new Date(row.createdAt).toISOString(),
      };
      previous = raw;
      return view;
    });
  }
}

function rawOf(row: StoredRow, idNumber: string): VersionSnapshot {
  const raw: VersionSnapshot = {};
  for (const field of CORRECTABLE_FIELDS) {
    raw[field] = field === 'idNumber' ? idNumber : (row[field as keyof StoredRow] as string | number | null);
  }
  return raw;
}

function shown(field: CorrectableField, value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const table = CODE_TABLES[field];
  if (!table) return String(value);
  const code = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return labelOf(table, code) || String(value);
}

function labelled(c: { field: CorrectableField; before: string | null; after: string | null }) {
  return c.field === 'idNumber' ? {} : { before: shown(c.field, c.before), after: shown(c.field, c.after) };
}

function valuesOf(row: StoredRow): Record<CorrectableField, string | null> {
  const values = {} as Record<CorrectableField, string | null>;
  for (const field of CORRECTABLE_FIELDS) {
    values[field] =
      field === 'idNumber' ? row.idNumberMasked : shown(field, row[field as keyof StoredRow] as string | number | null);
  }
  return values;
}
