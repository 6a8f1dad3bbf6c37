/** Responsible for the per-request DataLoaders of the cluster domain. */
import DataLoader from 'dataloader';
import type { Executor } from '../../neo4j/executor';
import { Label } from '../../neo4j/graph-schema';
import type { PlainValue } from '../../neo4j/mapping';
import { loadGrouped } from '../../neo4j/related';
import { nodeByIdLoader, relatedLoader } from '../shared/loaders';
import { toEvent } from '../event/event.repository';
import { toOrganization } from '../organization/organization.repository';
import { toProgramme } from '../programme/programme.repository';
import type { Programme } from '../programme/programme.type';
import { toProject } from '../project/project.repository';
import { toRegion } from '../region/region.repository';
import { toThematicArea } from '../theme/theme.repository';
import { clusterPaths, clusterProgrammesCypher } from './cluster.cypher';
import { toCluster } from './cluster.repository';

type Properties = Record<string, PlainValue>;

/** Builds the cluster loaders for one request; never share them across requests. */
export function createClusterLoaders(executor: Executor) {
  return {
    byId: nodeByIdLoader(executor, Label.Cluster, toCluster),
    members: relatedLoader(executor, clusterPaths.members, ({ node }) => toProject(node)),
    programmes: new DataLoader<string, Programme[]>((ids) =>
      loadGrouped(executor, clusterProgrammesCypher, ids, (row) => (row.programmes as Properties[]).map(toProgramme), []),
    ),
    supportedBy: relatedLoader(executor, clusterPaths.supportedBy, ({ node }) => toProgramme(node)),
    coordinators: relatedLoader(executor, clusterPaths.coordinators, ({ node }) => toOrganization(node)),
    regions: relatedLoader(executor, clusterPaths.region, ({ node }) => toRegion(node)),
    themes: relatedLoader(executor, clusterPaths.themes, ({ node }) => toThematicArea(node)),
    presentedAt: relatedLoader(executor, clusterPaths.presentedAt, ({ node }) => toEvent(node)),
  };
}
export type ClusterLoaders = ReturnType<typeof createClusterLoaders>;
