/**
 * Responsible for building the GraphQL schema from the type-graphql classes, and for
 * printing it the one way the committed `schema/schema.graphql` is written.
 */
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type ClassType, type NonEmptyArray } from 'type-graphql';
import { AnalyticsResolver, ProgrammeSpanResolver } from './modules/analytics/analytics.resolver';
import { CallResolver } from './modules/call/call.resolver';
import { ClusterResolver } from './modules/cluster/cluster.resolver';
import { DatasetResolver } from './modules/dataset/dataset.resolver';
import { EventResolver } from './modules/event/event.resolver';
import { ExternalIdResolver } from './modules/external-id/external-id.resolver';
import { OrganizationResolver } from './modules/organization/organization.resolver';
import { PersonResolver } from './modules/person/person.resolver';
import { ProgrammeResolver } from './modules/programme/programme.resolver';
import { ProjectResolver } from './modules/project/project.resolver';
import { RegionResolver } from './modules/region/region.resolver';
import { RELATIONSHIP_RESOLVERS } from './modules/relationships/relationships';
import { ThemeResolver } from './modules/theme/theme.resolver';
import { fromRoot } from './paths';

/** Where the committed SDL lives; codegen reads it and a test checks it for drift. */
export const SCHEMA_FILE = fromRoot('schema', 'schema.graphql');

const resolvers = [
  AnalyticsResolver,
  ProgrammeSpanResolver,
  CallResolver,
  ClusterResolver,
  DatasetResolver,
  EventResolver,
  ExternalIdResolver,
  OrganizationResolver,
  PersonResolver,
  ProgrammeResolver,
  ProjectResolver,
  RegionResolver,
  ThemeResolver,
  ...RELATIONSHIP_RESOLVERS,
] as NonEmptyArray<ClassType>;

/** Builds the executable schema (validation of arguments is done by the resolvers' own checks). */
export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: false });
}

/** The SDL as committed: sorted so that it only changes when the schema does. */
export function printCommittedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
