import type {
  DashboardLookupVolumes,
  DashboardMonthly,
  DashboardOverdueByRegion,
  DashboardScreening,
  DashboardView,
  DashboardWork,
} from '@app/contracts';
import { createTestApp, TestApp } from './support/test-app';

// R-40: the role dashboards' HTTP contract against the real app with the demo data (today 2026-11-23): shapes, who
// may read which figure (403 otherwise), bad query parameters (400), and figures that no source backs yet.
describe('role dashboards (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const get = async (username: string | null, path: string, query: Record<string, string | number> = {}) => {
    const req = t.http.get(path).query(query);
    return username ? req.set({ Authorization: `Bearer ${await t.login(username)}` }) : req;
  };

  describe('GET /api/admin/dashboard/work', () => {
    it('a provincial reviewer gets batches, re-checks, requests and complaints by stage', async () => {
      const res = await get('gd_reviewer', '/api/admin/dashboard/work');
      expect(res.status).toBe(200);
      const work = res.body as DashboardWork;
      expect(work.today).toBe('2026-11-23');
      expect(work.groups.map((g) => g.kind)).toEqual(['batches', 'rechecks', 'corrections', 'complaints']);
      for (const g of work.groups.filter((x) => x.available)) {
        expect(g.label).toMatch(/[\u4e00-\u9fff]/);
        expect(typeof g.total).toBe('number');
        expect(g.byStage.reduce((n, s) => n + s.total, 0)).toBe(g.total);
        for (const s of g.byStage) expect(s.label).toMatch(/[\u4e00-\u9fff]/);
      }
      const complaints = work.groups.find((g) => g.kind === 'complaints')!;
      expect(complaints).toMatchObject({ kind: 'complaints', label: '投诉处理', available: true });
      expect(complaints.byStage.map((st) => st.stage)).toEqual(['open', 'replied']);
    });

    it.each(['gd_reviewer', 'gz_admin', 'inst_gz1', 'nat_reviewer'])(
      '%s: the batches figure equals the home page 待我处理',
      async (username) => {
        const work = (await get(username, '/api/admin/dashboard/work')).body as DashboardWork;
        const view = (await get(username, '/api/admin/dashboard')).body as DashboardView;
        const batches = work.groups.find((g) => g.kind === 'batches')!;
        expect(batches.total).toBe(view.pending.total);
        expect(batches.due).toEqual({
          dueToday: view.pending.dueToday,
          dueSoon: view.pending.dueSoon,
          overdue: view.pending.overdue,
        });
      },
    );

    it('a national reviewer has open flags (no due dates); an institution neither flags nor re-checks', async () => {
      const nat = (await get('nat_reviewer', '/api/admin/dashboard/work')).body as DashboardWork;
      expect(nat.groups.find((g) => g.kind === 'flags')).toMatchObject({ available: true, due: null });
      const inst = (await get('inst_gz1', '/api/admin/dashboard/work')).body as DashboardWork;
      // Its corrections: those a confirmed re-check leaves it to file, none in the demo data.
      expect(inst.groups.map((g) => g.kind)).toEqual(['batches', 'corrections', 'complaints']);
      expect(inst.groups.find((g) => g.kind === 'corrections')).toMatchObject({
        total: 0,
        byStage: [{ stage: 'awaiting', label: '待补充提交', total: 0 }],
      });
    });
  });

  describe('GET /api/admin/dashboard/monthly', () => {
    it('twelve Beijing months by default, oldest first, ending with this month', async () => {
      const res = await get('gd_admin', '/api/admin/dashboard/monthly');
      expect(res.status).toBe(200);
      const { months } = res.body as DashboardMonthly;
      expect(months).toHaveLength(12);
      expect(months[0].month).toBe('2025-12');
      expect(months[11].month).toBe('2026-11');
      for (const m of months) {
        expect(Number.isInteger(m.submissions)).toBe(true);
        expect(Number.isInteger(m.publications)).toBe(true);
      }
    });

    it('within jurisdiction: the nation counts at least the two provinces together, each month', async () => {
      const figures = async (username: string) =>
        ((await get(username, '/api/admin/dashboard/monthly', { months: 24 })).body as DashboardMonthly).months;
      const [nat, gd, sc] = await Promise.all([figures('nat_admin'), figures('gd_admin'), figures('sc_reviewer')]);
      expect(nat.reduce((n, m) => n + m.publications, 0)).toBeGreaterThan(0);
      nat.forEach((m, i) => {
        expect(m.submissions).toBeGreaterThanOrEqual(gd[i].submissions + sc[i].submissions);
        expect(m.publications).toBeGreaterThanOrEqual(gd[i].publications + sc[i].publications);
      });
      // The demo's Sichuan data is not Guangdong's.
      const gdTotal = gd.reduce((n, m) => n + m.publications, 0);
      const natTotal = nat.reduce((n, m) => n + m.publications, 0);
      expect(gdTotal).toBeLessThan(natTotal);
    });

    it.each(['0', '37', 'abc', '1.5'])('months=%s is a 400', async (months) => {
      expect((await get('gd_admin', '/api/admin/dashboard/monthly', { months })).status).toBe(400);
    });
  });

  describe('GET /api/admin/dashboard/overdue-by-region', () => {
    it('centres get each organisation directly below with its overdue items; institutions get null', async () => {
      const res = await get('gd_admin', '/api/admin/dashboard/overdue-by-region');
      expect(res.status).toBe(200);
      const { regions } = res.body as DashboardOverdueByRegion;
      expect(regions!.length).toBeGreaterThan(0);
      for (const r of regions!) {
        expect(r.name).not.toBe('');
        expect(r.total).toBe(r.batches + r.rechecks + r.corrections);
      }
      const inst = (await get('inst_gz1', '/api/admin/dashboard/overdue-by-region')).body as DashboardOverdueByRegion;
      expect(inst.regions).toBeNull();
    });

    it('the overdue batches by region equal the home page organisations below', async () => {
      const view = (await get('gd_admin', '/api/admin/dashboard')).body as DashboardView;
      const { regions } = (await get('gd_admin', '/api/admin/dashboard/overdue-by-region'))
        .body as DashboardOverdueByRegion;
      for (const below of view.organisationsBelow!) {
        expect([below.name, regions!.find((r) => r.organisationId === below.organisationId)?.batches]).toEqual([
          below.name,
          below.overdue,
        ]);
      }
    });
  });

  describe('GET /api/admin/dashboard/screening', () => {
    it('supervising centres get every rule (0 included) and re-checks by due date', async () => {
      const res = await get('gd_reviewer', '/api/admin/dashboard/screening');
      expect(res.status).toBe(200);
      const body = res.body as DashboardScreening;
      expect(body.flagsByRule.length).toBe(9);
      expect(body.openFlags).toBe(body.flagsByRule.reduce((n, r) => n + r.open, 0));
      for (const r of body.flagsByRule) expect(r.label).toMatch(/[\u4e00-\u9fff]/);
      expect(Object.keys(body.rechecks).sort()).toEqual(['dueSoon', 'dueToday', 'overdue', 'total']);
    });

    it.each(['inst_gz1', 'auditor'])('%s gets 403', async (username) => {
      expect((await get(username, '/api/admin/dashboard/screening')).status).toBe(403);
    });
  });

  describe('GET /api/admin/dashboard/lookup-volumes', () => {
    it('national staff get every day of the range with every mode', async () => {
      const res = await get('nat_reviewer', '/api/admin/dashboard/lookup-volumes', { days: 7 });
      expect(res.status).toBe(200);
      const body = res.body as DashboardLookupVolumes;
      expect(body).toMatchObject({ from: '2026-11-17', to: '2026-11-23' });
      expect(body.days).toHaveLength(7);
      const modes = body.modes.map((m) => m.mode);
      expect(modes).toEqual(['old', 'mine', 'others', 'code', 'batch']);
      for (const d of body.days) expect(Object.keys(d.byMode)).toEqual(modes);
      for (const m of body.modes) expect(m.label).toMatch(/[\u4e00-\u9fff]/);
      const thirty = (await get('nat_admin', '/api/admin/dashboard/lookup-volumes')).body as DashboardLookupVolumes;
      expect(thirty.days).toHaveLength(30);
    });

    it.each(['gd_reviewer', 'gz_admin', 'inst_gz1', 'auditor'])('%s gets 403', async (username) => {
      expect((await get(username, '/api/admin/dashboard/lookup-volumes')).status).toBe(403);
    });

    it.each(['0', '367', 'x'])('days=%s is a 400', async (days) => {
      expect((await get('nat_reviewer', '/api/admin/dashboard/lookup-volumes', { days })).status).toBe(400);
    });
  });

  it('the auditor reads none of the work figures (403); no token is a 401', async () => {
    for (const path of ['work', 'monthly', 'overdue-by-region']) {
      expect([path, (await get('auditor', `/api/admin/dashboard/${path}`)).status]).toEqual([path, 403]);
      expect([path, (await get(null, `/api/admin/dashboard/${path}`)).status]).toEqual([path, 401]);
    }
  });
});
