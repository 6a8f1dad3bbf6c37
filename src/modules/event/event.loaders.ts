/** Responsible for the per-request DataLoaders of the event domain. */
import type { Executor } from '../../neo4j/executor';
import { Label } from '../../neo4j/graph-schema';
import { nodeByIdLoader, relatedLoader } from '../shared/loaders';
import { toCluster } from '../cluster/cluster.repository';
import { toOrganization } from '../organization/organization.repository';
import { toProject } from '../project/project.repository';
import { toRegion } from '../region/region.repository';
import { eventPaths } from './event.cypher';
import { toEvent, toSpeaker } from './event.repository';

/** Builds the event loaders for one request; never share them across requests. */
export function createEventLoaders(executor: Executor) {
  return {
    byId: nodeByIdLoader(executor, Label.Event, toEvent),
    partOf: relatedLoader(executor, eventPaths.partOf, ({ node }) => toEvent(node)),
    parts: relatedLoader(executor, eventPaths.parts, ({ node }) => toEvent(node)),
    heldIn: relatedLoader(executor, eventPaths.heldIn, ({ node }) => toRegion(node)),
    organizers: relatedLoader(executor, eventPaths.organizers, ({ node }) => toOrganization(node)),
    speakers: relatedLoader(executor, eventPaths.speakers, ({ node, relationship }) => toSpeaker(relationship, node)),
    presentedClusters: relatedLoader(executor, eventPaths.presentedClusters, ({ node }) => toCluster(node)),
    presentedProjects: relatedLoader(executor, eventPaths.presentedProjects, ({ node }) => toProject(node)),
    agreementsSigned: relatedLoader(executor, eventPaths.agreementsSigned, ({ node }) => toProject(node)),
  };
}
export type EventLoaders = ReturnType<typeof createEventLoaders>;
