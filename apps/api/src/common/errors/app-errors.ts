import { DomainError } from '@app/domain';

/** Stable error codes raised by the API layer itself (domain rules raise their own DomainErrors). */
export const notFound = (what = '记录') => new DomainError('NOT_FOUND', `${what}不存在或不在您的管辖范围内`);
export const forbidden = (message = '您的角色无权执行此操作') => new DomainError('FORBIDDEN', message);
export const staleVersion = () => new DomainError('STALE_VERSION', '该记录已被他人修改，请刷新后重试');
export const badInput = (message: string, details?: unknown) => new DomainError('VALIDATION_FAILED', message, details);
