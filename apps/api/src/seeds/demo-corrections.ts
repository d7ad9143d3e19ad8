import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AttachmentPurpose } from '@app/domain';
import { AttachmentsService } from '../attachments/attachments.service';
import type { Actor } from '../common/actor/actor';
import { CorrectionsService } from '../corrections/corrections.service';
import { Organisation } from '../organisations/entities/organisation.entity';
import { User } from '../users/entities/user.entity';
import { pdfFile } from './demo-files';

const WORK_ORDER_MODULE = '职业技能等级认定监管';

/**
 * a freshly loaded demo gets correction requests at every stage — waiting at the city, the province and
 * the national centre, a work order, a deletion, one returned and one applied (so a certificate shows two versions) —
 * filed and decided through the application's own service by the demo accounts, with real PDF papers.
 */
export async function fileDemoCorrections(app: INestApplicationContext): Promise<number> {
  const dataSource = app.get(DataSource);
  const corrections = app.get(CorrectionsService);
  const dir = mkdtempSync(join(tmpdir(), 'demo-papers-'));
  let papers = 0;
  const actor = async (username: string): Promise<Actor> => {
    const user = await dataSource.getRepository(User).findOneByOrFail({ username });
    const organisation = await dataSource.getRepository(Organisation).findOneByOrFail({ id: user.organisationId });
    return {
      userId: user.id,
      username,
      displayName: user.displayName,
      roles: user.roles,
      organisationId: organisation.id,
      organisationPath: organisation.path,
      organisationLevel: organisation.level,
      ip: '',
    };
  };
  const paper = async (who: Actor, purpose: AttachmentPurpose, name: string): Promise<number> => {
    papers += 1;
    const path = join(dir, `paper-${papers}.pdf`);
    const bytes = pdfFile(`demo ${purpose} ${papers}`);
    writeFileSync(path, bytes);
    return (await app.get(AttachmentsService).upload(who, { path, originalName: name, size: bytes.length }, purpose))
      .id;
  };
  /** Published, visible certificates of an institution no flag names, oldest first. */
  const certificates = async (institutionUser: Actor, status: string, count: number) => {
    const rows: { id: number | string; holderName: string }[] = await dataSource.query(
      `SELECT c.id AS id, c.holder_name AS holderName FROM certificates c
       WHERE c.institution_id = ? AND c.status = ? AND (c.lookup_status IS NULL OR c.lookup_status = 'visible')
         AND NOT EXISTS (SELECT 1 FROM flag_certificates fc WHERE fc.certificate_id = c.id)
       ORDER BY c.id LIMIT ${count}`,
      [institutionUser.organisationId, status],
    );
    return rows.map((r) => ({ id: Number(r.id), holderName: r.holderName }));
  };

  try {
    const [gz1, sz1, gz2, cd1] = await Promise.all(['inst_gz1', 'inst_sz1', 'inst_gz2', 'inst_cd1'].map(actor));
    const [gzAdmin, szAdmin, cdAdmin, gdReviewer, natReviewer] = await Promise.all(
      ['gz_admin', 'sz_admin', 'cd_admin', 'gd_reviewer', 'nat_reviewer'].map(actor),
    );
    const gzPublished = await certificates(gz1, 'published', 3);
    const szPublished = await certificates(sz1, 'published', 1);
    const gz2Published = await certificates(gz2, 'published', 1);
    const cdPublished = await certificates(cd1, 'published', 1);
    const gzInReview = await certificates(gz1, 'in_review', 1);
    let filed = 0;
    const erratum = async (who: Actor, certificateId: number, changes: Record<string, string>, reason: string) => {
      filed += 1;
      return corrections.create(who, {
        certificateId,
        type: 'modify',
        changes,
        reason,
        attachmentIds: [await paper(who, 'erratum_statement', '数据勘误说明（附件5-1）.pdf')],
      });
    };
    const renamed = (name: string) => `${name.slice(0, -1)}${name.endsWith('华') ? '明' : '华'}`;

    // Waiting at the city (广州 data administrator).
    if (gzPublished[0]) {
      await erratum(gz1, gzPublished[0].id, { admissionTicket: 'ZKZ2026GZ0001' }, '准考证号录入错误，按准考证存根更正');
    }
    // Waiting at the province.
    if (gzPublished[1]) {
      const r = await erratum(
        gz1,
        gzPublished[1].id,
        { holderName: renamed(gzPublished[1].holderName) },
        '考生姓名录入错误，按身份证更正',
      );
      await corrections.approve(gzAdmin, r.id, r.version);
    }
    // Waiting at the national centre.
    if (szPublished[0]) {
      const r = await erratum(sz1, szPublished[0].id, { workType: '粤菜烹调' }, '工种名称漏填，按考核方案补正');
      const m = await corrections.approve(szAdmin, r.id, r.version);
      await corrections.approve(gdReviewer, r.id, m.version);
    }
    // Applied: the certificate shows version 2.
    if (gzPublished[2]) {
      const r = await erratum(gz1, gzPublished[2].id, { admissionTicket: 'ZKZ2026GZ0003' }, '准考证号与考务系统不一致');
      const m = await corrections.approve(gzAdmin, r.id, r.version);
      const p = await corrections.approve(gdReviewer, r.id, m.version);
      await corrections.approve(natReviewer, r.id, p.version);
    }
    // Returned by 成都 to its institution.
    if (cdPublished[0]) {
      const r = await erratum(cd1, cdPublished[0].id, { admissionTicket: 'ZKZ2026CD0001' }, '准考证号录入错误');
      await corrections.returnToRequester(cdAdmin, r.id, r.version, '勘误说明未加盖评价机构公章，请补充后重新提交');
    }
    // A deletion asked by 广东 of the national centre.
    if (gz2Published[0]) {
      filed += 1;
      await corrections.create(gdReviewer, {
        certificateId: gz2Published[0].id,
        type: 'delete',
        reason: '持证人书面承诺放弃该证书及相关待遇，申请删除',
        attachmentIds: [await paper(gdReviewer, 'holder_commitment', '证书持有人承诺书（附件5-2）.pdf')],
      });
    }
    // An urgent work order on data in review.
    if (gzInReview[0]) {
      filed += 1;
      await corrections.create(gz1, {
        certificateId: gzInReview[0].id,
        type: 'modify',
        changes: { admissionTicket: 'ZKZ2026GZ0099' },
        reason: '上报后发现准考证号错误',
        attachmentIds: [await paper(gz1, 'work_order', '运维管理变更申请表（附件4）.pdf')],
        workOrder: {
          urgency: 'urgent',
          changeType: 'data_modification',
          module: WORK_ORDER_MODULE,
          reason: '上报后发现准考证号错误',
        },
      });
    }
    return filed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
