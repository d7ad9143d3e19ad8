import type { AttachmentContentType, AttachmentPurpose } from '@app/domain';

// Attachments' JSON shapes (`/api/admin/attachments…`, R-24): scanned statements, commitments and work orders that
// back correction and deletion requests.

export { ATTACHMENT_PURPOSES, type AttachmentContentType, type AttachmentPurpose } from '@app/domain';

/** What an attachment is, by the paper forms of the notice (its 附件4, 附件5-1, 附件5-2; form titles as printed). */
export const ATTACHMENT_PURPOSE_LABELS: Record<AttachmentPurpose, string> = {
  erratum_statement: '职业技能等级证书全国联网查询系统数据勘误说明（附件5-1）',
  holder_commitment: '证书持有人承诺书（附件5-2）',
  // The notice names it 技能等级认定需求工单; the printed form is titled 运维管理变更申请表.
  work_order: '技能等级认定需求工单（附件4）',
  other: '其他材料',
};

/** Short names for tables and chips. */
export const ATTACHMENT_PURPOSE_SHORT_LABELS: Record<AttachmentPurpose, string> = {
  erratum_statement: '数据勘误说明（附件5-1）',
  holder_commitment: '持证人承诺书（附件5-2）',
  work_order: '需求工单（附件4）',
  other: '其他材料',
};

export const ATTACHMENT_CONTENT_TYPE_LABELS: Record<AttachmentContentType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
};

/**
 * `POST /api/admin/attachments` reply (201), `GET /api/admin/attachments/:id` and a row of `GET
 * /api/admin/attachments` (react-admin list; filters `purpose`, `organisationId`, `q` on the file name, `id` for
 * getMany). The bytes: `GET /api/admin/attachments/:id/content`.
 */
export interface AttachmentView {
  id: number;
  purpose: AttachmentPurpose;
  /** The name the file was uploaded with (UTF-8, shown as is). */
  fileName: string;
  /** Bytes. */
  size: number;
  /** Lower-case hex SHA-256 of the uploaded bytes. */
  sha256: string;
  /** Decided from the content, never from the name or the browser's declared type. */
  contentType: AttachmentContentType;
  /** The uploader's organisation, which the attachment belongs to. */
  organisationId: number;
  organisationName: string | null;
  uploadedById: number;
  uploadedByName: string | null;
  /** ISO 8601 UTC. */
  uploadedAt: string;
}
