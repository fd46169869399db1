/** Hand-written because the condition schema is recursive (FromSchema cannot follow $ref cycles). */
export type ConditionOperator =
  | 'equal' | 'notEqual' | 'lessThan' | 'lessThanInclusive' | 'greaterThan'
  | 'greaterThanInclusive' | 'in' | 'notIn' | 'contains' | 'doesNotContain'
  | 'isEmpty' | 'isNotEmpty';

export interface FactCondition {
  fact: string;
  operator: ConditionOperator;
  value?: unknown;
  path?: string;
  params?: Record<string, unknown>;
}

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | FactCondition;
