import { ValidateIf } from 'class-validator';
import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '@app/domain';

/** Chinese wording for class-validator constraints (the console shows `message` as is). */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  isString: '必须是文本',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是布尔值',
  isArray: '必须是列表',
  isIn: '取值不在允许范围内',
  isEnum: '取值不在允许范围内',
  isNotEmpty: '不能为空',
  maxLength: '过长',
  minLength: '过短',
  length: '长度不正确',
  matches: '格式不正确',
  min: '过小',
  max: '过大',
  isDateString: '应为 YYYY-MM-DD 日期',
  isISO8601: '应为 YYYY-MM-DD 日期',
  arrayMinSize: '至少需要一项',
  arrayMaxSize: '项数过多',
  arrayNotEmpty: '不能为空列表',
  isPositive: '必须为正数',
  isObject: '必须是对象',
  nestedValidation: '内容不正确',
};

function flatten(errors: ValidationError[], prefix = ''): { field: string; constraint: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.keys(e.constraints ?? {}).map((constraint) => ({ field, constraint }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Global pipe: DTO classes with whitelist + forbidNonWhitelisted, so wrong types and unknown fields are
 * a 400 with a Chinese message and a stable code.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      const unknown = problems.filter((p) => p.constraint === 'whitelistValidation');
      if (unknown.length > 0) {
        return new DomainError('UNKNOWN_FIELD', `不支持的字段：${unknown.map((p) => p.field).join('、')}`, {
          fields: unknown.map((p) => p.field),
        });
      }
      const text = problems
        .map(
          (p) =>
            `${p.field} ${Object.hasOwn(CONSTRAINT_MESSAGES, p.constraint) ? CONSTRAINT_MESSAGES[p.constraint] : '不正确'}`,
        )
        .join('；');
      return new DomainError('VALIDATION_FAILED', `输入有误：${text}`, { problems });
    },
  });
}

/**
 * Optional, but not null: a field that may be left out of an update, whose null would otherwise slip past
 * `@IsOptional()` (which lets both through) and reach the service as a value it cannot hold (400 instead).
 */
export const IsOptionalNotNull = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);
