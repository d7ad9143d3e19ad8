import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ATTACHMENT_PURPOSES, type AttachmentPurpose } from '@app/domain';

/** The multipart fields beside `file`. */
export class UploadAttachmentDto {
  @ApiProperty({
    enum: ATTACHMENT_PURPOSES,
    description:
      'erratum_statement 附件5-1 数据勘误说明；holder_commitment 附件5-2 证书持有人承诺书；work_order 附件4 需求工单；other 其他',
  })
  @IsIn(ATTACHMENT_PURPOSES)
  purpose!: AttachmentPurpose;
}
