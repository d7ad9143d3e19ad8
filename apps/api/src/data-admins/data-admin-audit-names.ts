import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditTargetNames, numericIds } from '../audit/audit-target-names';
import { DataAdminsRepository } from './data-admins.repository';

/** Names data administrator records in the audit log as 姓名 · 中心. */
@Injectable()
export class DataAdminAuditNames implements OnModuleInit {
  constructor(
    private readonly names: AuditTargetNames,
    private readonly repository: DataAdminsRepository,
  ) {}

  onModuleInit(): void {
    this.names.register('data_administrator', async (ids) => {
      const labels = await this.repository.labelsByIds(numericIds(ids));
      return new Map([...labels].map(([id, label]) => [String(id), label]));
    });
  }
}
