/**
 * Responsible for refusing over-large GraphQL requests before any statement runs: the
 * token, depth, alias, directive and cost limits, wired into Apollo Server, each refusal
 * reported as QUERY_TOO_COMPLEX naming the limit, its value and what was measured.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { operationTypePlugin } from './operation-type';
import { GraphQLError, parse, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { QueryTooComplexError, type QueryLimitName } from '../errors';
import { createCostEstimator } from './query-cost';

export interface QueryLimits {
  /** Lexical tokens in the query text (names, punctuation, values). */
  maxTokens: number;
  /** Nesting of selections; `{ projects { nodes { id } } }` is 3. */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Estimated values resolved (see query-cost.ts). */
  maxCost: number;
}

/** Defaults: the example operations and the playground stay far below them (see query-limits.test.ts). */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxTokens: 2_000,
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 20,
  maxCost: 20_000,
};

/** Transaction timeout of a request's statements unless QUERY_TIMEOUT_MS says otherwise. */
export const DEFAULT_QUERY_TIMEOUT_MS = 5_000;

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

// Armor reports "…limit of 12 exceeded, found 20." (exposeLimits); the number found is our measurement.
const ARMOR_FOUND = /found (\d+)\.?$/;

/** Armor's rejection callback, rewritten to report our typed error on the validation context. */
function reportAs(limit: QueryLimitName, maximum: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = ARMOR_FOUND.exec(error.message);
    context?.reportError(new QueryTooComplexError(limit, maximum, found ? Number(found[1]) : null));
  };
}

/** Armor's depth, alias and directive rules, reporting QueryTooComplexError instead of throwing. */
function armorValidationRules(limits: QueryLimits): ValidationRule[] {
  const protection = (limit: QueryLimitName, n: number) => ({ n, exposeLimits: true, propagateOnRejection: false, onReject: [reportAs(limit, n)] });
  const config: ArmorConfig = {
    maxDepth: protection('depth', limits.maxDepth),
    maxAliases: protection('aliases', limits.maxAliases),
    maxDirectives: protection('directives', limits.maxDirectives),
    // Armor's token plugin throws from `parsingDidStart`, which Apollo 5 treats as an internal
    // error (HTTP 500); graphql-js's own `maxTokens` parse option does the same count cleanly.
    maxTokens: { enabled: false },
    // Armor's cost limit cannot multiply by `first`; query-cost.ts does.
    costLimit: { enabled: false },
    // Hiding "Did you mean …" suggestions is a separate decision (issue 6).
    blockFieldSuggestion: { enabled: false },
  };
  return new ApolloArmor(config).protect().validationRules;
}

/**
 * The message graphql-js gives when its `maxTokens` parse option stops the parser, taken from
 * graphql-js itself (its wording is not part of its API; 16.x even spells it "more that").
 */
function tokenLimitSyntaxError(maxTokens: number): string {
  try {
    parse(`{${' a'.repeat(maxTokens)} }`, { maxTokens });
  } catch (error) {
    if (error instanceof GraphQLError) return error.message;
  }
  throw new Error(`graphql-js did not stop parsing at ${maxTokens} tokens: the token limit cannot be enforced`);
}

/**
 * Apollo re-labels what parsing and validation rules raise (GRAPHQL_PARSE_FAILED,
 * GRAPHQL_VALIDATION_FAILED); this puts our limit errors back, so clients get one code.
 */
function limitErrorsPlugin(limits: QueryLimits): ApolloServerPlugin {
  const tokenLimitMessage = tokenLimitSyntaxError(limits.maxTokens);
  const estimateCost = createCostEstimator();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation }) {
          // Without an operation Apollo refuses the request itself; there is nothing to estimate.
          if (!operation) return;
          const cost = estimateCost(schema, document, request.variables, operation.name?.value, limits.maxCost);
          if (cost !== null && cost > limits.maxCost) throw new QueryTooComplexError('cost', limits.maxCost, cost);
        },
        async didEncounterErrors(requestContext) {
          // Apollo formats this same array after the hook returns, so replacing entries in place
          // is how a plugin changes what the client receives (src/limits/query-limits.test.ts proves it).
          const errors = requestContext.errors as GraphQLError[];
          errors.forEach((error, index) => {
            if (error.originalError instanceof QueryTooComplexError) {
              errors[index] = error.originalError;
            } else if (error.originalError?.message === tokenLimitMessage || error.message === tokenLimitMessage) {
              // The parser stops at the first token over the limit, so that is all we counted.
              errors[index] = new QueryTooComplexError('tokens', limits.maxTokens, limits.maxTokens + 1, 'counting stops at the first token over the limit');
            }
          });
        },
      };
    },
  };
}

/** The Apollo Server options that enforce `limits`; spread them into the server's options. */
export function queryLimitOptions(limits: QueryLimits = DEFAULT_QUERY_LIMITS): {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
} {
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: armorValidationRules(limits),
    plugins: [limitErrorsPlugin(limits), operationTypePlugin()],
  };
}
