import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditTargetNames, numericIds } from '../audit/audit-target-names';
import { UsersRepository } from './users.repository';

/** Names accounts in the audit log as 姓名（用户名）. */
@Injectable()
export class UserAuditNames implements OnModuleInit {
  constructor(
    private readonly names: AuditTargetNames,
    private readonly users: UsersRepository,
  ) {}

  onModuleInit(): void {
    this.names.register('user', async (ids) => {
      const labels = await this.users.labelsByIds(numericIds(ids));
      return new Map([...labels].map(([id, label]) => [String(id), label]));
    });
  }
}
