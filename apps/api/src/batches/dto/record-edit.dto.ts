import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';

const OptionalText = (max: number) => applyDecorators(ApiPropertyOptional(), IsOptional(), IsString(), MaxLength(max));
/** A label as in the template (三级/高级工, 男 …) or its numeric code. */
const OptionalCode = () =>
  applyDecorators(
    ApiPropertyOptional(),
    IsOptional(),
    ValidateIf((_, v) => typeof v !== 'number'),
    IsString(),
    MaxLength(32),
  );

/**
 * Editing a record of a draft or returned batch. Fields take what the template takes; an omitted field keeps
 * its value, an omitted idNumber keeps the stored (encrypted) one.
 */
export class EditCertificateDto {
  @ApiProperty()
  @IsInt()
  version!: number;

  @ApiProperty({ example: '更正证件号码录入错误' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;

  @OptionalText(40) holderName?: string;
  @OptionalCode() idType?: string | number;
  @OptionalText(40) idNumber?: string;
  @OptionalCode() gender?: string | number;
  @OptionalText(10) birthDate?: string;
  @OptionalCode() education?: string | number;
  @OptionalText(16) occupationCode?: string;
  @OptionalText(60) occupationName?: string;
  @OptionalText(60) workType?: string;
  @OptionalCode() level?: string | number;
  @OptionalText(40) certificateNumber?: string;
  @OptionalText(10) issueDate?: string;
  @OptionalText(40) admissionTicket?: string;
  @OptionalCode() theoryScore?: string | number;
  @OptionalCode() practicalScore?: string | number;
  @OptionalCode() comprehensiveScore?: string | number;
  @OptionalCode() result?: string | number;
}
