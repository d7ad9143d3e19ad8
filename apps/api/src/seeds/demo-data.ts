import { DataSource } from 'typeorm';
import { maskMobile, type Role, WorkingDayCalendar } from '@app/domain';
import { UnitOfWork } from '../database/unit-of-work';
import { AuditService } from '../audit/audit.service';
import { AuditRepository } from '../audit/audit.repository';
import { AuditChainHead } from '../audit/entities/audit-log.entity';
import { GENESIS_HASH } from '../audit/audit-chain';
import { hashPassword } from '../crypto/password-hasher';
import type { Clock } from '../common/clock';
import type { FieldCipher } from '../crypto/field-cipher';
import { Organisation } from '../organisations/entities/organisation.entity';
import { OrganisationStatusChange } from '../organisations/entities/organisation-status.entity';
import { User } from '../users/entities/user.entity';
import { readConfigHolidayYears } from '../calendar/holiday-files';
import { loadDemoBatches } from './demo-batches';
import { DataAdministrator } from '../data-admins/entities/data-administrator.entity';
import { DEMO_DATA_ADMINISTRATORS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from './demo-organisations';

export interface DemoContext {
  /** Beijing "today" the demo's dates are relative to. */
  today: string;
  /** Time of the audit record the load writes. */
  clock: Clock;
  cipher: FieldCipher;
  /** Seed only an empty database (first start of the embedded default). */
  onlyIfEmpty: boolean;
}

const SYSTEM = { userId: null, username: 'system', organisationId: null, roles: ['system'], ip: '' };

/** Loads the demo organisations and accounts in one transaction (and later features' demo data). */
export async function loadDemoData(dataSource: DataSource, context: DemoContext): Promise<boolean> {
  const organisations = dataSource.getRepository(Organisation);
  if ((await organisations.count()) > 0) {
    if (context.onlyIfEmpty) return false;
    throw new Error('数据库中已有机构数据：演示数据只能装入空数据库');
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const audit = new AuditService(new AuditRepository(dataSource), new UnitOfWork(dataSource), context.clock);
  await dataSource.transaction(async (manager) => {
    await manager.getRepository(AuditChainHead).save({ id: 1, seq: 0, lastHash: GENESIS_HASH });
    const ids = new Map<string, Organisation>();
    for (const demo of DEMO_ORGANISATIONS) {
      const parent = demo.parentKey ? ids.get(demo.parentKey)! : null;
      const repo = manager.getRepository(Organisation);
      const inserted = await repo.insert({
        level: demo.level,
        parentId: parent?.id ?? null,
        regionCode: demo.regionCode,
        name: demo.name,
        deadlineProfile: demo.deadlineProfile ?? parent?.deadlineProfile ?? 'national',
        creditCode: demo.institution?.creditCode ?? null,
        kind: demo.institution?.kind ?? null,
        registeredAt: demo.institution?.registeredAt ?? null,
        scope: demo.institution?.scope ?? null,
        status: demo.institution?.statusChanges?.at(-1)?.status ?? 'active',
      });
      const id = Number(inserted.identifiers[0].id);
      await repo.update({ id }, { path: `${parent?.path ?? '/'}${id}/`, version: () => 'version' });
      if (demo.institution) {
        // the dated status history the organisations service keeps, from registration on.
        await manager
          .getRepository(OrganisationStatusChange)
          .insert([
            { organisationId: id, status: 'active', effectiveFrom: demo.institution.registeredAt },
            ...(demo.institution.statusChanges ?? []).map((c) => ({ organisationId: id, ...c })),
          ]);
      }
      ids.set(demo.key, await repo.findOneByOrFail({ id }));
    }
    await manager.getRepository(User).insert(
      DEMO_USERS.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        roles: u.roles as Role[],
        organisationId: ids.get(u.organisationKey)!.id,
        passwordHash,
        // demo digests and escalations need somewhere to go (a reserved-style demo domain).
        email: `${u.username}@demo.example.cn`,
      })),
    );
    const users = new Map((await manager.getRepository(User).find()).map((u) => [u.username, u]));
    // R-4: the centres' data administrators (附件2), registered by themselves and approved by their head.
    const now = context.clock.now();
    await manager.getRepository(DataAdministrator).insert(
      DEMO_DATA_ADMINISTRATORS.map((d) => {
        const user = users.get(d.username)!;
        const centre = [...ids.values()].find((o) => o.id === user.organisationId)!;
        const head = d.approvedBy ? users.get(d.approvedBy)! : null;
        return {
          organisationId: centre.id,
          orgPath: centre.path,
          activeOrganisationId: head ? centre.id : null,
          userId: user.id,
          name: user.displayName,
          position: d.position,
          officePhone: d.officePhone,
          mobileEnc: context.cipher.encrypt(d.mobile),
          mobileMasked: maskMobile(d.mobile),
          qq: d.qq,
          publicContact: d.publicContact,
          status: head ? ('active' as const) : ('pending' as const),
          registeredById: user.id,
          registeredAt: now,
          decidedById: head?.id ?? null,
          decidedAt: head ? now : null,
          activatedAt: head ? now : null,
        };
      }),
    );
    const { certificates, history } = await loadDemoBatches(manager, {
      today: context.today,
      calendar: new WorkingDayCalendar(readConfigHolidayYears()),
      cipher: context.cipher,
      organisations: ids,
      users,
    });
    // R-38: the demo batches' history in the audit trail as it would have been recorded, oldest first.
    for (const past of [...history].sort((a, b) => a.at.getTime() - b.at.getTime())) {
      await audit.recordPast(manager, past.subject, past.entry, past.at);
    }
    await audit.record(manager, SYSTEM, {
      action: 'demo.load',
      detail: `装入演示数据：${DEMO_ORGANISATIONS.length} 个机构，${DEMO_USERS.length} 个账号，${certificates} 条证书（基准日 ${context.today}）`,
    });
  });
  return true;
}
