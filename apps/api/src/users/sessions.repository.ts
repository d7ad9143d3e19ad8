import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Session } from './entities/session.entity';

/** Staff sessions: looked up by the SHA-256 of their bearer token, ended rather than deleted. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findOpenByTokenHash(tokenHash: string): Promise<Session | null> {
    return this.dataSource.getRepository(Session).findOneBy({ tokenHash, endedAt: IsNull() });
  }

  async insert(
    manager: EntityManager,
    row: Pick<Session, 'tokenHash' | 'userId' | 'lastSeenAt' | 'ip'>,
  ): Promise<void> {
    await manager.getRepository(Session).insert(row);
  }

  async touch(manager: EntityManager, id: number, lastSeenAt: Date): Promise<void> {
    await manager.getRepository(Session).update({ id }, { lastSeenAt });
  }

  async end(manager: EntityManager, id: number, at: Date): Promise<void> {
    await manager.getRepository(Session).update({ id }, { endedAt: at });
  }

  async endByTokenHash(manager: EntityManager, tokenHash: string, at: Date): Promise<void> {
    await manager.getRepository(Session).update({ tokenHash }, { endedAt: at });
  }

  /** Ends every session of the account (disabled, password reset). */
  async endAllOfUser(manager: EntityManager, userId: number, at: Date): Promise<void> {
    await manager.getRepository(Session).update({ userId }, { endedAt: at });
  }

  /** Ends the account's other open sessions, keeping the one with `keepTokenHash` (password changed). */
  async endOthersOfUser(manager: EntityManager, userId: number, keepTokenHash: string, at: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Session)
      .set({ endedAt: at })
      .where('user_id = :userId AND ended_at IS NULL AND token_hash <> :current', { userId, current: keepTokenHash })
      .execute();
  }
}
