import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditTargetNames, numericIds } from '../audit/audit-target-names';
import { CertificatesRepository } from './certificates.repository';

/** Names certificate records in the audit log by their certificate number (the holder's ID number stays out). */
@Injectable()
export class CertificateAuditNames implements OnModuleInit {
  constructor(
    private readonly names: AuditTargetNames,
    private readonly certificates: CertificatesRepository,
  ) {}

  onModuleInit(): void {
    this.names.register('certificate', async (ids) => {
      const numbers = await this.certificates.numbersByIds(numericIds(ids));
      return new Map([...numbers].map(([id, number]) => [String(id), number]));
    });
  }
}
