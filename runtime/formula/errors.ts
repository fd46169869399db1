/**
 * Compile-time faults of a formula. They are returned, not thrown, so that the
 * definition compiler can collect every faulty field in one pass.
 */

export type FormulaErrorCode =
  | 'SYNTAX'
  | 'TOO_LONG'
  | 'TOO_DEEP'
  | 'TOO_LARGE'
  | 'UNSUPPORTED'
  | 'FORBIDDEN_NAME'
  | 'UNKNOWN_FIELD'
  | 'UNKNOWN_FUNCTION'
  | 'ARITY'
  | 'TYPE'
  | 'RESULT_TYPE'
  | 'CYCLE';

export class FormulaError extends Error {
  override readonly name = 'FormulaError';

  constructor(
    readonly code: FormulaErrorCode,
    /** What is wrong, without the position (the UI shows the position by highlighting). */
    readonly description: string,
    /** 0-based offset into the expression where the fault starts (the same convention as jsep). */
    readonly position: number,
    /** 0-based offset just past the faulty text, when known. */
    readonly end: number = position,
    /** The formula field at fault; set by `formulaOrder`, which looks at several fields at once. */
    readonly field?: string,
  ) {
    super(`${field ? `formula field "${field}": ` : ''}${description} (at character ${position})`);
  }
}

export function isFormulaError(value: unknown): value is FormulaError {
  return value instanceof FormulaError;
}

/**
 * Thrown inside the compiler's own passes and turned into a returned FormulaError
 * at the public boundary; keeps the passes free of error plumbing.
 */
export class FormulaFault {
  constructor(readonly error: FormulaError) {}
}

export function fail(code: FormulaErrorCode, description: string, position: number, end?: number): never {
  throw new FormulaFault(new FormulaError(code, description, position, end));
}
