import '../register-paths';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { loadConfig } from '../config/app-config';
import { resolveOptions } from '../database/data-source-options';
import { UnitOfWork } from '../database/unit-of-work';
import { AuditAnchorService } from './audit-anchor.service';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { AuditAnchor, AuditChainHead, AuditLog } from './entities/audit-log.entity';

// The tool reads only the audit tables, so it maps only their entities (and the audit feature needs no import
// of the application's composition).
const AUDIT_SCHEMA = { entities: [AuditLog, AuditChainHead, AuditAnchor], migrations: [] };

/** `npm run audit:verify`: checks the audit hash chain and its keyed anchors and names the first broken record. */
async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = await new DataSource(await resolveOptions(config.database.url, AUDIT_SCHEMA)).initialize();
  try {
    const clock = new Clock(config);
    const repository = new AuditRepository(dataSource);
    const audit = new AuditService(repository, new UnitOfWork(dataSource), clock);
    // the chain's links and its newest anchors (keyed with AUDIT_ANCHOR_KEY, as the server's).
    const result = await new AuditAnchorService(repository, audit, clock, config).verify();
    if (result.ok) {
      console.log(
        `审计日志链完整：共校验 ${result.checked} 条记录` +
          (result.anchoredSeq ? `，锚点至第 ${result.anchoredSeq} 条` : '（尚无锚点）'),
      );
    } else {
      console.error(
        `审计日志链已损坏：${result.reason}` +
          (result.firstBrokenId ? `（首个异常记录 id=${result.firstBrokenId}，序号 ${result.firstBrokenSeq}）` : '') +
          `；此前 ${result.checked} 条完好`,
      );
      process.exitCode = 1;
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
