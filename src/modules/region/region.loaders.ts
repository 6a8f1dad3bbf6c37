/** Responsible for the per-request DataLoaders of the region domain. */
import DataLoader from 'dataloader';
import type { Executor } from '../../neo4j/executor';
import { Label } from '../../neo4j/graph-schema';
import type { PlainValue } from '../../neo4j/mapping';
import { loadGrouped } from '../../neo4j/related';
import { nodeByIdLoader, relatedLoader } from '../shared/loaders';
import { toCluster } from '../cluster/cluster.repository';
import { toEvent } from '../event/event.repository';
import { toOrganization } from '../organization/organization.repository';
import { toProgramme } from '../programme/programme.repository';
import { toProject } from '../project/project.repository';
import {
  regionAncestorsCypher,
  regionPaths,
  regionProgrammesCypher,
  regionTreeOrganizationsCypher,
  regionTreeProjectsCypher,
} from './region.cypher';
import { toRegion } from './region.repository';

type Properties = Record<string, PlainValue>;

// The custom statements in region.cypher.ts all return `id` and its group as `nodes`.
function groupedNodesLoader<T>(executor: Executor, cypher: string, map: (node: Properties) => T) {
  return new DataLoader<string, T[]>((ids) =>
    loadGrouped(executor, cypher, ids, (row) => (row.nodes as Properties[]).map(map), []),
  );
}

/** Builds the region loaders for one request; never share them across requests. */
export function createRegionLoaders(executor: Executor) {
  return {
    byId: nodeByIdLoader(executor, Label.Region, toRegion),
    parent: relatedLoader(executor, regionPaths.parent, ({ node }) => toRegion(node)),
    children: relatedLoader(executor, regionPaths.children, ({ node }) => toRegion(node)),
    ancestors: groupedNodesLoader(executor, regionAncestorsCypher, toRegion),
    projects: relatedLoader(executor, regionPaths.projects, ({ node }) => toProject(node)),
    projectsWithSubRegions: groupedNodesLoader(executor, regionTreeProjectsCypher, toProject),
    organizations: relatedLoader(executor, regionPaths.organizations, ({ node }) => toOrganization(node)),
    organizationsWithSubRegions: groupedNodesLoader(executor, regionTreeOrganizationsCypher, toOrganization),
    programmes: groupedNodesLoader(executor, regionProgrammesCypher, toProgramme),
    clusters: relatedLoader(executor, regionPaths.clusters, ({ node }) => toCluster(node)),
    events: relatedLoader(executor, regionPaths.events, ({ node }) => toEvent(node)),
  };
}
export type RegionLoaders = ReturnType<typeof createRegionLoaders>;
