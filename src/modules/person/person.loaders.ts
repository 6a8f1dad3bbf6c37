/** Responsible for the per-request DataLoaders of the person domain. */
import type { Executor } from '../../neo4j/executor';
import { Label } from '../../neo4j/graph-schema';
import { nodeByIdLoader, relatedLoader } from '../shared/loaders';
import { personPaths } from './person.cypher';
import { toEmployment, toPerson, toTalk } from './person.repository';

/** Builds the person loaders for one request; never share them across requests. */
export function createPersonLoaders(executor: Executor) {
  return {
    byId: nodeByIdLoader(executor, Label.Person, toPerson),
    worksFor: relatedLoader(executor, personPaths.worksFor, ({ node, relationship }) => toEmployment(relationship, node)),
    spokeAt: relatedLoader(executor, personPaths.spokeAt, ({ node, relationship }) => toTalk(relationship, node)),
  };
}
export type PersonLoaders = ReturnType<typeof createPersonLoaders>;
