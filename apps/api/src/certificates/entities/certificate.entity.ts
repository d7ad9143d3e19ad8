import { Column, Entity, Index } from 'typeorm';
import { TIMESTAMP, VersionedEntityBase } from '../../database/columns';
import type { CertificateStatus, LookupStatus } from '@app/contracts';

export type { CertificateStatus, LookupStatus } from '@app/contracts';

const scoreColumn = {
  type: 'decimal',
  precision: 4,
  scale: 1,
  nullable: true,
  transformer: { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) },
} as const;

/** one certificate record. ID numbers only encrypted, with a blind index for exact search. */
@Entity('certificates')
@Index(['batchId', 'id'])
@Index(['institutionId', 'issueDate'])
// the public coverage table reads only this index (visible published rows by kind and institution).
// publications per month count a day range of this index, the institution joined for jurisdiction.
@Index('IDX_certificates_published', ['publishedOn', 'institutionId'])
@Index('IDX_certificates_lookup_coverage', ['lookupStatus', 'status', 'kind', 'institutionId', 'issueDate'])
export class Certificate extends VersionedEntityBase {
  @Column({ type: 'int' })
  batchId!: number;

  @Column({ type: 'int' })
  institutionId!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'skill_level' | 'qualification' | 'special_ability';

  @Column({ type: 'varchar', length: 40 })
  holderName!: string;

  /** Code of the 2013 table (1 居民身份证 …). */
  @Column({ type: 'int' })
  idType!: number;

  /** AES-256-GCM ciphertext (FieldCipher). */
  @Column({ type: 'varchar', length: 160 })
  idNumberEnc!: string;

  /** HMAC-SHA256 blind index of the canonical ID number. */
  @Index()
  @Column({ type: 'varchar', length: 64 })
  idNumberHash!: string;

  /** R-10 masked form, kept so lists never need to decrypt. */
  @Column({ type: 'varchar', length: 40 })
  idNumberMasked!: string;

  /** 1 男, 2 女, 0 未知, 9 未说明. */
  @Column({ type: 'int' })
  gender!: number;

  @Column({ type: 'date' })
  birthDate!: string;

  /** Education code 91–99 of the 2013 table. */
  @Column({ type: 'int', nullable: true })
  education!: number | null;

  @Column({ type: 'varchar', length: 16 })
  occupationCode!: string;

  @Column({ type: 'varchar', length: 60 })
  occupationName!: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  workType!: string | null;

  @Column({ type: 'int', nullable: true })
  level!: number | null;

  /** unique nationally. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40 })
  certificateNumber!: string;

  @Column({ type: 'date' })
  issueDate!: string;

  /** the old mode finds qualification certificates by name and admission ticket, the one pair with no other index. */
  @Index('IDX_certificates_admission_ticket')
  @Column({ type: 'varchar', length: 40, nullable: true })
  admissionTicket!: string | null;

  @Column(scoreColumn)
  theoryScore!: number | null;

  @Column(scoreColumn)
  practicalScore!: number | null;

  @Column(scoreColumn)
  comprehensiveScore!: number | null;

  @Column({ type: 'int', nullable: true })
  result!: number | null;

  @Index()
  @Column({ type: 'varchar', length: 16 })
  status!: CertificateStatus;

  /** The sheet row the record came from, so messages can point at it. */
  @Column({ type: 'int' })
  rowNumber!: number;

  /** upload deadline from the issue date (set at submission). */
  @Column({ type: 'date', nullable: true })
  uploadDue!: string | null;

  /** why a reviewer returned this record. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  returnReason!: string | null;

  @Column({ type: 'date', nullable: true })
  publishedOn!: string | null;

  @Column({ ...TIMESTAMP, nullable: true })
  deletedAt!: Date | null;

  /**
   * whether the public lookup may show the record. Null until published, `visible` from publication;
   * screening sets `suspended` and corrections `deleted`. Every lookup reads only `visible` published rows.
   */
  @Column({ type: 'varchar', length: 16, nullable: true })
  lookupStatus!: LookupStatus | null;
}
