import type { ComplaintAction, ComplaintDetail } from '@app/contracts';

/**
 * which step buttons the page shows. The API answers `actions` for the caller (the institution replies; the
 * centre closes or sends back; a dissolved institution's parent centre replies for it); the console only reads it.
 */
export function complaintCan(
  complaint: Pick<ComplaintDetail, 'actions'> | undefined,
  action: ComplaintAction,
): boolean {
  return complaint?.actions?.includes(action) ?? false;
}

/** The field each step sends its text in. */
const TEXT_FIELD: Record<ComplaintAction, 'reply' | 'note' | 'reason'> = {
  reply: 'reply',
  close: 'note',
  reopen: 'reason',
};

/** The body of 答复 / 办结 / 退回: the text as typed, without surrounding blanks, and the version seen. */
export function complaintCommandBody(action: ComplaintAction, values: { text?: unknown }, version: number) {
  const text = typeof values.text === 'string' ? values.text.trim() : '';
  return { [TEXT_FIELD[action]]: text, version };
}

/**
 * The create form's values as the API takes them: the certificate number is looked up into `certificateId` by its
 * input; blank optional fields are left out.
 */
export function complaintCreateBody(values: Record<string, unknown>) {
  const body: Record<string, unknown> = {};
  for (const key of ['holderName', 'contactPhone', 'content', 'channel', 'receivedOn'] as const) {
    const value = values[key];
    if (typeof value === 'string' && value.trim() !== '') body[key] = value.trim();
  }
  for (const key of ['institutionId', 'certificateId', 'batchId'] as const) {
    const value = values[key];
    if (value !== undefined && value !== null && value !== '') body[key] = Number(value);
  }
  return body;
}
