/**
 * The formula syntax tree, and the whitelist that turns jsep's JavaScript-shaped
 * tree into it. Only the node kinds below exist; member access (`a.b`, `a[b]`),
 * `this`, arrays, sequences and anything a jsep plugin might add are refused
 * here, so no later pass ever sees them. That — not string filtering — is why
 * `__proto__`/`constructor` tricks cannot reach an object's prototype: there is
 * no syntax for reaching into a value at all.
 */
import type { ParsedNode } from './parser.js';
import { fail } from './errors.js';
import { MAX_AST_DEPTH, MAX_NODES } from './limits.js';
import type { ValueType } from './types.js';

export type UnaryOp = 'neg' | 'plus' | 'not';
export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

interface Span {
  readonly start: number;
  readonly end: number;
  /** Set by the type checker. */
  type?: ValueType;
}

export type Node =
  | (Span & { readonly kind: 'literal'; readonly value: string | number | boolean | null })
  | (Span & { readonly kind: 'field'; readonly name: string })
  | (Span & { readonly kind: 'unary'; readonly op: UnaryOp; readonly arg: Node })
  | (Span & { readonly kind: 'binary'; readonly op: BinaryOp; readonly opText: string; readonly opStart: number; readonly left: Node; readonly right: Node })
  | (Span & { readonly kind: 'call'; readonly name: string; readonly args: readonly Node[] });

const UNARY: Record<string, UnaryOp> = { '-': 'neg', '+': 'plus', '!': 'not', NOT: 'not' };

const BINARY: Record<string, BinaryOp> = {
  '+': '+', '-': '-', '*': '*', '/': '/', '%': '%',
  '=': '=', '==': '=', '!=': '!=', '<>': '!=',
  '<': '<', '<=': '<=', '>': '>', '>=': '>=',
  '&&': 'and', AND: 'and', '||': 'or', OR: 'or',
};

/**
 * Names no formula may use even if a caller's scope declares them: they are the
 * handles JavaScript offers onto prototypes. (Field reads are own-property reads
 * anyway; this makes the intent explicit and the error message clear.)
 */
export function isForbiddenName(name: string): boolean {
  return name.startsWith('__') || name === 'constructor' || name === 'prototype';
}

interface Walk {
  readonly source: string;
  nodes: number;
}

/** jsep leaves trailing spaces inside a token's end offset; trim them so highlights are tight. */
function trimEnd(source: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(source.charAt(e - 1))) e--;
  return e;
}

function startOf(node: ParsedNode): number {
  if (typeof node.start === 'number') return node.start;
  if (node.type === 'BinaryExpression') return startOf(node.left as ParsedNode);
  return 0;
}

function endOf(walk: Walk, node: ParsedNode): number {
  if (typeof node.end === 'number') return trimEnd(walk.source, startOf(node), node.end);
  if (node.type === 'BinaryExpression') return endOf(walk, node.right as ParsedNode);
  return startOf(node);
}

function convert(walk: Walk, raw: ParsedNode, depth: number): Node {
  const start = startOf(raw);
  const end = endOf(walk, raw);
  if (depth > MAX_AST_DEPTH) fail('TOO_DEEP', `the formula nests more than ${MAX_AST_DEPTH} levels deep`, start, end);
  if (++walk.nodes > MAX_NODES) fail('TOO_LARGE', `the formula has more than ${MAX_NODES} parts`, start, end);

  switch (raw.type) {
    case 'Literal': {
      const value = raw.value;
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) fail('SYNTAX', `the number ${String(raw.raw)} is too large`, start, end);
        return { kind: 'literal', value, start, end };
      }
      if (typeof value === 'string' || typeof value === 'boolean' || value === null) {
        return { kind: 'literal', value, start, end };
      }
      return fail('UNSUPPORTED', 'this kind of literal is not supported', start, end);
    }
    case 'Identifier': {
      const name = raw.name as string;
      if (isForbiddenName(name)) fail('FORBIDDEN_NAME', `"${name}" is a reserved name and cannot be used in a formula`, start, end);
      return { kind: 'field', name, start, end };
    }
    case 'UnaryExpression': {
      const op = UNARY[raw.operator as string];
      if (!op || !Object.hasOwn(UNARY, raw.operator as string)) fail('UNSUPPORTED', `operator "${String(raw.operator)}" is not supported`, start, end);
      return { kind: 'unary', op, arg: convert(walk, raw.argument as ParsedNode, depth + 1), start, end };
    }
    case 'BinaryExpression': {
      const opText = raw.operator as string;
      if (!Object.hasOwn(BINARY, opText)) fail('UNSUPPORTED', `operator "${opText}" is not supported`, start, end);
      const left = convert(walk, raw.left as ParsedNode, depth + 1);
      const right = convert(walk, raw.right as ParsedNode, depth + 1);
      const found = walk.source.indexOf(opText, left.end);
      const opStart = found >= 0 && found < right.start ? found : left.end;
      return { kind: 'binary', op: BINARY[opText], opText, opStart, left, right, start, end };
    }
    case 'CallExpression': {
      const callee = raw.callee as ParsedNode;
      if (callee.type === 'MemberExpression') {
        fail('UNSUPPORTED', 'methods and property access are not supported; call a formula function such as UPPER(text)', start, end);
      }
      if (callee.type !== 'Identifier') fail('UNSUPPORTED', 'only formula functions can be called, e.g. ROUND(amount, 2)', start, end);
      const name = callee.name as string;
      const args = (raw.arguments as ParsedNode[]).map((arg) => convert(walk, arg, depth + 1));
      return { kind: 'call', name, args, start, end };
    }
    case 'MemberExpression':
      return fail('UNSUPPORTED', 'property access (`.` or `[]`) is not supported; refer to fields by their API name', start, end);
    case 'ThisExpression':
      return fail('UNSUPPORTED', '"this" is not supported; refer to fields by their API name', start, end);
    case 'ArrayExpression':
      return fail('UNSUPPORTED', 'lists (`[...]`) are not supported', start, end);
    case 'SequenceExpression':
      return fail('UNSUPPORTED', 'commas may only separate the arguments of a function', start, end);
    case 'Compound': {
      const body = raw.body as ParsedNode[];
      if (body.length === 0) return fail('SYNTAX', 'the formula is empty', 0);
      const second = body[1]!;
      return fail('SYNTAX', 'expected an operator: a formula is a single expression', startOf(second), endOf(walk, second));
    }
    default:
      return fail('UNSUPPORTED', `unsupported syntax (${raw.type})`, start, end);
  }
}

/** Turns a parsed expression into the formula tree, refusing everything outside the language. */
export function toFormulaAst(source: string, parsed: ParsedNode): Node {
  return convert({ source, nodes: 0 }, parsed, 0);
}

/** Field names a tree reads, each once, in order of first use. */
export function fieldNames(node: Node, into: string[] = []): string[] {
  switch (node.kind) {
    case 'field':
      if (!into.includes(node.name)) into.push(node.name);
      break;
    case 'unary':
      fieldNames(node.arg, into);
      break;
    case 'binary':
      fieldNames(node.left, into);
      fieldNames(node.right, into);
      break;
    case 'call':
      for (const arg of node.args) fieldNames(arg, into);
      break;
    case 'literal':
      break;
  }
  return into;
}

/** The first place a tree reads `name`, for pointing at a reference (e.g. in a cycle). */
export function findField(node: Node, name: string): Node | undefined {
  switch (node.kind) {
    case 'field':
      return node.name === name ? node : undefined;
    case 'unary':
      return findField(node.arg, name);
    case 'binary':
      return findField(node.left, name) ?? findField(node.right, name);
    case 'call':
      for (const arg of node.args) {
        const hit = findField(arg, name);
        if (hit) return hit;
      }
      return undefined;
    case 'literal':
      return undefined;
  }
}
