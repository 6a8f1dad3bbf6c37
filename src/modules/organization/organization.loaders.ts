/** Responsible for the per-request DataLoaders of the organization domain. */
import DataLoader from 'dataloader';
import type { Executor } from '../../neo4j/executor';
import { Label } from '../../neo4j/graph-schema';
import type { PlainValue } from '../../neo4j/mapping';
import { loadGrouped } from '../../neo4j/related';
import { nodeByIdLoader, relatedLoader } from '../shared/loaders';
import { toCluster } from '../cluster/cluster.repository';
import { toEvent } from '../event/event.repository';
import { toPerson } from '../person/person.repository';
import { toProgramme } from '../programme/programme.repository';
import type { Programme } from '../programme/programme.type';
import { toParticipation } from '../project/project.repository';
import { toRegion } from '../region/region.repository';
import { organizationPaths, organizationProgrammesCypher } from './organization.cypher';
import { toOrganization } from './organization.repository';

type Properties = Record<string, PlainValue>;

/** Builds the organization loaders for one request; never share them across requests. */
export function createOrganizationLoaders(executor: Executor) {
  return {
    byId: nodeByIdLoader(executor, Label.Organization, toOrganization),
    participations: relatedLoader(executor, organizationPaths.participations, ({ node, relationship }, organizationId) =>
      toParticipation(relationship, organizationId, String(node.id)),
    ),
    regions: relatedLoader(executor, organizationPaths.region, ({ node }) => toRegion(node)),
    people: relatedLoader(executor, organizationPaths.people, ({ node }) => toPerson(node)),
    coordinates: relatedLoader(executor, organizationPaths.coordinates, ({ node }) => toCluster(node)),
    organized: relatedLoader(executor, organizationPaths.organized, ({ node }) => toEvent(node)),
    programmes: new DataLoader<string, Programme[]>((ids) =>
      loadGrouped(executor, organizationProgrammesCypher, ids, (row) => (row.programmes as Properties[]).map(toProgramme), []),
    ),
  };
}
export type OrganizationLoaders = ReturnType<typeof createOrganizationLoaders>;
