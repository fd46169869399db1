import { DuplicateKeyError } from '../port.js';

interface ServerErrorLike {
  code?: number;
  keyValue?: Record<string, unknown>;
  keyPattern?: Record<string, unknown>;
  errmsg?: string;
  message?: string;
  writeErrors?: ServerErrorLike[] | ServerErrorLike;
  errorResponse?: { writeErrors?: ServerErrorLike[] };
}

function findDuplicate(e: ServerErrorLike | undefined, depth = 0): ServerErrorLike | undefined {
  if (!e || depth > 3) return undefined;
  if (e.code === 11000 || e.code === 11001) return e;
  const nested = Array.isArray(e.writeErrors) ? e.writeErrors : e.writeErrors ? [e.writeErrors] : e.errorResponse?.writeErrors ?? [];
  for (const w of nested) {
    const d = findDuplicate((w as { err?: ServerErrorLike }).err ?? w, depth + 1);
    if (d) return d;
  }
  return undefined;
}

/** Maps MongoDB's E11000 (also inside bulk/transaction errors) to the port's DuplicateKeyError. */
export function mapDuplicate(e: unknown): unknown {
  const dup = findDuplicate(e as ServerErrorLike);
  if (!dup) return e;
  const text = dup.errmsg ?? dup.message ?? '';
  const name = /index: (\S+) dup key/.exec(text)?.[1] ?? Object.keys(dup.keyPattern ?? {}).map((k) => `${k}_1`).join('_');
  return new DuplicateKeyError(name || 'unknown', dup.keyValue ?? {});
}

export async function mapped<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw mapDuplicate(e);
  }
}
