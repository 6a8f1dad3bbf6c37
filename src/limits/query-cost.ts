/**
 * Responsible for the cost estimate of a GraphQL operation: roughly how many values the
 * server would resolve, multiplying list sizes down the tree, computed from the document
 * and its variables before anything runs.
 */
import {
  getNullableType,
  isListType,
  isObjectType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { QueryTooComplexError } from '../errors';
// The page a paged field returns without `first` is what the cost assumes for it.
import { DEFAULT_PAGE_SIZE } from '../modules/shared/page-size';

/** Items assumed for a list field that takes no `first` (a relationship list such as `Project.partners`). */
export const ASSUMED_LIST_SIZE = 10;

/**
 * Field selections the estimate walks at most. Fragments can expand a small document
 * exponentially (each spread is walked again), so the walk itself needs a bound.
 */
export const MAX_ESTIMATED_FIELDS = 10_000;

// A connection's `nodes` and `edges` carry the page its parent field already multiplied by `first`.
function isConnectionType(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'pageInfo' in fields && ('nodes' in fields || 'edges' in fields);
}

function returnsList(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}

/** How many times a field's selection is resolved per parent value. */
function multiplier(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, parent: GraphQLNamedType): number {
  if (field.args.some((argument) => argument.name === 'first') || isConnectionType(getNamedType(field.type))) {
    // Negative values are refused when the field runs; here they must not lower the total.
    return typeof args.first === 'number' ? Math.max(0, args.first) : DEFAULT_PAGE_SIZE;
  }
  if (returnsList(field.type)) return isConnectionType(parent) ? 1 : ASSUMED_LIST_SIZE;
  return 1;
}

function costEstimator(maximum: number): ComplexityEstimator {
  let estimated = 0;
  return ({ field, args, childComplexity, type }) => {
    estimated += 1;
    if (estimated > MAX_ESTIMATED_FIELDS) {
      throw new QueryTooComplexError('cost', maximum, null, `it expands to more than ${MAX_ESTIMATED_FIELDS} field selections`);
    }
    // Introspection (the playground's schema query) is answered from memory, not from Neo4j.
    if (field.name.startsWith('__')) return 0;
    return 1 + multiplier(field, args, type) * childComplexity;
  };
}

/**
 * Estimated cost of the operation: 1 per field, times `first` (default 20) below a paged field
 * and times 10 below other list fields. A connection's `totalCount` and `pageInfo` are
 * multiplied with its items: a small overestimate that keeps the rule one line. Returns null when the variables are invalid, which
 * execution then reports without running any statement. Throws QueryTooComplexError when the
 * document expands beyond MAX_ESTIMATED_FIELDS selections.
 */
export function estimateQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  maximum: number,
): number | null {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [costEstimator(maximum)],
      // Our estimator bounds the walk itself (MAX_ESTIMATED_FIELDS) and says so in our error code.
      maxQueryNodes: Number.POSITIVE_INFINITY,
    });
  } catch (error) {
    if (error instanceof QueryTooComplexError) throw error;
    return null;
  }
}

/** Variable sets remembered per document; a client varying its variables evicts the oldest. */
const COSTS_PER_DOCUMENT = 64;

/**
 * `estimateQueryCost` remembered per parsed document (Apollo hands the same DocumentNode to
 * every request with the same query text) and variables: dashboards repeat the same few
 * requests, and the estimate walk cost ~0.4 ms of each. Entries die with the document.
 * One estimator serves one schema (one server); a document parsed once is never shared
 * between schemas.
 */
export function createCostEstimator(): typeof estimateQueryCost {
  const costs = new WeakMap<DocumentNode, Map<string, number | null>>();
  return (schema, document, variables, operationName, maximum) => {
    let known = costs.get(document);
    if (!known) {
      known = new Map();
      costs.set(document, known);
    }
    const key = JSON.stringify([operationName ?? null, maximum, variables ?? null]);
    if (known.has(key)) return known.get(key)!;
    const cost = estimateQueryCost(schema, document, variables, operationName, maximum);
    if (known.size >= COSTS_PER_DOCUMENT) known.delete(known.keys().next().value!);
    known.set(key, cost);
    return cost;
  };
}
