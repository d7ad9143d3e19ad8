import { useCallback, useState } from 'react';
import { useTranslate, type HttpError } from 'react-admin';
import { apiErrorCode } from '../../providers/httpClient';
import type { UploadCallbacks } from '../../providers/transfer';
import type { ImportFailure } from '@app/contracts';

export type SheetUploadState =
  | { phase: 'idle' }
  /** `percent` is null when the browser cannot tell the total. */
  | { phase: 'uploading'; percent: number | null }
  /** All bytes sent; the server streams and validates the sheet. */
  | { phase: 'validating' }
  /** 422 IMPORT_VALIDATION_FAILED: row-level errors and an error report. */
  | { phase: 'refused'; failure: ImportFailure }
  /** A file-level refusal (not an .xlsx, foreign template, too large, duplicate …) or a network error. */
  | { phase: 'failed'; message: string };

/** Runs an upload (new batch or corrected sheet) and tracks its progress and outcome for the page to show. */
export function useSheetUpload() {
  const translate = useTranslate();
  const [state, setState] = useState<SheetUploadState>({ phase: 'idle' });

  const run = useCallback(
    async <T>(send: (callbacks: UploadCallbacks) => Promise<T>): Promise<T | undefined> => {
      setState({ phase: 'uploading', percent: 0 });
      try {
        const reply = await send({
          onProgress: ({ loaded, total }) =>
            setState((current) =>
              current.phase === 'uploading'
                ? { phase: 'uploading', percent: total > 0 ? Math.round((loaded * 100) / total) : null }
                : current,
            ),
          onSent: () => setState({ phase: 'validating' }),
        });
        setState({ phase: 'idle' });
        return reply;
      } catch (error) {
        if (apiErrorCode(error) === 'IMPORT_VALIDATION_FAILED') {
          setState({ phase: 'refused', failure: (error as HttpError).body as ImportFailure });
        } else {
          const message = (error as Error).message;
          setState({ phase: 'failed', message: translate(message, { _: message }) });
        }
        return undefined;
      }
    },
    [translate],
  );

  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  const busy = state.phase === 'uploading' || state.phase === 'validating';
  return { state, run, reset, busy };
}
