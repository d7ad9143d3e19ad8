import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { LookupAccount } from './entities/lookup-account.entity';
import { LookupSession } from './entities/lookup-session.entity';
import type { LookupAccountType } from '@app/contracts';

export interface OpenLookupSession {
  sessionId: number;
  lastSeenAt: Date;
  accountId: number;
  type: LookupAccountType;
  name: string;
  identifierHash: string;
  disabled: boolean;
}

/** Public lookup accounts and their sessions. */
@Injectable()
export class LookupAccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: number): Promise<LookupAccount | null> {
    return this.dataSource.getRepository(LookupAccount).findOneBy({ id });
  }

  /** The accounts whose identifier or mobile number has one of these blind indexes (at most two). */
  findByLoginHashes(identifierHash: string, mobileHash: string | null): Promise<LookupAccount[]> {
    const qb = this.dataSource
      .getRepository(LookupAccount)
      .createQueryBuilder('a')
      .where('a.identifier_hash = :identifierHash', { identifierHash });
    if (mobileHash) qb.orWhere('a.mobile_hash = :mobileHash', { mobileHash });
    return qb.getMany();
  }

  /** Which of the two blind indexes are taken, by any account's identifier or mobile number. */
  async taken(identifierHash: string, mobileHash: string): Promise<{ identifier: boolean; mobile: boolean }> {
    const rows = await this.dataSource
      .getRepository(LookupAccount)
      .createQueryBuilder('a')
      .select(['a.identifierHash', 'a.mobileHash'])
      .where('a.identifier_hash IN (:...hashes) OR a.mobile_hash IN (:...hashes)', {
        hashes: [identifierHash, mobileHash],
      })
      .getMany();
    return {
      identifier: rows.some((r) => r.identifierHash === identifierHash || r.mobileHash === identifierHash),
      mobile: rows.some((r) => r.mobileHash === mobileHash || r.identifierHash === mobileHash),
    };
  }

  async insert(manager: EntityManager, row: Omit<LookupAccount, 'id' | 'createdAt' | 'updatedAt'>): Promise<number> {
    const { identifiers } = await manager.getRepository(LookupAccount).insert(row);
    return Number(identifiers[0].id);
  }

  async recordLogin(manager: EntityManager, id: number, at: Date): Promise<void> {
    await manager.getRepository(LookupAccount).update({ id }, { lastLoginAt: at });
  }

  // ---- sessions ----

  /** The open session of a token and what the guard needs of its account, in one read (every lookup request). */
  async findOpenSession(tokenHash: string): Promise<OpenLookupSession | null> {
    const row = await this.dataSource
      .createQueryBuilder()
      .select([
        's.id AS "sessionId"',
        's.last_seen_at AS "lastSeenAt"',
        'a.id AS "accountId"',
        'a.type AS "type"',
        'a.name AS "name"',
        'a.identifier_hash AS "identifierHash"',
        'a.disabled AS "disabled"',
      ])
      .from(LookupSession, 's')
      .innerJoin(LookupAccount, 'a', 'a.id = s.account_id')
      .where('s.token_hash = :tokenHash AND s.ended_at IS NULL', { tokenHash })
      .getRawOne<Record<string, unknown>>();
    if (!row) return null;
    return {
      sessionId: Number(row.sessionId),
      lastSeenAt:
        row.lastSeenAt instanceof Date ? row.lastSeenAt : new Date(`${String(row.lastSeenAt).replace(' ', 'T')}Z`),
      accountId: Number(row.accountId),
      type: row.type as LookupAccountType,
      name: String(row.name),
      identifierHash: String(row.identifierHash),
      disabled: Boolean(Number(row.disabled)),
    };
  }

  async insertSession(
    manager: EntityManager,
    row: Pick<LookupSession, 'tokenHash' | 'accountId' | 'lastSeenAt' | 'ip'>,
  ): Promise<void> {
    await manager.getRepository(LookupSession).insert(row);
  }

  async touchSession(id: number, lastSeenAt: Date): Promise<void> {
    await this.dataSource.getRepository(LookupSession).update({ id }, { lastSeenAt });
  }

  async endSession(id: number, at: Date): Promise<void> {
    await this.dataSource.getRepository(LookupSession).update({ id }, { endedAt: at });
  }

  async endSessionByTokenHash(tokenHash: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(LookupSession).update({ tokenHash, endedAt: IsNull() }, { endedAt: at });
  }
}
