import { DataSource } from 'typeorm';
import { BatchStatus, maskIdNumber, OrganisationLevel, residentIdCheckChar, Role } from '@app/domain';
import { Actor } from '../../../apps/api/src/common/actor/actor';
import { FixedClock } from '../../../apps/api/src/common/clock';
import { FieldCipher } from '../../../apps/api/src/crypto/field-cipher';
import { Batch } from '../../../apps/api/src/batches/entities/batch.entity';
import { BatchDecision } from '../../../apps/api/src/batches/entities/batch-decision.entity';
import { Correction } from '../../../apps/api/src/corrections/entities/correction.entity';
import { LookupLog } from '../../../apps/api/src/lookup/entities/lookup-log.entity';
import { Flag, FlagCertificate } from '../../../apps/api/src/screening/entities/flag.entity';
import { Recheck } from '../../../apps/api/src/screening/entities/recheck.entity';
import { Certificate } from '../../../apps/api/src/certificates/entities/certificate.entity';
import { Organisation } from '../../../apps/api/src/organisations/entities/organisation.entity';
import { User } from '../../../apps/api/src/users/entities/user.entity';

/** A chef occupation (4-03-02-01 中式烹调师) that demo scopes and the occupation catalogue both know. */
export const CHEF = { occupationCode: '4-03-02-01', occupationName: '中式烹调师' };

/** The smallest tree a rule needs: national → province → city → institution, with a user for each when asked. */
export interface OrgTree {
  national: Organisation;
  province: Organisation;
  city: Organisation;
  institution: Organisation;
}

/**
 * Small factories for the medium tier: each creates exactly the rows a test names, with valid defaults (a valid
 * ID number, an institution registered for the chef occupation), so a test reads as the rule it checks.
 */
export class Factories {
  private sequence = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly clock: FixedClock,
  ) {}

  private next(): number {
    this.sequence += 1;
    return this.sequence;
  }

  async organisation(
    overrides: Partial<Organisation> & { level: OrganisationLevel; parent?: Organisation | null },
  ): Promise<Organisation> {
    const { parent, ...fields } = overrides;
    const n = this.next();
    const repo = this.dataSource.getRepository(Organisation);
    const isInstitution = fields.level === 'institution';
    const { identifiers } = await repo.insert({
      parentId: parent?.id ?? null,
      regionCode: parent?.regionCode ?? '440000',
      name: `${fields.level}-${n}`,
      deadlineProfile: parent?.deadlineProfile ?? 'national',
      creditCode: isInstitution ? creditCode(n) : null,
      kind: isInstitution ? 'training_school' : null,
      registeredAt: isInstitution ? '2020-01-01' : null,
      scope: isInstitution ? [{ ...CHEF, levels: [1, 2, 3, 4, 5], validFrom: '2020-01-01', validTo: null }] : null,
      ...fields,
    } as Partial<Organisation>);
    const id = Number(identifiers[0].id);
    const path = `${parent?.path ?? '/'}${id}/`;
    await repo.update({ id }, { path });
    return repo.findOneByOrFail({ id });
  }

  async tree(
    options: { regionCode?: string; deadlineProfile?: Organisation['deadlineProfile'] } = {},
  ): Promise<OrgTree> {
    const national = await this.organisation({
      level: 'national',
      regionCode: '000000',
      name: `部中心-${this.next()}`,
    });
    const province = await this.organisation({
      level: 'provincial',
      parent: national,
      regionCode: options.regionCode ?? '440000',
      deadlineProfile: options.deadlineProfile ?? 'national',
    });
    const city = await this.organisation({
      level: 'municipal',
      parent: province,
      regionCode: `${province.regionCode.slice(0, 2)}0100`,
    });
    const institution = await this.organisation({ level: 'institution', parent: city });
    return { national, province, city, institution };
  }

  async user(organisation: Organisation, roles: Role[], overrides: Partial<User> = {}): Promise<User> {
    const n = this.next();
    const repo = this.dataSource.getRepository(User);
    const { identifiers } = await repo.insert({
      username: `user${n}`,
      displayName: `用户${n}`,
      roles,
      organisationId: organisation.id,
      passwordHash: 'scrypt$unused',
      ...overrides,
    });
    return repo.findOneByOrFail({ id: Number(identifiers[0].id) });
  }

  /** The acting principal for a user, as the auth guard would build it. */
  actor(user: User, organisation: Organisation): Actor {
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      organisationId: organisation.id,
      organisationPath: organisation.path,
      organisationLevel: organisation.level,
      ip: '127.0.0.1',
    };
  }

  async batch(institution: Organisation, createdBy: User, overrides: Partial<Batch> = {}): Promise<Batch> {
    const repo = this.dataSource.getRepository(Batch);
    const { identifiers } = await repo.insert({
      kind: 'skill_level',
      status: 'draft' as BatchStatus,
      institutionId: institution.id,
      orgPath: institution.path,
      createdById: createdBy.id,
      recordCount: 0,
      fileName: `批次${this.next()}.xlsx`,
      ...overrides,
    });
    return repo.findOneByOrFail({ id: Number(identifiers[0].id) });
  }

  /** Certificates in a batch, each with its own valid resident ID number; the batch's record count follows. */
  async certificates(
    batch: Batch,
    count: number,
    overrides: Partial<Certificate> & { idNumber?: string } = {},
  ): Promise<Certificate[]> {
    const { idNumber, ...fields } = overrides;
    const repo = this.dataSource.getRepository(Certificate);
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const n = this.next();
      const id = idNumber ?? residentId('440106', '19900101', n);
      const { identifiers } = await repo.insert({
        batchId: batch.id,
        institutionId: batch.institutionId,
        kind: batch.kind,
        holderName: `持证人${n}`,
        idType: 1,
        idNumberEnc: this.cipher.encrypt(id),
        idNumberHash: this.cipher.blindIndex(id),
        idNumberMasked: maskIdNumber(id),
        gender: 1,
        birthDate: '1990-01-01',
        ...CHEF,
        level: 4,
        certificateNumber: `S000000${String(n).padStart(13, '0')}`,
        issueDate: this.clock.today(),
        status: 'draft',
        rowNumber: i + 2,
        ...fields,
      });
      ids.push(Number(identifiers[0].id));
    }
    await this.dataSource.getRepository(Batch).increment({ id: batch.id }, 'recordCount', count);
    return repo.findBy(ids.map((id) => ({ id })));
  }

  /** A workflow step on a batch as the review services write it (taken now unless `createdAt` says otherwise). */
  async decision(batch: Batch, actor: User, overrides: Partial<BatchDecision> = {}): Promise<BatchDecision> {
    const repo = this.dataSource.getRepository(BatchDecision);
    const { identifiers } = await repo.insert({
      batchId: batch.id,
      action: 'submit',
      stage: 'draft',
      resultStatus: 'municipal_review',
      actorId: actor.id,
      actorName: actor.displayName,
      actorRole: actor.roles.join(','),
      organisationId: batch.institutionId,
      recordCount: batch.recordCount,
      createdAt: this.clock.now(),
      ...overrides,
    });
    return repo.findOneByOrFail({ id: Number(identifiers[0].id) });
  }

  /** An open re-check task of a certificate of `institution`, owned by `province`. */
  async recheck(institution: Organisation, province: Organisation, overrides: Partial<Recheck> = {}): Promise<Recheck> {
    const repo = this.dataSource.getRepository(Recheck);
    const { identifiers } = await repo.insert({
      certificateId: this.next(),
      flagId: null,
      provinceId: province.id,
      orgPath: institution.path,
      suspendReason: '疑似问题',
      suspendedById: 1,
      suspendedAt: this.clock.now(),
      dueDate: this.clock.today(),
      status: 'open',
      version: 1,
      ...overrides,
    });
    return repo.findOneByOrFail({ id: Number(identifiers[0].id) });
  }

  /** A correction request of a certificate of `institution`, pending at `stage` unless told otherwise. */
  async correction(
    institution: Organisation,
    province: Organisation,
    overrides: Partial<Correction> = {},
  ): Promise<Correction> {
    const repo = this.dataSource.getRepository(Correction);
    const { identifiers } = await repo.insert({
      certificateId: this.next(),
      openCertificateId: null,
      institutionId: institution.id,
      provinceId: province.id,
      orgPath: institution.path,
      type: 'modify',
      route: 'published_modification',
      status: 'pending',
      stage: 'municipal_review',
      changedFields: 'holderName',
      reason: '姓名录入错误',
      dueDate: this.clock.today(),
      requestedById: 1,
      requestedAt: this.clock.now(),
      version: 1,
      ...overrides,
    });
    return repo.findOneByOrFail({ id: Number(identifiers[0].id) });
  }

  /** A screening flag on certificates of these institutions. */
  async flag(institutions: Organisation[], overrides: Partial<Flag> = {}): Promise<Flag> {
    const n = this.next();
    const repo = this.dataSource.getRepository(Flag);
    const { identifiers } = await repo.insert({
      rule: 'frequent_holder',
      fingerprint: `fingerprint-${n}`,
      status: 'open',
      summary: '同一证件号码短期内多次取证',
      evidence: '{}',
      certificateCount: institutions.length,
      raisedAt: this.clock.now(),
      version: 1,
      ...overrides,
    });
    const flagId = Number(identifiers[0].id);
    await this.dataSource
      .getRepository(FlagCertificate)
      .insert(institutions.map((i) => ({ flagId, certificateId: this.next(), orgPath: i.path })));
    return repo.findOneByOrFail({ id: flagId });
  }

  /** `count` public lookups logged on a Beijing day in one mode. */
  async lookupLogs(day: string, mode: LookupLog['mode'], count: number): Promise<void> {
    await this.dataSource.getRepository(LookupLog).insert(
      Array.from({ length: count }, () => ({
        at: new Date(`${day}T04:00:00.000Z`),
        day,
        accountId: null,
        clientAddress: '127.0.0.1',
        mode,
        kind: 'skill_level' as const,
        fields: 'certificateNumber',
        found: 1,
      })),
    );
  }
}

/** A valid 18-character resident ID number: area, birth date, a sequence (odd = male), check character. */
export function residentId(area: string, birth: string, sequence: number): string {
  const first17 = `${area}${birth}${String((sequence % 500) * 2 + 1).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A syntactically distinct unified social credit code per institution (uniqueness is all the schema checks). */
function creditCode(n: number): string {
  return `52440000MJ${String(n).padStart(8, '0')}`;
}
