/**
 * Responsible for refusing operation types the schema has no root for (this API answers
 * queries; it has no mutations or subscriptions). graphql-js 16 only finds out while
 * executing, and its error carries no code, so clients got INTERNAL_SERVER_ERROR.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { UnsupportedOperationError } from '../errors';

/** Refuses, before execution, an operation whose type has no root type in the schema. */
export function operationTypePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation }) {
          if (operation && !schema.getRootType(operation.operation)) throw new UnsupportedOperationError(operation.operation);
        },
      };
    },
  };
}
