import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Actor } from '../../apps/api/src/common/actor/actor';
import { OccupationCatalogue } from '../../apps/api/src/organisations/occupation-catalogue';
import { BatchImportService } from '../../apps/api/src/batches/batch-import.service';
import { BatchQueryService } from '../../apps/api/src/batches/batch-query.service';
import { BatchSubmissionService } from '../../apps/api/src/batches/batch-submission.service';
import { ReviewsModule } from '../../apps/api/src/reviews/reviews.module';
import { ReviewsService } from '../../apps/api/src/reviews/reviews.service';
import { validRow } from '../e2e/support/batch-sheets';
import { createMediumContext, MediumContext } from './support/medium-context';
import { writeSheet } from './support/sheets';
import { WORKFLOW_MODULES } from './support/workflow-modules';

const STATEMENT = { reason: '考点系统故障导致数据整理延误', responsiblePerson: '周敏', contact: '020-86000000' };
/** 09:30 in Beijing on the given day. */
const morningOf = (day: string) => `${day}T01:30:00.000Z`;

// R-14, R-16: after a return, a resubmission is judged by the correction period; after it, by the records' own
// deadlines and the 6-month cutoff. One database, the clock moved between the days (formerly three apps in e2e).
describe('correction period after a return (medium)', () => {
  let m: MediumContext;
  let operator: Actor;
  let city: Actor;
  let dir: string;
  let seed = 800_000;

  beforeAll(async () => {
    m = await createMediumContext({ imports: [...WORKFLOW_MODULES, ReviewsModule], now: morningOf('2026-11-03') });
    const tree = await m.factories.tree({ deadlineProfile: 'guangdong' });
    operator = m.factories.actor(await m.factories.user(tree.institution, ['institution_operator']), tree.institution);
    city = m.factories.actor(await m.factories.user(tree.city, ['municipal_admin']), tree.city);
    dir = mkdtempSync(join(tmpdir(), 'cert-medium-sheets-'));
  });
  afterAll(async () => {
    await m.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const submissions = () => m.get(BatchSubmissionService);
  const version = async (id: number) => (await m.get(BatchQueryService).get(operator, id)).version;
  const refusal = (promise: Promise<unknown>): Promise<Record<string, unknown>> =>
    promise.then(
      () => ({}),
      (error: Record<string, unknown>) => error,
    );

  /** Uploads, submits and has the city return a one-record batch on the current day. */
  async function returnedBatch(issueDate: string, statement = false): Promise<number> {
    const path = join(dir, `s${(seed += 7)}.xlsx`);
    await writeSheet(
      path,
      [validRow(seed, { 发证日期: issueDate })],
      'skill_level',
      m.get(OccupationCatalogue).catalogue,
      m.clock.now(),
    );
    const up = await m
      .get(BatchImportService)
      .upload(operator, { path, originalName: 'r.xlsx', size: statSync(path).size }, 'skill_level', undefined);
    const sub = await submissions().submit(operator, up.id, up.version, statement ? STATEMENT : undefined);
    const ret = await m.get(ReviewsService).return(city, up.id, sub.version, '工种填写不规范');
    // 10 working days from 2026-11-03 (Guangdong, municipal return).
    expect(ret).toMatchObject({ status: 'returned', dueDate: '2026-11-17' });
    return up.id;
  }

  it('R-14, R-16: within the period a resubmission needs no statement even past the cutoff; after it the statement and the cutoff apply', async () => {
    // Upload due 2026-11-04: on time when first submitted, past its deadline by the resubmission.
    const onTimeThenLate = await returnedBatch('2026-10-05');
    const onTimeThenLate2 = await returnedBatch('2026-10-05');
    // Issued 2026-05-05: late when first submitted (with a statement), past the 6-month cutoff (2026-11-05) by the resubmission.
    const pastCutoff = await returnedBatch('2026-05-05', true);
    const pastCutoff2 = await returnedBatch('2026-05-05', true);

    m.clock.set(morningOf('2026-11-17'));
    expect(
      await submissions().submit(operator, onTimeThenLate, await version(onTimeThenLate), undefined),
    ).toMatchObject({
      status: 'municipal_review',
      lateSubmission: false,
    });
    // The first submission's lateness and statement stay on record.
    expect(await submissions().submit(operator, pastCutoff, await version(pastCutoff), undefined)).toMatchObject({
      lateSubmission: true,
      overdueStatement: { reason: STATEMENT.reason },
    });

    m.clock.set(morningOf('2026-11-18'));
    const lateCorrection = await refusal(
      submissions().submit(operator, onTimeThenLate2, await version(onTimeThenLate2), undefined),
    );
    expect(lateCorrection.code).toBe('BATCH_OVERDUE_STATEMENT_REQUIRED');
    expect(lateCorrection.message).toContain('更正期限（2026-11-17）已过');
    expect(
      await submissions().submit(operator, onTimeThenLate2, await version(onTimeThenLate2), STATEMENT),
    ).toMatchObject({
      status: 'municipal_review',
      lateSubmission: true,
    });
    const cutoffAfter = await refusal(
      submissions().submit(operator, pastCutoff2, await version(pastCutoff2), STATEMENT),
    );
    expect(cutoffAfter.code).toBe('BATCH_PAST_ACCEPTANCE_CUTOFF');
  });
});
