import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

const NOT_BLANK = /\S/;
const REASON_MAX_LENGTH = 500;

// Formats and lengths of the 附件2 fields are checked by checkDataAdminRecord (422 with each field's problem); the
// DTOs only bound the input.

/** `POST /api/admin/data-administrators` (R-4, 附件2). */
export class RegisterDataAdministratorDto {
  @ApiProperty({ description: '数据管理员的账号（本中心在用的证书数据管理员）' })
  @IsInt()
  @Min(1)
  userId!: number;

  @ApiProperty({ example: '科员' })
  @IsString()
  @MaxLength(200)
  position!: string;

  @ApiProperty({ example: '020-83212345' })
  @IsString()
  @MaxLength(40)
  officePhone!: string;

  @ApiProperty({ example: '13812345678' })
  @IsString()
  @MaxLength(40)
  mobile!: string;

  @ApiPropertyOptional({ example: '123456789' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  qq?: string | null;

  @ApiProperty({ example: '020-83212300（工作日 9:00—17:00）', description: '证书查询问题咨询联系方式' })
  @IsString()
  @MaxLength(400)
  publicContact!: string;
}

/** `POST /api/admin/data-administrators/:id/approve`. */
export class ApproveDataAdministratorDto {
  @ApiProperty({ description: '用户看到的版本号（乐观锁）' })
  @IsInt()
  version!: number;
}

/** `POST /api/admin/data-administrators/:id/reject`. */
export class RejectDataAdministratorDto extends ApproveDataAdministratorDto {
  @ApiProperty({ example: '非本单位正式员工' })
  @IsString()
  @Matches(NOT_BLANK)
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;
}
