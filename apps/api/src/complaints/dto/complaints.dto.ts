import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import {
  COMPLAINT_CHANNELS,
  CONTENT_MAX_LENGTH,
  HOLDER_NAME_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  REPLY_MAX_LENGTH,
  type ComplaintChannel,
} from '@app/domain';

const NOT_BLANK = /\S/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** `POST /api/admin/complaints`. The phone's format is checked by the service (Chinese mobile or landline). */
export class CreateComplaintDto {
  @ApiProperty({ example: '张三', description: '持证人（投诉人）姓名' })
  @IsString()
  @Matches(NOT_BLANK)
  @MaxLength(HOLDER_NAME_MAX_LENGTH)
  holderName!: string;

  @ApiProperty({ example: '13812345678', description: '联系电话（手机号码或带区号的固定电话），加密保存、脱敏显示' })
  @IsString()
  @MaxLength(32)
  contactPhone!: string;

  @ApiPropertyOptional({ description: '所涉证书' })
  @IsOptional()
  @IsInt()
  @Min(1)
  certificateId?: number;

  @ApiPropertyOptional({ description: '所涉批次' })
  @IsOptional()
  @IsInt()
  @Min(1)
  batchId?: number;

  @ApiProperty({ description: '被投诉的评价机构' })
  @IsInt()
  @Min(1)
  institutionId!: number;

  @ApiProperty({ enum: COMPLAINT_CHANNELS })
  @IsIn(COMPLAINT_CHANNELS)
  channel!: ComplaintChannel;

  @ApiProperty({ example: '2026年9月取得的中式烹调师四级证书至今在全国联网查询系统中查不到' })
  @IsString()
  @Matches(NOT_BLANK)
  @MaxLength(CONTENT_MAX_LENGTH)
  content!: string;

  @ApiPropertyOptional({ example: '2026-11-20', description: '受理日期，不晚于今天；默认今天' })
  @IsOptional()
  @Matches(ISO_DATE)
  receivedOn?: string;
}

/** `POST /api/admin/complaints/:id/reply`. */
export class ReplyComplaintDto {
  @ApiProperty({ example: '该证书数据已于11月24日补报，待审核通过后即可查询' })
  @IsString()
  @Matches(NOT_BLANK)
  @MaxLength(REPLY_MAX_LENGTH)
  reply!: string;

  @ApiProperty({ description: '用户看到的版本号（乐观锁）' })
  @IsInt()
  version!: number;
}

/** `POST /api/admin/complaints/:id/close`. */
export class CloseComplaintDto {
  @ApiProperty({ example: '经核实证书数据已可查询，已电话告知投诉人' })
  @IsString()
  @Matches(NOT_BLANK)
  @MaxLength(NOTE_MAX_LENGTH)
  note!: string;

  @ApiProperty({ description: '用户看到的版本号（乐观锁）' })
  @IsInt()
  version!: number;
}

/** `POST /api/admin/complaints/:id/reopen`. */
export class ReopenComplaintDto {
  @ApiProperty({ example: '答复未说明补报时间，请补充' })
  @IsString()
  @Matches(NOT_BLANK)
  @MaxLength(NOTE_MAX_LENGTH)
  reason!: string;

  @ApiProperty({ description: '用户看到的版本号（乐观锁）' })
  @IsInt()
  version!: number;
}
