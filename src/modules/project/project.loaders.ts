/** Responsible for the per-request DataLoaders of the project domain. */
import type { Executor } from '../../neo4j/executor';
import { Label } from '../../neo4j/graph-schema';
import { nodeByIdLoader, relatedLoader } from '../shared/loaders';
import { toCluster } from '../cluster/cluster.repository';
import { toEvent } from '../event/event.repository';
import { toProgramme } from '../programme/programme.repository';
import { toRegion } from '../region/region.repository';
import { toThematicArea } from '../theme/theme.repository';
import { projectPaths } from './project.cypher';
import { toParticipation, toProject } from './project.repository';

/** Builds the project loaders for one request; never share them across requests. */
export function createProjectLoaders(executor: Executor) {
  return {
    byId: nodeByIdLoader(executor, Label.Project, toProject),
    programmes: relatedLoader(executor, projectPaths.programme, ({ node }) => toProgramme(node)),
    participants: relatedLoader(executor, projectPaths.participants, ({ node, relationship }, projectId) =>
      toParticipation(relationship, String(node.id), projectId),
    ),
    regions: relatedLoader(executor, projectPaths.regions, ({ node }) => toRegion(node)),
    themes: relatedLoader(executor, projectPaths.themes, ({ node }) => toThematicArea(node)),
    clusters: relatedLoader(executor, projectPaths.clusters, ({ node }) => toCluster(node)),
    presentedAt: relatedLoader(executor, projectPaths.presentedAt, ({ node }) => toEvent(node)),
    agreementSignedAt: relatedLoader(executor, projectPaths.agreementSignedAt, ({ node }) => toEvent(node)),
  };
}
export type ProjectLoaders = ReturnType<typeof createProjectLoaders>;
