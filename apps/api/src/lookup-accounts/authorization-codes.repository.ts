import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LookupKind } from '@app/domain';
import { AuthorizationCode } from './entities/authorization-code.entity';
import { LookupAccount } from './entities/lookup-account.entity';

/** authorization codes, one row per account and kind. */
@Injectable()
export class AuthorizationCodesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listOf(accountId: number): Promise<AuthorizationCode[]> {
    return this.dataSource.getRepository(AuthorizationCode).find({ where: { accountId }, order: { kind: 'ASC' } });
  }

  findOwn(accountId: number, id: number): Promise<AuthorizationCode | null> {
    return this.dataSource.getRepository(AuthorizationCode).findOneBy({ id, accountId });
  }

  findOfKind(manager: EntityManager, accountId: number, kind: LookupKind): Promise<AuthorizationCode | null> {
    return manager.getRepository(AuthorizationCode).findOneBy({ accountId, kind });
  }

  /** The code with this blind index and the blind index of its holder's ID number (the key of the holder's certificates). */
  async findByHash(
    codeHash: string,
  ): Promise<{ code: AuthorizationCode; holderIdentifierHash: string; holderName: string } | null> {
    const code = await this.dataSource.getRepository(AuthorizationCode).findOneBy({ codeHash });
    if (!code) return null;
    const holder = await this.dataSource.getRepository(LookupAccount).findOne({
      select: { id: true, identifierHash: true, name: true, disabled: true },
      where: { id: code.accountId },
    });
    return holder && !holder.disabled
      ? { code, holderIdentifierHash: holder.identifierHash, holderName: holder.name }
      : null;
  }

  async insert(
    manager: EntityManager,
    row: Pick<AuthorizationCode, 'accountId' | 'kind' | 'codeEnc' | 'codeHash' | 'issuedAt' | 'expiresAt' | 'stopped'>,
  ): Promise<number> {
    const { identifiers } = await manager.getRepository(AuthorizationCode).insert(row);
    return Number(identifiers[0].id);
  }

  async update(
    manager: EntityManager,
    id: number,
    changes: Partial<Pick<AuthorizationCode, 'codeEnc' | 'codeHash' | 'issuedAt' | 'expiresAt' | 'stopped'>>,
  ): Promise<void> {
    await manager.getRepository(AuthorizationCode).update({ id }, changes);
  }

  findById(manager: EntityManager, id: number): Promise<AuthorizationCode> {
    return manager.getRepository(AuthorizationCode).findOneByOrFail({ id });
  }
}
