/**
 * Every error code the system answers with. Each code is declared once: the domain's own in `domain.errors.ts` here,
 * each API feature's in its `<feature>.errors.ts` (with the HTTP status), which add their codes to this interface
 * by declaration merging. A code that nobody declared does not compile.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface ErrorCodes {}

export type ErrorCode = Extract<keyof ErrorCodes, string>;

/** Marks every key of an error table as a declared code (the value type of `ErrorCodes` is unused). */
export type Declares<Table> = { readonly [Code in keyof Table]: true };

/**
 * A business rule refused something. `code` is a declared, stable machine name the console and tests rely on;
 * `message` is the Chinese sentence the user reads. The API maps codes to HTTP statuses from the declarations
 * (apps/api/src/composition/error-registry.ts).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
