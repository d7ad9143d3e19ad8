import { DomainError } from '@app/domain';
import { AuditLog } from '../../apps/api/src/audit/entities/audit-log.entity';
import { parseListQuery } from '../../apps/api/src/common/http/list-query';
import { DATA_ADMIN_LIST } from '../../apps/api/src/data-admins/data-admin-list';
import { DataAdminsModule } from '../../apps/api/src/data-admins/data-admins.module';
import { DataAdminsService } from '../../apps/api/src/data-admins/data-admins.service';
import { DataAdministrator } from '../../apps/api/src/data-admins/entities/data-administrator.entity';
import { OutboxMail } from '../../apps/api/src/mail/entities/outbox-mail.entity';
import { RemindersModule } from '../../apps/api/src/reminders/reminders.module';
import { RemindersService } from '../../apps/api/src/reminders/reminders.service';
import { User } from '../../apps/api/src/users/entities/user.entity';
import { OrgTree } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';
import { WORKFLOW_MODULES } from './support/workflow-modules';

const FORM = {
  position: '科员',
  officePhone: '020-83212345',
  mobile: '13812345678',
  qq: '123456789',
  publicContact: '020-83212300（工作日）',
};

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return 'resolved';
};

// R-4 (附件2) on a real database: registration, the head's approval, the handover in one transaction, history, the
// coverage gaps and the reminder recipients with and without an active administrator.
describe('data administrators (medium)', () => {
  let m: MediumContext;
  let service: DataAdminsService;
  let tree: OrgTree;
  const u: Record<string, User> = {};

  beforeAll(async () => {
    m = await createMediumContext({
      imports: [...WORKFLOW_MODULES, DataAdminsModule, RemindersModule],
      env: { PUBLIC_URL: 'https://console.example.cn' },
    });
    service = m.get(DataAdminsService);
    tree = await m.factories.tree();
    const f = m.factories;
    u.admin1 = await f.user(tree.city, ['municipal_admin'], { email: 'admin1@demo.example.cn', displayName: '林一' });
    u.admin2 = await f.user(tree.city, ['municipal_admin'], { email: 'admin2@demo.example.cn', displayName: '林二' });
    u.head = await f.user(tree.city, ['municipal_head'], { email: 'head@demo.example.cn' });
    u.provAdmin = await f.user(tree.province, ['provincial_admin']);
    u.operator = await f.user(tree.institution, ['institution_operator'], { email: 'op@demo.example.cn' });
  });
  afterAll(() => m?.close());

  const as = (user: User) =>
    m.factories.actor(
      user,
      user.organisationId === tree.city.id
        ? tree.city
        : user.organisationId === tree.province.id
          ? tree.province
          : tree.institution,
    );

  describe('registration and approval', () => {
    it('a registration waits for the head; the mobile is encrypted at rest and masked in lists', async () => {
      const first = await service.register(as(u.admin1), { userId: u.admin1.id, ...FORM, mobile: '138 1234 5678' });
      expect(first).toMatchObject({
        status: 'pending',
        statusLabel: '待负责人审批',
        name: '林一',
        mobile: '138****5678',
      });
      const stored = await m.dataSource.getRepository(DataAdministrator).findOneByOrFail({ id: first.id });
      expect(stored.mobileEnc).not.toContain('13812345678');
      expect(stored.activeOrganisationId).toBeNull();
      const { rows } = await service.list(
        as(u.provAdmin),
        parseListQuery({ filter: JSON.stringify({ status: 'pending' }) }, DATA_ADMIN_LIST),
      );
      expect(rows.map((r) => [r.id, r.mobile])).toEqual([[first.id, '138****5678']]);
      expect(await service.coverage(as(u.provAdmin))).toEqual([
        expect.objectContaining({ organisationId: tree.city.id, pending: 1 }),
      ]);
    });

    it('refuses an account that is not a municipal_admin of a centre, and a second pending registration', async () => {
      expect(await codeOf(service.register(as(u.provAdmin), { userId: u.head.id, ...FORM }))).toBe(
        'DATA_ADMIN_USER_NOT_ELIGIBLE',
      );
      expect(await codeOf(service.register(as(u.provAdmin), { userId: u.admin1.id, ...FORM }))).toBe(
        'DATA_ADMIN_ALREADY_PENDING',
      );
      expect(await codeOf(service.register(as(u.provAdmin), { userId: u.admin2.id, ...FORM, mobile: '1234' }))).toBe(
        'DATA_ADMIN_INVALID',
      );
    });

    it('only the head decides; a stale version is 409', async () => {
      const [pending] = await m.dataSource.getRepository(DataAdministrator).findBy({ userId: u.admin1.id });
      expect(await codeOf(service.approve(as(u.provAdmin), pending.id, pending.version))).toBe('DATA_ADMIN_NOT_HEAD');
      expect(await codeOf(service.approve(as(u.head), pending.id, pending.version + 1))).toBe('STALE_VERSION');
      const approved = await service.approve(as(u.head), pending.id, pending.version);
      expect(approved).toMatchObject({ status: 'active', predecessorId: null, decidedByName: u.head.displayName });
      expect(approved.handovers.map((h) => [h.id, h.predecessorId])).toEqual([[pending.id, null]]);
      expect(await codeOf(service.approve(as(u.head), pending.id, approved.version))).toBe('DATA_ADMIN_NOT_PENDING');
      expect(await service.coverage(as(u.provAdmin))).toEqual([]);
    });

    it('approving the next administrator hands over from the active one, in one transaction, history kept', async () => {
      const first = (await m.dataSource.getRepository(DataAdministrator).findOneByOrFail({ userId: u.admin1.id })).id;
      const next = await service.register(as(u.admin1), { userId: u.admin2.id, ...FORM, qq: null });
      const approved = await service.approve(as(u.head), next.id, next.version);
      expect(approved).toMatchObject({ status: 'active', predecessorId: first, predecessorName: '林一' });
      expect(approved.handovers.map((h) => [h.name, h.predecessorName, h.replacedAt === null])).toEqual([
        ['林二', '林一', true],
        ['林一', null, false],
      ]);
      const old = await service.get(as(u.head), first);
      expect(old).toMatchObject({ status: 'replaced', successorId: next.id });
      const audit = await m.dataSource
        .getRepository(AuditLog)
        .find({ where: { targetType: 'data_administrator' }, order: { id: 'ASC' } });
      expect(audit.map((a) => [a.action, Number(a.targetId)])).toEqual([
        ['data_admin.register', first],
        ['data_admin.approve', first],
        ['data_admin.register', next.id],
        ['data_admin.handover', first],
        ['data_admin.approve', next.id],
      ]);
      expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain('13812345678');
      const active = await m.dataSource.getRepository(DataAdministrator).findBy({ status: 'active' });
      expect(active.map((a) => a.id)).toEqual([next.id]);
    });

    it('a rejection names its reason and leaves the active administrator in place', async () => {
      const again = await service.register(as(u.admin2), { userId: u.admin1.id, ...FORM });
      const rejected = await service.reject(as(u.head), again.id, again.version, '已调岗');
      expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '已调岗' });
      const active = await m.dataSource.getRepository(DataAdministrator).findBy({ status: 'active' });
      expect(active.map((a) => a.userId)).toEqual([u.admin2.id]);
    });

    it('approval re-checks the account: a disabled or moved one is refused, and nobody approves themselves', async () => {
      const extra = await m.factories.user(tree.city, ['municipal_admin'], { displayName: '林三' });
      const pending = await service.register(as(u.admin2), { userId: extra.id, ...FORM });
      await m.dataSource.getRepository(User).update({ id: extra.id }, { disabled: true });
      expect(await codeOf(service.approve(as(u.head), pending.id, pending.version))).toBe(
        'DATA_ADMIN_USER_NOT_ELIGIBLE',
      );
      await m.dataSource
        .getRepository(User)
        .update({ id: extra.id }, { disabled: false, roles: ['municipal_admin', 'municipal_head'] });
      const himself = m.factories.actor({ ...extra, roles: ['municipal_admin', 'municipal_head'] }, tree.city);
      expect(await codeOf(service.approve(himself, pending.id, pending.version))).toBe('DATA_ADMIN_NOT_HEAD');
      await service.reject(as(u.head), pending.id, pending.version, '测试结束');
    });

    it('two approvals racing for one centre: exactly one becomes active', async () => {
      const t = await m.factories.tree({ regionCode: '450000' });
      const a = await m.factories.user(t.city, ['municipal_admin']);
      const b = await m.factories.user(t.city, ['municipal_admin']);
      const head = await m.factories.user(t.city, ['municipal_head']);
      const actor = (x: User) => m.factories.actor(x, t.city);
      const ra = await service.register(actor(a), { userId: a.id, ...FORM });
      const rb = await service.register(actor(a), { userId: b.id, ...FORM });
      const results = await Promise.allSettled([
        service.approve(actor(head), ra.id, ra.version),
        service.approve(actor(head), rb.id, rb.version),
      ]);
      const active = await m.dataSource
        .getRepository(DataAdministrator)
        .findBy({ organisationId: t.city.id, status: 'active' });
      expect(active).toHaveLength(1);
      // Either both succeeded one after the other (the second a handover) or the loser got 409.
      const fulfilled = results.filter((r) => r.status === 'fulfilled').length;
      if (fulfilled === 2) {
        expect(
          await m.dataSource
            .getRepository(DataAdministrator)
            .countBy({ organisationId: t.city.id, status: 'replaced' }),
        ).toBe(1);
      } else {
        expect(fulfilled).toBe(1);
        const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect((rejected.reason as DomainError).code).toMatch(/STALE_VERSION|DATA_ADMIN_NOT_PENDING/);
      }
    });
  });

  describe('reminder recipients (R-35 with R-4)', () => {
    let t: OrgTree;
    const p: Record<string, User> = {};
    let runId = 1000;
    const recipientsOfRun = async () => {
      const before = (await m.dataSource.getRepository(OutboxMail).find()).length;
      await m.get(RemindersService).run((runId += 1));
      return (await m.dataSource.getRepository(OutboxMail).find({ order: { id: 'ASC' } }))
        .slice(before)
        .map((r) => r.recipient)
        .sort();
    };

    beforeAll(async () => {
      t = await m.factories.tree({ regionCode: '460000' });
      p.a = await m.factories.user(t.city, ['municipal_admin'], { email: 'ra@demo.example.cn' });
      p.b = await m.factories.user(t.city, ['municipal_admin'], { email: 'rb@demo.example.cn' });
      p.head = await m.factories.user(t.city, ['municipal_head'], { email: 'rhead@demo.example.cn' });
      p.op = await m.factories.user(t.institution, ['institution_operator'], { email: 'rop@demo.example.cn' });
    });

    it('while the centre has no active administrator, every municipal_admin of it is reminded', async () => {
      // Due in 2 working days from Monday 2026-11-23: a municipal review item of this centre.
      await m.factories.batch(t.institution, p.op, { status: 'municipal_review', dueDate: '2026-11-25' });
      const pending = await service.register(m.factories.actor(p.a, t.city), { userId: p.a.id, ...FORM });
      expect(pending.status).toBe('pending');
      const recipients = await recipientsOfRun();
      expect(recipients.filter((r) => r.startsWith('r'))).toEqual(['ra@demo.example.cn', 'rb@demo.example.cn']);
    });

    it('once one is active, only the active administrator is reminded (also as the escalation target)', async () => {
      const pending = await m.dataSource.getRepository(DataAdministrator).findOneByOrFail({ userId: p.a.id });
      await service.approve(m.factories.actor(p.head, t.city), pending.id, pending.version);
      // A new item of the centre (due soon) and an overdue correction escalated to the centre's municipal_admin.
      await m.factories.batch(t.institution, p.op, { status: 'municipal_review', dueDate: '2026-11-24' });
      await m.factories.batch(t.institution, p.op, { status: 'returned', dueDate: '2026-11-18' });
      const recipients = await recipientsOfRun();
      expect(recipients.filter((r) => r.startsWith('r'))).toEqual(['ra@demo.example.cn', 'rop@demo.example.cn']);
    });

    it('when the active administrator is disabled, the centre falls back to every municipal_admin', async () => {
      await m.dataSource.getRepository(User).update({ id: p.a.id }, { disabled: true });
      await m.factories.batch(t.institution, p.op, { status: 'municipal_review', dueDate: '2026-11-23' });
      const recipients = await recipientsOfRun();
      expect(recipients.filter((r) => r.startsWith('r'))).toEqual(['rb@demo.example.cn']);
    });
  });
});
