/**
 * Bounds on what a formula may be. A formula runs on every save of every record,
 * and its text comes from a tenant admin, so size and nesting are capped before
 * anything recursive (jsep, the checker, the evaluator) touches it.
 */

/** Same cap as the entity schema's `expression.maxLength`; checked again because callers may skip the schema. */
export const MAX_EXPRESSION_LENGTH = 2000;

/**
 * Tokens nested inside each other (parentheses, call arguments, unary operators).
 * jsep recurses a handful of frames per level, so this is what keeps `((((…))))`
 * or `--------…1` from exhausting the stack.
 */
export const MAX_NESTING = 50;

/** Deepest path in the syntax tree; also catches long binary chains (`a+a+a+…`), which jsep builds without recursing. */
export const MAX_AST_DEPTH = 100;

/** Total syntax-tree nodes. */
export const MAX_NODES = 1000;

/** A text result longer than the longest text field is treated as blank rather than stored. */
export const MAX_TEXT_LENGTH = 100_000;
