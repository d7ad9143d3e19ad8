import type { Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** Uploads and the batch workflow. */
export const BATCH_ERRORS = defineErrors({
  BATCH_WRONG_STATE: { status: 422, message: '批次当前状态不允许此操作' },
  BATCH_PAST_ACCEPTANCE_CUTOFF: { status: 422, message: '有证书自发证日期起已超过 6 个月，原则上不予受理' },
  BATCH_OVERDUE_STATEMENT_REQUIRED: {
    status: 422,
    message: '有证书已超过上报期限，请填写《逾期上报情况说明》后再提交',
  },
  IMPORT_NO_FILE: { status: 422, message: '请选择要上传的 Excel 文件（.xlsx）' },
  IMPORT_DUPLICATE_FILE: { status: 409, message: '该文件已上传过，同一文件不能重复上传' },
  IMPORT_VALIDATION_FAILED: { status: 422, message: '导入失败，未保存任何数据，请下载错误报告修改后重新上传' },
  IMPORT_NOT_XLSX: { status: 422, message: '文件不是有效的 Excel（.xlsx）文件，请使用平台下载的导入模板填写后上传' },
  IMPORT_FOREIGN_TEMPLATE: { status: 422, message: '不是本平台生成的导入模板，请下载最新的导入模板填写后重新上传' },
  IMPORT_TEMPLATE_KIND_MISMATCH: { status: 422, message: '导入模板的证书类别与所选类别不一致' },
  IMPORT_ZIP_BOMB: { status: 422, message: '文件结构异常，已拒绝处理' },
  IMPORT_FORMULA_CELL: { status: 422, message: '文件中含有公式，请只填写数值或文字' },
  IMPORT_EMPTY: { status: 422, message: '文件中没有数据' },
  IMPORT_TOO_MANY_ROWS: { status: 422, message: '文件行数超过上限' },
  IMPORT_FILE_TOO_LARGE: { status: 413, message: '上传文件过大，超过系统允许的上限' },
  IMPORT_UNREADABLE: { status: 422, message: '文件无法读取' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof BATCH_ERRORS> {}
}
