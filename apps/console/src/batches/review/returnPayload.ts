export type ReturnMode = 'whole' | 'records';

export interface ReturnInput {
  version: number;
  reason: string;
  mode: ReturnMode;
  recordIds: readonly number[];
  /** Per-record reasons the reviewer typed; a record without one takes the batch reason. */
  recordReasons: Readonly<Record<number, string | undefined>>;
}

export interface ReturnBody {
  version: number;
  reason: string;
  records?: Array<{ id: number; reason: string }>;
}

const MIN_REASON = 2;

export function recordReason(input: Pick<ReturnInput, 'reason' | 'recordReasons'>, id: number): string {
  return input.recordReasons[id] ?? input.reason;
}

/** the `POST …/return` body, or the i18n key of the reason it cannot be sent yet. */
export function buildReturn(input: ReturnInput): { body: ReturnBody } | { problem: string } {
  const reason = input.reason.trim();
  if (reason.length < MIN_REASON) return { problem: 'app.review.problems.reason_required' };
  if (input.mode === 'whole') return { body: { version: input.version, reason } };
  if (input.recordIds.length === 0) return { problem: 'app.review.problems.no_records' };
  const records = input.recordIds.map((id) => ({ id, reason: recordReason(input, id).trim() }));
  if (records.some((r) => r.reason.length < MIN_REASON)) {
    return { problem: 'app.review.problems.record_reason_required' };
  }
  return { body: { version: input.version, reason, records } };
}
