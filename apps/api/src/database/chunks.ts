/** Values per IN list or multi-row statement: well under both drivers' placeholder limits. */
export const STATEMENT_CHUNK = 500;

/** `values` in consecutive slices of at most `size`. */
export function chunks<T>(values: readonly T[], size = STATEMENT_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** Runs `query` over `keys` a chunk at a time, one after another, and joins the rows. */
export async function queryInChunks<K, R>(keys: readonly K[], query: (chunk: K[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const part of chunks(keys)) out.push(...(await query(part)));
  return out;
}
