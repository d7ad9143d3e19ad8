import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'gd_reviewer' })
  @IsString()
  @MaxLength(64)
  username!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(128)
  password!: string;

  @ApiPropertyOptional({ description: '已启用两步验证时必填：6 位动态码' })
  @IsOptional()
  @IsString()
  @MaxLength(6)
  totpCode?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(128)
  currentPassword!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(128)
  newPassword!: string;
}

/** starting TOTP enrolment is a sensitive change of one's account, so it asks for the current password. */
export class TotpSetupDto {
  @ApiProperty({ description: '当前登录密码（确认本人操作）' })
  @IsString()
  @MaxLength(128)
  currentPassword!: string;
}

/** Enabling or disabling TOTP: the current password and a code from the authenticator. */
export class TotpCodeDto extends TotpSetupDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Length(6, 6)
  code!: string;
}
