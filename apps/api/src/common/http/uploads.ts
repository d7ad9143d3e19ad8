import { join } from 'node:path';
import { type AppConfig, storageRoot } from '../../config/app-config';

/**
 * Multer's options for an upload endpoint: the file streams to a temporary file under the storage directory (one
 * place per deployment and per test suite, on the same file system as the stored files, not the system's /tmp),
 * stopped at `limits`. The services remove it when done; Nest removes it when a pipe refuses the request.
 */
export function uploadOptions(
  config: AppConfig,
  limits: { fileSize: number; files: number; fields: number; fieldSize?: number },
) {
  return { dest: join(storageRoot(config), 'incoming'), limits };
}
