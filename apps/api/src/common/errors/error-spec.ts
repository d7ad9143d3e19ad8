import type { ErrorCode } from '@app/domain';

/** The JSON body of every error reply (ARCHITECTURE.md HTTP contract). */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Finds the declaration of a code; undefined for a code nobody declared (a programming error). */
export type ErrorLookup = (code: string) => ErrorSpec | undefined;

/** A declared error: its HTTP status and the default Chinese sentence (call sites may give a more precise one). */
export interface ErrorSpec {
  readonly status: number;
  readonly message: string;
}

/**
 * Declares a feature's error codes (`<feature>.errors.ts`). The file also adds the codes to `ErrorCodes` of
 * @app/domain, so `new DomainError(code, …)` compiles only for declared codes, and composition/error-registry.ts lists the table.
 */
export function defineErrors<const Table extends Record<string, ErrorSpec>>(table: Table): Table {
  return table;
}
