/**
 * The formula language of formula fields. See README.md in this folder for the
 * language itself (operators, functions, blank handling, time zones).
 */
export { compileFormula, parseFormula, type CompileOptions } from './compile.js';
export { formulaOrder, type OrderableField } from './order.js';
export { FormulaError, isFormulaError, type FormulaErrorCode } from './errors.js';
export { FUNCTION_NAMES } from './functions.js';
export { MAX_AST_DEPTH, MAX_EXPRESSION_LENGTH, MAX_NESTING, MAX_NODES } from './limits.js';
export type {
  CompiledFormula, FieldTypeDescriptor, FormulaContext, FormulaResultType, FormulaScope, ValueType,
} from './types.js';
