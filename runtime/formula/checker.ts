/**
 * Resolves names and infers types over the formula tree, bottom-up. Every fault
 * is reported with the offsets of the text at fault. After this pass each node
 * carries its `type`, which the evaluator relies on.
 */
import type { Node } from './ast.js';
import { parseDay } from './dates.js';
import { fail } from './errors.js';
import { ArgProblem, FUNCTION_NAMES, lookupFunction } from './functions.js';
import { resolveBinary, resolveUnary } from './operators.js';
import { valueTypeOf, type FormulaScope, type ValueType } from './types.js';

function closest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  for (const c of candidates) if (c.toLowerCase() === lower) return c;
  return undefined;
}

/**
 * A text literal such as "2026-03-31" next to a date in an operator is read as a
 * date: there is no date literal syntax, and `closeDate > "2026-03-31"` is how
 * people write it. Only valid 'YYYY-MM-DD' literals, only beside a date.
 */
function dateLiteral(node: Node, type: ValueType, other: ValueType): ValueType {
  if (other === 'date' && type === 'text' && node.kind === 'literal' && typeof node.value === 'string' && parseDay(node.value) !== null) {
    node.type = 'date';
    return 'date';
  }
  return type;
}

export function check(node: Node, scope: FormulaScope): ValueType {
  node.type = infer(node, scope);
  return node.type;
}

function infer(node: Node, scope: FormulaScope): ValueType {
  switch (node.kind) {
    case 'literal':
      if (node.value === null) return 'null';
      return typeof node.value === 'number' ? 'number' : typeof node.value === 'string' ? 'text' : 'boolean';

    case 'field': {
      const descriptor = scope.fields.get(node.name);
      if (descriptor === undefined) {
        if (lookupFunction(node.name)) fail('UNKNOWN_FIELD', `"${node.name}" is a function; call it as ${node.name.toUpperCase()}(…)`, node.start, node.end);
        const hint = closest(node.name, scope.fields.keys());
        return fail('UNKNOWN_FIELD', `unknown field "${node.name}"${hint ? ` (did you mean "${hint}"?)` : ''}`, node.start, node.end);
      }
      const type = valueTypeOf(descriptor);
      if (!type) return fail('TYPE', `field "${node.name}" has a type formulas cannot read`, node.start, node.end);
      return type;
    }

    case 'unary': {
      const arg = check(node.arg, scope);
      const o = resolveUnary(node.op, arg);
      if (typeof o === 'string') return fail('TYPE', o, node.start, node.end);
      return o.result;
    }

    case 'binary': {
      const left = check(node.left, scope);
      const right = check(node.right, scope);
      if (node.op === 'and' || node.op === 'or') {
        for (const [side, t] of [[node.left, left], [node.right, right]] as const) {
          if (t !== 'boolean' && t !== 'null') fail('TYPE', `"${node.opText}" needs true/false on both sides, not ${t}`, side.start, side.end);
        }
        return 'boolean';
      }
      const o = resolveBinary(node.op, dateLiteral(node.left, left, right), dateLiteral(node.right, right, left));
      if (typeof o === 'string') return fail('TYPE', o, node.opStart, node.opStart + node.opText.length);
      return o.result;
    }

    case 'call': {
      const found = lookupFunction(node.name);
      if (!found) {
        const isField = scope.fields.has(node.name);
        return fail(
          'UNKNOWN_FUNCTION',
          isField ? `"${node.name}" is a field, not a function` : `unknown function "${node.name}"; available: ${FUNCTION_NAMES.join(', ')}`,
          node.start,
          node.start + node.name.length,
        );
      }
      const { name, spec } = found;
      const count = node.args.length;
      if (count < spec.minArgs || count > spec.maxArgs) {
        const expected =
          spec.minArgs === spec.maxArgs ? `${spec.minArgs}` :
          spec.maxArgs === Infinity ? `at least ${spec.minArgs}` : `${spec.minArgs} to ${spec.maxArgs}`;
        fail('ARITY', `${name} takes ${expected} argument${/(^| )1$/.test(expected) ? '' : 's'}, got ${count}: ${spec.usage}`, node.start, node.end);
      }
      const types = node.args.map((arg) => check(arg, scope));
      try {
        return spec.type(name, types, node.args);
      } catch (e) {
        if (e instanceof ArgProblem) {
          const arg = node.args[e.index]!;
          return fail('TYPE', e.message, arg.start, arg.end);
        }
        throw e;
      }
    }
  }
}
