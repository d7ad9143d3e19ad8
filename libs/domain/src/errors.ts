/**
 * A business rule refused something. `code` is a stable machine name the console and tests rely on;
 * `message` is the Chinese sentence the user reads. The API maps codes to HTTP statuses in one place
 * (apps/api/src/common/errors/domain-error.filter.ts).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
