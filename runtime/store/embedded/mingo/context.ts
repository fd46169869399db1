import { Context, ProcessingMode, evalExpr } from 'mingo/core';
import * as accumulatorOps from 'mingo/operators/accumulator';
import * as expressionOps from 'mingo/operators/expression';
import * as pipelineOps from 'mingo/operators/pipeline';
import * as projectionOps from 'mingo/operators/projection';
import * as queryOps from 'mingo/operators/query';
import * as windowOps from 'mingo/operators/window';
import type { Iterator } from 'mingo/lazy';
import type { AnyObject, Options } from 'mingo/types';
import type { Collation } from '../../port.js';
import { stringCompareFor } from '../compare.js';
import { Canonicalizer, collationExpressionOps, collationQueryOps } from './collation.js';
import { datePartOps } from './date-parts.js';
import { dateTrunc } from './date-trunc.js';
import { type ForeignSource, makeLookup } from './lookup.js';

export interface MingoSetup {
  collation?: Collation;
  /** Collections of the same tenant, for `$lookup`, `$unionWith`, `$graphLookup`. */
  foreign?: ForeignSource;
}

const GROUP_KEY = '$__canonicalGroupKey';

/**
 * Builds mingo options for one query: our fixes are installed as operator
 * overrides in a complete per-call context (use with `mingo/query` and
 * `mingo/aggregator`, which take the context as given), scripts
 * are disabled, and foreign collections resolve only within the tenant.
 */
export function mingoOptions(setup: MingoSetup): Partial<Options> {
  const cmp = setup.collation ? stringCompareFor(setup.collation) : null;
  // $group keys go through a canonicalizer per stage: missing -> null, and
  // strings equal under the collation collapse to the first one seen.
  const canonicalizers: Canonicalizer[] = [];
  const expression: Record<string, unknown> = {
    ...datePartOps,
    $dateTrunc: dateTrunc,
    [GROUP_KEY]: (obj: AnyObject, e: { stage: number; id: unknown }, o: Options) =>
      canonicalizers[e.stage].canon(evalExpr(obj, e.id, o)),
  };
  const pipeline: Record<string, unknown> = {
    $group: (coll: Iterator, expr: AnyObject, options: Options) => {
      canonicalizers.push(new Canonicalizer(cmp));
      const id = { [GROUP_KEY]: { stage: canonicalizers.length - 1, id: expr._id } };
      return pipelineOps.$group(coll, { ...expr, _id: id }, options);
    },
  };
  if (setup.foreign) pipeline.$lookup = makeLookup(setup.foreign, cmp);
  const query = cmp ? collationQueryOps(cmp) : {};
  if (cmp) Object.assign(expression, collationExpressionOps(cmp));
  const foreign = setup.foreign;
  return {
    // mingo's own Context.from keeps the first definition of an operator, so
    // overrides are merged here and the result is used with the base classes.
    context: Context.init({
      accumulator: { ...accumulatorOps },
      expression: { ...expressionOps, ...expression },
      pipeline: { ...pipelineOps, ...pipeline },
      projection: { ...projectionOps },
      query: { ...queryOps, ...query },
      window: { ...windowOps },
    } as never),
    collation: setup.collation ? { locale: setup.collation.locale, strength: setup.collation.strength } : undefined,
    scriptEnabled: false,
    processingMode: ProcessingMode.CLONE_OFF,
    collectionResolver: foreign ? (name: string) => foreign.all(name) : undefined,
  };
}
