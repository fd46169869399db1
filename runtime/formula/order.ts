/**
 * formulaOrder: the order in which an entity's formula fields must be computed
 * so that a formula reading another formula sees its fresh value. A cycle
 * (including a formula reading itself) is reported with the path and the
 * position of the reference that closes it.
 */
import { fieldNames, findField, type Node } from './ast.js';
import { parseFormula } from './compile.js';
import { FormulaError } from './errors.js';

/** A field as formulaOrder needs it; a FieldDefinition fits. */
export interface OrderableField {
  readonly name: string;
  readonly type: string;
  readonly expression?: string;
}

/**
 * Names of the formula fields, each after every formula field it reads, otherwise
 * in definition order. Non-formula fields are ignored. Returns a FormulaError for
 * a formula that does not parse or for a cycle.
 */
export function formulaOrder(fields: Iterable<OrderableField>): string[] | FormulaError {
  const formulas = new Map<string, { tree: Node; reads: string[] }>();
  for (const field of fields) {
    if (field.type !== 'formula') continue;
    const parsed = parseFormula(field.expression ?? '');
    if (parsed instanceof FormulaError) {
      return new FormulaError(parsed.code, parsed.description, parsed.position, parsed.end, field.name);
    }
    formulas.set(field.name, { tree: parsed, reads: fieldNames(parsed) });
  }

  const order: string[] = [];
  const done = new Set<string>();
  const path: string[] = []; // the chain being visited, to name a cycle

  // Depth-first; depth is bounded by the number of formula fields (≤ 500 per entity).
  const visit = (name: string): FormulaError | undefined => {
    if (done.has(name)) return undefined;
    const at = path.indexOf(name);
    if (at >= 0) {
      const cycle = [...path.slice(at), name];
      const from = cycle[cycle.length - 2]!;
      const ref = findField(formulas.get(from)!.tree, name);
      return new FormulaError(
        'CYCLE',
        `formula fields refer to each other in a cycle: ${cycle.join(' → ')}`,
        ref?.start ?? 0,
        ref?.end ?? 0,
        from,
      );
    }
    path.push(name);
    for (const dep of formulas.get(name)!.reads) {
      if (!formulas.has(dep)) continue;
      const error = visit(dep);
      if (error) return error;
    }
    path.pop();
    done.add(name);
    order.push(name);
    return undefined;
  };

  for (const name of formulas.keys()) {
    const error = visit(name);
    if (error) return error;
  }
  return order;
}
