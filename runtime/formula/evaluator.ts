/**
 * Turns a checked formula tree into a tree of plain closures, once per formula.
 * Nothing is ever turned back into source text and run (no eval, no Function);
 * every operator and function was resolved to its implementation by type at
 * compile time, so evaluating is just calling closures.
 */
import type { Node } from './ast.js';
import { parseDateTime, parseDay } from './dates.js';
import { lookupFunction, type Thunk } from './functions.js';
import { resolveBinary, resolveUnary, truthy } from './operators.js';
import type { FormulaContext, ValueType } from './types.js';
import type { Value } from './values.js';

export interface Env {
  readonly record: Readonly<Record<string, unknown>>;
  readonly ctx: FormulaContext;
}

export type Evaluator = (env: Env) => Value;

/**
 * Reads a field as its declared type. Only the record's own properties are read
 * (never anything inherited), and a stored value of the wrong shape is blank,
 * so bad data cannot make a formula throw or leak an object.
 */
function readField(name: string, type: ValueType): Evaluator {
  return ({ record, ctx }) => {
    if (!Object.hasOwn(record, name)) return null;
    const raw = record[name];
    switch (type) {
      case 'number':
        return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
      case 'text':
        return typeof raw === 'string' ? raw : null;
      case 'boolean':
        return typeof raw === 'boolean' ? raw : null;
      case 'date':
        return typeof raw === 'string' && parseDay(raw) !== null ? raw : null;
      case 'datetime':
        return parseDateTime(raw, ctx.timeZone);
      case 'list':
        return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : null;
      case 'opaque':
        return { opaque: raw };
      case 'null':
        return null;
    }
  };
}

export function build(node: Node): Evaluator {
  switch (node.kind) {
    case 'literal': {
      const value = node.value;
      return () => value;
    }
    case 'field':
      return readField(node.name, node.type!);
    case 'unary': {
      const arg = build(node.arg);
      const { impl } = resolveUnary(node.op, node.arg.type!) as Exclude<ReturnType<typeof resolveUnary>, string>;
      return (env) => impl(arg(env));
    }
    case 'binary': {
      const left = build(node.left);
      const right = build(node.right);
      if (node.op === 'and') return (env) => truthy(left(env)) && truthy(right(env));
      if (node.op === 'or') return (env) => truthy(left(env)) || truthy(right(env));
      const { impl } = resolveBinary(node.op, node.left.type!, node.right.type!) as Exclude<ReturnType<typeof resolveBinary>, string>;
      return (env) => impl(left(env), right(env));
    }
    case 'call': {
      const { spec } = lookupFunction(node.name)!;
      const args = node.args.map(build);
      const impl = spec.bind(node.args.map((a) => a.type!), node.args);
      return (env) => {
        const thunks: Thunk[] = args.map((arg) => () => arg(env));
        return impl(thunks, env.ctx);
      };
    }
  }
}
